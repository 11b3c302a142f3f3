// Helpers shared by the tests converting one template to a target: read it, run the passes,
// emit, then look at the files and the diagnostics.
#pragma once

#include "backends/backend.h"
#include "cloudformation_test_support.h"
#include "ir/pass_pipeline.h"

#include <doctest/doctest.h>
#include <string>

namespace pm::test {

struct Converted {
  ir::Diagnostics diagnostics;
  backends::OutputTree tree;

  std::string allFiles() const {
    std::string text;
    for (const auto& [path, content] : tree.files())
      text += content;
    return text;
  }
  const ir::Diagnostic* find(const std::string& rule) const {
    for (const ir::Diagnostic& diagnostic : diagnostics.all())
      if (diagnostic.ruleId == rule)
        return &diagnostic;
    return nullptr;
  }
};

// `text` read as t.yaml, a module named "env", converted in rendered mode.
inline Converted convertTemplate(const std::string& target, const std::string& text) {
  Converted result;
  auto module = frontend::readCloudFormation("t.yaml", text, result.diagnostics);
  REQUIRE(module);
  module->name = "env";
  backends::ConversionModel model;
  model.bundleName = "bundle";
  model.mode = backends::ConversionMode::Rendered;
  model.modules.add(std::move(*module));
  ir::runPasses(model.modules, result.diagnostics, model.passes);
  backends::makeBackend(target)->emit(model, result.tree, result.diagnostics);
  return result;
}

// Whether `text` contains `part`, printing both when not.
inline bool contains(const std::string& text, const std::string& part) {
  bool found = text.find(part) != std::string::npos;
  if (!found)
    MESSAGE("not found: " << part << "\nin:\n" << text);
  return found;
}

} // namespace pm::test
