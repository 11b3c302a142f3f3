// Rendering a bundle part with Proton's data tree.
#include "frontend/render.h"

#include "frontend/cloudformation/cloudformation_reader.h"
#include "frontend/jinja/jinja.h"
#include "frontend/rendered_line_map.h"

#include <algorithm>

namespace pm::frontend {

namespace {
constexpr const char* kNothingToRender = "PRS013";
}

std::optional<std::string> renderPart(const Bundle& bundle, const RenderRequest& request,
                                      ir::Diagnostics& diagnostics) {
  const BundlePart* part = bundle.part(request.part);
  if (!part) {
    diagnostics.error(kNothingToRender, {bundle.files.displayRoot(), 0, 0},
                      std::string("this ") + bundleKindName(bundle.kind) + " bundle has no " +
                          partRoleName(request.part) + " part");
    return std::nullopt;
  }
  if (part->templatePath.empty()) {
    diagnostics.error(kNothingToRender,
                      part->manifest ? part->manifest->templates.front().location
                                     : ir::SourceLocation{bundle.files.displayRoot(), 0, 0},
                      std::string("the ") + partRoleName(request.part) +
                          " part is provisioned by " + renderingEngineName(part->engine()) +
                          ", not CloudFormation+Jinja; there is nothing to render");
    return std::nullopt;
  }
  auto text = bundle.files.read(part->templatePath);
  std::string path = bundle.files.displayPath(part->templatePath);
  if (!text) {
    diagnostics.error("PRS011", {path, 0, 0}, "cannot read the template file");
    return std::nullopt;
  }
  if (bundle.kind == BundleKind::PlainTemplate)
    return text;
  auto context = buildContext(bundle, request, diagnostics);
  if (!context)
    return std::nullopt;
  return jinja::render(path, *text, *context, diagnostics);
}

namespace {

// On a line the render changed, the text before the first difference is the author's own: a
// column there is exact; past it, point at where the substitution starts.
int sourceColumn(const std::string& sourceLine, const std::string& renderedLine,
                 int renderedColumn) {
  std::size_t common = 0;
  while (common < sourceLine.size() && common < renderedLine.size() &&
         sourceLine[common] == renderedLine[common])
    ++common;
  return renderedColumn <= static_cast<int>(common) ? renderedColumn : static_cast<int>(common) + 1;
}

ir::Diagnostic translated(const ir::Diagnostic& found, const std::string& sourcePath,
                          const RenderedLineMap& lines, const ir::Diagnostics& renderedDiagnostics,
                          const ir::Diagnostics& diagnostics) {
  ir::Diagnostic moved = found;
  if (found.location.line <= 0) {
    moved.location = {sourcePath, 1, 1};
    return moved;
  }
  int line = found.location.line;
  moved.location = {sourcePath, lines.sourceLine(line), found.location.column};
  if (!lines.unchanged(line)) {
    std::string text = renderedDiagnostics.sourceLine(found.location);
    moved.location.column = sourceColumn(diagnostics.sourceLine(moved.location), text,
                                         std::max(found.location.column, 1));
    moved.notes.insert(moved.notes.begin(),
                       ir::Diagnostic{"",
                                      ir::Severity::Note,
                                      "rendered line " + std::to_string(line) + ", column " +
                                          std::to_string(found.location.column) + ": " + text,
                                      {},
                                      {}});
  }
  for (auto& note : moved.notes)
    if (note.location.file == found.location.file && note.location.line > 0)
      note.location = {sourcePath, lines.sourceLine(note.location.line), note.location.column};
  return moved;
}

} // namespace

std::string renderedReadPath(const Bundle& bundle, const BundlePart& part) {
  return bundle.files.displayPath(part.templatePath) + " (rendered)";
}

void reportRenderedRead(const Bundle& bundle, const BundlePart& part, const std::string& rendered,
                        const ir::Diagnostics& renderedDiagnostics, ir::Diagnostics& diagnostics) {
  std::string sourcePath = bundle.files.displayPath(part.templatePath);
  diagnostics.registerSource(renderedReadPath(bundle, part), rendered);
  // renderPart read the template and the Jinja engine registered its text; no second read.
  if (renderedDiagnostics.all().empty())
    return; // the line alignment below is quadratic: only for diagnostics to move
  const std::string* source = diagnostics.sourceText(sourcePath);
  RenderedLineMap lines(source ? *source : rendered, rendered);
  for (const auto& found : renderedDiagnostics.all()) {
    ir::Diagnostic moved = translated(found, sourcePath, lines, renderedDiagnostics, diagnostics);
    auto& reported =
        diagnostics.report(moved.severity, moved.ruleId, moved.location, moved.message);
    reported.notes = std::move(moved.notes);
  }
}

std::optional<ir::Module> readRenderedTemplate(const Bundle& bundle, const BundlePart& part,
                                               const std::string& rendered,
                                               ir::Diagnostics& diagnostics,
                                               const ModuleChecks& checks) {
  if (bundle.kind == BundleKind::PlainTemplate) {
    auto module =
        readCloudFormation(bundle.files.displayPath(part.templatePath), rendered, diagnostics);
    if (module && checks)
      checks(*module, diagnostics);
    return module;
  }
  ir::Diagnostics renderedDiagnostics;
  auto module = readCloudFormation(renderedReadPath(bundle, part), rendered, renderedDiagnostics);
  if (module && checks)
    checks(*module, renderedDiagnostics);
  reportRenderedRead(bundle, part, rendered, renderedDiagnostics, diagnostics);
  return module;
}

std::optional<std::string> renderAndCheck(const Bundle& bundle, const RenderRequest& request,
                                          ir::Diagnostics& diagnostics) {
  auto text = renderPart(bundle, request, diagnostics);
  if (!text)
    return std::nullopt;
  std::size_t errorsBefore = diagnostics.errorCount();
  readRenderedTemplate(bundle, *bundle.part(request.part), *text, diagnostics);
  if (diagnostics.errorCount() > errorsBefore)
    return std::nullopt;
  return text;
}

} // namespace pm::frontend
