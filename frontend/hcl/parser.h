// Parsing HCL native syntax (the language of Terraform's .tf files) into a SyntaxTree.
#pragma once

#include "frontend/hcl/syntax_tree.h"
#include "ir/diagnostics.h"

#include <optional>
#include <string>

namespace pm::frontend::hcl {

// The tree of `text`, which diagnostics name `path`. A syntax error is one located diagnostic
// (kHclSyntaxRule) and nothing is returned. The text is registered with `diagnostics` so printed
// errors show their source line.
std::optional<SyntaxTree> parseHcl(const std::string& path, std::string text,
                                   ir::Diagnostics& diagnostics);

} // namespace pm::frontend::hcl
