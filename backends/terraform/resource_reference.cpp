// Ref and Fn::GetAtt in Terraform: a pseudo parameter reads a data source or a variable, a
// parameter its variable, a resource the attribute its mapping names (Ref means an ID for one
// type, a name, ARN or URL for another).
#include "backends/terraform/expression_translator.h"

#include "ir/target_names.h"
#include "ir/type_table.h"

#include <fmt/format.h>

namespace pm::tf {

namespace {

constexpr ir::NamingStyle kSnake{ir::CaseStyle::Snake, 0, "_", "_"};

struct PseudoTranslation {
  std::string_view pseudo;
  std::string_view dataSource; // declared as data "<type>" "current" when used
  std::string_view expression;
};

// AWS::StackName and AWS::StackId have no Terraform counterpart: they become variables.
constexpr PseudoTranslation kPseudoTranslations[] = {
    {"AWS::Region", "aws_region", "data.aws_region.current.region"},
    {"AWS::AccountId", "aws_caller_identity", "data.aws_caller_identity.current.account_id"},
    {"AWS::Partition", "aws_partition", "data.aws_partition.current.partition"},
    {"AWS::URLSuffix", "aws_partition", "data.aws_partition.current.dns_suffix"},
    {"AWS::NoValue", "", "null"},
    {"AWS::NotificationARNs", "", "[]"},
};

std::string snakePath(std::string_view dotted) {
  std::string out;
  std::size_t start = 0;
  while (start <= dotted.size()) {
    std::size_t end = dotted.find('.', start);
    if (end == std::string_view::npos)
      end = dotted.size();
    if (!out.empty())
      out += '.';
    out += ir::normaliseName(dotted.substr(start, end - start), kSnake);
    start = end + 1;
  }
  return out;
}

} // namespace

// awscc's `id` is the CloudFormation primary identifier, its parts joined with '|'. Ref returns
// that for most types, but only one part for a few legacy ones (AWS::ApiGateway::Resource's
// Ref is its ResourceId, not "RestApiId|ResourceId"): then Ref reads the attribute of that part.
std::string awsccRefAttribute(std::string_view cloudFormationType) {
  const ir::ResourceType* type = ir::TypeTable::instance().find(cloudFormationType);
  if (!type || type->primaryIdentifier().size() < 2 || type->refReturns().empty() ||
      type->refReturns().find('|') != std::string_view::npos || type->refReturns() == "-")
    return "id";
  return snakePath(type->refReturns());
}

std::string ExpressionTranslator::resourceReference(const ResourceTarget& target) const {
  if (target.counted && !target.looped)
    return target.address() + "[0]";
  // Inside a loop over the same list, the instance of the current element; elsewhere all of
  // them, in key order.
  if (target.looped) {
    const LoopFrame* frame = scope_.loopOver(target.loopCollection);
    return frame ? target.address() + "[" + frame->key + "]"
                 : "values(" + target.address() + ")[*]";
  }
  return target.address();
}

HclExprPtr ExpressionTranslator::attributeOf(const ResourceTarget& target,
                                             std::string translation) const {
  std::string reference = resourceReference(target);
  if (translation.find('@') == std::string::npos)
    return HclExpr::raw(reference + "." + translation);
  for (std::size_t at = translation.find('@'); at != std::string::npos;
       at = translation.find('@', at + reference.size()))
    translation.replace(at, 1, reference);
  return HclExpr::raw(translation);
}

HclExprPtr ExpressionTranslator::ref(std::string_view name, const ir::SourceLocation& location) {
  for (const PseudoTranslation& pseudo : kPseudoTranslations) {
    if (pseudo.pseudo != name)
      continue;
    if (!pseudo.dataSource.empty())
      scope_.dataSources.insert(std::string(pseudo.dataSource));
    return HclExpr::raw(std::string(pseudo.expression));
  }
  if (name == "AWS::StackName" || name == "AWS::StackId") {
    std::string variable = name == "AWS::StackName" ? "stack_name" : "stack_id";
    scope_.pseudoVariables.insert(variable);
    return HclExpr::raw("var." + variable);
  }
  if (const ir::Input* input = scope_.module.findInput(name))
    return inputValue(*input);
  auto found = scope_.resources.find(name);
  if (found == scope_.resources.end() || found->second.terraformType.empty()) {
    scope_.diagnostics.error(kUntranslatableRule, location,
                             fmt::format("Ref to '{}' has no Terraform translation: it names no "
                                         "parameter or mapped resource of the module",
                                         name));
    return hclNull();
  }
  return attributeOf(found->second, found->second.refAttribute);
}

HclExprPtr ExpressionTranslator::getAtt(std::string_view logicalId, std::string_view attribute,
                                        const ir::SourceLocation& location) {
  auto found = scope_.resources.find(logicalId);
  if (found == scope_.resources.end() || found->second.terraformType.empty()) {
    scope_.diagnostics.error(kUntranslatableRule, location,
                             fmt::format("Fn::GetAtt {}.{} has no Terraform translation: '{}' is "
                                         "not a mapped resource of the module",
                                         logicalId, attribute, logicalId));
    return hclNull();
  }
  const ResourceTarget& target = found->second;
  std::string translated;
  if (target.curated) {
    auto attributeMapping = target.curated->attributes.find(std::string(attribute));
    if (attributeMapping == target.curated->attributes.end()) {
      scope_.diagnostics.error(
          kUntranslatableRule, location,
          fmt::format("Fn::GetAtt {}.{}: the curated mapping of {} to {} has no translation for "
                      "the attribute; add a 'get' line to the mapping table",
                      logicalId, attribute, target.curated->cloudFormationType,
                      target.terraformType));
      return hclNull();
    }
    translated = attributeMapping->second;
  } else {
    translated = snakePath(attribute);
  }
  return attributeOf(target, translated);
}

} // namespace pm::tf
