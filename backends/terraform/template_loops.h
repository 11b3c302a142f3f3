// The template's own Fn::ForEach resource loops (AWS::LanguageExtensions) for Terraform, which
// has no such transform: a loop over a literal list becomes the resources CloudFormation would
// have expanded it to; any other loop is a TF001 error at its key (its collection is known
// only to the deployed stack's parameters).
#pragma once

#include "ir/diagnostics.h"
#include "ir/module.h"

namespace pm::tf {

// `module` with the expansions of its resource loops appended to its resources.
ir::Module withTemplateLoopsExpanded(const ir::Module& module, ir::Diagnostics& diagnostics);

} // namespace pm::tf
