// Variables. Validation conditions tolerate null where the input is optional (default null),
// and error messages are full sentences, as Terraform requires.
#include "backends/terraform/variable_writer.h"

#include <fmt/format.h>

#include <algorithm>

namespace pm::tf {

namespace {

std::string typeName(ir::InputType type) {
  switch (type) {
  case ir::InputType::String:
    return "string";
  case ir::InputType::Number:
  case ir::InputType::Integer:
    return "number";
  case ir::InputType::Boolean:
    return "bool";
  case ir::InputType::List:
    return "list";
  case ir::InputType::Object:
    return "object";
  }
  return "string";
}

std::string variableType(const ir::Input& input);

// object({ name = string, inputs = object({ port = number }) })
std::string objectType(const std::vector<ir::Input>& fields) {
  std::string text = "object({";
  for (const ir::Input& field : fields)
    text +=
        std::string(text.ends_with("{") ? " " : ", ") + field.name + " = " + variableType(field);
  return text + " })";
}

std::string variableType(const ir::Input& input) {
  if (input.type == ir::InputType::Object)
    return objectType(input.fields);
  if (input.type == ir::InputType::List)
    return "list(" +
           (input.itemType == ir::InputType::Object ? objectType(input.fields)
                                                    : typeName(input.itemType)) +
           ")";
  return typeName(input.type);
}

std::string numberText(double value) {
  std::string text = fmt::format("{}", value);
  return text;
}

// A CommaDelimitedList default is one string: Terraform wants the list.
HclExprPtr defaultValue(const ir::Input& input, ExpressionTranslator& translator) {
  const ir::ExprPtr& value = input.defaultValue;
  if (input.type == ir::InputType::List && value->kind() == ir::ExprKind::String) {
    std::vector<HclExprPtr> items;
    std::string text = value->text();
    std::size_t start = 0;
    while (!text.empty() && start <= text.size()) {
      std::size_t end = text.find(',', start);
      if (end == std::string::npos)
        end = text.size();
      items.push_back(hclString(text.substr(start, end - start)));
      start = end + 1;
    }
    return HclExpr::tuple(std::move(items));
  }
  if ((input.type == ir::InputType::Number || input.type == ir::InputType::Integer) &&
      value->kind() == ir::ExprKind::String && !hclNumber(value->text()).empty())
    return HclExpr::raw(hclNumber(value->text()));
  if (input.type == ir::InputType::Boolean && value->kind() == ir::ExprKind::String &&
      (value->text() == "true" || value->text() == "false"))
    return HclExpr::raw(value->text());
  return translator.translate(value);
}

void addValidation(HclBody& body, const std::string& condition, const std::string& message,
                   bool nullable, const std::string& reference) {
  HclBody& validation = body.block("validation");
  validation.attribute(
      "condition",
      HclExpr::raw(nullable ? reference + " == null || (" + condition + ")" : condition));
  validation.attribute("error_message", hclString(message));
}

void writeValidations(const ir::Input& input, const std::string& name, bool nullable, HclBody& body,
                      ExpressionTranslator& translator) {
  std::string reference = "var." + name;
  if (!input.allowedValues.empty()) {
    std::vector<HclExprPtr> values;
    std::string listed;
    for (const ir::ExprPtr& value : input.allowedValues) {
      values.push_back(translator.translate(value));
      listed += (listed.empty() ? "" : ", ") + inlineText(values.back());
    }
    std::string checked =
        input.type == ir::InputType::List
            ? fmt::format("alltrue([for item in {} : contains({}, item)])", reference,
                          inlineText(HclExpr::tuple(values)))
            : fmt::format("contains({}, {})", inlineText(HclExpr::tuple(values)), reference);
    addValidation(body, checked, fmt::format("The value of {} must be one of {}.", name, listed),
                  nullable, reference);
  }
  if (input.pattern && input.type == ir::InputType::String)
    addValidation(
        body, fmt::format("can(regex({}, {}))", inlineText(hclString(*input.pattern)), reference),
        fmt::format("The value of {} must match the pattern {}.", name, *input.pattern), nullable,
        reference);
  auto lengthCheck = [&](std::optional<std::int64_t> minimum, std::optional<std::int64_t> maximum,
                         std::string_view what) {
    if (!minimum && !maximum)
      return;
    std::string condition;
    if (minimum)
      condition = fmt::format("length({}) >= {}", reference, *minimum);
    if (maximum)
      condition +=
          fmt::format("{}length({}) <= {}", condition.empty() ? "" : " && ", reference, *maximum);
    addValidation(body, condition,
                  fmt::format("The {} of {} must be between {} and {}.", what, name,
                              minimum ? std::to_string(*minimum) : "0",
                              maximum ? std::to_string(*maximum) : "any"),
                  nullable, reference);
  };
  if (input.type == ir::InputType::String)
    lengthCheck(input.minLength, input.maxLength, "length");
  if (input.type == ir::InputType::List)
    lengthCheck(input.minItems, input.maxItems, "number of items");
  bool numeric = input.type == ir::InputType::Number || input.type == ir::InputType::Integer;
  if (numeric && (input.minimum || input.maximum)) {
    std::string condition;
    if (input.minimum)
      condition = fmt::format("{} >= {}", reference, numberText(*input.minimum));
    if (input.maximum)
      condition += fmt::format("{}{} <= {}", condition.empty() ? "" : " && ", reference,
                               numberText(*input.maximum));
    addValidation(body, condition,
                  fmt::format("The value of {} must be between {} and {}.", name,
                              input.minimum ? numberText(*input.minimum) : "any",
                              input.maximum ? numberText(*input.maximum) : "any"),
                  nullable, reference);
  }
}

bool isLiteral(const ir::ExprPtr& value) {
  using K = ir::ExprKind;
  switch (value->kind()) {
  case K::String:
  case K::Number:
  case K::Bool:
  case K::Null:
    return true;
  case K::List:
    return std::all_of(value->items().begin(), value->items().end(), isLiteral);
  default:
    return false;
  }
}

void writeInput(const ir::Input& input, ModuleScope& scope, HclFile& file,
                ModuleInterface& interface) {
  ExpressionTranslator translator(scope);
  std::string name = scope.variableName(input.name);
  // A parameter whose default reads a schema input of the same name (Default:
  // '{{ environment.inputs.X }}') is that input: one variable.
  for (const ModuleInterface::Variable& declared : interface.variables)
    if (declared.name == name)
      return;
  HclBody& body = file.block("variable", {name});
  std::string description = input.description.empty() ? input.title : input.description;
  // The pipeline's instance list, which its loops read (the root passes the deployment's).
  bool instances = input.isContext && input.type == ir::InputType::List;
  if (input.isContext)
    description = instances ? "The service instances the pipeline deploys, as Proton listed "
                              "them (the fields the templates read)."
                            : "The Proton context value " + input.name + ".";
  if (!description.empty())
    body.attribute("description", hclString(description));
  body.attribute("type",
                 HclExpr::raw(input.isContext && !instances ? "string" : variableType(input)));
  // A schema input that is neither required nor defaulted may be left out: default null.
  bool optional = !input.isContext && !input.defaultValue && !input.required &&
                  input.cloudFormationType.empty();
  // Terraform defaults are constants: a default that reads another value is applied where the
  // variable is read (coalesce, see ExpressionTranslator::ref).
  bool computedDefault = input.defaultValue && !isLiteral(input.defaultValue);
  if (computedDefault)
    body.attribute("default", hclNull());
  else if (input.defaultValue)
    body.attribute("default", defaultValue(input, translator));
  else if (optional)
    body.attribute("default", hclNull());
  if (input.noEcho)
    body.attribute("sensitive", HclExpr::raw("true"));
  writeValidations(input, name, optional, body, translator);
  interface.variables.push_back(ModuleInterface::Variable{
      name, input.name, input.isContext, false, false,
      !input.defaultValue && !optional && !computedDefault, false, instances});
}

} // namespace

std::string variablesFile(ModuleScope& scope, ModuleInterface& interface) {
  HclFile file;
  for (const ir::Input& input : scope.module.inputs)
    writeInput(input, scope, file, interface);
  for (const auto& [variable, source] : scope.upstreamVariables) {
    HclBody& body = file.block("variable", {variable});
    body.attribute("description", hclString("The output " + source +
                                            " of the upstream module (Proton read it "
                                            "from there)."));
    body.attribute("type", HclExpr::raw("string"));
    interface.variables.push_back(
        ModuleInterface::Variable{variable, source, false, true, false, true, false, false});
  }
  for (const std::string& variable : scope.pseudoVariables) {
    HclBody& body = file.block("variable", {variable});
    body.attribute("description",
                   hclString(variable == "stack_name"
                                 ? "The name of the CloudFormation stack this module replaces."
                                 : "The ID of the CloudFormation stack this module replaces."));
    body.attribute("type", HclExpr::raw("string"));
    interface.variables.push_back(
        ModuleInterface::Variable{variable, variable, false, false, true, true, false, false});
  }
  return file.print();
}

} // namespace pm::tf
