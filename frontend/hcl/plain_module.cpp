// Proton references become model references (InputRef, ContextRef, UpstreamOutputRef), the
// same the CloudFormation readers produce, so a backend names them as it names any input.
#include "frontend/hcl/plain_module.h"

#include "frontend/bundle/schema_inputs.h"
#include "frontend/hcl/span_edit.h"
#include "frontend/parametric/parametric_reader.h"

#include <set>

namespace pm::frontend::hcl {

namespace {

const InputTypeSchema* partInputs(const Bundle& bundle, PartRole role) {
  if (!bundle.schema)
    return nullptr;
  const std::optional<InputTypeSchema>& type =
      role == PartRole::Pipeline   ? bundle.schema->pipelineInputs
      : role == PartRole::Instance ? bundle.schema->serviceInputs
                                   : bundle.schema->environmentInputs;
  return type ? &*type : nullptr;
}

std::string fileName(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// `var.service_instance.components.default...` read as an object (`can(...)`, a for over
// its outputs): the `var.service_instance.components` part becomes one map variable.
std::optional<ProtonEdit> componentsEdit(const ProtonReference& reference, std::string_view text) {
  constexpr std::string_view kPrefix = "var.service_instance.components";
  if (reference.path.size() < 2 || reference.path[1] != "components" ||
      text.substr(reference.span.begin, kPrefix.size()) != kPrefix)
    return std::nullopt;
  Span span{reference.span.begin, reference.span.begin + kPrefix.size()};
  return ProtonEdit{span, ProtonEditKind::Components, nullptr, reference.location};
}

// The edit for one reference; nothing (and an error) for a path Proton does not provide.
std::optional<ProtonEdit> referenceEdit(const ProtonReference& reference,
                                        const InputTypeSchema* inputs, std::string_view text,
                                        ir::Diagnostics& diagnostics) {
  using K = ProtonReferenceKind;
  ProtonEdit edit{reference.span, ProtonEditKind::Value, nullptr, reference.location};
  switch (reference.kind) {
  case K::Input:
    if (inputs && !inputs->find(reference.leaf())) {
      diagnostics.error("PRS003", reference.location,
                        "'" + reference.leaf() + "' is not an input of " + inputs->name +
                            " in the schema; add it to the schema or fix the name");
      return std::nullopt;
    }
    edit.value = ir::Expr::inputRef(reference.leaf(), reference.location);
    return edit;
  case K::EnvironmentOutput:
    edit.value = ir::Expr::upstreamOutputRef({"environment", reference.leaf()}, reference.location);
    return edit;
  case K::ComponentOutput:
    edit.value = ir::Expr::upstreamOutputRef({"component", reference.leaf()}, reference.location);
    return edit;
  case K::Context:
    edit.value = ir::Expr::contextRef(reference.dottedPath(), reference.location);
    return edit;
  case K::Tags:
    edit.kind = ProtonEditKind::Tags;
    return edit;
  case K::InstanceList:
    edit.kind = ProtonEditKind::InstanceList;
    return edit;
  case K::WholeObject:
    if (reference.path.size() == 2 && reference.path[1] == "inputs") {
      edit.kind = ProtonEditKind::AllInputs;
      return edit;
    }
    if (std::optional<ProtonEdit> components = componentsEdit(reference, text))
      return components;
    // A Proton value, but one a plain module has no single variable for.
    diagnostics.error("TF001", reference.location,
                      "var." + reference.dottedPath() +
                          " read as a whole object has no plain-module form; read its fields "
                          "one by one (var." +
                          reference.dottedPath() + ".NAME)");
    return std::nullopt;
  case K::Unknown:
    break;
  }
  diagnostics.error("PRS003", reference.location,
                    "var." + reference.dottedPath() +
                        " is not a value Proton provides to Terraform templates (" +
                        protonReferenceKindName(reference.kind) + ")");
  return std::nullopt;
}

// `variable "x" { type = string }`: no default, so the caller sets it.
void readRequiredVariables(const SyntaxTree& tree, PlainTerraformFile& plain) {
  for (NodeId block : tree.blocks(tree.root(), "variable")) {
    std::vector<std::string> labels = tree.blockLabels(block);
    if (labels.size() == 1 && !isProtonVariableName(labels.front()) &&
        !tree.attribute(tree.blockBody(block), "default"))
      plain.requiredVariables.push_back(labels.front());
  }
}

// `aws = { source = "hashicorp/aws", version = "~> 3.0" }`: the version string.
void readAwsVersion(const SyntaxTree& tree, NodeId providers, PlainTerraformFile& plain) {
  std::optional<NodeId> aws = tree.attribute(providers, "aws");
  if (!aws)
    return;
  NodeId value = tree.node(*aws).children.front();
  if (tree.node(value).kind != NodeKind::Object)
    return;
  for (NodeId item : tree.node(value).children) {
    const Node& entry = tree.node(item);
    if (entry.kind == NodeKind::ObjectItem && tree.sourceText(entry.children[0]) == "version")
      plain.edits.push_back({tree.span(entry.children[1]), ProtonEditKind::AwsVersion, nullptr,
                             tree.location(entry.children[1])});
  }
}

// `terraform { backend "s3" {} }`: where the state lives is the root's business.
void readSettings(const SyntaxTree& tree, PlainTerraformFile& plain) {
  for (NodeId settings : tree.blocks(tree.root(), "terraform")) {
    NodeId body = tree.blockBody(settings);
    for (NodeId backend : tree.blocks(body, "backend"))
      plain.edits.push_back({wholeLines(tree.text(), tree.span(backend)), ProtonEditKind::Backend,
                             nullptr, tree.location(backend)});
    for (NodeId providers : tree.blocks(body, "required_providers")) {
      plain.declaresProviders = true;
      readAwsVersion(tree, tree.blockBody(providers), plain);
    }
  }
}

std::optional<PlainTerraformFile>
plainFile(const TerraformFile& file, const InputTypeSchema* inputs, ir::Diagnostics& diagnostics) {
  PlainTerraformFile plain{fileName(file.path), file.tree.text(), {}, false, {}};
  bool failed = false;
  for (const ProtonVariableDeclaration& declaration : file.declarations)
    plain.edits.push_back({wholeLines(file.tree.text(), declaration.span), ProtonEditKind::Remove,
                           nullptr, declaration.location});
  for (const ProtonReference& reference : file.references) {
    std::optional<ProtonEdit> edit =
        referenceEdit(reference, inputs, file.tree.text(), diagnostics);
    if (edit)
      plain.edits.push_back(std::move(*edit));
    failed = failed || !edit;
  }
  readSettings(file.tree, plain);
  readRequiredVariables(file.tree, plain);
  if (failed)
    return std::nullopt;
  return plain;
}

// Schema inputs first, then each context value the files read, as the parametric reader does.
void declareInputs(PlainTerraformModule& plain, const InputTypeSchema* inputs) {
  if (inputs)
    plain.module.inputs = toModelInputs(*inputs);
  std::set<std::string> context, upstream;
  for (const PlainTerraformFile& file : plain.files)
    for (const ProtonEdit& edit : file.edits) {
      if (!edit.value)
        continue;
      if (edit.value->kind() == ir::ExprKind::ContextRef)
        context.insert(edit.value->name());
      if (edit.value->kind() == ir::ExprKind::UpstreamOutputRef)
        upstream.insert(edit.value->upstreamOutput().module);
    }
  for (const std::string& path : context) {
    ir::Input input;
    input.name = path;
    input.isContext = true;
    plain.module.inputs.push_back(std::move(input));
  }
  plain.module.upstreamModules.assign(upstream.begin(), upstream.end());
}

} // namespace

std::optional<PlainTerraformModule> readPlainTerraformModule(const Bundle& bundle,
                                                             const BundlePart& part,
                                                             ir::Diagnostics& diagnostics) {
  std::optional<TerraformPart> terraform = readTerraformPart(bundle, part, diagnostics);
  if (!terraform)
    return std::nullopt;
  const InputTypeSchema* inputs = partInputs(bundle, part.role);
  PlainTerraformModule plain;
  plain.module.kind = moduleKindOf(part.role);
  plain.module.name = bundle.name;
  plain.module.sourcePath = bundle.files.displayPath(part.directory);
  bool failed = false;
  for (const TerraformFile& file : terraform->files) {
    if (file.protonGenerated)
      continue;
    std::optional<PlainTerraformFile> converted = plainFile(file, inputs, diagnostics);
    if (converted)
      plain.files.push_back(std::move(*converted));
    failed = failed || !converted;
  }
  if (failed)
    return std::nullopt;
  declareInputs(plain, inputs);
  return plain;
}

} // namespace pm::frontend::hcl
