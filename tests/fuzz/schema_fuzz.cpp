// Schema reader: the text as a bundle's schema/schema.yaml, held in memory.
#include "tests/fuzz/fuzz_entry_points.h"
#include "tests/fuzz/fuzz_input.h"

#include "frontend/bundle/schema.h"

namespace pm::fuzz {

int schemaFuzz(const std::uint8_t* data, std::size_t size) {
  auto files = frontend::FileTree::fromMemory({{"schema/schema.yaml", textOf(data, size)}}, "fuzz");
  ir::Diagnostics diagnostics;
  (void)frontend::readSchema(files, "schema/schema.yaml", diagnostics);
  checkDiagnostics(diagnostics);
  return 0;
}

} // namespace pm::fuzz
