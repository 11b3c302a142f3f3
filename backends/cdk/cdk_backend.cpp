// The cdk target: one stack class per module and an app instantiating one stack per deployment.
#include "backends/cdk/cdk_backend.h"

#include "backends/cdk/app_writer.h"
#include "backends/cdk/cdk_classes.h"
#include "backends/cdk/expression_writer.h"
#include "backends/cdk/stack_writer.h"
#include "ir/reporting_jobs.h"

#include <set>
#include <string>
#include <vector>

namespace pm::backends {

namespace {

class CdkBackend : public Backend {
public:
  std::string_view name() const override { return "cdk"; }

  void emit(const ConversionModel& model, OutputTree& output,
            ir::Diagnostics& diagnostics) const override {
    const cdk::CdkClasses& classes = cdk::CdkClasses::instance();
    if (!classes.loadError().empty())
      diagnostics.warning(cdk::kCdkUntypedResourceRule, {},
                          classes.loadError() + "; every resource is written as a CfnResource");
    std::vector<cdk::StackClass> stacks;
    std::set<std::string> files;
    for (const ir::Module& module : model.modules.modules()) {
      cdk::StackClass stack = cdk::describeStack(module, model);
      std::string stem = stack.fileName.substr(0, stack.fileName.size() - 3);
      for (int number = 2; files.count(stack.fileName); ++number)
        stack.fileName = stem + "-" + std::to_string(number) + ".ts";
      files.insert(stack.fileName);
      stacks.push_back(std::move(stack));
    }
    // Each stack's text and findings apart (on the threads the passes had), then in stack order.
    std::vector<std::string> texts =
        ir::mapReportingJobs(stacks.size(), model.passes.threads, diagnostics,
                             [&](std::size_t index, ir::Diagnostics& found) {
                               return cdk::writeStack(stacks[index], model, classes, found);
                             });
    for (std::size_t index = 0; index < stacks.size(); ++index)
      output.write(stacks[index].fileName, std::move(texts[index]));
    cdk::writeApp(stacks, model, output, diagnostics);
  }
};

} // namespace

std::unique_ptr<Backend> makeCdkBackend() {
  return std::make_unique<CdkBackend>();
}

} // namespace pm::backends
