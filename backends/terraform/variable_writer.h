// variables.tf: the module's inputs with types, descriptions, defaults and validation blocks
// (enum, pattern, length, bounds), the Proton context values, the upstream outputs it reads
// and the stack name, as far as the translation used them.
#pragma once

#include "backends/terraform/expression_translator.h"
#include "backends/terraform/module_writer.h"

#include <string>

namespace pm::tf {

// Also records each variable in `interface`.
std::string variablesFile(ModuleScope& scope, ModuleInterface& interface);

} // namespace pm::tf
