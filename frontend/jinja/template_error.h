// The one error type inside the engine: thrown where Jinja would raise, caught by render() and
// turned into a PRS002 (syntax) or PRS003 (render) diagnostic at its position.
#pragma once

#include <stdexcept>
#include <string>

namespace pm::jinja {

// 1-based line and column (in bytes) of a construct in the template text.
struct Position {
  int line = 1;
  int column = 1;
};

struct TemplateError : std::runtime_error {
  enum class Phase { Syntax, Render };
  TemplateError(Phase phase, Position position, std::string message)
      : std::runtime_error(message), phase(phase), position(position) {}
  Phase phase;
  Position position;
};

[[noreturn]] inline void syntaxError(Position position, std::string message) {
  throw TemplateError(TemplateError::Phase::Syntax, position, std::move(message));
}

[[noreturn]] inline void renderError(Position position, std::string message) {
  throw TemplateError(TemplateError::Phase::Render, position, std::move(message));
}

} // namespace pm::jinja
