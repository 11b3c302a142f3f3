// Hand-built modules through the terraform module writer, for the terraform_* tests.
#pragma once

#include "backends/terraform/module_writer.h"

#include <utility>
#include <vector>

namespace pm::test {

inline ir::ExprPtr str(const char* text) {
  return ir::Expr::string(text, {});
}

inline ir::ExprPtr map(std::vector<std::pair<const char*, ir::ExprPtr>> entries) {
  std::vector<ir::MapEntry> out;
  for (auto& [key, value] : entries)
    out.push_back(ir::MapEntry{key, {}, value});
  return ir::Expr::map(std::move(out), {});
}

// What the backend writes for one module.
struct WrittenModule {
  backends::OutputTree tree;
  ir::Diagnostics diagnostics;
  tf::MappingCounts counts;
};

inline void writeTerraform(const ir::Module& module, WrittenModule& written,
                           const char* directory = "modules/m") {
  ir::Identifiers identifiers;
  tf::writeModule(module, identifiers, directory, written.tree, written.diagnostics,
                  written.counts);
}

} // namespace pm::test
