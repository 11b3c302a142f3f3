// Proton-exact rendering of a bundle part: the CloudFormation Proton deployed.
#pragma once

#include "frontend/bundle/bundle.h"
#include "frontend/proton_context.h"
#include "ir/diagnostics.h"
#include "ir/module.h"

#include <functional>
#include <optional>
#include <string>

namespace pm::frontend {

// Renders the CloudFormation+Jinja template of `request.part`. PRS013 when the bundle has no such
// part or the part is not CloudFormation+Jinja; the Jinja engine reports PRS002/PRS003.
// A lone CloudFormation file is returned as it is: it was never a Jinja template.
std::optional<std::string> renderPart(const Bundle& bundle, const RenderRequest& request,
                                      ir::Diagnostics& diagnostics);

// Reads the rendered text of `part` as CloudFormation. Problems are reported at the line of the
// Jinja source that produced them (with the rendered line as a note where the two differ), since
// that is what the author edits. Nothing when the text is not a template at all.
// `checks` (passes such as reference resolution) run on the module before its diagnostics are
// moved to source lines.
using ModuleChecks = std::function<void(ir::Module&, ir::Diagnostics&)>;
std::optional<ir::Module> readRenderedTemplate(const Bundle& bundle, const BundlePart& part,
                                               const std::string& rendered,
                                               ir::Diagnostics& diagnostics,
                                               const ModuleChecks& checks = {});

// The path a template's rendered text is read under ("<template> (rendered)"), and the second
// half of readRenderedTemplate for a caller that read it itself under that path: registers the
// text and reports `renderedDiagnostics`, the read's, moved to the template's source lines.
std::string renderedReadPath(const Bundle& bundle, const BundlePart& part);
void reportRenderedRead(const Bundle& bundle, const BundlePart& part, const std::string& rendered,
                        const ir::Diagnostics& renderedDiagnostics, ir::Diagnostics& diagnostics);

// Renders `request.part` and reads the result as CloudFormation: what Proton deployed, checked.
std::optional<std::string> renderAndCheck(const Bundle& bundle, const RenderRequest& request,
                                          ir::Diagnostics& diagnostics);

} // namespace pm::frontend
