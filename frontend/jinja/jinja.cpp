// render(): lex, parse, evaluate and re-indent, turning engine errors into diagnostics.
#include "frontend/jinja/jinja.h"

#include "frontend/jinja/evaluator.h"
#include "frontend/jinja/lexer.h"
#include "frontend/jinja/parser.h"
#include "frontend/jinja/proton_filters.h"
#include "frontend/text_lines.h"

namespace pm::jinja {

namespace {

ir::SourceLocation locationOf(const std::string& path, Position position) {
  return ir::SourceLocation{path, position.line, position.column};
}

// Both render modes: `recorder` null renders plainly.
std::optional<std::string> renderWith(const std::string& path, const std::string& text,
                                      const Value& context, ir::Diagnostics& diagnostics,
                                      const RenderLimits& limits, SymbolicRecorder* recorder) {
  diagnostics.registerSource(path, text);
  if (!context.isDict()) {
    diagnostics.error("PRS003", ir::SourceLocation{path, 0, 0},
                      "the rendering context must be a mapping of names to values");
    return std::nullopt;
  }
  if (auto bad = frontend::firstInvalidUtf8(text)) {
    diagnostics.error("PRS002", ir::SourceLocation{path, bad->first, bad->second},
                      "the template is not UTF-8 text: invalid byte sequence");
    return std::nullopt;
  }
  try {
    std::string source = normalizeSource(text);
    Body body = parseTemplate(tokenize(source), ParseLimits{limits.maxRecursionDepth});
    std::string output = recorder ? renderBodySymbolic(body, context, limits, *recorder)
                                  : renderBody(body, context, limits);
    if (auto reindented = reindentBlocks(std::move(output)))
      return reindented;
    diagnostics.error("PRS003", ir::SourceLocation{path, 0, 0},
                      "the template prints a \\x02 block marker without its \\x03 end; Proton's "
                      "renderer fails on such output");
    return std::nullopt;
  } catch (const TemplateError& error) {
    bool syntax = error.phase == TemplateError::Phase::Syntax;
    diagnostics.error(syntax ? "PRS002" : "PRS003", locationOf(path, error.position), error.what());
    return std::nullopt;
  }
}

} // namespace

std::optional<std::string> render(const std::string& path, const std::string& text,
                                  const Value& context, ir::Diagnostics& diagnostics,
                                  const RenderLimits& limits) {
  return renderWith(path, text, context, diagnostics, limits, nullptr);
}

std::optional<SymbolicRender> renderSymbolic(const std::string& path, const std::string& text,
                                             const Value& context, ir::Diagnostics& diagnostics,
                                             const RenderLimits& limits,
                                             const GuardChoices& choices,
                                             const std::set<std::string>& concreteLoops) {
  SymbolicRecorder recorder(choices, concreteLoops);
  auto output = renderWith(path, text, context, diagnostics, limits, &recorder);
  if (!output)
    return std::nullopt;
  return recorder.finish(std::move(*output));
}

} // namespace pm::jinja
