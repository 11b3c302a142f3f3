// Finding the readers of an output by the names templates use for it.
#include "tools/proton-migrate/output_readers.h"

#include "frontend/bundle/bundle.h"
#include "frontend/bundle/bundle_discovery.h"

#include <filesystem>
#include <regex>

namespace pm::driver {

namespace {

std::string templateText(const frontend::Bundle& bundle) {
  std::string text;
  for (const frontend::BundlePart& part : bundle.parts) {
    std::vector<std::string> files = part.terraformFiles;
    if (!part.templatePath.empty())
      files.push_back(part.templatePath);
    for (const std::string& file : files)
      text += bundle.files.read(file).value_or("") + "\n";
  }
  return text;
}

// How templates spell the output: Jinja `environment.outputs.X`, Terraform
// `var.environment.outputs.X`, a component's `service_instance.components.default.outputs.X`.
std::regex spelling(const std::string& producer, const std::string& name) {
  std::string owner = producer == "component" ? R"(components\.default)" : "environment";
  return std::regex(owner + R"(\.outputs(\.|\[["'])?)" + name + R"(\b)");
}

} // namespace

OutputReaders::OutputReaders(const std::string& root) {
  for (const std::string& path : frontend::discoverBundles(root)) {
    ir::Diagnostics ignored; // a bundle that cannot be read reads nothing
    if (auto bundle = frontend::readBundle(path, ignored))
      templates_.emplace_back(std::filesystem::path(path).lexically_relative(root).generic_string(),
                              templateText(*bundle));
  }
}

std::vector<std::string> OutputReaders::readersOf(const std::string& producer,
                                                  const std::string& name) const {
  std::regex pattern = spelling(producer, name);
  std::vector<std::string> readers;
  for (const auto& [path, text] : templates_)
    if (std::regex_search(text, pattern))
      readers.push_back(path);
  return readers;
}

} // namespace pm::driver
