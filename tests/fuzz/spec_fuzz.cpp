// Spec reader: the text as an EnvironmentSpec or ServiceSpec file, read and validated against a
// fixed schema of its kind whose properties use every type and constraint.
#include "tests/fuzz/fuzz_entry_points.h"
#include "tests/fuzz/fuzz_input.h"

#include "frontend/bundle/spec.h"

#include <cstdlib>

namespace pm::fuzz {

namespace {

constexpr const char* kInputTypes = R"(
  types:
    Inputs:
      type: object
      required: [name]
      properties:
        name: {type: string, minLength: 1, maxLength: 20, pattern: "^[a-z]+$"}
        port: {type: number, minimum: 1, maximum: 65535, default: 80}
        count: {type: integer, default: 1}
        size: {type: string, enum: [small, large], default: small}
        public: {type: boolean, default: false}
        cidrs:
          type: array
          items: {type: string}
          minItems: 1
          maxItems: 3
          default: ["10.0.0.0/24"]
    Pipeline:
      type: object
      properties:
        approve: {type: boolean, default: true}
)";

frontend::Schema fixedSchema(const std::string& kindLines) {
  std::string text = "schema:\n  format:\n    openapi: \"3.0.0\"\n" + kindLines + kInputTypes;
  auto files = frontend::FileTree::fromMemory({{"schema/schema.yaml", text}}, "fuzz");
  ir::Diagnostics diagnostics;
  auto schema = frontend::readSchema(files, "schema/schema.yaml", diagnostics);
  if (!schema || diagnostics.hasErrors())
    std::abort(); // the fixed schema must read cleanly
  return *schema;
}

} // namespace

int specFuzz(const std::uint8_t* data, std::size_t size) {
  static const frontend::Schema environment = fixedSchema("  environment_input_type: \"Inputs\"\n");
  static const frontend::Schema service =
      fixedSchema("  service_input_type: \"Inputs\"\n  pipeline_input_type: \"Pipeline\"\n");
  std::string path = writeScratchFile("spec.yaml", textOf(data, size)).string();
  ir::Diagnostics diagnostics;
  auto spec = frontend::readSpec(path, diagnostics);
  if (spec) {
    bool isService = spec->kind == frontend::TemplateKind::Service;
    (void)frontend::validateSpec(*spec, isService ? service : environment, diagnostics);
  }
  checkDiagnostics(diagnostics);
  return 0;
}

} // namespace pm::fuzz
