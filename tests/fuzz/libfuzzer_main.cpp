// libFuzzer's hook for one harness: PM_FUZZ_ENTRY names the entry point this executable runs.
#include "tests/fuzz/fuzz_entry_points.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return pm::fuzz::PM_FUZZ_ENTRY(data, size);
}
