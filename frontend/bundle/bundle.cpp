// Bundle layout detection (proton-format.md §2.6) and reading.
#include "frontend/bundle/bundle.h"

#include "frontend/bundle/archive_reader.h"
#include "frontend/bundle/lone_template.h"
#include "frontend/input_file.h"

#include <algorithm>
#include <filesystem>
#include <string_view>

namespace pm::frontend {

namespace fs = std::filesystem;

namespace {

constexpr const char* kBadLayout = "PRS006";

struct RoleName {
  PartRole role;
  const char* name;
  const char* folder;
};
constexpr RoleName kRoles[] = {{PartRole::Infrastructure, "infrastructure", "infrastructure"},
                               {PartRole::Instance, "instance", "instance_infrastructure"},
                               {PartRole::Pipeline, "pipeline", "pipeline_infrastructure"},
                               {PartRole::Component, "component", ""}};

const char* folderOf(PartRole role) {
  for (const auto& known : kRoles)
    if (known.role == role)
      return known.folder;
  return "";
}

bool isTemplateFileName(const std::string& name) {
  for (const char* suffix : {".yaml", ".yml", ".json", ".template"})
    if (name.ends_with(suffix))
      return true;
  return false;
}

// "v0", "v1", "v12": a major version folder (no leading zero). Not a std::regex: compiling one
// costs more than the rest of reading a small bundle.
bool isMajorFolder(std::string_view leaf) {
  std::string_view digits = leaf.substr(std::min<std::size_t>(1, leaf.size()));
  return leaf.starts_with('v') && !digits.empty() &&
         digits.find_first_not_of("0123456789") == std::string_view::npos &&
         (digits == "0" || digits.front() != '0');
}

// Template name and major version from the path: `<template>/v2` is template-sync's layout.
void nameFromPath(const std::string& path, Bundle& bundle) {
  fs::path normal = fs::path(path).lexically_normal();
  if (!normal.has_filename())
    normal = normal.parent_path();
  std::string leaf = normal.filename().string();
  if (looksLikeArchive(leaf))
    leaf = leaf.substr(0, leaf.find('.'));
  if (isMajorFolder(leaf) && normal.has_parent_path() && !normal.parent_path().filename().empty()) {
    bundle.majorVersion = leaf.substr(1);
    bundle.name = normal.parent_path().filename().string();
  } else {
    bundle.name = leaf;
  }
}

class BundleReader {
public:
  BundleReader(Bundle& bundle, ir::Diagnostics& diagnostics)
      : bundle_(bundle), diagnostics_(diagnostics) {}

  bool read() {
    const FileTree& files = bundle_.files;
    if (files.isFile("schema/schema.yaml"))
      return readTemplateBundle();
    if (files.isFile("manifest.yaml"))
      return readComponent();
    diagnostics_.error(kBadLayout, {files.displayRoot(), 0, 0},
                       "not a Proton bundle: it has neither schema/schema.yaml nor a component "
                       "manifest.yaml");
    return false;
  }

private:
  bool layoutError(const ir::SourceLocation& at, const std::string& message) {
    diagnostics_.error(kBadLayout, at, message);
    return false;
  }

  bool readTemplateBundle() {
    bundle_.schema = readSchema(bundle_.files, "schema/schema.yaml", diagnostics_);
    if (!bundle_.schema)
      return false;
    bundle_.registration = readRegistration(bundle_.files, diagnostics_);
    if (bundle_.schema->kind == TemplateKind::Environment)
      return readEnvironment();
    return readService();
  }

  bool readEnvironment() {
    bundle_.kind = BundleKind::Environment;
    if (!bundle_.files.isDirectory("infrastructure")) {
      bundle_.kind = BundleKind::CustomerManagedEnvironment;
      checkCustomerManagedSchema();
      return true;
    }
    return readPart(PartRole::Infrastructure);
  }

  // A customer-managed environment's schema lists the outputs a user types in: strings only,
  // never defaults (proton-format.md §4.3).
  void checkCustomerManagedSchema() {
    if (!bundle_.schema->environmentInputs)
      return;
    for (const auto& property : bundle_.schema->environmentInputs->properties)
      if (property.type != PropertyType::String || property.defaultValue)
        diagnostics_.warning("PRS004", property.location,
                             "customer-managed environment output '" + property.name +
                                 "' should be a string without default");
  }

  bool readService() {
    bundle_.kind = BundleKind::Service;
    if (!bundle_.files.isDirectory("instance_infrastructure"))
      return layoutError(bundle_.schema->serviceInputs->referencedAt,
                         "a service bundle needs an instance_infrastructure/ folder");
    bool hasPipelineFolder = bundle_.files.isDirectory("pipeline_infrastructure");
    bool declaresPipeline = bundle_.schema->pipelineInputs.has_value();
    if (hasPipelineFolder != declaresPipeline) {
      std::string message = hasPipelineFolder
                                ? "pipeline_infrastructure/ exists but schema.yaml declares no "
                                  "pipeline_input_type"
                                : "schema.yaml declares pipeline_input_type but there is no "
                                  "pipeline_infrastructure/ folder";
      ir::SourceLocation at = hasPipelineFolder ? bundle_.schema->serviceInputs->referencedAt
                                                : bundle_.schema->pipelineInputs->referencedAt;
      return layoutError(at, message);
    }
    bool ok = readPart(PartRole::Instance);
    if (hasPipelineFolder)
      ok = readPart(PartRole::Pipeline) && ok;
    return ok;
  }

  bool readComponent() {
    bundle_.kind = BundleKind::Component;
    return readPart(PartRole::Component);
  }

  bool readPart(PartRole role) {
    BundlePart part;
    part.role = role;
    part.directory = folderOf(role);
    part.manifest =
        readManifest(bundle_.files, joinPath(part.directory, "manifest.yaml"), diagnostics_);
    if (!part.manifest)
      return false;
    const ManifestTemplate& entry = part.manifest->templates.front();
    if (part.manifest->templates.size() > 1)
      diagnostics_.warning("PRS005", part.manifest->templates[1].location,
                           "Proton reads one template per bundle part; entries after the first are "
                           "ignored");
    if (entry.engine == RenderingEngine::Jinja)
      part.templatePath = joinPath(part.directory, entry.file);
    if (entry.engine == RenderingEngine::Hcl)
      part.terraformFiles = terraformFiles(part.directory, entry.file);
    bundle_.parts.push_back(std::move(part));
    return true;
  }

  std::vector<std::string> terraformFiles(const std::string& directory, const std::string& file) {
    if (file != "*")
      return {joinPath(directory, file)};
    std::vector<std::string> files;
    for (const auto& name : bundle_.files.list(directory))
      if (name.ends_with(".tf") && bundle_.files.isFile(joinPath(directory, name)))
        files.push_back(joinPath(directory, name));
    return files;
  }

  Bundle& bundle_;
  ir::Diagnostics& diagnostics_;
};

std::string trimmedDisplay(std::string path) {
  while (path.size() > 1 && path.back() == '/')
    path.pop_back();
  return path;
}

} // namespace

const char* bundleKindName(BundleKind kind) {
  switch (kind) {
  case BundleKind::Environment:
    return "environment";
  case BundleKind::CustomerManagedEnvironment:
    return "customer-managed environment";
  case BundleKind::Service:
    return "service";
  case BundleKind::Component:
    return "component";
  case BundleKind::PlainTemplate:
    return "template";
  }
  return "?";
}

const char* partRoleName(PartRole role) {
  for (const auto& known : kRoles)
    if (known.role == role)
      return known.name;
  return "?";
}

std::optional<PartRole> partRoleNamed(const std::string& name) {
  for (const auto& known : kRoles)
    if (name == known.name)
      return known.role;
  return std::nullopt;
}

RenderingEngine BundlePart::engine() const {
  return manifest ? manifest->templates.front().engine : RenderingEngine::Jinja;
}

const BundlePart* Bundle::part(PartRole role) const {
  for (const auto& candidate : parts)
    if (candidate.role == role)
      return &candidate;
  return nullptr;
}

const BundlePart* Bundle::defaultPart() const {
  return parts.empty() ? nullptr : &parts.front();
}

namespace {

// Bundle files are read whole into memory, so a folder holding a file larger than input files
// may be (kMaxInputFileBytes) is refused before anything is read. Proton took 10 MB bundles.
bool filesWithinSizeLimit(const std::string& path, const std::string& display,
                          ir::Diagnostics& diagnostics) {
  std::error_code error;
  for (fs::recursive_directory_iterator
           it(path, fs::directory_options::skip_permission_denied, error),
       end;
       !error && it != end; it.increment(error)) {
    if (!it->is_regular_file(error) || it->file_size(error) <= kMaxInputFileBytes)
      continue;
    diagnostics.error("PRS011", {joinPath(display, fs::relative(it->path(), path).string()), 0, 0},
                      "file is larger than " + std::to_string(kMaxInputFileBytes >> 20) + " MiB");
    return false;
  }
  return true;
}

} // namespace

std::optional<Bundle> readBundle(const std::string& path, ir::Diagnostics& diagnostics) {
  std::string display = trimmedDisplay(path);
  std::error_code error;
  Bundle bundle;
  nameFromPath(display, bundle);
  if (fs::is_directory(path, error)) {
    if (!filesWithinSizeLimit(path, display, diagnostics))
      return std::nullopt;
    bundle.files = FileTree::fromDirectory(path, display);
  } else if (fs::is_regular_file(path, error) && looksLikeArchive(path)) {
    auto files = readArchive(path, diagnostics);
    if (!files)
      return std::nullopt;
    bundle.files = std::move(*files);
  } else if (fs::is_regular_file(path, error) && isTemplateFileName(path)) {
    return readLoneTemplate(path, std::move(bundle), diagnostics);
  } else {
    diagnostics.error(kBadLayout, {display, 0, 0},
                      fs::exists(path, error)
                          ? "not a bundle folder, .tar.gz archive or template file"
                          : "no such file or directory");
    return std::nullopt;
  }
  std::size_t errorsBefore = diagnostics.errorCount();
  BundleReader reader(bundle, diagnostics);
  if (!reader.read() || diagnostics.errorCount() > errorsBefore)
    return std::nullopt;
  return bundle;
}

} // namespace pm::frontend
