// manifest.yaml reading and checking.
#include "frontend/bundle/manifest.h"

#include "frontend/yaml/yaml_file.h"

namespace pm::frontend {

namespace {

constexpr const char* kBadManifest = "PRS005";

struct EngineName {
  const char* name;
  RenderingEngine engine;
};
constexpr EngineName kEngines[] = {{"jinja", RenderingEngine::Jinja},
                                   {"hcl", RenderingEngine::Hcl},
                                   {"codebuild", RenderingEngine::CodeBuild}};

class ManifestReader {
public:
  ManifestReader(const FileTree& tree, const std::string& relative, ir::Diagnostics& diagnostics)
      : tree_(tree), relative_(relative), path_(tree.displayPath(relative)),
        diagnostics_(diagnostics) {}

  std::optional<Manifest> read() {
    auto text = tree_.read(relative_);
    if (!text) {
      diagnostics_.error(kBadManifest, {path_, 0, 0}, "manifest.yaml is missing");
      return std::nullopt;
    }
    auto document = loadYamlDocument(path_, *text, diagnostics_);
    if (!document)
      return std::nullopt;
    return readDocument(*document);
  }

private:
  std::optional<Manifest> readDocument(const YAML::Node& document) {
    if (!document.IsMap() || !document["infrastructure"])
      return fail(document, "a manifest is a mapping with an 'infrastructure' key");
    const YAML::Node infrastructure = document["infrastructure"];
    if (!infrastructure.IsMap() || !infrastructure["templates"])
      return fail(infrastructure, "'infrastructure' must hold a 'templates' list");
    const YAML::Node templates = infrastructure["templates"];
    if (!templates.IsSequence() || templates.size() == 0)
      return fail(templates, "'templates' must be a non-empty list");
    Manifest manifest{path_, {}};
    for (const auto& entry : templates) {
      auto parsed = readEntry(entry);
      if (!parsed)
        return std::nullopt;
      manifest.templates.push_back(std::move(*parsed));
    }
    return manifest;
  }

  std::optional<Manifest> fail(const YAML::Node& at, const std::string& message) {
    diagnostics_.error(kBadManifest, locationOf(path_, at), message);
    return std::nullopt;
  }

  bool failEntry(const YAML::Node& at, const std::string& message) {
    diagnostics_.error(kBadManifest, locationOf(path_, at), message);
    return false;
  }

  std::optional<ManifestTemplate> readEntry(const YAML::Node& entry) {
    if (!entry.IsMap()) {
      failEntry(entry, "a template entry must be a mapping");
      return std::nullopt;
    }
    ManifestTemplate result;
    result.location = locationOf(path_, entry);
    if (!readEngine(entry, result) || !readLanguage(entry, result) ||
        !checkCombination(entry, result))
      return std::nullopt;
    if (result.engine == RenderingEngine::CodeBuild) {
      if (!readCodeBuild(entry, result))
        return std::nullopt;
    } else if (!readFile(entry, result)) {
      return std::nullopt;
    }
    return result;
  }

  bool readEngine(const YAML::Node& entry, ManifestTemplate& result) {
    // yaml-cpp's Node::operator= assigns through to the referenced node: rebind with reset().
    YAML::Node engine;
    if (entry["rendering_engine"]) {
      engine.reset(entry["rendering_engine"]);
    } else if (entry["engine"]) {
      engine.reset(entry["engine"]);
      result.legacyEngineKey = true;
    } else {
      return failEntry(entry, "template entry has no 'rendering_engine' (jinja, hcl or codebuild)");
    }
    if (!engine.IsScalar())
      return failEntry(engine, "'rendering_engine' must be jinja, hcl or codebuild");
    for (const auto& known : kEngines) {
      if (engine.Scalar() == known.name) {
        result.engine = known.engine;
        return true;
      }
    }
    return failEntry(engine, "unknown rendering engine '" + engine.Scalar() +
                                 "'; expected jinja, hcl or codebuild");
  }

  bool readLanguage(const YAML::Node& entry, ManifestTemplate& result) {
    const YAML::Node language = entry["template_language"];
    if (!language)
      return true;
    std::string name = language.IsScalar() ? language.Scalar() : "";
    if (name == "cloudformation")
      result.language = TemplateLanguage::CloudFormation;
    else if (name == "terraform")
      result.language = TemplateLanguage::Terraform;
    else
      return failEntry(language, "unknown template language '" + name +
                                     "'; expected cloudformation or terraform");
    return true;
  }

  bool checkCombination(const YAML::Node& entry, const ManifestTemplate& result) {
    const YAML::Node at = entry["template_language"] ? entry["template_language"] : entry;
    switch (result.engine) {
    case RenderingEngine::Jinja:
      if (result.language != TemplateLanguage::CloudFormation)
        return failEntry(at, "rendering_engine jinja requires template_language cloudformation");
      return true;
    case RenderingEngine::Hcl:
      if (result.language != TemplateLanguage::Terraform)
        return failEntry(at, "rendering_engine hcl requires template_language terraform");
      return true;
    case RenderingEngine::CodeBuild:
      if (result.language != TemplateLanguage::None)
        return failEntry(at, "rendering_engine codebuild takes no template_language");
      return true;
    }
    return true;
  }

  bool readFile(const YAML::Node& entry, ManifestTemplate& result) {
    const YAML::Node file = entry["file"];
    if (!file || !file.IsScalar() || file.Scalar().empty())
      return failEntry(entry, "template entry has no 'file'");
    result.file = file.Scalar();
    std::string dir =
        relative_.substr(0, relative_.rfind('/') == std::string::npos ? 0 : relative_.rfind('/'));
    if (result.file == "*") {
      if (result.engine != RenderingEngine::Hcl)
        return failEntry(file, "file \"*\" is only valid for Terraform (hcl) templates");
      for (const auto& name : tree_.list(dir))
        if (name.size() > 3 && name.ends_with(".tf"))
          return true;
      return failEntry(file, "file \"*\" matches no .tf file in " + tree_.displayPath(dir));
    }
    if (result.file.find("..") != std::string::npos || result.file[0] == '/')
      return failEntry(file, "file '" + result.file + "' must name a file in the same folder");
    if (!tree_.isFile(joinPath(dir, result.file)))
      return failEntry(file, "file '" + result.file + "' named by the manifest does not exist");
    return true;
  }

  static std::vector<std::string> stringList(const YAML::Node& node) {
    std::vector<std::string> out;
    if (node && node.IsSequence())
      for (const auto& item : node)
        if (item.IsScalar())
          out.push_back(item.Scalar());
    return out;
  }

  static std::map<std::string, std::string> stringMap(const YAML::Node& node) {
    std::map<std::string, std::string> out;
    if (node && node.IsMap())
      for (const auto& item : node)
        if (item.first.IsScalar() && item.second.IsScalar())
          out[item.first.Scalar()] = item.second.Scalar();
    return out;
  }

  bool readCodeBuild(const YAML::Node& entry, ManifestTemplate& result) {
    // An early revision of Proton's docs used these names; Proton rejected them.
    if (entry["codebuild"])
      return failEntry(entry["codebuild"],
                       "CodeBuild settings go under 'settings', not 'codebuild'");
    const YAML::Node settings = entry["settings"];
    if (!settings || !settings.IsMap())
      return failEntry(entry, "a codebuild template entry needs a 'settings' mapping");
    if (settings["deprovisioning"])
      return failEntry(settings["deprovisioning"],
                       "the key is 'deprovision', not 'deprovisioning'");
    for (const char* key : {"image", "provision", "deprovision"})
      if (!settings[key])
        return failEntry(settings, std::string("codebuild settings need '") + key + "'");
    CodeBuildSettings& codeBuild = result.codeBuild;
    codeBuild.image = settings["image"].IsScalar() ? settings["image"].Scalar() : "";
    codeBuild.runtimes = stringMap(settings["runtimes"]);
    codeBuild.provision = stringList(settings["provision"]);
    codeBuild.deprovision = stringList(settings["deprovision"]);
    if (settings["env"] && settings["env"].IsMap()) {
      codeBuild.environmentVariables = stringMap(settings["env"]["variables"]);
      codeBuild.secretsManager = stringMap(settings["env"]["secrets_manager"]);
    }
    // Proton's docs never show where `input_type` sits: accept it on the entry or in settings.
    const YAML::Node inputType = entry["input_type"] ? entry["input_type"] : settings["input_type"];
    if (inputType && inputType.IsScalar())
      codeBuild.inputType = inputType.Scalar();
    return true;
  }

  const FileTree& tree_;
  const std::string& relative_;
  std::string path_;
  ir::Diagnostics& diagnostics_;
};

} // namespace

const char* renderingEngineName(RenderingEngine engine) {
  for (const auto& known : kEngines)
    if (known.engine == engine)
      return known.name;
  return "?";
}

std::optional<Manifest> readManifest(const FileTree& tree, const std::string& relativePath,
                                     ir::Diagnostics& diagnostics) {
  ManifestReader reader(tree, relativePath, diagnostics);
  return reader.read();
}

} // namespace pm::frontend
