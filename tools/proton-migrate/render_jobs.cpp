// Rendering all parts of a bundle.
#include "tools/proton-migrate/render_jobs.h"

namespace pm::driver {

namespace {

struct RenderJob {
  frontend::PartRole part;
  std::string instance; // empty: the first (or only) instance
  std::string fileName; // when writing with -o
};

// With -o every renderable part is written: one file per service instance, plus the pipeline.
std::vector<RenderJob> jobsFor(const frontend::Bundle& bundle, const TemplateInputs& inputs,
                               const std::optional<frontend::PartRole>& onlyPart,
                               const std::string& onlyInstance) {
  std::vector<RenderJob> jobs;
  for (const auto& part : bundle.parts) {
    if (part.templatePath.empty() || (onlyPart && part.role != *onlyPart))
      continue;
    std::string role = frontend::partRoleName(part.role);
    // A JSON template renders to JSON: keep its extension.
    std::string extension = part.templatePath.ends_with(".json") ? ".json" : ".yaml";
    bool perInstance = part.role == frontend::PartRole::Instance && inputs.spec &&
                       inputs.spec->instances.size() > 1 && onlyInstance.empty();
    if (!perInstance) {
      jobs.push_back({part.role, onlyInstance, role + extension});
      continue;
    }
    for (const auto& instance : inputs.spec->instances)
      jobs.push_back({part.role, instance.name, role + "-" + instance.name + extension});
  }
  return jobs;
}

} // namespace

std::size_t renderAllParts(const frontend::Bundle& bundle, const TemplateInputs& inputs,
                           const std::optional<frontend::PartRole>& onlyPart,
                           const std::string& onlyInstance, const std::string& prefix,
                           backends::OutputTree& output, ir::Diagnostics& diagnostics) {
  std::size_t written = 0;
  for (const auto& job : jobsFor(bundle, inputs, onlyPart, onlyInstance))
    if (auto text =
            frontend::renderAndCheck(bundle, inputs.request(job.part, job.instance), diagnostics)) {
      output.write(prefix + job.fileName, std::move(*text));
      ++written;
    }
  return written;
}

} // namespace pm::driver
