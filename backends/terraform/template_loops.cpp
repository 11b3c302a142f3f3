// Expanding the template's own resource loops for Terraform (see template_loops.h).
#include "backends/terraform/template_loops.h"

#include "backends/terraform/expression_translator.h"

#include <fmt/format.h>

namespace pm::tf {

ir::Module withTemplateLoopsExpanded(const ir::Module& module, ir::Diagnostics& diagnostics) {
  ir::Module expanded = module;
  expanded.resourceLoops.clear();
  for (const ir::ResourceLoopFragment& loop : module.resourceLoops) {
    if (!loop.expansion) {
      diagnostics.error(kUntranslatableRule, loop.written.keyLocation,
                        fmt::format("'{}' loops over a collection that is not a literal list "
                                    "of strings; Terraform cannot expand it (write the list in "
                                    "the template, or the resources one by one)",
                                    loop.written.key));
      continue;
    }
    for (const ir::Resource& resource : *loop.expansion)
      expanded.resources.push_back(resource);
  }
  return expanded;
}

} // namespace pm::tf
