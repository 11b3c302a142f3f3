// What a module's stack class looks like from outside: its props and exposed outputs.
#include "backends/cdk/stack_class.h"

#include "backends/cdk/typescript_text.h"
#include "ir/target_names.h"

#include <algorithm>
#include <set>

namespace pm::backends::cdk {

namespace {

using ir::ExprKind;
using ir::NamedKind;

constexpr ir::NamingStyle kCamel{ir::CaseStyle::Camel, 0, "", "_"};
constexpr ir::NamingStyle kPascal{ir::CaseStyle::Pascal, 0, "", "_"};

std::string fileStem(std::string_view name) {
  std::string stem;
  for (char c : name) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum)
      stem += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    else if (!stem.empty() && stem.back() != '-')
      stem += '-';
  }
  while (!stem.empty() && stem.back() == '-')
    stem.pop_back();
  return stem.empty() ? "module" : stem;
}

std::string tsTypeOf(const ir::Input& input);

// `{ name: string; inputs: { port: number } }` for an object's fields.
std::string tsObjectType(const std::vector<ir::Input>& fields) {
  std::string text = "{ ";
  for (const ir::Input& field : fields)
    text += tsKey(field.name) + ": " + tsTypeOf(field) + "; ";
  return text + "}";
}

std::string tsScalarType(ir::InputType type) {
  switch (type) {
  case ir::InputType::Number:
  case ir::InputType::Integer:
    return "number";
  case ir::InputType::Boolean:
    return "boolean";
  default:
    return "string";
  }
}

std::string tsTypeOf(const ir::Input& input) {
  switch (input.type) {
  case ir::InputType::Object:
    return tsObjectType(input.fields);
  case ir::InputType::List:
    if (input.itemType == ir::InputType::Object)
      return "Array<" + tsObjectType(input.fields) + ">";
    // A context list Proton filled without a schema type (the instance list of a pipeline
    // that no loop reads).
    if (input.isContext)
      return "any[]";
    return tsScalarType(input.itemType) + "[]";
  default:
    return tsScalarType(input.type);
  }
}

void collectUpstreamOutputs(const ir::Module& module, std::vector<ir::UpstreamOutput>& found) {
  ir::walkModuleExprs(module, [&](const ir::Expr& node) {
    if (node.kind() == ExprKind::UpstreamOutputRef) {
      const ir::UpstreamOutput& target = node.upstreamOutput();
      bool known = std::any_of(found.begin(), found.end(), [&](const ir::UpstreamOutput& u) {
        return u.module == target.module && u.output == target.output;
      });
      if (!known)
        found.push_back(target);
    }
    return true;
  });
}

// The module's Outputs that an upstream binding reads, in the module's order. An output whose
// export name is an expression is left out: resolved in the importing stack, `${AWS::StackName}`
// would name the importer; its readers keep the values given for it.
std::vector<const ir::Output*> boundOutputs(const ir::Module& module,
                                            const ConversionModel& model) {
  std::set<std::string> bound;
  for (const ir::UpstreamBinding& binding : model.passes.bindings.bindings)
    for (const ir::OutputProducer& producer : binding.producers)
      if (producer.module == module.name)
        bound.insert(producer.output);
  std::vector<const ir::Output*> outputs;
  for (const ir::Output& output : module.outputs)
    if (bound.count(output.name) &&
        (!output.exportName || output.exportName->kind() == ir::ExprKind::String))
      outputs.push_back(&output);
  return outputs;
}

} // namespace

std::string cdkName(const ConversionModel& model, const ir::Module& module, NamedKind kind,
                    const std::string& source, const ir::NamingStyle& style) {
  if (const std::string* name =
          model.passes.identifiers.find(ir::NamingTarget::Cdk, module.name, kind, source))
    return *name;
  std::string name = ir::normaliseName(source, style);
  return name.empty() ? "value" : name;
}

std::string exposedOutputAccess(const ir::Output& output) {
  std::string access = isTsIdentifier(output.name) ? ".outputs." + output.name
                                                   : ".outputs[" + tsString(output.name) + "]";
  return output.guards.empty() ? access : access + "!";
}

StackClass describeStack(const ir::Module& module, const ConversionModel& model) {
  StackClass stack;
  stack.module = &module;
  if (model.mode == ConversionMode::Parametric)
    stack.exposedOutputs = boundOutputs(module, model);
  std::string name = cdkName(model, module, NamedKind::Module, module.name, kPascal);
  stack.className = name.ends_with("Stack") ? name : name + "Stack";
  stack.fileName = "lib/" + fileStem(module.name) + "-stack.ts";
  if (model.mode != ConversionMode::Parametric)
    return stack;
  std::set<std::string> used;
  for (const ir::Input& input : module.inputs) {
    if (!input.cloudFormationType.empty())
      continue;
    StackProp prop;
    prop.source = input.isContext ? StackProp::Source::Context : StackProp::Source::Input;
    prop.key = input.name;
    prop.name = cdkName(model, module, NamedKind::Input, input.name, kCamel);
    prop.type = tsTypeOf(input);
    prop.inputType = input.type;
    prop.optional = input.defaultValue || !(input.required || input.isContext);
    prop.input = &input;
    used.insert(prop.name);
    stack.props.push_back(prop);
  }
  std::vector<ir::UpstreamOutput> upstream;
  collectUpstreamOutputs(module, upstream);
  for (const ir::UpstreamOutput& output : upstream) {
    StackProp prop;
    prop.source = StackProp::Source::UpstreamOutput;
    prop.key = output.module + "." + output.output;
    std::string base = ir::normaliseName(output.module + " " + output.output, kCamel);
    prop.name = base;
    for (int number = 2; used.count(prop.name); ++number)
      prop.name = base + std::to_string(number);
    used.insert(prop.name);
    prop.type = "string";
    stack.props.push_back(prop);
  }
  return stack;
}

} // namespace pm::backends::cdk
