// Choosing the syntax and running the section reader.
#include "frontend/cloudformation/cloudformation_reader.h"

#include "frontend/cloudformation/json_syntax.h"
#include "frontend/cloudformation/template_reader.h"
#include "frontend/cloudformation/yaml_syntax.h"

#include <cctype>
#include <string_view>

namespace pm::frontend {

namespace {

bool looksLikeJson(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) // UTF-8 byte order mark
    text.remove_prefix(3);
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c)))
      return c == '{';
  return false;
}

} // namespace

std::optional<ir::Module> readCloudFormation(const std::string& path, const std::string& text,
                                             ir::Diagnostics& diagnostics) {
  diagnostics.registerSource(path, text);
  std::optional<SyntaxNode> root = looksLikeJson(text) ? readJsonSyntax(path, text, diagnostics)
                                                       : readYamlSyntax(path, text, diagnostics);
  if (!root)
    return std::nullopt;
  return readTemplateSections(path, text, *root, diagnostics);
}

} // namespace pm::frontend
