// A narrow repair for a mistake found in published Proton bundles: an object key holding ':'
// written without quotes (`proton:environment = var.environment.name`), which Terraform
// rejects. Such a line can never be valid HCL, so quoting the key changes nothing else.
#pragma once

#include "ir/diagnostics.h"

#include <string>

namespace pm::frontend::hcl {

inline constexpr const char* kColonKeyRepairRule = "TF008";

// `text` with each `name:name = value` item's key quoted, a located TF008 warning per repair.
// Heredoc bodies are left alone.
std::string quoteColonKeys(const std::string& displayPath, const std::string& text,
                           ir::Diagnostics& diagnostics);

} // namespace pm::frontend::hcl
