// The SAM transform, for the resource types and event sources the Proton templates use:
// functions, their roles and non-API events, simple tables, and the pass itself.
#include "ir/passes/expand_serverless.h"

#include "ir/guard_evaluation.h"
#include "ir/passes/serverless_expansion.h"
#include "ir/passes/serverless_policies.h"

#include <algorithm>
#include <cctype>

namespace pm::ir {

namespace sam {

const MapEntry* findEntry(const ExprPtr& map, std::string_view key) {
  return map && map->kind() == ExprKind::Map ? map->find(key) : nullptr;
}

ExprPtr valueOf(const ExprPtr& map, std::string_view key) {
  const MapEntry* entry = findEntry(map, key);
  return entry ? entry->value : nullptr;
}

std::string literal(const ExprPtr& expr) {
  return expr && expr->kind() == ExprKind::String ? expr->text() : std::string();
}

// Applies `leaf` under the Guarded and Fn::If nodes of a value, keeping absent branches.
ExprPtr mapLeaves(const ExprPtr& value, const std::function<ExprPtr(const ExprPtr&)>& leaf) {
  if (!value || isNoValue(value))
    return value;
  if (value->kind() == ExprKind::Guarded)
    return Expr::guarded(value->name(), mapLeaves(value->arguments()[0], leaf),
                         mapLeaves(value->arguments()[1], leaf), value->location());
  if (value->kind() == ExprKind::If)
    return Expr::ifThen(value->name(), mapLeaves(value->arguments()[0], leaf),
                        mapLeaves(value->arguments()[1], leaf), value->location());
  return leaf(value);
}

// The resource's properties with the Globals section's (`Globals.<section>`) as defaults.
Entries withGlobals(const Resource& resource, const ExprPtr& globals) {
  Entries merged;
  if (resource.properties && resource.properties->kind() == ExprKind::Map)
    merged = resource.properties->entries();
  if (globals && globals->kind() == ExprKind::Map)
    for (const MapEntry& global : globals->entries())
      if (std::none_of(merged.begin(), merged.end(),
                       [&](const MapEntry& own) { return own.key == global.key; }))
        merged.push_back(global);
  return merged;
}

ExprPtr find(const Entries& entries, std::string_view key) {
  for (const MapEntry& entry : entries)
    if (entry.key == key)
      return entry.value;
  return nullptr;
}

// A resource generated for `source`: it exists when the SAM resource does.
Resource generated(const Resource& source, std::string logicalId, std::string type,
                   Entries properties) {
  Resource resource;
  resource.logicalId = std::move(logicalId);
  resource.type = std::move(type);
  resource.properties = Expr::map(std::move(properties), source.location);
  resource.condition = source.condition;
  resource.guards = source.guards;
  resource.loop = source.loop;
  resource.location = source.location;
  resource.typeLocation = source.typeLocation;
  return resource;
}

// s3://bucket/key, or a {Bucket, Key, Version} map, as Lambda's Code.
Entries codeOf(const Entries& properties, const Build& b) {
  Entries code;
  if (ExprPtr uri = find(properties, "CodeUri")) {
    if (uri->kind() == ExprKind::Map) {
      for (auto [from, to] :
           {std::pair{"Bucket", "S3Bucket"}, {"Key", "S3Key"}, {"Version", "S3ObjectVersion"}})
        if (ExprPtr part = valueOf(uri, from))
          code.push_back(b.entry(to, part));
    } else {
      // "s3://bucket/key": the bucket is the third '/' field, the key what follows it.
      auto bucket = [&](const ExprPtr& leaf) {
        return Expr::call(
            ExprKind::Select,
            {Expr::number("2", 2, b.at), Expr::call(ExprKind::Split, {b.str("/"), leaf}, b.at)},
            b.at);
      };
      auto key = [&](const ExprPtr& leaf) {
        std::string text = literal(leaf);
        if (text.starts_with("s3://") && text.find('/', 5) != std::string::npos)
          return b.str(text.substr(text.find('/', 5) + 1));
        ExprPtr prefix = Expr::call(
            ExprKind::Join, {b.str(""), b.list({b.str("s3://"), bucket(leaf), b.str("/")})}, b.at);
        return Expr::call(
            ExprKind::Select,
            {Expr::number("1", 1, b.at), Expr::call(ExprKind::Split, {prefix, leaf}, b.at)}, b.at);
      };
      auto literalBucket = [&](const ExprPtr& leaf) {
        std::string text = literal(leaf);
        if (text.starts_with("s3://") && text.find('/', 5) != std::string::npos)
          return b.str(text.substr(5, text.find('/', 5) - 5));
        return bucket(leaf);
      };
      code.push_back(b.entry("S3Bucket", mapLeaves(uri, literalBucket)));
      code.push_back(b.entry("S3Key", mapLeaves(uri, key)));
    }
  }
  if (ExprPtr inline_ = find(properties, "InlineCode"))
    code.push_back(b.entry("ZipFile", inline_));
  if (ExprPtr image = find(properties, "ImageUri"))
    code.push_back(b.entry("ImageUri", image));
  return code;
}

std::string upper(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string lower(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Function properties that Lambda takes as they are.
constexpr std::string_view kFunctionProperties[] = {
    "Handler",           "Runtime",       "MemorySize",
    "Timeout",           "Description",   "FunctionName",
    "Environment",       "VpcConfig",     "Layers",
    "Architectures",     "KmsKeyArn",     "EphemeralStorage",
    "PackageType",       "ImageConfig",   "ReservedConcurrentExecutions",
    "FileSystemConfigs", "LoggingConfig", "SnapStartConfig"};
// Function properties the expansion itself interprets.
constexpr std::string_view kInterpreted[] = {"CodeUri",  "InlineCode", "ImageUri", "Role",
                                             "Policies", "Events",     "Tracing",  "Tags"};

void Expansion::function(const Resource& resource) {
  Build b{resource.location};
  Entries properties = withGlobals(resource, globalSection("Function"));
  Entries lambda;
  lambda.push_back(b.entry("Code", b.map(codeOf(properties, b))));
  for (const MapEntry& entry : properties) {
    bool copied = std::find(std::begin(kFunctionProperties), std::end(kFunctionProperties),
                            entry.key) != std::end(kFunctionProperties);
    bool interpreted = std::find(std::begin(kInterpreted), std::end(kInterpreted), entry.key) !=
                       std::end(kInterpreted);
    if (copied)
      lambda.push_back(entry);
    else if (!interpreted)
      unsupported(entry.keyLocation, "the function property " + entry.key);
  }
  ExprPtr role = find(properties, "Role");
  lambda.push_back(b.entry("Role", role ? role : b.getAtt(resource.logicalId + "Role", "Arn")));
  if (ExprPtr tracing = find(properties, "Tracing"))
    lambda.push_back(b.entry("TracingConfig", b.map({b.entry("Mode", tracing)})));
  std::vector<ExprPtr> tags = {
      b.map({b.entry("Key", b.str("lambda:createdBy")), b.entry("Value", b.str("SAM"))})};
  if (ExprPtr own = find(properties, "Tags"); own && own->kind() == ExprKind::Map)
    for (const MapEntry& tag : own->entries())
      tags.push_back(b.map({b.entry("Key", b.str(tag.key)), b.entry("Value", tag.value)}));
  lambda.push_back(b.entry("Tags", b.list(tags)));
  Resource lambdaFunction =
      generated(resource, resource.logicalId, "AWS::Lambda::Function", std::move(lambda));
  lambdaFunction.dependsOn = resource.dependsOn;
  out.push_back(std::move(lambdaFunction));

  std::vector<ExprPtr> eventPolicies;
  if (ExprPtr events = find(properties, "Events"); events && events->kind() == ExprKind::Map)
    for (const MapEntry& event : events->entries())
      this->event(resource, event.key, event.value, eventPolicies);
  if (!role)
    this->role(resource, properties, std::move(eventPolicies));
}

void Expansion::role(const Resource& resource, const Entries& properties,
                     std::vector<ExprPtr> eventPolicies) {
  Build b{resource.location};
  std::vector<ExprPtr> managed = {managedPolicyArn("AWSLambdaBasicExecutionRole", b.at)};
  if (literal(find(properties, "Tracing")) == "Active")
    managed.push_back(managedPolicyArn("AWSXrayWriteOnlyAccess", b.at));
  std::vector<ExprPtr> inlinePolicies;
  ExprPtr policies = find(properties, "Policies");
  std::vector<ExprPtr> items;
  if (policies && policies->kind() == ExprKind::List)
    items = policies->items();
  else if (policies)
    items = {policies};
  for (std::size_t index = 0; index < items.size(); ++index) {
    const ExprPtr& item = items[index];
    std::string name = resource.logicalId + "RolePolicy" + std::to_string(index);
    if (item->kind() == ExprKind::String) {
      managed.push_back(item->text().starts_with("arn:") ? item
                                                         : managedPolicyArn(item->text(), b.at));
      continue;
    }
    ExprPtr document;
    if (findEntry(item, "Statement"))
      document = item;
    else if (item->kind() == ExprKind::Map && item->entries().size() == 1)
      document = policyTemplateDocument(item->entries()[0].key, item->entries()[0].value, b.at)
                     .value_or(nullptr);
    if (!document && item->kind() != ExprKind::Map) {
      managed.push_back(item); // a Ref, GetAtt or Sub naming a policy ARN
      continue;
    }
    if (!document) {
      unsupported(item->location(),
                  "the policy template " +
                      (item->entries().empty() ? std::string("{}") : item->entries()[0].key));
      continue;
    }
    inlinePolicies.push_back(
        b.map({b.entry("PolicyName", b.str(name)), b.entry("PolicyDocument", document)}));
  }
  for (ExprPtr& policy : eventPolicies)
    managed.push_back(std::move(policy));
  ExprPtr trust = b.map(
      {b.entry("Version", b.str("2012-10-17")),
       b.entry(
           "Statement",
           b.list({b.map({b.entry("Action", b.list({b.str("sts:AssumeRole")})),
                          b.entry("Effect", b.str("Allow")),
                          b.entry("Principal",
                                  b.map({b.entry("Service",
                                                 b.list({b.str("lambda.amazonaws.com")}))}))})}))});
  Entries role = {b.entry("AssumeRolePolicyDocument", trust),
                  b.entry("ManagedPolicyArns", b.list(std::move(managed)))};
  if (!inlinePolicies.empty())
    role.push_back(b.entry("Policies", b.list(std::move(inlinePolicies))));
  role.push_back(b.entry("Tags", b.list({b.map({b.entry("Key", b.str("lambda:createdBy")),
                                                b.entry("Value", b.str("SAM"))})})));
  out.push_back(
      generated(resource, resource.logicalId + "Role", "AWS::IAM::Role", std::move(role)));
}

void Expansion::event(const Resource& function, const std::string& name, const ExprPtr& event,
                      std::vector<ExprPtr>& eventPolicies) {
  Build b{function.location};
  std::string type = literal(valueOf(event, "Type"));
  ExprPtr properties = valueOf(event, "Properties");
  std::string id = function.logicalId + name;
  auto property = [&](std::string_view key) { return valueOf(properties, key); };
  if (type == "SQS" || type == "Kinesis" || type == "DynamoDB") {
    Entries mapping = {b.entry("EventSourceArn", property(type == "SQS" ? "Queue" : "Stream")),
                       b.entry("FunctionName", b.ref(function.logicalId))};
    for (std::string_view key : {"BatchSize", "Enabled", "StartingPosition",
                                 "MaximumBatchingWindowInSeconds", "FilterCriteria"})
      if (ExprPtr value = property(key))
        mapping.push_back(b.entry(std::string(key), value));
    out.push_back(generated(function, id, "AWS::Lambda::EventSourceMapping", std::move(mapping)));
    eventPolicies.push_back(managedPolicyArn(type == "SQS"       ? "AWSLambdaSQSQueueExecutionRole"
                                             : type == "Kinesis" ? "AWSLambdaKinesisExecutionRole"
                                                                 : "AWSLambdaDynamoDBExecutionRole",
                                             b.at));
  } else if (type == "Schedule") {
    ExprPtr enabled = property("Enabled");
    Entries rule = {b.entry("ScheduleExpression", property("Schedule"))};
    if (enabled && enabled->kind() == ExprKind::Bool)
      rule.push_back(b.entry("State", b.str(enabled->boolean() ? "ENABLED" : "DISABLED")));
    rule.push_back(
        b.entry("Targets", b.list({b.map({b.entry("Arn", b.getAtt(function.logicalId, "Arn")),
                                          b.entry("Id", b.str(id + "LambdaTarget"))})})));
    out.push_back(generated(function, id, "AWS::Events::Rule", std::move(rule)));
    permission(function, id + "Permission", "events.amazonaws.com", b.getAtt(id, "Arn"));
  } else if (type == "HttpApi") {
    httpRoute(function, id, properties);
  } else if (type == "Api") {
    restRoute(function, id, properties);
  } else {
    unsupported(event ? event->location() : b.at, "the " + type + " event " + name);
  }
}

void Expansion::simpleTable(const Resource& resource) {
  Build b{resource.location};
  Entries properties = withGlobals(resource, globalSection("SimpleTable"));
  ExprPtr key = find(properties, "PrimaryKey");
  ExprPtr name = key ? valueOf(key, "Name") : b.str("id");
  ExprPtr type = key ? valueOf(key, "Type") : b.str("String");
  std::string letter = literal(type) == "Number" ? "N" : literal(type) == "Binary" ? "B" : "S";
  Entries table = {
      b.entry("AttributeDefinitions", b.list({b.map({b.entry("AttributeName", name),
                                                     b.entry("AttributeType", b.str(letter))})})),
      b.entry("KeySchema", b.list({b.map({b.entry("AttributeName", name),
                                          b.entry("KeyType", b.str("HASH"))})}))};
  if (ExprPtr throughput = find(properties, "ProvisionedThroughput"))
    table.push_back(b.entry("ProvisionedThroughput", throughput));
  else
    table.push_back(b.entry("BillingMode", b.str("PAY_PER_REQUEST")));
  for (std::string_view copied : {"TableName", "SSESpecification", "Tags"})
    if (ExprPtr value = find(properties, copied))
      table.push_back(b.entry(std::string(copied), value));
  out.push_back(generated(resource, resource.logicalId, "AWS::DynamoDB::Table", std::move(table)));
}

} // namespace sam

void expandServerless(Module& module, Diagnostics& diagnostics) {
  if (!module.hasTransform(kServerlessTransform))
    return;
  auto globals = std::find_if(module.otherSections.begin(), module.otherSections.end(),
                              [](const MapEntry& section) { return section.key == "Globals"; });
  sam::Expansion expansion{module, diagnostics,
                           globals == module.otherSections.end() ? nullptr : globals->value};
  // Functions first: their events add the routes and implicit APIs the APIs are built with.
  std::vector<const Resource*> apis;
  for (const Resource& resource : module.resources) {
    if (resource.type == "AWS::Serverless::Function")
      expansion.function(resource);
    else if (resource.type == "AWS::Serverless::HttpApi" || resource.type == "AWS::Serverless::Api")
      apis.push_back(&resource);
    else if (resource.type == "AWS::Serverless::SimpleTable")
      expansion.simpleTable(resource);
    else if (resource.type.starts_with("AWS::Serverless::"))
      expansion.unsupported(resource.typeLocation, "the resource type " + resource.type);
    else
      expansion.out.push_back(resource);
  }
  for (const Resource* api : apis)
    api->type == "AWS::Serverless::HttpApi" ? expansion.httpApi(*api) : expansion.restApi(*api);
  for (const std::string& implicit : expansion.implicitApis) {
    Resource api;
    api.logicalId = implicit;
    api.type =
        implicit == "ServerlessHttpApi" ? "AWS::Serverless::HttpApi" : "AWS::Serverless::Api";
    api.location = module.location;
    implicit == "ServerlessHttpApi" ? expansion.httpApi(api) : expansion.restApi(api);
  }
  module.resources = std::move(expansion.out);
  std::erase(module.transforms, std::string(kServerlessTransform));
  if (globals != module.otherSections.end())
    module.otherSections.erase(globals);
}

} // namespace pm::ir
