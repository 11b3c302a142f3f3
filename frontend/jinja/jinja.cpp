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

// Syntax errors are PRS002; evaluation errors (and limits) PRS003.
const char* ruleOf(const TemplateError& error) {
  return error.phase == TemplateError::Phase::Syntax ? "PRS002" : "PRS003";
}

// A failure of reading the template (not UTF-8, a syntax error): reported by every render.
struct ReadFailure {
  std::string ruleId;
  ir::SourceLocation location;
  std::string message;
};

} // namespace

struct ParsedTemplate {
  std::string path;
  std::string text;
  std::optional<Body> body; // nothing when `failure` says why
  ReadFailure failure;
};

std::shared_ptr<const ParsedTemplate>
parseForRenders(const std::string& path, const std::string& text, const RenderLimits& limits) {
  auto parsed = std::make_shared<ParsedTemplate>();
  parsed->path = path;
  parsed->text = text;
  if (auto bad = frontend::firstInvalidUtf8(text)) {
    parsed->failure = {"PRS002", ir::SourceLocation{path, bad->first, bad->second},
                       "the template is not UTF-8 text: invalid byte sequence"};
    return parsed;
  }
  try {
    parsed->body =
        parseTemplate(tokenize(normalizeSource(text)), ParseLimits{limits.maxRecursionDepth});
  } catch (const TemplateError& error) {
    parsed->failure = {ruleOf(error), locationOf(path, error.position), error.what()};
  }
  return parsed;
}

namespace {

// Both render modes: `recorder` null renders plainly.
std::optional<std::string> renderParsed(const ParsedTemplate& parsed, const Value& context,
                                        ir::Diagnostics& diagnostics, const RenderLimits& limits,
                                        SymbolicRecorder* recorder) {
  diagnostics.registerSource(parsed.path, parsed.text);
  if (!context.isDict()) {
    diagnostics.error("PRS003", ir::SourceLocation{parsed.path, 0, 0},
                      "the rendering context must be a mapping of names to values");
    return std::nullopt;
  }
  if (!parsed.body) {
    diagnostics.error(parsed.failure.ruleId, parsed.failure.location, parsed.failure.message);
    return std::nullopt;
  }
  try {
    std::string output = recorder ? renderBodySymbolic(*parsed.body, context, limits, *recorder)
                                  : renderBody(*parsed.body, context, limits);
    if (auto reindented = reindentBlocks(std::move(output)))
      return reindented;
    diagnostics.error("PRS003", ir::SourceLocation{parsed.path, 0, 0},
                      "the template prints a \\x02 block marker without its \\x03 end; Proton's "
                      "renderer fails on such output");
    return std::nullopt;
  } catch (const TemplateError& error) {
    diagnostics.error(ruleOf(error), locationOf(parsed.path, error.position), error.what());
    return std::nullopt;
  }
}

} // namespace

std::optional<std::string> render(const std::string& path, const std::string& text,
                                  const Value& context, ir::Diagnostics& diagnostics,
                                  const RenderLimits& limits) {
  return renderParsed(*parseForRenders(path, text, limits), context, diagnostics, limits, nullptr);
}

std::optional<SymbolicRender> renderSymbolic(const ParsedTemplate& parsed, const Value& context,
                                             ir::Diagnostics& diagnostics,
                                             const RenderLimits& limits,
                                             const GuardChoices& choices,
                                             const std::set<std::string>& concreteLoops) {
  SymbolicRecorder recorder(choices, concreteLoops);
  auto output = renderParsed(parsed, context, diagnostics, limits, &recorder);
  if (!output)
    return std::nullopt;
  return recorder.finish(std::move(*output));
}

std::optional<SymbolicRender> renderSymbolic(const std::string& path, const std::string& text,
                                             const Value& context, ir::Diagnostics& diagnostics,
                                             const RenderLimits& limits,
                                             const GuardChoices& choices,
                                             const std::set<std::string>& concreteLoops) {
  return renderSymbolic(*parseForRenders(path, text, limits), context, diagnostics, limits, choices,
                        concreteLoops);
}

} // namespace pm::jinja
