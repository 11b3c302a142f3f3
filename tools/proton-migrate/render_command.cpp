// `proton-migrate render`: the CloudFormation Proton deployed, reproduced byte for byte.
#include "tools/proton-migrate/commands.h"

#include "tools/proton-migrate/exit_codes.h"
#include "tools/proton-migrate/output_directory.h"
#include "tools/proton-migrate/render_jobs.h"
#include "tools/proton-migrate/template_inputs.h"

#include <ostream>

namespace pm::driver {

namespace {

int render(const po::variables_map& values, CommandIo& io) {
  ir::Diagnostics diagnostics;
  auto finish = [&](int code) {
    diagnostics.print(io.err);
    return code;
  };
  auto loaded = loadBundle(values["bundle"].as<std::string>(), values, diagnostics);
  if (!loaded)
    return finish(kExitInputError);
  const frontend::Bundle* bundle = &loaded->bundle;
  const TemplateInputs* inputs = &loaded->inputs;
  auto part = partOption(values, *bundle, diagnostics);
  if (values.count("part") && !part)
    return finish(kExitInputError);
  std::string instance = values.count("instance") ? values["instance"].as<std::string>() : "";
  if (!values.count("output")) {
    const frontend::BundlePart* chosen = part ? bundle->part(*part) : bundle->defaultPart();
    auto request =
        inputs->request(chosen ? chosen->role : frontend::PartRole::Infrastructure, instance);
    auto text = frontend::renderAndCheck(*bundle, request, diagnostics);
    if (!text)
      return finish(kExitInputError);
    io.out << *text;
    return finish(diagnostics.hasErrors() ? kExitInputError : kExitSuccess);
  }
  backends::OutputTree output;
  renderAllParts(*bundle, *inputs, part, instance, "", output, diagnostics);
  if (diagnostics.hasErrors())
    return finish(kExitInputError); // nothing is written when any part failed
  if (output.empty()) {
    diagnostics.error("PRS013", {bundle->files.displayRoot(), 0, 0},
                      "the bundle has no CloudFormation+Jinja part to render");
    return finish(kExitInputError);
  }
  commitOutputTree(output, values["output"].as<std::string>());
  return finish(kExitSuccess);
}

} // namespace

Command renderCommand() {
  return {
      "render",
      "render BUNDLE [--part P] [--instance NAME] [--spec F] [--env-outputs F] "
      "[--component-outputs F] [--context PATH=VALUE]... [-o DIR]",
      "Renders a CloudFormation+Jinja bundle part exactly as Proton did and prints it, or writes\n"
      "every part (one file per service instance) into DIR.",
      [](po::options_description& options, po::positional_options_description& positional) {
        // clang-format off
        options.add_options()
            ("bundle", po::value<std::string>()->required()->value_name("BUNDLE"),
             "bundle folder, .tar.gz archive, or CloudFormation file")
            ("part", po::value<std::string>()->value_name("P"),
             "infrastructure, instance, pipeline or component (default: the bundle's first)")
            ("instance", po::value<std::string>()->value_name("NAME"),
             "service instance of the spec to render (default: the first)")
            ("output,o", po::value<std::string>()->value_name("DIR"),
             "write every part into DIR instead of printing one");
        // clang-format on
        declareTemplateInputOptions(options);
        positional.add("bundle", 1);
      },
      render};
}

} // namespace pm::driver
