// The naming tables of the targets and the word splitting shared by every case style.
#include "ir/target_names.h"

#include <array>
#include <vector>

namespace pm::ir {

namespace {

using K = NamedKind;

constexpr std::array kInputs{K::Input};
constexpr std::array kResources{K::Resource};
constexpr std::array kOutputs{K::Output};
constexpr std::array kConditions{K::Condition};
constexpr std::array kMappings{K::Mapping};
constexpr std::array kModules{K::Module};
// CloudFormation: parameters and logical IDs share the Ref namespace.
constexpr std::array kRefNames{K::Input, K::Resource};
// Terraform: conditions and mappings both become locals.
constexpr std::array kLocals{K::Condition, K::Mapping};
// CDK: everything but inputs becomes a variable in the stack constructor.
constexpr std::array kStackVariables{K::Resource, K::Output, K::Condition, K::Mapping};
constexpr std::span<const NamedKind> kNone;

// Terraform reserves these as variable names (Terraform docs, "Input Variables").
constexpr std::string_view kTerraformVariableReserved[] = {
    "source", "version", "providers", "count", "for_each", "lifecycle", "depends_on", "locals"};

// TypeScript reserved and strict-mode words, the contextual keywords that break declarations,
// and the constructor parameters of a generated stack (scope, id, props).
constexpr std::string_view kCdkVariableReserved[] = {
    "break",   "case",     "catch",     "class",  "const",  "continue",   "debugger",  "default",
    "delete",  "do",       "else",      "enum",   "export", "extends",    "false",     "finally",
    "for",     "function", "if",        "import", "in",     "instanceof", "new",       "null",
    "return",  "super",    "switch",    "this",   "throw",  "true",       "try",       "typeof",
    "var",     "void",     "while",     "with",   "as",     "implements", "interface", "let",
    "package", "private",  "protected", "public", "static", "yield",      "await",     "async",
    "any",     "boolean",  "declare",   "number", "string", "symbol",     "undefined", "arguments",
    "scope",   "id",       "props"};
// Props are fields of an interface extending cdk.StackProps: its members are taken
// (cdk-from-cfn's Env-vs-env collision, anchors.md); reserved words break destructuring.
constexpr std::string_view kCdkPropReserved[] = {"break",
                                                 "case",
                                                 "catch",
                                                 "class",
                                                 "const",
                                                 "continue",
                                                 "debugger",
                                                 "default",
                                                 "delete",
                                                 "do",
                                                 "else",
                                                 "enum",
                                                 "export",
                                                 "extends",
                                                 "false",
                                                 "finally",
                                                 "for",
                                                 "function",
                                                 "if",
                                                 "import",
                                                 "in",
                                                 "instanceof",
                                                 "new",
                                                 "null",
                                                 "return",
                                                 "super",
                                                 "switch",
                                                 "this",
                                                 "throw",
                                                 "true",
                                                 "try",
                                                 "typeof",
                                                 "var",
                                                 "void",
                                                 "while",
                                                 "with",
                                                 "as",
                                                 "implements",
                                                 "interface",
                                                 "let",
                                                 "package",
                                                 "private",
                                                 "protected",
                                                 "public",
                                                 "static",
                                                 "yield",
                                                 "await",
                                                 "env",
                                                 "stackName",
                                                 "description",
                                                 "tags",
                                                 "terminationProtection",
                                                 "synthesizer",
                                                 "analyticsReporting",
                                                 "crossRegionReferences",
                                                 "permissionsBoundary",
                                                 "suppressTemplateIndentation",
                                                 "notificationArns",
                                                 "propertyInjectors",
                                                 "props"};
// Names the generated TypeScript imports from aws-cdk-lib and constructs.
constexpr std::string_view kCdkClassReserved[] = {
    "App",       "Stack",        "StackProps", "Construct", "CfnParameter",
    "CfnOutput", "CfnCondition", "CfnMapping", "Fn",        "Aws"};

constexpr NamingStyle kCloudFormationStyle{CaseStyle::Pascal, 255, "", ""};
constexpr NamingStyle kTerraformStyle{CaseStyle::Snake, 0, "_", "_"};
constexpr NamingStyle kCamelStyle{CaseStyle::Camel, 0, "", "_"};
constexpr NamingStyle kClassStyle{CaseStyle::Pascal, 0, "", "_"};

using T = NamingTarget;

const std::array kNamespaces{
    NamingNamespace{T::CloudFormation,
                    "CloudFormation parameter",
                    kRefNames,
                    kResources,
                    kCloudFormationStyle,
                    true,
                    {},
                    false,
                    false},
    NamingNamespace{T::CloudFormation,
                    "CloudFormation output",
                    kOutputs,
                    kNone,
                    kCloudFormationStyle,
                    true,
                    {},
                    false,
                    false},
    NamingNamespace{T::CloudFormation,
                    "CloudFormation condition",
                    kConditions,
                    kNone,
                    kCloudFormationStyle,
                    true,
                    {},
                    false,
                    false},
    NamingNamespace{T::CloudFormation,
                    "CloudFormation mapping",
                    kMappings,
                    kNone,
                    kCloudFormationStyle,
                    true,
                    {},
                    false,
                    false},
    NamingNamespace{T::Terraform, "Terraform variable", kInputs, kNone, kTerraformStyle, false,
                    kTerraformVariableReserved, false, false},
    NamingNamespace{T::Terraform,
                    "Terraform resource",
                    kResources,
                    kNone,
                    kTerraformStyle,
                    false,
                    {},
                    true,
                    false},
    NamingNamespace{T::Terraform,
                    "Terraform output",
                    kOutputs,
                    kNone,
                    kTerraformStyle,
                    false,
                    {},
                    false,
                    false},
    NamingNamespace{
        T::Terraform, "Terraform local", kLocals, kNone, kTerraformStyle, false, {}, false, false},
    NamingNamespace{
        T::Terraform, "Terraform module", kModules, kNone, kTerraformStyle, false, {}, false, true},
    NamingNamespace{T::Cdk, "CDK prop", kInputs, kNone, kCamelStyle, false, kCdkPropReserved, false,
                    false},
    NamingNamespace{T::Cdk, "CDK variable", kStackVariables, kNone, kCamelStyle, false,
                    kCdkVariableReserved, false, false},
    NamingNamespace{T::Cdk, "CDK stack class", kModules, kNone, kClassStyle, false,
                    kCdkClassReserved, false, true},
};

bool isLower(char c) {
  return c >= 'a' && c <= 'z';
}
bool isUpper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
bool isAlnum(char c) {
  return isLower(c) || isUpper(c) || isDigit(c);
}
char toLower(char c) {
  return isUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
char toUpper(char c) {
  return isLower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}

// A word starts at an upper-case letter after a lower-case letter or digit (myVpc, ec2Instance)
// and at the last capital of a run followed by a lower-case letter (VPCName -> VPC Name).
bool startsWord(std::string_view text, std::size_t i) {
  if (i == 0 || !isUpper(text[i]) || !isAlnum(text[i - 1]))
    return false;
  char previous = text[i - 1];
  bool nextIsLower = i + 1 < text.size() && isLower(text[i + 1]);
  return isLower(previous) || isDigit(previous) || (isUpper(previous) && nextIsLower);
}

std::vector<std::string> splitWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!isAlnum(text[i]) || startsWord(text, i)) {
      if (!word.empty())
        words.push_back(std::move(word));
      word.clear();
    }
    if (isAlnum(text[i]))
      word += text[i];
  }
  if (!word.empty())
    words.push_back(std::move(word));
  return words;
}

std::string capitalised(const std::string& word) {
  std::string out;
  for (char c : word)
    out += out.empty() ? toUpper(c) : toLower(c);
  return out;
}

std::string joinWords(const std::vector<std::string>& words, CaseStyle style) {
  std::string out;
  for (const std::string& word : words) {
    if (style == CaseStyle::Snake) {
      out += (out.empty() ? "" : "_");
      for (char c : word)
        out += toLower(c);
    } else if (style == CaseStyle::Camel && out.empty()) {
      for (char c : word)
        out += toLower(c);
    } else {
      out += capitalised(word);
    }
  }
  return out;
}

bool validCharacters(std::string_view name, CaseStyle style) {
  for (char c : name) {
    bool ok = style == CaseStyle::Snake ? isLower(c) || isDigit(c) || c == '_'
                                        : isAlnum(c) || (style == CaseStyle::Camel && c == '_');
    if (!ok)
      return false;
  }
  return true;
}

} // namespace

std::span<const NamingNamespace> namingNamespaces() {
  return kNamespaces;
}

std::string_view namingTargetName(NamingTarget target) {
  switch (target) {
  case NamingTarget::CloudFormation:
    return "CloudFormation";
  case NamingTarget::Terraform:
    return "Terraform";
  case NamingTarget::Cdk:
    return "CDK";
  }
  return "CloudFormation";
}

std::string_view namedKindName(NamedKind kind) {
  switch (kind) {
  case NamedKind::Input:
    return "input";
  case NamedKind::Resource:
    return "resource";
  case NamedKind::Output:
    return "output";
  case NamedKind::Condition:
    return "condition";
  case NamedKind::Mapping:
    return "mapping";
  case NamedKind::Module:
    return "module";
  }
  return "input";
}

bool isValidName(std::string_view name, const NamingStyle& style) {
  if (name.empty() || (style.maxLength && name.size() > style.maxLength))
    return false;
  if (!style.digitPrefix.empty() && isDigit(name.front()))
    return false;
  return validCharacters(name, style.caseStyle);
}

std::string normaliseName(std::string_view source, const NamingStyle& style) {
  std::string name = joinWords(splitWords(source), style.caseStyle);
  if (!name.empty() && isDigit(name.front()))
    name = std::string(style.digitPrefix) + name;
  if (style.maxLength && name.size() > style.maxLength)
    name.resize(style.maxLength);
  return name;
}

std::string terraformAddress(std::string_view resourceType, std::string_view name) {
  return std::string(resourceType) + "." + std::string(name);
}

} // namespace pm::ir
