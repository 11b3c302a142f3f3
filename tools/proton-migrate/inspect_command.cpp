// `proton-migrate inspect`: the model of each template part and its reference graph.
#include "tools/proton-migrate/commands.h"

#include "backends/report/reference_graph.h"
#include "frontend/parametric/parametric_reader.h"
#include "ir/passes/check_types.h"
#include "ir/passes/resolve_references.h"
#include "tools/proton-migrate/exit_codes.h"
#include "tools/proton-migrate/template_inputs.h"

#include <ostream>

namespace pm::driver {

namespace {

std::optional<report::GraphFormat> graphFormat(const po::variables_map& values, CommandIo& io) {
  if (!values.count("graph"))
    return std::nullopt;
  std::string name = values["graph"].as<std::string>();
  if (name == "dot")
    return report::GraphFormat::Dot;
  if (name == "mermaid")
    return report::GraphFormat::Mermaid;
  if (name == "json")
    return report::GraphFormat::Json;
  io.err << "proton-migrate inspect: --graph takes dot, mermaid or json, not '" << name << "'\n";
  return std::nullopt;
}

// The CloudFormation text of a part: rendered with the given inputs when it is Jinja.
std::optional<ir::Module> readPart(const frontend::Bundle& bundle, const frontend::BundlePart& part,
                                   const TemplateInputs& inputs, const std::string& instance,
                                   bool parametric, ir::Diagnostics& diagnostics) {
  if (parametric) {
    auto module =
        frontend::readParametric(bundle, inputs.request(part.role, instance), diagnostics);
    if (module)
      ir::runResolveReferences(*module, diagnostics);
    return module;
  }
  auto text = frontend::renderPart(bundle, inputs.request(part.role, instance), diagnostics);
  if (!text)
    return std::nullopt;
  return frontend::readRenderedTemplate(bundle, part, *text, diagnostics,
                                        [](ir::Module& module, ir::Diagnostics& found) {
                                          ir::runResolveReferences(module, found);
                                          ir::runCheckTypes(module, found);
                                        });
}

std::string describe(const ir::Module& module, const std::optional<report::GraphFormat>& format) {
  return format ? report::writeReferenceGraph(module, *format) : report::writeModelSummary(module);
}

int inspect(const po::variables_map& values, CommandIo& io) {
  auto format = graphFormat(values, io);
  if (values.count("graph") && !format)
    return kExitUsage;
  ir::Diagnostics diagnostics;
  auto finish = [&](int code) {
    diagnostics.print(io.err);
    return code;
  };
  auto loaded = loadBundle(values["path"].as<std::string>(), values, diagnostics);
  if (!loaded)
    return finish(kExitInputError);
  const frontend::Bundle* bundle = &loaded->bundle;
  const TemplateInputs* inputs = &loaded->inputs;
  std::string instance = values.count("instance") ? values["instance"].as<std::string>() : "";
  std::optional<frontend::PartRole> onlyPart;
  if (values.count("part")) {
    onlyPart = frontend::partRoleNamed(values["part"].as<std::string>());
    if (!onlyPart) {
      io.err << "proton-migrate inspect: --part takes infrastructure, instance, pipeline or "
                "component\n";
      return kExitUsage;
    }
  }
  std::vector<std::pair<std::string, std::string>> described;
  for (const auto& part : bundle->parts) {
    if (part.templatePath.empty() || (onlyPart && part.role != *onlyPart))
      continue;
    if (auto module =
            readPart(*bundle, part, *inputs, instance, values.count("parametric") > 0, diagnostics))
      described.emplace_back(frontend::partRoleName(part.role), describe(*module, format));
  }
  if (described.empty() && !diagnostics.hasErrors())
    diagnostics.error("PRS013", {bundle->files.displayRoot(), 0, 0},
                      std::string("this ") + frontend::bundleKindName(bundle->kind) +
                          " bundle has no CloudFormation part to inspect");
  bool json = format == report::GraphFormat::Json;
  if (json && described.size() > 1) {
    io.out << "{\n";
    for (std::size_t i = 0; i < described.size(); ++i)
      io.out << "\"" << described[i].first << "\": " << described[i].second
             << (i + 1 < described.size() ? ",\n" : "\n");
    io.out << "}\n";
  } else {
    for (const auto& [part, text] : described) {
      if (described.size() > 1 && !json)
        io.out << (format == report::GraphFormat::Mermaid ? "%% "
                   : format                               ? "// "
                                                          : "# ")
               << part << "\n";
      io.out << text;
    }
  }
  return finish(diagnostics.hasErrors() ? kExitInputError : kExitSuccess);
}

} // namespace

Command inspectCommand() {
  return {
      "inspect",
      "inspect PATH [--graph dot|mermaid|json] [--part P] [--spec F] [--env-outputs F] [--context "
      "PATH=VALUE]...",
      "Shows the model of each CloudFormation part (rendered with the given inputs, or the\n"
      "schema defaults) and its reference graph. Unresolved references are reported.\n"
      "Graph locations refer to the rendered template.",
      [](po::options_description& options, po::positional_options_description& positional) {
        // clang-format off
            options.add_options()
                ("path", po::value<std::string>()->required()->value_name("PATH"),
                 "bundle folder, .tar.gz archive, or CloudFormation file")
                ("graph", po::value<std::string>()->value_name("FORMAT"), "dot, mermaid or json")
                ("part", po::value<std::string>()->value_name("P"),
                 "only this part: infrastructure, instance, pipeline or component")
                ("instance", po::value<std::string>()->value_name("NAME"),
                 "service instance of the spec (default: the first)")
                ("parametric", "the parametric model: inputs kept as references, Jinja `if`s as guards");
        // clang-format on
        declareTemplateInputOptions(options);
        positional.add("path", 1);
      },
      inspect};
}

} // namespace pm::driver
