// Helpers of the fuzz harnesses.
#include "tests/fuzz/fuzz_input.h"

#include "frontend/cloudformation/template_reader.h"
#include "ir/pass_pipeline.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace pm::fuzz {

namespace fs = std::filesystem;

std::string textOf(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

void checkDiagnostics(const ir::Diagnostics& diagnostics) {
  std::ostringstream printed;
  diagnostics.print(printed);
  for (const ir::Diagnostic& diagnostic : diagnostics.all())
    if (diagnostic.ruleId.empty())
      std::abort(); // every diagnostic names its rule
}

namespace {

struct ScratchDirectory {
  fs::path path;
  ScratchDirectory() {
    std::string pattern = (fs::temp_directory_path() / "pm-fuzz-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
      std::abort();
    path = pattern;
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

} // namespace

const fs::path& scratchDirectory() {
  static ScratchDirectory directory;
  return directory.path;
}

fs::path writeScratchFile(const std::string& relative, const std::string& content) {
  fs::path path = scratchDirectory() / relative;
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
  return path;
}

int fuzzTemplate(const std::uint8_t* data, std::size_t size, const std::string& path,
                 SyntaxReader reader) {
  std::string text = textOf(data, size);
  ir::Diagnostics diagnostics;
  diagnostics.registerSource(path, text);
  if (auto root = reader(path, text, diagnostics)) {
    if (auto module = frontend::readTemplateSections(path, text, *root, diagnostics)) {
      ir::ModuleGraph graph;
      graph.add(std::move(*module));
      ir::runPasses(graph, diagnostics);
    }
  }
  checkDiagnostics(diagnostics);
  return 0;
}

} // namespace pm::fuzz
