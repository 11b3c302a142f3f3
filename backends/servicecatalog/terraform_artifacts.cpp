// The Terraform backend writes the modules and the root calling them; a Service Catalog product
// is one module, so only the module folders are kept, each with its files at the archive root.
#include "backends/servicecatalog/terraform_artifacts.h"

#include "backends/servicecatalog/module_archive.h"
#include "backends/terraform/module_writer.h"

namespace pm::backends::sc {

std::map<std::string, std::string> terraformArtifacts(const ConversionModel& model,
                                                      const tf::NativeSources& sources,
                                                      ir::Diagnostics& diagnostics) {
  OutputTree written;
  tf::emitNativeModules(model, sources, written, diagnostics);
  std::map<std::string, std::string> archives;
  for (const ir::Module& module : model.modules.modules()) {
    if (!sources.count(module.name))
      continue;
    std::string folder = tf::moduleFolder(model, module.name) + "/";
    std::map<std::string, std::string> files;
    for (const auto& [path, content] : written.files())
      if (path.starts_with(folder))
        files.emplace(path.substr(folder.size()), content);
    archives.emplace(module.name, moduleArchive(files));
  }
  return archives;
}

} // namespace pm::backends::sc
