// The template a stack is updated with before Terraform takes its resources over: every
// resource gets DeletionPolicy and UpdateReplacePolicy Retain, so deleting the stack leaves
// them in place.
#pragma once

#include "ir/diagnostics.h"

#include <optional>
#include <string>

namespace pm::frontend {

// `text` (JSON or YAML) with both policies set to Retain on every resource. YAML keeps its
// lines, comments and tags (two lines are added under each resource); JSON is re-printed.
// PRS010 at the template when its Resources section cannot be found; nothing then.
std::optional<std::string> withRetainPolicies(const std::string& displayPath,
                                              const std::string& text,
                                              ir::Diagnostics& diagnostics);

} // namespace pm::frontend
