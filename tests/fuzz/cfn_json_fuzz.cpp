// CloudFormation JSON reader: the text as a JSON template, its sections read into a module, and
// the passes run over it.
#include "tests/fuzz/fuzz_entry_points.h"
#include "tests/fuzz/fuzz_input.h"

#include "frontend/cloudformation/json_syntax.h"

namespace pm::fuzz {

int cfnJsonFuzz(const std::uint8_t* data, std::size_t size) {
  return fuzzTemplate(data, size, "template.json", frontend::readJsonSyntax);
}

} // namespace pm::fuzz
