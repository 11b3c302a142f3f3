// Writing one module as a CDK stack class (see stack_writer.h).
#include "backends/cdk/stack_writer.h"

#include "backends/cdk/expression_writer.h"
#include "backends/cdk/local_names.h"
#include "backends/cdk/resource_writer.h"
#include "backends/cdk/typescript_text.h"
#include "ir/instantiate.h"
#include "ir/target_names.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace pm::backends::cdk {

namespace {

using ir::ExprKind;
using ir::ExprPtr;
using ir::NamedKind;

constexpr ir::NamingStyle kCamel{ir::CaseStyle::Camel, 0, "", "_"};
constexpr ir::NamingStyle kPascal{ir::CaseStyle::Pascal, 0, "", "_"};

// Python's truth and equality, as the Jinja `if` of the template tested them.
constexpr std::string_view kJinjaHelpers =
    R"(// Python's truth, as the template's Jinja `if` tested it: empty strings, lists, maps and 0 are false.
function jinjaTruth(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value !== null && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

function jinjaEquals(left: unknown, right: unknown): boolean {
  return left === right;
}

)";

TsType scopeTypeOf(const StackProp& prop) {
  if (prop.type == "string")
    return TsType::String;
  if (prop.type == "number")
    return TsType::Number;
  if (prop.type == "boolean")
    return TsType::Boolean;
  if (prop.type == "string[]")
    return TsType::StringList;
  return TsType::Any;
}

// Conditions in an order where each comes after the conditions it names.
std::vector<const ir::Condition*> conditionOrder(const ir::Module& module) {
  std::vector<const ir::Condition*> order;
  std::set<std::string> placed;
  std::set<std::string> visiting;
  auto place = [&](auto& self, const ir::Condition& condition) -> void {
    if (placed.count(condition.name) || visiting.count(condition.name))
      return;
    visiting.insert(condition.name);
    ir::walkExpr(condition.expression, [&](const ir::Expr& node) {
      if (node.kind() == ExprKind::Condition)
        if (const ir::Condition* named = module.findCondition(node.name()))
          self(self, *named);
      return true;
    });
    placed.insert(condition.name);
    order.push_back(&condition);
  };
  for (const ir::Condition& condition : module.conditions)
    place(place, condition);
  return order;
}

class StackText {
public:
  StackText(const StackClass& stack, const ConversionModel& model, const CdkClasses& classes,
            ir::Diagnostics& diagnostics)
      : stack_(stack), module_(*stack.module), model_(model), classes_(classes),
        diagnostics_(diagnostics), writer_(classes, scope_, diagnostics) {}

  std::string write() {
    reserveNames();
    writeHeader();
    writePropsInterface();
    out_ << "export class " << stack_.className << " extends " << lib() << ".Stack {\n";
    if (!module_.otherSections.empty())
      out_ << "  private readonly templateSections: Record<string, unknown> = {};\n";
    if (!module_.resourceLoops.empty())
      out_ << "  private readonly resourceLoops: Record<string, unknown> = {};\n";
    writeExposedOutputsField();
    if (overridesTemplate() || !stack_.exposedOutputs.empty())
      out_ << "\n";
    out_ << "  constructor(scope: Construct, id: string, " << props_ << ": " << propsType()
         << (requiresProps() ? "" : " = {}") << ") {\n";
    out_ << "    super(scope, id, " << props_ << ");\n";
    writeTemplateOptions();
    writeInputs();
    writeParameters();
    writeMappings();
    writeConditions();
    writeGuards();
    writeResources();
    writeOutputs();
    writeExposedOutputs();
    writeOtherSections();
    out_ << "  }\n";
    writeTemplateOverride();
    out_ << "}\n";
    return out_.str();
  }

private:
  std::string lib() const { return scope_.lib; }
  std::string propsType() const { return stack_.className + "Props"; }
  bool requiresProps() const {
    return std::any_of(stack_.props.begin(), stack_.props.end(),
                       [](const StackProp& prop) { return !prop.optional; });
  }

  void reserveNames() {
    for (const auto& [key, name] : model_.passes.identifiers.all())
      if (key.target == ir::NamingTarget::Cdk && key.module == module_.name &&
          key.kind != NamedKind::Input)
        names_.take(name);
    for (std::string_view helper : {"jinjaTruth", "jinjaEquals", "Construct"})
      names_.take(std::string(helper));
    scope_.lib = names_.fresh("cdk");
    props_ = names_.fresh("props");
    inputs_ = names_.fresh("inputs");
    for (const ir::Resource& resource : module_.resources)
      constructIds_.insert(resource.logicalId);
    for (const ir::Input& input : module_.inputs)
      if (!input.cloudFormationType.empty())
        constructIds_.insert(input.name);
  }

  void writeHeader() {
    out_ << "// The " << ir::moduleKindName(module_.kind) << " " << module_.name;
    if (!module_.sourcePath.empty())
      out_ << " (" << module_.sourcePath << ")";
    out_ << " as a CDK stack, generated by proton-migrate.\n"
         << "// Constructs keep the original logical IDs: deploying this stack over the existing\n"
         << "// one updates the resources in place.\n";
    out_ << "import * as " << lib() << " from 'aws-cdk-lib';\n"
         << "import { Construct } from 'constructs';\n\n";
    if (!module_.guards.empty())
      out_ << kJinjaHelpers;
  }

  void writePropsInterface() {
    out_ << "export interface " << propsType() << " extends " << lib() << ".StackProps {\n";
    for (const StackProp& prop : stack_.props) {
      std::vector<std::string> doc;
      if (prop.input && !prop.input->description.empty())
        doc.push_back(tsCommentText(prop.input->description));
      if (prop.source == StackProp::Source::UpstreamOutput)
        doc.push_back("The output " + prop.key + " of the stack this one reads from.");
      if (prop.input && prop.input->defaultValue)
        doc.push_back("@default " + tsCommentText(writer_.raw(prop.input->defaultValue)));
      if (!doc.empty()) {
        out_ << "  /**\n";
        for (const std::string& text : doc)
          out_ << "   * " << text << "\n";
        out_ << "   */\n";
      }
      out_ << "  readonly " << prop.name << (prop.optional ? "?" : "") << ": " << enumType(prop)
           << ";\n";
    }
    out_ << "}\n\n";
  }

  // A union of the allowed values when the input has an enum.
  std::string enumType(const StackProp& prop) const {
    if (!prop.input || prop.input->allowedValues.empty() || prop.type == "any[]" ||
        prop.type.ends_with("[]"))
      return prop.type;
    std::string type;
    for (const ExprPtr& value : prop.input->allowedValues)
      type += (type.empty() ? "" : " | ") + writer_.write(value, shapeOf(prop));
    return type;
  }

  static PropertyShape shapeOf(const StackProp& prop) {
    if (prop.type == "string")
      return kStringShape;
    if (prop.type == "number")
      return kNumberShape;
    if (prop.type == "boolean")
      return kBooleanShape;
    if (prop.type == "string[]")
      return kStringListShape;
    return kAnyShape;
  }

  void writeTemplateOptions() {
    if (!module_.description.empty())
      out_ << "    this.templateOptions.description = " << tsString(module_.description) << ";\n";
    if (!module_.formatVersion.empty())
      out_ << "    this.templateOptions.templateFormatVersion = " << tsString(module_.formatVersion)
           << ";\n";
    for (const std::string& transform : module_.transforms)
      if (transform != ir::kServerlessTransform || !addsServerlessTransform())
        out_ << "    this.addTransform(" << tsString(transform) << ");\n";
    if (module_.metadata) {
      writer_.setIndent(4);
      out_ << "    this.templateOptions.metadata = " << writer_.raw(module_.metadata) << ";\n";
    }
  }

  // The aws_sam L1 classes add the SAM transform themselves; adding it again would turn the
  // template's Transform into a list.
  bool addsServerlessTransform() const {
    return std::any_of(
        module_.resources.begin(), module_.resources.end(), [&](const ir::Resource& resource) {
          return resource.type.starts_with("AWS::Serverless::") && classes_.find(resource.type);
        });
  }

  // Sections the CDK has no construct for (SAM's Globals, Rules, Hooks) are added to the
  // rendered template by overriding the (protected) Stack._toCloudFormation that renders it.
  // Their values are built in the constructor, where the inputs and guards are in scope.
  // Fn::ForEach entries of Resources (AWS::LanguageExtensions) have no construct either: they
  // are added to the rendered Resources the same way, and CloudFormation expands them.
  void writeOtherSections() {
    writer_.setIndent(4);
    for (const ir::MapEntry& section : module_.otherSections)
      out_ << "    this.templateSections[" << tsString(section.key)
           << "] = " << writer_.raw(section.value) << ";\n";
    for (const ir::ResourceLoopFragment& loop : module_.resourceLoops)
      out_ << "    this.resourceLoops[" << tsString(loop.written.key)
           << "] = " << writer_.raw(loop.written.value) << ";\n";
  }

  bool overridesTemplate() const {
    return !module_.otherSections.empty() || !module_.resourceLoops.empty();
  }

  void writeTemplateOverride() {
    if (!overridesTemplate())
      return;
    out_ << "\n  protected _toCloudFormation(): any {\n"
         << "    const template = super._toCloudFormation();\n";
    if (!module_.otherSections.empty())
      out_ << "    for (const [section, value] of Object.entries(this.templateSections))\n"
           << "      template[section] = this.resolve(value);\n";
    if (!module_.resourceLoops.empty())
      out_ << "    template.Resources = template.Resources ?? {};\n"
           << "    for (const [name, loop] of Object.entries(this.resourceLoops))\n"
           << "      template.Resources[name] = this.resolve(loop);\n";
    out_ << "    return template;\n  }\n";
  }

  void writeInputs() {
    if (stack_.props.empty())
      return;
    out_ << "    const " << inputs_ << " = {\n";
    for (const StackProp& prop : stack_.props) {
      std::string value = props_ + "." + prop.name;
      if (prop.input && prop.input->defaultValue)
        value += " ?? " + writer_.write(prop.input->defaultValue, shapeOf(prop));
      out_ << "      " << prop.name << ": " << value << ",\n";
      bool maybeUndefined = prop.optional && !(prop.input && prop.input->defaultValue);
      TsValue reference{inputs_ + "." + prop.name + (maybeUndefined ? "!" : ""), scopeTypeOf(prop),
                        TsOrigin::Value};
      if (prop.source == StackProp::Source::Input)
        scope_.inputs[prop.key] = reference;
      else if (prop.source == StackProp::Source::Context)
        scope_.context[prop.key] = reference;
      else
        scope_.upstreamOutputs[prop.key] = reference;
    }
    out_ << "    };\n";
    for (const StackProp& prop : stack_.props)
      writeChecks(prop);
  }

  void writeChecks(const StackProp& prop) {
    if (!prop.input || prop.source != StackProp::Source::Input)
      return;
    const ir::Input& input = *prop.input;
    std::string value = inputs_ + "." + prop.name;
    std::vector<std::pair<std::string, std::string>> checks; // failing condition, message
    if (!input.allowedValues.empty() && !prop.type.ends_with("[]")) {
      std::string values;
      for (const ExprPtr& allowed : input.allowedValues)
        values += (values.empty() ? "" : ", ") + writer_.write(allowed, shapeOf(prop));
      checks.push_back(
          {"![" + values + "].includes(" + value + ")", "is not one of the allowed values"});
    }
    if (input.pattern && prop.type == "string")
      checks.push_back({"!new RegExp(" + tsString(*input.pattern) + ").test(" + value + ")",
                        "does not match the pattern " + *input.pattern});
    auto bound = [&](const auto& limit, const std::string& measured, const char* op,
                     const std::string& message) {
      if (limit)
        checks.push_back({measured + " " + op + " " + fmtNumber(*limit), message});
    };
    if (prop.type == "number") {
      bound(input.minimum, value, "<", "is below the minimum");
      bound(input.maximum, value, ">", "is above the maximum");
    }
    if (prop.type == "string") {
      bound(input.minLength, value + ".length", "<", "is shorter than the minimum length");
      bound(input.maxLength, value + ".length", ">", "is longer than the maximum length");
    }
    if (prop.type.ends_with("[]")) {
      bound(input.minItems, value + ".length", "<", "has fewer items than the minimum");
      bound(input.maxItems, value + ".length", ">", "has more items than the maximum");
    }
    for (const auto& [failing, message] : checks) {
      out_ << "    if (" << value << " !== undefined && !" << lib() << ".Token.isUnresolved("
           << value << ") && " << failing << ") {\n"
           << "      throw new Error(" << tsString(prop.name + " " + message) << ");\n"
           << "    }\n";
    }
  }

  template <typename Number> static std::string fmtNumber(Number number) {
    std::ostringstream text;
    text << number;
    return text.str();
  }

  void writeParameters() {
    for (const ir::Input& input : module_.inputs) {
      if (input.cloudFormationType.empty())
        continue;
      std::vector<std::string> fields{"type: " + tsString(input.cloudFormationType)};
      writer_.setIndent(6);
      if (input.defaultValue)
        fields.push_back("default: " + writer_.raw(input.defaultValue));
      if (!input.allowedValues.empty()) {
        std::string values;
        for (const ExprPtr& value : input.allowedValues)
          values += (values.empty() ? "" : ", ") + writer_.write(value, kStringShape);
        fields.push_back("allowedValues: [" + values + "]");
      }
      if (input.pattern)
        fields.push_back("allowedPattern: " + tsString(*input.pattern));
      if (!input.constraintDescription.empty())
        fields.push_back("constraintDescription: " + tsString(input.constraintDescription));
      if (!input.description.empty())
        fields.push_back("description: " + tsString(input.description));
      if (input.maxLength)
        fields.push_back("maxLength: " + fmtNumber(*input.maxLength));
      if (input.maximum)
        fields.push_back("maxValue: " + fmtNumber(*input.maximum));
      if (input.minLength)
        fields.push_back("minLength: " + fmtNumber(*input.minLength));
      if (input.minimum)
        fields.push_back("minValue: " + fmtNumber(*input.minimum));
      if (input.noEcho)
        fields.push_back("noEcho: true");
      out_ << "    new " << lib() << ".CfnParameter(this, " << tsString(input.name) << ", {\n";
      for (const std::string& field : fields)
        out_ << "      " << field << ",\n";
      out_ << "    });\n";
    }
  }

  // A construct id for an element whose CloudFormation name may equal a resource's: the
  // construct tree has one namespace, the template one per section.
  std::string constructId(const std::string& name, const std::string& suffix, bool& renamed) {
    std::string id = name;
    renamed = false;
    for (int number = 2; constructIds_.count(id); ++number) {
      id = name + suffix + (number > 2 ? std::to_string(number - 1) : "");
      renamed = true;
    }
    constructIds_.insert(id);
    return id;
  }

  void writeMappings() {
    for (const ir::Mapping& mapping : module_.mappings) {
      bool renamed = false;
      std::string id = constructId(mapping.name, "Mapping", renamed);
      writer_.setIndent(4);
      std::string declaration = "new " + lib() + ".CfnMapping(this, " + tsString(id) +
                                ", { mapping: " + writer_.raw(mapping.entries) + " })";
      if (renamed)
        out_ << "    " << declaration << ".overrideLogicalId(" << tsString(mapping.name) << ");\n";
      else
        out_ << "    " << declaration << ";\n";
    }
  }

  void writeConditions() {
    for (const ir::Condition* condition : conditionOrder(module_)) {
      bool renamed = false;
      std::string id = constructId(condition->name, "Condition", renamed);
      std::string variable =
          cdkName(model_, module_, NamedKind::Condition, condition->name, kCamel);
      writer_.setIndent(4);
      out_ << "    const " << variable << " = new " << lib() << ".CfnCondition(this, "
           << tsString(id) << ", {\n      expression: " << writer_.condition(condition->expression)
           << ",\n    });\n";
      if (renamed)
        out_ << "    " << variable << ".overrideLogicalId(" << tsString(condition->name) << ");\n";
      scope_.conditions[condition->name] = variable;
    }
  }

  void writeGuards() {
    for (const ir::GuardVariable& guard : module_.guards) {
      std::string variable = names_.fresh(ir::normaliseName(guard.name, kCamel));
      out_ << "    const " << variable << " = " << writer_.guardCondition(guard.condition) << ";\n";
      scope_.guards[guard.name] = variable;
    }
  }

  std::string guardTest(const std::vector<ir::Guard>& guards) const {
    std::string test;
    for (const ir::Guard& guard : guards) {
      auto found = scope_.guards.find(guard.variable);
      std::string variable = found == scope_.guards.end() ? "false" : found->second;
      test += (test.empty() ? "" : " && ") + std::string(guard.whenTrue ? "" : "!") + variable;
    }
    return test;
  }

  void writeResources() {
    for (const ir::Resource& resource : module_.resources) {
      std::string variable =
          cdkName(model_, module_, NamedKind::Resource, resource.logicalId, kCamel);
      int indent = 4;
      std::string closing;
      if (!resource.guards.empty()) {
        out_ << "    if (" << guardTest(resource.guards) << ") {\n";
        indent += 2;
        closing = "    }\n";
      }
      ExpressionScope inner = scope_;
      if (resource.loop) {
        std::string item = ir::normaliseName(resource.loop->variable, kCamel);
        if (item.empty())
          item = "item";
        std::string index = item + "Index";
        inner.loops[resource.loop->variable] = {item, index};
        inner.loops["loop"] = {item, index};
        std::string pad(static_cast<std::size_t>(indent), ' ');
        out_ << pad << "for (const [" << index << ", " << item << "] of ("
             << writer_.raw(resource.loop->collection) << " as any[]).entries()) {\n";
        closing = pad + "}\n" + closing;
        indent += 2;
      }
      ExpressionWriter writer(classes_, inner, diagnostics_);
      ResourceContext context{classes_, writer, inner, diagnostics_};
      out_ << writeResource(resource, variable, context, indent) << closing;
    }
  }

  void writeOutputs() {
    for (const ir::Output& output : module_.outputs) {
      bool renamed = false;
      std::string id = constructId(output.name, "Output", renamed);
      int indent = output.guards.empty() ? 4 : 6;
      std::string pad(static_cast<std::size_t>(indent), ' ');
      writer_.setIndent(indent + 2);
      std::vector<std::string> fields{"value: " + writer_.write(output.value, kStringShape)};
      if (!output.description.empty())
        fields.push_back("description: " + tsString(output.description));
      if (output.exportName)
        fields.push_back("exportName: " + writer_.write(output.exportName, kStringShape));
      else if (isExposed(output))
        fields.push_back("exportName: " + addedExportName(output));
      if (output.condition) {
        auto found = scope_.conditions.find(output.condition->name);
        if (found != scope_.conditions.end())
          fields.push_back("condition: " + found->second);
      }
      if (!output.guards.empty())
        out_ << "    if (" << guardTest(output.guards) << ") {\n";
      out_ << pad << "new " << lib() << ".CfnOutput(this, " << tsString(id) << ", {\n";
      for (const std::string& field : fields)
        out_ << pad << "  " << field << ",\n";
      out_ << pad << "})" << (renamed ? ".overrideLogicalId(" + tsString(output.name) + ")" : "")
           << ";\n";
      if (!output.guards.empty())
        out_ << "    }\n";
    }
  }

  void writeExposedOutputsField() {
    if (stack_.exposedOutputs.empty())
      return;
    out_ << "  /** The outputs other stacks of the app import (Fn::ImportValue of their exports). "
            "*/\n"
         << "  public readonly outputs: {\n";
    for (const ir::Output* output : stack_.exposedOutputs)
      out_ << "    readonly " << tsKey(output->name) << (output->guards.empty() ? "" : "?")
           << ": string;\n";
    out_ << "  };\n";
  }

  bool isExposed(const ir::Output& output) const {
    return std::find(stack_.exposedOutputs.begin(), stack_.exposedOutputs.end(), &output) !=
           stack_.exposedOutputs.end();
  }

  // The export an exposed output without one gets: the stack's name is known when the app is
  // synthesized, so the name is a plain string other stacks can import.
  std::string addedExportName(const ir::Output& output) const {
    return "`${this.stackName}:" + output.name + "`";
  }

  // Other stacks read an output through its export (Fn::ImportValue), named as written or as
  // added. A guarded output exists only when its guards hold; its value is undefined otherwise.
  void writeExposedOutputs() {
    if (stack_.exposedOutputs.empty())
      return;
    writer_.setIndent(6);
    out_ << "    this.outputs = {\n";
    for (const ir::Output* output : stack_.exposedOutputs) {
      std::string exportName = output->exportName ? writer_.write(output->exportName, kStringShape)
                                                  : addedExportName(*output);
      std::string value = lib() + ".Fn.importValue(" + exportName + ")";
      if (!output->guards.empty())
        value = "(" + guardTest(output->guards) + ") ? " + value + " : undefined";
      out_ << "      " << tsKey(output->name) << ": " << value << ",\n";
    }
    out_ << "    };\n";
  }

  const StackClass& stack_;
  const ir::Module& module_;
  const ConversionModel& model_;
  const CdkClasses& classes_;
  ir::Diagnostics& diagnostics_;
  ExpressionScope scope_;
  ExpressionWriter writer_;
  LocalNames names_;
  std::set<std::string> constructIds_;
  std::string props_;
  std::string inputs_;
  std::ostringstream out_;
};

} // namespace

std::string writeStack(const StackClass& stack, const ConversionModel& model,
                       const CdkClasses& classes, ir::Diagnostics& diagnostics) {
  return StackText(stack, model, classes, diagnostics).write();
}

} // namespace pm::backends::cdk
