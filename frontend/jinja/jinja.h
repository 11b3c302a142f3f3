// Public face of the Jinja engine: Proton's rendering of a template text with a data tree.
// Semantics are those of Python Jinja2 with default settings, StrictUndefined, and Proton's
// four custom filters, so that the output equals what Proton deployed byte for byte.
#pragma once

#include "frontend/jinja/symbolic.h"
#include "frontend/jinja/value.h"
#include "ir/diagnostics.h"

#include <memory>
#include <optional>
#include <string>

namespace pm::jinja {

// Bounds that keep a hostile template from running away with time or memory.
struct RenderLimits {
  int maxRecursionDepth = 200;
  std::int64_t maxLoopIterations = 1'000'000;
  std::size_t maxOutputBytes = 64u << 20;
  // When set, the loop iterations of several renders count together against
  // maxLoopIterations: parametric mode renders one template once per guard, and a heavy loop
  // times 64 renders must not become 64 times the work.
  std::int64_t* sharedIterations = nullptr;
};

// Renders `text` (read from `path`, used in diagnostics) with the top-level names of `context`
// (a dict). Syntax errors are reported as PRS002, render errors (undefined names, failing
// filters, limits) as PRS003, each at the file:line:col of the construct. Returns nothing when an
// error was reported.
std::optional<std::string> render(const std::string& path, const std::string& text,
                                  const Value& context, ir::Diagnostics& diagnostics,
                                  const RenderLimits& limits = {});

// A template checked (UTF-8) and parsed once for several renders: parametric mode renders a
// part once per guard it flips. A template that does not parse gives each render its error.
struct ParsedTemplate;
std::shared_ptr<const ParsedTemplate>
parseForRenders(const std::string& path, const std::string& text, const RenderLimits& limits = {});

// Parametric mode: renders like render(), except that symbolic values of `context`
// (symbolicReference) print as sentinel tokens; constructs that inspect a symbolic value use its
// concrete value and are listed as fallbacks. With no symbolic value the text equals render()'s.
// A symbolic `if`, `elif` or inline `if` whose test is a condition the model can hold is a
// guard site: it takes the branch `choices` gives its key, else its concrete branch.
std::optional<SymbolicRender> renderSymbolic(const std::string& path, const std::string& text,
                                             const Value& context, ir::Diagnostics& diagnostics,
                                             const RenderLimits& limits = {},
                                             const GuardChoices& choices = {},
                                             const std::set<std::string>& concreteLoops = {});
std::optional<SymbolicRender> renderSymbolic(const ParsedTemplate& parsed, const Value& context,
                                             ir::Diagnostics& diagnostics,
                                             const RenderLimits& limits = {},
                                             const GuardChoices& choices = {},
                                             const std::set<std::string>& concreteLoops = {});

} // namespace pm::jinja
