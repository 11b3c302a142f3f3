// The CloudFormation template reader: YAML or JSON text -> an ir::Module of kind Template.
#pragma once

#include "ir/diagnostics.h"
#include "ir/module.h"

#include <optional>
#include <string>

namespace pm::frontend {

// Reads a template (JSON when its first non-space character is '{', YAML otherwise) and
// registers its text with the diagnostics. Never throws on bad input: syntax errors are PRS001,
// structure problems PRS008. Returns nothing when the text is not a template at all (syntax
// error, not a map); otherwise a module, even when some parts were reported.
std::optional<ir::Module> readCloudFormation(const std::string& path, const std::string& text,
                                             ir::Diagnostics& diagnostics);

} // namespace pm::frontend
