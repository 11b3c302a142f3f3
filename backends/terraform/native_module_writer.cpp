// A Terraform-based bundle part as a plain module. Proton handed every input to Terraform as a
// string in one object variable; here each input is its own variable typed from the schema.
#include "backends/terraform/native_module_writer.h"

#include "backends/terraform/expression_translator.h"
#include "backends/terraform/root_writer.h"
#include "backends/terraform/variable_writer.h"
#include "ir/instantiate.h"

#include <algorithm>
#include <optional>
#include <set>

namespace pm::tf {

namespace {

inline constexpr const char* kBackendRemovedRule = "TF005";
inline constexpr const char* kProviderUpgradeRule = "TF006";

// What the edits of a module made it read beyond its inputs.
struct NativeNeeds {
  bool allInputs = false;
  bool tags = false;
  bool instances = false;
  bool components = false;
  std::optional<ir::SourceLocation> removedBackend;
  std::string backendText; // the removed block, as written (indented for `terraform { }`)
};

// The bundle's aws constraint gives way to the version the module is checked against; the
// root could not satisfy both.
std::string awsVersion(const NativeFile& file, const NativeEdit& edit,
                       ir::Diagnostics& diagnostics) {
  std::string written = file.text.substr(edit.begin, edit.end - edit.begin);
  std::string wanted = inlineText(hclString(kAwsProviderVersion));
  if (written != wanted)
    diagnostics.warning(kProviderUpgradeRule, edit.location,
                        "hashicorp/aws " + written + " becomes " + wanted +
                            ", the version the module is checked against; review the "
                            "provider's upgrade guides for the resources it uses");
  return wanted;
}

std::string replacement(const NativeFile& file, const NativeEdit& edit,
                        ExpressionTranslator& translator, NativeNeeds& needs) {
  switch (edit.kind) {
  case NativeEditKind::AwsVersion:
    return awsVersion(file, edit, translator.scope().diagnostics);
  case NativeEditKind::Value:
    return inlineText(translator.translate(edit.value));
  case NativeEditKind::AllInputs:
    needs.allInputs = true;
    return "local.proton_inputs";
  case NativeEditKind::Tags:
    needs.tags = true;
    return "var.proton_tags";
  case NativeEditKind::InstanceList:
    needs.instances = true;
    return "var.service_instances";
  case NativeEditKind::Backend:
    needs.removedBackend = edit.location;
    needs.backendText = file.text.substr(edit.begin, edit.end - edit.begin);
    return "";
  case NativeEditKind::Components:
    needs.components = true;
    return "var.service_instance_components";
  case NativeEditKind::Remove:
    return "";
  }
  return "";
}

std::string rewrite(const NativeFile& file, ExpressionTranslator& translator, NativeNeeds& needs) {
  std::vector<const NativeEdit*> edits;
  for (const NativeEdit& edit : file.edits)
    edits.push_back(&edit);
  std::sort(edits.begin(), edits.end(),
            [](const NativeEdit* a, const NativeEdit* b) { return a->begin < b->begin; });
  std::string text;
  std::size_t at = 0;
  for (const NativeEdit* edit : edits) {
    text.append(file.text, at, edit->begin - at);
    text += replacement(file, *edit, translator, needs);
    at = edit->end;
  }
  text.append(file.text, at);
  return text;
}

// Proton's `var.<scope>.inputs` held only the inputs given: optional ones left out are absent.
void declareAllInputs(ModuleScope& scope, HclFile& file) {
  std::vector<HclEntry> entries;
  for (const ir::Input& input : scope.module.inputs)
    if (!input.isContext)
      entries.push_back(
          HclEntry{input.name, HclExpr::raw("var." + scope.variableName(input.name))});
  HclBody& locals = file.block("locals");
  locals.attribute("proton_declared_inputs", HclExpr::object(std::move(entries)));
  locals.attribute("proton_inputs",
                   HclExpr::raw("{ for name, value in local.proton_declared_inputs : name => value "
                                "if value != null }"));
}

void declareProtonVariables(const NativeNeeds& needs, HclFile& file, ModuleInterface& interface) {
  if (needs.tags) {
    HclBody& tags = file.block("variable", {"proton_tags"});
    tags.attribute("description",
                   hclString("The tags Proton added to every resource it deployed."));
    tags.attribute("type", HclExpr::raw("map(string)"));
    tags.attribute("default", HclExpr::object({}));
    interface.variables.push_back(
        {"proton_tags", "proton_tags", true, false, false, false, false, false});
  }
  if (needs.instances) {
    HclBody& instances = file.block("variable", {"service_instances"});
    instances.attribute("description",
                        hclString("The service instances the pipeline deploys, as Proton listed "
                                  "them: objects with name, inputs and outputs."));
    instances.attribute("type", HclExpr::raw("any"));
    instances.attribute("default", HclExpr::tuple({}));
    interface.variables.push_back(
        {"service_instances", "service_instances", false, false, false, false, false, true});
  }
  if (needs.components) {
    HclBody& components = file.block("variable", {"service_instance_components"});
    components.attribute("description",
                         hclString("The components attached to the service instance, by name "
                                   "(Proton's only one is \"default\"), with their outputs."));
    components.attribute("type", HclExpr::raw("map(object({ outputs = map(string) }))"));
    components.attribute("default", HclExpr::object({}));
    interface.variables.push_back({"service_instance_components", "service_instance_components",
                                   false, false, false, false, true, false});
  }
}

// Also sets `backend` to the state backend block the module's files declared, if any.
ModuleInterface writeNativeModule(const ir::Module& module, const ir::Identifiers& identifiers,
                                  const std::vector<NativeFile>& files, const std::string& folder,
                                  backends::OutputTree& output, std::string& backend,
                                  ir::Diagnostics& diagnostics) {
  ModuleScope scope(module, identifiers, diagnostics);
  ExpressionTranslator translator(scope);
  NativeNeeds needs;
  std::vector<ModuleInterface::Variable> authorVariables;
  bool declaresProviders = false;
  bool variablesTaken = false;
  for (const NativeFile& file : files) {
    output.write(folder + "/" + file.name, rewrite(file, translator, needs));
    for (const std::string& variable : file.requiredVariables)
      authorVariables.push_back({variable, variable, false, false, false, true, false, false});
    declaresProviders = declaresProviders || file.declaresProviders;
    variablesTaken = variablesTaken || file.name == "variables.tf";
  }
  ModuleInterface interface;
  interface.folder = folder;
  std::string variables = variablesFile(scope, interface);
  interface.variables.insert(interface.variables.end(), authorVariables.begin(),
                             authorVariables.end());
  HclFile extra;
  if (needs.allInputs)
    declareAllInputs(scope, extra);
  declareProtonVariables(needs, extra, interface);
  std::string extraText = extra.print();
  if (!variables.empty() && !extraText.empty())
    variables += "\n";
  output.write(folder + (variablesTaken ? "/proton_variables.tf" : "/variables.tf"),
               variables + extraText);
  if (!declaresProviders)
    output.write(folder + "/versions.tf", versionsFile());
  if (needs.removedBackend && backend.empty())
    backend = needs.backendText;
  if (needs.removedBackend)
    diagnostics.report(ir::Severity::Note, kBackendRemovedRule, *needs.removedBackend,
                       "the state backend of " + module.name +
                           " was removed: a module has none; the root's backend.tf has it");
  return interface;
}

// Rendered mode: each reference the deployment gives a value becomes that value, and the module
// keeps only the inputs still read (all of them when the inputs map is read).
struct RenderedPart {
  ir::Module module;
  std::vector<NativeFile> files;
};

RenderedPart renderedPart(const ir::Module& module, const std::vector<NativeFile>& files,
                          const ir::InputValues& values) {
  RenderedPart rendered{module, files};
  std::set<std::string> read;
  bool allInputs = false;
  for (NativeFile& file : rendered.files)
    for (NativeEdit& edit : file.edits) {
      allInputs = allInputs || edit.kind == NativeEditKind::AllInputs;
      if (edit.kind != NativeEditKind::Value)
        continue;
      edit.value = ir::instantiate(edit.value, values);
      if (edit.value->kind() == ir::ExprKind::InputRef ||
          edit.value->kind() == ir::ExprKind::ContextRef)
        read.insert(edit.value->name());
    }
  if (!allInputs)
    std::erase_if(rendered.module.inputs,
                  [&](const ir::Input& input) { return !read.count(input.name); });
  return rendered;
}

const backends::Deployment* firstDeployment(const backends::ConversionModel& model,
                                            const std::string& module) {
  for (const backends::Deployment& deployment : model.deployments)
    if (deployment.module == module)
      return &deployment;
  return nullptr;
}

} // namespace

void emitNativeModules(const backends::ConversionModel& model, const NativeSources& sources,
                       backends::OutputTree& output, ir::Diagnostics& diagnostics) {
  std::map<std::string, ModuleInterface> interfaces;
  std::string backend;
  for (const ir::Module& module : model.modules.modules()) {
    auto files = sources.find(module.name);
    if (files == sources.end())
      continue;
    const backends::Deployment* deployment = firstDeployment(model, module.name);
    std::optional<RenderedPart> rendered;
    if (model.mode == backends::ConversionMode::Rendered && deployment)
      rendered = renderedPart(module, files->second, deployment->values);
    interfaces.emplace(module.name, writeNativeModule(rendered ? rendered->module : module,
                                                      model.passes.identifiers,
                                                      rendered ? rendered->files : files->second,
                                                      moduleFolder(model, module.name), output,
                                                      backend, diagnostics));
  }
  writeRoot(model, interfaces, "root", output, diagnostics);
  // Proton kept one state per deployment; the root holds them all, in the first backend given.
  if (!backend.empty())
    output.write("root/backend.tf", "terraform {\n" + backend + "}\n");
}

} // namespace pm::tf
