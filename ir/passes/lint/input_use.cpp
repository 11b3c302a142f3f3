// MIG001 (references to undeclared inputs), MIG002 (inputs nothing reads), MIG005 (required
// inputs with no value source), MIG007 (CloudFormation Parameters in a Proton template),
// MIG010 (inputs that replace a resource when they change) and MIG016 (schema constructs the
// targets' input models cannot hold).
#include "ir/passes/lint/rule_families.h"
#include "ir/type_table.h"

#include <cctype>
#include <set>

namespace pm::ir::lint {

namespace {

bool isSchemaInput(const Input& input) {
  return !input.isContext && input.cloudFormationType.empty();
}

// MIG001 and the names MIG002 needs: every InputRef of the module.
std::set<std::string> checkReferences(LintContext& context) {
  std::set<std::string> used;
  std::set<std::string> reported;
  walkModule(context.module(), [&](const Expr& node, const Resource* resource) {
    if (node.kind() != ExprKind::InputRef)
      return;
    used.insert(node.name());
    if (!context.module().findInput(node.name()) && reported.insert(node.name()).second)
      context.report("MIG001", Severity::Error, resource, node.location(),
                     "the template reads input '" + node.name() +
                         "', which the schema does not declare");
  });
  return used;
}

// Inputs a Jinja construct reads that the reader could not lift (MIG008) were rendered into
// literals: they are used, though no InputRef is left in the model.
void addRenderedInputs(const LintContext& context, std::set<std::string>& used) {
  // A module read from rendered text is "<file> (rendered)"; the reader's MIG008 names <file>.
  std::string source = context.module().sourcePath;
  source = source.substr(0, source.find(" (rendered)"));
  constexpr std::string_view kInputs = "inputs.";
  for (const Diagnostic& diagnostic : context.diagnostics().all()) {
    if (diagnostic.ruleId != "MIG008" || source.empty() ||
        !diagnostic.location.file.str().starts_with(source))
      continue;
    const std::string& text = diagnostic.message;
    for (std::size_t at = text.find(kInputs); at != std::string::npos;
         at = text.find(kInputs, at + 1)) {
      std::size_t begin = at + kInputs.size();
      std::size_t end = begin;
      while (end < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_'))
        ++end;
      used.insert(text.substr(begin, end - begin));
    }
  }
}

void checkUnused(LintContext& context, std::set<std::string> used) {
  addRenderedInputs(context, used);
  for (const Input& input : context.module().inputs)
    if (isSchemaInput(input) && !used.contains(input.name))
      context.report("MIG002", Severity::Warning, nullptr, input.location,
                     "input '" + input.name + "' is declared but no template of " +
                         std::string(moduleKindName(context.module().kind)) + " '" +
                         context.module().name +
                         "' reads it: it becomes a dead variable (lost wiring?)");
}

void checkRequired(LintContext& context) {
  for (const Input& input : context.module().inputs)
    if (isSchemaInput(input) && input.required && !input.defaultValue)
      context.report("MIG005", Severity::Warning, nullptr, input.location,
                     "required input '" + input.name +
                         "' has no default: the converted variable or parameter is mandatory "
                         "and each deployment must supply it (tfvars, CDK context, launch "
                         "parameter)");
}

void checkParameters(LintContext& context) {
  if (context.module().kind == ModuleKind::Template)
    return; // a plain CloudFormation template takes parameters
  for (const Input& input : context.module().inputs) {
    if (input.isContext || input.cloudFormationType.empty())
      continue;
    if (input.defaultValue)
      context.report("MIG007", Severity::Warning, nullptr, input.location,
                     "CloudFormation parameter '" + input.name +
                         "' in a Proton template: Proton passes no parameter values, so its "
                         "default is frozen and the schema input that should drive it is "
                         "ignored");
    else
      context.report("MIG007", Severity::Error, nullptr, input.location,
                     "CloudFormation parameter '" + input.name +
                         "' has no Default: Proton passes no parameter values, so the stack "
                         "cannot be created");
  }
}

std::string firstInput(const ExprPtr& value) {
  std::string name;
  walkExpr(value, [&](const Expr& node) {
    if (node.kind() == ExprKind::InputRef && name.empty())
      name = node.name();
    return name.empty();
  });
  return name;
}

void checkCreateOnly(LintContext& context, const Resource& resource) {
  const ResourceType* type = TypeTable::instance().find(resource.type);
  if (!type || !resource.properties || resource.properties->kind() != ExprKind::Map)
    return;
  for (const MapEntry& entry : resource.properties->entries()) {
    const PropertyInfo* info = type->property(entry.key);
    std::string input = info && info->createOnly ? firstInput(entry.value) : "";
    if (!input.empty())
      context.report("MIG010", Severity::Warning, &resource, entry.value->location(),
                     "input '" + input + "' feeds " + entry.key + " of '" + resource.logicalId +
                         "', which cannot change in place: a new value replaces the resource");
  }
}

// MIG016: schema constructs a target's input model cannot hold as they are.
constexpr std::size_t kCloudFormationParameterLimit = 200;

void checkRepresentable(LintContext& context) {
  const Module& module = context.module();
  bool catalog = context.options().target == "servicecatalog";
  std::size_t schemaInputs = 0;
  for (const Input& input : module.inputs) {
    if (!isSchemaInput(input))
      continue;
    ++schemaInputs;
    if (input.type == InputType::Boolean)
      context.report("MIG016", catalog ? Severity::Warning : Severity::Info, nullptr,
                     input.location,
                     "boolean input '" + input.name +
                         "' becomes a String 'true'/'false' parameter in CloudFormation "
                         "(Service Catalog): comparisons change meaning");
    if (input.type == InputType::List && input.itemType == InputType::Object)
      context.report("MIG016", catalog ? Severity::Error : Severity::Warning, nullptr,
                     input.location,
                     "input '" + input.name +
                         "' is a list of objects: Service Catalog parameters cannot hold it, "
                         "Terraform and CDK need list(object) types");
  }
  if (schemaInputs > kCloudFormationParameterLimit)
    context.report("MIG016", Severity::Error, nullptr, module.location,
                   std::to_string(schemaInputs) +
                       " inputs: more than the 200 parameters a CloudFormation template takes");
}

} // namespace

void checkInputUse(LintContext& context) {
  if (!context.options().rendered) {
    std::set<std::string> used = checkReferences(context);
    if (!context.module().resources.empty() || !context.module().outputs.empty())
      checkUnused(context, used);
  }
  checkRequired(context);
  checkParameters(context);
  checkRepresentable(context);
  for (const Resource& resource : context.module().resources)
    checkCreateOnly(context, resource);
}

} // namespace pm::ir::lint
