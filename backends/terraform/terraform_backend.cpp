// The terraform target: a module folder per model module, a root calling them per deployment.
#include "backends/terraform/terraform_backend.h"

#include "backends/loop_fallback.h"
#include "backends/terraform/loop_frames.h"
#include "backends/terraform/module_writer.h"
#include "backends/terraform/root_writer.h"
#include "backends/terraform/template_loops.h"
#include "ir/passes/expand_serverless.h"
#include "ir/passes/repair_yaml_slips.h"

#include <fmt/format.h>

#include <map>

namespace pm::backends {

namespace {

// The lists Terraform loops over itself: list inputs and the pipeline's service instances (the
// roots pass each deployment's list). Loops over any other list are expanded per deployment.
bool writesLoopOver(const std::string& collectionKey) {
  return isInputCollection(collectionKey) || tf::keyedByName(collectionKey);
}

class TerraformBackend : public Backend {
public:
  std::string_view name() const override { return "terraform"; }

  void emit(const ConversionModel& given, OutputTree& output,
            ir::Diagnostics& diagnostics) const override {
    // Terraform has no SAM transform: the AWS::Serverless resources are expanded first.
    ConversionModel model =
        withUnsupportedLoopsExpanded(given, writesLoopOver, name(), diagnostics);
    for (ir::Module& module : model.modules.modules()) {
      ir::expandServerless(module, diagnostics);
      ir::repairYamlSlips(module, diagnostics);
    }
    std::map<std::string, tf::ModuleInterface> interfaces;
    tf::MappingCounts counts;
    for (const ir::Module& written : model.modules.modules()) {
      ir::Module module = tf::withTemplateLoopsExpanded(written, diagnostics);
      interfaces.emplace(module.name, tf::writeModule(module, model.passes.identifiers,
                                                      tf::moduleFolder(model, module.name), output,
                                                      diagnostics, counts));
    }
    tf::writeRoot(model, interfaces, "root", output, diagnostics);
    int total = counts.curated + counts.awscc + counts.unmapped;
    if (total > 0)
      diagnostics.report(ir::Severity::Note, "TF000", {},
                         fmt::format("terraform: {} resource(s): {} curated aws, {} awscc, {} "
                                     "unmapped",
                                     total, counts.curated, counts.awscc, counts.unmapped));
  }
};

} // namespace

std::unique_ptr<Backend> makeTerraformBackend() {
  return std::make_unique<TerraformBackend>();
}

} // namespace pm::backends
