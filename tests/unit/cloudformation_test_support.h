// Helpers shared by the CloudFormation reader tests: read a template from a string.
#pragma once

#include "frontend/cloudformation/cloudformation_reader.h"
#include "ir/diagnostics.h"
#include "ir/module.h"

#include <doctest/doctest.h>
#include <optional>
#include <string>

namespace pm::test {

struct ReadResult {
  ir::Diagnostics diagnostics;
  std::optional<ir::Module> module;
};

inline ReadResult readTemplate(const std::string& text, const std::string& path = "t.yaml") {
  ReadResult result;
  result.module = frontend::readCloudFormation(path, text, result.diagnostics);
  return result;
}

// The value of property `name` of the first resource.
inline ir::ExprPtr firstProperty(const ir::Module& module, const std::string& name) {
  const ir::MapEntry* entry = module.resources.at(0).properties->find(name);
  return entry ? entry->value : nullptr;
}

} // namespace pm::test

// Prints locations in failed checks as "file:line:col".
template <> struct doctest::StringMaker<pm::ir::SourceLocation> {
  static doctest::String convert(const pm::ir::SourceLocation& location) {
    return location.str().c_str();
  }
};
