#include "frontend/hcl/terraform_part.h"

#include "frontend/hcl/colon_key_repair.h"
#include "frontend/hcl/parser.h"

namespace pm::frontend::hcl {

namespace {

std::string_view fileName(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// A file whose every item is a Proton variable declaration is one Proton wrote (or a copy of
// one kept in the bundle); an empty file is not.
bool onlyProtonDeclarations(const TerraformFile& file) {
  return !file.declarations.empty() &&
         file.declarations.size() == file.tree.items(file.tree.root()).size();
}

std::optional<TerraformFile> readTerraformFile(const Bundle& bundle, const std::string& path,
                                               ir::Diagnostics& diagnostics) {
  std::string displayPath = bundle.files.displayPath(path);
  std::optional<std::string> text = bundle.files.read(path);
  if (!text) {
    diagnostics.error("PRS011", {displayPath, 0, 0}, "cannot read the Terraform file");
    return std::nullopt;
  }
  std::optional<SyntaxTree> tree =
      parseHcl(displayPath, quoteColonKeys(displayPath, *text, diagnostics), diagnostics);
  if (!tree)
    return std::nullopt;
  TerraformFile file{path, std::move(*tree), {}, {}, false};
  file.references = findProtonReferences(file.tree);
  file.declarations = findProtonVariableDeclarations(file.tree);
  file.protonGenerated = isProtonVariablesFileName(fileName(path)) || onlyProtonDeclarations(file);
  return file;
}

} // namespace

bool isProtonVariablesFileName(std::string_view name) {
  return name.starts_with("proton.") && name.ends_with("variables.tf");
}

bool isTerraformValuesFileName(std::string_view name) {
  return name.ends_with(".tfvars") || name.ends_with(".tfvars.json");
}

std::optional<TerraformPart> readTerraformPart(const Bundle& bundle, const BundlePart& part,
                                               ir::Diagnostics& diagnostics) {
  TerraformPart result;
  bool failed = false;
  for (const std::string& path : part.terraformFiles) {
    std::optional<TerraformFile> file = readTerraformFile(bundle, path, diagnostics);
    if (file)
      result.files.push_back(std::move(*file));
    failed = failed || !file;
  }
  for (const std::string& name : bundle.files.list(part.directory))
    if (isTerraformValuesFileName(name) && bundle.files.isFile(joinPath(part.directory, name)))
      result.protonValueFiles.push_back(joinPath(part.directory, name));
  if (failed)
    return std::nullopt;
  return result;
}

} // namespace pm::frontend::hcl
