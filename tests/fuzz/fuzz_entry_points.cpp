// The table of fuzz targets: names as the build, tools/fuzz.sh and the regression folders use.
#include "tests/fuzz/fuzz_entry_points.h"

namespace pm::fuzz {

const std::vector<FuzzTarget>& fuzzTargets() {
  static const std::vector<FuzzTarget> targets = {
      {"jinja_lexer_fuzz", jinjaLexerFuzz},
      {"jinja_parser_fuzz", jinjaParserFuzz},
      {"jinja_render_fuzz", jinjaRenderFuzz},
      {"cfn_yaml_fuzz", cfnYamlFuzz},
      {"yaml_subset_fuzz", yamlSubsetFuzz},
      {"cfn_json_fuzz", cfnJsonFuzz},
      {"schema_fuzz", schemaFuzz},
      {"spec_fuzz", specFuzz},
      {"hcl_fuzz", hclFuzz},
      {"archive_fuzz", archiveFuzz},
      {"convert_fuzz", convertFuzz},
  };
  return targets;
}

const FuzzTarget* findFuzzTarget(std::string_view name) {
  for (const FuzzTarget& target : fuzzTargets())
    if (target.name == name)
      return &target;
  return nullptr;
}

} // namespace pm::fuzz
