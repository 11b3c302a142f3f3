// manifest.yaml: which IaC file a bundle part holds and how Proton rendered it
// (proton-format.md §3).
#pragma once

#include "frontend/bundle/file_tree.h"
#include "ir/diagnostics.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pm::frontend {

enum class RenderingEngine { Jinja, Hcl, CodeBuild };
enum class TemplateLanguage { None, CloudFormation, Terraform };

const char* renderingEngineName(RenderingEngine engine);

// The `settings` of a CodeBuild entry: the commands Proton ran in CodeBuild.
struct CodeBuildSettings {
  std::string image;
  std::map<std::string, std::string> runtimes;
  std::vector<std::string> provision;
  std::vector<std::string> deprovision;
  std::map<std::string, std::string> environmentVariables;
  std::map<std::string, std::string> secretsManager;
  std::string inputType = "JSON"; // JSON (proton-inputs.json) or HCL
};

struct ManifestTemplate {
  std::string file; // a file name, "*" (every .tf file), or empty for CodeBuild
  RenderingEngine engine = RenderingEngine::Jinja;
  TemplateLanguage language = TemplateLanguage::None;
  CodeBuildSettings codeBuild;
  bool legacyEngineKey = false; // `engine:` instead of `rendering_engine:`
  ir::SourceLocation location;
};

struct Manifest {
  std::string path; // display path of manifest.yaml
  std::vector<ManifestTemplate> templates;
};

// Reads and checks `relativePath` (a manifest.yaml) of `tree`: the grammar, the valid
// engine/language combinations, and that every named file exists next to it. Problems are
// PRS005 at the offending key.
std::optional<Manifest> readManifest(const FileTree& tree, const std::string& relativePath,
                                     ir::Diagnostics& diagnostics);

} // namespace pm::frontend
