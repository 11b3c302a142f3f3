// Reading the sections of a CloudFormation template (a SyntaxNode tree) into an ir::Module,
// with PRS008 diagnostics for structure CloudFormation would reject.
#pragma once

#include "frontend/cloudformation/syntax_node.h"
#include "ir/diagnostics.h"
#include "ir/module.h"

#include <optional>
#include <string>

namespace pm::frontend {

// Null only when the document is not a mapping of sections.
std::optional<ir::Module> readTemplateSections(const std::string& path, const std::string& text,
                                               const SyntaxNode& root,
                                               ir::Diagnostics& diagnostics);

} // namespace pm::frontend
