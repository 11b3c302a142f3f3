// CloudFormation YAML reader: the text as a YAML template (short-form tags, anchors), its
// sections read into a module, and the passes run over it.
#include "tests/fuzz/fuzz_entry_points.h"
#include "tests/fuzz/fuzz_input.h"

#include "frontend/cloudformation/yaml_syntax.h"

namespace pm::fuzz {

int cfnYamlFuzz(const std::uint8_t* data, std::size_t size) {
  return fuzzTemplate(data, size, "template.yaml", frontend::readYamlSyntax);
}

} // namespace pm::fuzz
