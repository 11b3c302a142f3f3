// CloudFormation JSON reader: the text as a JSON template, its sections read into a module, and
// the passes run over it.
#include "tests/fuzz/fuzz_entry_points.h"
#include "tests/fuzz/fuzz_input.h"

#include "frontend/cloudformation/json_syntax.h"

namespace pm::fuzz {

int cfnJsonFuzz(const std::uint8_t* data, std::size_t size) {
  std::string text = textOf(data, size);
  ir::Diagnostics diagnostics;
  diagnostics.registerSource("template.json", text);
  auto root = frontend::readJsonSyntax("template.json", text, diagnostics);
  readTemplateAndRunPasses("template.json", text, root, diagnostics);
  return 0;
}

} // namespace pm::fuzz
