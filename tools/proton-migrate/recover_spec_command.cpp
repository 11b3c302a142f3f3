// `proton-migrate recover-spec`: the spec a deployed template was rendered from (DESIGN.md
// "Inverse rendering"), with drift reported where the deployed template departs from the bundle.
#include "tools/proton-migrate/commands.h"

#include "frontend/input_file.h"
#include "frontend/parametric/spec_recovery.h"
#include "frontend/yaml/yaml_file.h"
#include "tools/proton-migrate/exit_codes.h"
#include "tools/proton-migrate/template_inputs.h"

#include <yaml-cpp/yaml.h>

#include <ostream>

namespace pm::driver {

namespace {

std::string jsonString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += '\\', out += c;
    else if (c == '\n')
      out += "\\n";
    else if (static_cast<unsigned char>(c) < 0x20)
      out += "\\u00" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15];
    else
      out += c;
  }
  return out + "\"";
}

// JSON scalars keep their type: a quoted one (tag "!") is a string, a plain one is written as is
// (numbers, true, false, null), as the JSON reader read it.
void writeJson(const YAML::Node& node, std::string& out) {
  if (node.IsMap()) {
    out += "{";
    bool first = true;
    for (const auto& entry : node) {
      out += (first ? "" : ",") + jsonString(entry.first.Scalar()) + ":";
      writeJson(entry.second, out);
      first = false;
    }
    out += "}";
  } else if (node.IsSequence()) {
    out += "[";
    for (std::size_t i = 0; i < node.size(); ++i) {
      out += i ? "," : "";
      writeJson(node[i], out);
    }
    out += "]";
  } else if (node.IsNull()) {
    out += "null";
  } else {
    out += node.Tag() == "!" ? jsonString(node.Scalar()) : node.Scalar();
  }
}

// `aws cloudformation get-template` wraps the template: {"TemplateBody": text or object}.
std::string unwrapTemplateBody(const std::string& path, const std::string& text) {
  // Loaded within the bounds of every YAML input (an alias bomb is not written out as JSON);
  // when it is not, the template reader reports the problem with its location.
  ir::Diagnostics reportedByTheTemplateReader;
  auto document = frontend::loadYamlDocument(path, text, reportedByTheTemplateReader);
  if (!document || !document->IsMap() || !(*document)["TemplateBody"] || (*document)["Resources"])
    return text;
  YAML::Node body = (*document)["TemplateBody"];
  if (body.IsScalar())
    return body.as<std::string>();
  std::string json;
  writeJson(body, json); // an object: written back as the JSON text it was
  return json;
}

std::optional<ir::Module> readDeployed(const std::string& path, ir::Diagnostics& diagnostics) {
  auto read = frontend::readInputFile(path, diagnostics); // bounded like every named file
  if (!read)
    return std::nullopt;
  std::string text = unwrapTemplateBody(path, *read);
  diagnostics.registerSource(path, text);
  return frontend::readCloudFormation(path, text, diagnostics);
}

std::string contextValue(const std::vector<frontend::ContextOverride>& overrides,
                         const frontend::RecoveredSpec& recovered, const std::string& path,
                         const std::string& fallback) {
  for (const auto& item : overrides)
    if (item.path == path)
      return item.value;
  auto found = recovered.context.find(path);
  return found == recovered.context.end() ? fallback : found->second.text;
}

void noteUpstreamOutputs(const frontend::RecoveredSpec& recovered, std::ostream& err) {
  for (const auto& [name, value] : recovered.upstreamOutputs)
    if (!value.location.file.empty()) // the ones --env-outputs gave are not news
      err << "note: environment output " << name << " = " << value.text << " (recovered at "
          << value.location.str() << ")\n";
}

int recoverSpec(const po::variables_map& values, CommandIo& io) {
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
  auto role = partOption(values, *bundle, diagnostics);
  if (values.count("part") && !role)
    return finish(kExitInputError);
  const frontend::BundlePart* chosen = role ? bundle->part(*role) : bundle->defaultPart();
  if (role && !chosen) {
    diagnostics.error("PRS013", {bundle->files.displayRoot(), 0, 0},
                      "the bundle has no part '" + values["part"].as<std::string>() + "'");
    return finish(kExitInputError);
  }
  auto deployed = readDeployed(values["template"].as<std::string>(), diagnostics);
  if (!deployed || diagnostics.hasErrors())
    return finish(kExitInputError);
  auto request = inputs->request(chosen ? chosen->role : frontend::PartRole::Infrastructure, "");
  auto recovered = frontend::recoverSpec(*bundle, request, *deployed, diagnostics);
  if (!recovered)
    return finish(kExitInputError);
  std::string instance =
      values.count("instance")
          ? values["instance"].as<std::string>()
          : contextValue(inputs->overrides, *recovered, "service_instance.name", "instance");
  std::string environment = contextValue(inputs->overrides, *recovered, "environment.name",
                                         frontend::kDefaultEnvironmentName);
  io.out << frontend::writeRecoveredSpec(*recovered, instance, environment);
  noteUpstreamOutputs(*recovered, io.err);
  return finish(recovered->drift > 0 ? kExitFindings : kExitSuccess);
}

} // namespace

Command recoverSpecCommand() {
  return {
      "recover-spec",
      "recover-spec BUNDLE --template F [--part P] [--instance NAME] [--spec F] "
      "[--env-outputs F] [--context PATH=VALUE]...",
      "Recovers the spec a deployed template was rendered from by matching it against the\n"
      "bundle; every place the deployed template departs from the bundle is reported (MIG023).",
      [](po::options_description& options, po::positional_options_description& positional) {
        // clang-format off
            options.add_options()
                ("bundle", po::value<std::string>()->required()->value_name("BUNDLE"),
                 "bundle folder or .tar.gz archive")
                ("template", po::value<std::string>()->required()->value_name("F"),
                 "the deployed template: YAML/JSON, or `aws cloudformation get-template` JSON")
                ("part", po::value<std::string>()->value_name("P"),
                 "infrastructure, instance or pipeline (default: the bundle's first)")
                ("instance", po::value<std::string>()->value_name("NAME"),
                 "the instance name written into a ServiceSpec (default: recovered, or instance)")
                ("spec", po::value<std::vector<std::string>>()->value_name("FILE"),
                 "for --part pipeline: a ServiceSpec listing the instances the pipeline deploys "
                 "(recovered from their own stacks); its pipeline inputs are not used")
                ("env-outputs", po::value<std::string>()->value_name("FILE"),
                 "the environment stack's outputs (a flat map or `aws cloudformation "
                 "describe-stacks` JSON): they tell which of the branches reading them was deployed");
        // clang-format on
        declareContextOption(options);
        positional.add("bundle", 1);
      },
      recoverSpec};
}

} // namespace pm::driver
