// SAM's managed policy names and policy templates, as data. The statements follow the SAM
// specification's policy_templates list for the templates the Proton corpus uses.
#include "ir/passes/serverless_policies.h"

#include <array>
#include <string>

namespace pm::ir {

namespace {

struct ManagedPolicy {
  std::string_view name;
  std::string_view path; // between "policy/" and the name
};

constexpr std::array<ManagedPolicy, 7> kManagedPolicies = {{
    {"AWSLambdaBasicExecutionRole", "service-role/"},
    {"AWSLambdaVPCAccessExecutionRole", "service-role/"},
    {"AWSLambdaKinesisExecutionRole", "service-role/"},
    {"AWSLambdaSQSQueueExecutionRole", "service-role/"},
    {"AWSLambdaDynamoDBExecutionRole", "service-role/"},
    {"AWSLambdaRole", "service-role/"},
    {"AWSXrayWriteOnlyAccess", ""},
}};

// A policy template: one statement allowing `actions` on the resources, each an ARN pattern in
// Fn::Sub syntax where ${parameter} is the template's parameter.
struct PolicyTemplate {
  std::string_view name;
  std::string_view parameter;
  std::string_view variable; // the Fn::Sub variable the parameter binds
  std::array<std::string_view, 14> actions;
  std::array<std::string_view, 2> resources;
};

constexpr std::string_view kArn = "arn:${AWS::Partition}:";

constexpr std::array<PolicyTemplate, 6> kPolicyTemplates = {{
    {"DynamoDBCrudPolicy",
     "TableName",
     "tableName",
     {"dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan",
      "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem",
      "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"},
     {"dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}",
      "dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}/index/*"}},
    {"DynamoDBReadPolicy",
     "TableName",
     "tableName",
     {"dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem",
      "dynamodb:DescribeTable"},
     {"dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}",
      "dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}/index/*"}},
    {"KinesisCrudPolicy",
     "StreamName",
     "streamName",
     {"kinesis:AddTagsToStream", "kinesis:CreateStream", "kinesis:DecreaseStreamRetentionPeriod",
      "kinesis:DeleteStream", "kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
      "kinesis:GetShardIterator", "kinesis:IncreaseStreamRetentionPeriod",
      "kinesis:ListTagsForStream", "kinesis:MergeShards", "kinesis:PutRecord", "kinesis:PutRecords",
      "kinesis:SplitShard", "kinesis:RemoveTagsFromStream"},
     {"kinesis:${AWS::Region}:${AWS::AccountId}:stream/${streamName}", ""}},
    {"SQSSendMessagePolicy",
     "QueueName",
     "queueName",
     {"sqs:SendMessage*"},
     {"sqs:${AWS::Region}:${AWS::AccountId}:${queueName}", ""}},
    {"FirehoseWritePolicy",
     "DeliveryStreamName",
     "deliveryStreamName",
     {"firehose:PutRecord", "firehose:PutRecordBatch"},
     {"firehose:${AWS::Region}:${AWS::AccountId}:deliverystream/${deliveryStreamName}", ""}},
    {"SNSPublishMessagePolicy",
     "TopicName",
     "topicName",
     {"sns:Publish"},
     {"sns:${AWS::Region}:${AWS::AccountId}:${topicName}", ""}},
}};

ExprPtr statement(const PolicyTemplate& policy, const ExprPtr& value,
                  const SourceLocation& location) {
  std::vector<ExprPtr> actions, resources;
  for (std::string_view action : policy.actions)
    if (!action.empty())
      actions.push_back(Expr::string(std::string(action), location));
  for (std::string_view resource : policy.resources)
    if (!resource.empty())
      resources.push_back(subExpr(std::string(kArn) + std::string(resource),
                                  {MapEntry{std::string(policy.variable), location, value}},
                                  location));
  return Expr::map({{"Effect", location, Expr::string("Allow", location)},
                    {"Action", location, Expr::list(std::move(actions), location)},
                    {"Resource", location, Expr::list(std::move(resources), location)}},
                   location);
}

} // namespace

ExprPtr subExpr(std::string_view source, std::vector<MapEntry> variables,
                const SourceLocation& location) {
  SubTemplate sub;
  sub.source = std::string(source);
  sub.variables = std::move(variables);
  sub.listForm = !sub.variables.empty();
  for (std::size_t at = 0; at < source.size();) {
    std::size_t open = source.find("${", at);
    std::size_t close = open == std::string_view::npos ? open : source.find('}', open);
    if (close == std::string_view::npos) {
      sub.parts.push_back({SubPart::Kind::Text, std::string(source.substr(at)), "", "", location});
      break;
    }
    if (open > at)
      sub.parts.push_back(
          {SubPart::Kind::Text, std::string(source.substr(at, open - at)), "", "", location});
    std::string name(source.substr(open + 2, close - open - 2));
    std::size_t dot = name.find('.');
    std::string attribute;
    if (dot != std::string::npos && !name.starts_with("AWS::")) {
      attribute = name.substr(dot + 1);
      name.resize(dot);
    }
    sub.parts.push_back({SubPart::Kind::Variable, "", name, attribute, location});
    at = close + 1;
  }
  return Expr::sub(std::move(sub), location);
}

ExprPtr managedPolicyArn(std::string_view name, const SourceLocation& location) {
  std::string path;
  for (const ManagedPolicy& policy : kManagedPolicies)
    if (policy.name == name)
      path = std::string(policy.path);
  return subExpr(std::string(kArn) + "iam::aws:policy/" + path + std::string(name), {}, location);
}

std::optional<ExprPtr> policyTemplateDocument(std::string_view name, const ExprPtr& parameters,
                                              const SourceLocation& location) {
  for (const PolicyTemplate& policy : kPolicyTemplates) {
    if (policy.name != name)
      continue;
    const MapEntry* value = parameters && parameters->kind() == ExprKind::Map
                                ? parameters->find(policy.parameter)
                                : nullptr;
    if (!value)
      return std::nullopt;
    return Expr::map({{"Statement", location,
                       Expr::list({statement(policy, value->value, location)}, location)}},
                     location);
  }
  return std::nullopt;
}

} // namespace pm::ir
