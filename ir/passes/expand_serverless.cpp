// The SAM transform, for the resource types and event sources the Proton templates use.
#include "ir/passes/expand_serverless.h"

#include "ir/passes/serverless_policies.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>

namespace pm::ir {

namespace {

using Entries = std::vector<MapEntry>;

// Builders that locate every generated node at the SAM resource it comes from.
struct Build {
  SourceLocation at;
  ExprPtr str(std::string text) const { return Expr::string(std::move(text), at); }
  ExprPtr ref(std::string name) const { return Expr::ref(std::move(name), at); }
  ExprPtr getAtt(std::string id, std::string attribute) const {
    return Expr::getAtt({std::move(id), std::move(attribute), nullptr, false}, at);
  }
  ExprPtr map(Entries entries) const { return Expr::map(std::move(entries), at); }
  ExprPtr list(std::vector<ExprPtr> items) const { return Expr::list(std::move(items), at); }
  MapEntry entry(std::string key, ExprPtr value) const { return {std::move(key), at, value}; }
};

const MapEntry* findEntry(const ExprPtr& map, std::string_view key) {
  return map && map->kind() == ExprKind::Map ? map->find(key) : nullptr;
}

ExprPtr valueOf(const ExprPtr& map, std::string_view key) {
  const MapEntry* entry = findEntry(map, key);
  return entry ? entry->value : nullptr;
}

bool isNoValue(const ExprPtr& expr) {
  return expr && expr->kind() == ExprKind::Ref && expr->name() == "AWS::NoValue";
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

struct Expansion {
  Module& module;
  Diagnostics& diagnostics;
  ExprPtr globals;
  std::vector<Resource> out = {};
  // Routes SAM writes into each API's OpenAPI body: api -> path -> method -> integration.
  std::map<std::string, std::map<std::string, Entries>> restRoutes = {};
  std::set<std::string> implicitApis = {};

  ExprPtr globalSection(std::string_view name) const { return valueOf(globals, name); }
  void function(const Resource& resource);
  void role(const Resource& resource, const Entries& properties,
            std::vector<ExprPtr> eventPolicies);
  void event(const Resource& function, const std::string& name, const ExprPtr& event,
             std::vector<ExprPtr>& eventPolicies);
  // The Lambda permission SAM gives the event's source to invoke the function.
  void permission(const Resource& function, const std::string& logicalId,
                  const std::string& principal, ExprPtr source) {
    Build b{function.location};
    out.push_back(
        generated(function, logicalId, "AWS::Lambda::Permission",
                  {b.entry("Action", b.str("lambda:InvokeFunction")),
                   b.entry("FunctionName", b.ref(function.logicalId)),
                   b.entry("Principal", b.str(principal)), b.entry("SourceArn", source)}));
  }
  void httpRoute(const Resource& function, const std::string& id, const ExprPtr& properties);
  void restRoute(const Resource& function, const std::string& id, const ExprPtr& properties);
  void httpApi(const Resource& resource);
  void restApi(const Resource& resource);
  void simpleTable(const Resource& resource);
  void unsupported(const SourceLocation& at, const std::string& what) {
    diagnostics.warning(kServerlessExpansionRule, at,
                        what + " is not expanded like the SAM transform would: it is left out");
  }
};

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

// The path as an execute-api ARN reads it: {parameters} become *.
std::string arnPath(const std::string& path) {
  std::string out;
  bool inParameter = false;
  for (char c : path) {
    if (c == '{')
      inParameter = true, out += '*';
    else if (c == '}')
      inParameter = false;
    else if (!inParameter)
      out += c;
  }
  return out;
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

// The API an event names (ApiId/RestApiId), else the implicit one SAM creates.
std::string eventApi(const ExprPtr& apiId, const char* implicit,
                     std::set<std::string>& implicitApis) {
  if (apiId && apiId->kind() == ExprKind::Ref)
    return apiId->name();
  implicitApis.insert(implicit);
  return implicit;
}

// The execute-api ARN a permission allows: the API, any stage, the method and the path with
// its {parameters} as *.
ExprPtr invokeArn(const std::string& api, const std::string& method, const ExprPtr& path,
                  const Build& b) {
  std::string arnMethod = lower(method) == "any" || method.empty() ? "*" : upper(method);
  ExprPtr prefix = subExpr("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:"
                           "${__ApiId__}/*/" +
                               arnMethod,
                           {b.entry("__ApiId__", b.ref(api))}, b.at);
  if (!path || path->kind() == ExprKind::String)
    return Expr::call(ExprKind::Join, {b.str(""), b.list({prefix, b.str(arnPath(literal(path)))})},
                      b.at);
  ExprPtr pathArn = path;
  if (path->kind() == ExprKind::Sub) {
    SubTemplate sub = path->sub();
    for (SubPart& part : sub.parts)
      if (part.kind == SubPart::Kind::Text)
        part.text = arnPath(part.text);
    pathArn = Expr::sub(std::move(sub), path->location());
  }
  return Expr::call(ExprKind::Join, {b.str(""), b.list({prefix, pathArn})}, b.at);
}

// `value` present only when `resource` is: its guards and Condition around it.
ExprPtr presentWith(const Resource& resource, ExprPtr value) {
  ExprPtr absent = Expr::ref("AWS::NoValue", value->location());
  for (auto guard = resource.guards.rbegin(); guard != resource.guards.rend(); ++guard)
    value = guard->whenTrue ? Expr::guarded(guard->variable, value, absent, value->location())
                            : Expr::guarded(guard->variable, absent, value, value->location());
  if (resource.condition)
    value = Expr::ifThen(resource.condition->name, value, absent, value->location());
  return value;
}

// An HttpApi event: a permission, and the route and integration SAM writes into the API's
// OpenAPI body, here as resources of their own (the path may be an expression, which a body's
// keys cannot hold).
void Expansion::httpRoute(const Resource& function, const std::string& id,
                          const ExprPtr& properties) {
  Build b{function.location};
  std::string api = eventApi(valueOf(properties, "ApiId"), "ServerlessHttpApi", implicitApis);
  ExprPtr path = valueOf(properties, "Path");
  std::string method = literal(valueOf(properties, "Method"));
  permission(function, id + "Permission", "apigateway.amazonaws.com",
             invokeArn(api, method, path, b));
  out.push_back(
      generated(function, id + "Integration", "AWS::ApiGatewayV2::Integration",
                {b.entry("ApiId", b.ref(api)), b.entry("IntegrationType", b.str("AWS_PROXY")),
                 b.entry("IntegrationUri", b.getAtt(function.logicalId, "Arn")),
                 b.entry("PayloadFormatVersion", b.str("2.0"))}));
  ExprPtr routeKey =
      path ? Expr::call(ExprKind::Join,
                        {b.str(" "), b.list({b.str(method.empty() ? "ANY" : upper(method)), path})},
                        b.at)
           : b.str("$default");
  out.push_back(generated(
      function, id + "Route", "AWS::ApiGatewayV2::Route",
      {b.entry("ApiId", b.ref(api)), b.entry("RouteKey", routeKey),
       b.entry("Target",
               Expr::call(ExprKind::Join,
                          {b.str("/"), b.list({b.str("integrations"),
                                               b.getAtt(id + "Integration", "IntegrationId")})},
                          b.at))}));
}

// An Api event: a permission, and the method in the REST API's swagger body.
void Expansion::restRoute(const Resource& function, const std::string& id,
                          const ExprPtr& properties) {
  Build b{function.location};
  std::string api = eventApi(valueOf(properties, "RestApiId"), "ServerlessRestApi", implicitApis);
  ExprPtr pathExpr = valueOf(properties, "Path");
  std::string path = literal(pathExpr), method = literal(valueOf(properties, "Method"));
  if (path.empty()) {
    unsupported(pathExpr ? pathExpr->location() : b.at,
                "the Api event " + id + " (its Path is not a string)");
    return;
  }
  permission(function, id + "PermissionProd", "apigateway.amazonaws.com",
             invokeArn(api, method, pathExpr, b));
  Entries integration = {
      b.entry("type", b.str("aws_proxy")), b.entry("httpMethod", b.str("POST")),
      b.entry("uri", subExpr("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/"
                             "2015-03-31/functions/${" +
                                 function.logicalId + ".Arn}/invocations",
                             {}, b.at))};
  std::string key = lower(method) == "any" ? "x-amazon-apigateway-any-method" : lower(method);
  restRoutes[api][path].push_back(b.entry(
      key,
      presentWith(function, b.map({b.entry("x-amazon-apigateway-integration", b.map(integration)),
                                   b.entry("responses", b.map({}))}))));
}

ExprPtr openApiPaths(const std::map<std::string, Entries>& routes, const Build& b) {
  Entries paths;
  for (const auto& [path, methods] : routes)
    paths.push_back(b.entry(path, b.map(methods)));
  return b.map(std::move(paths));
}

void Expansion::httpApi(const Resource& resource) {
  Build b{resource.location};
  Entries properties = withGlobals(resource, globalSection("HttpApi"));
  // SAM names the API after the stack (its OpenAPI title); the routes are resources of
  // their own here (httpRoute), so the API has no body.
  Entries api = {b.entry("Name", b.ref("AWS::StackName")), b.entry("ProtocolType", b.str("HTTP"))};
  for (const MapEntry& entry : properties) {
    if (entry.key == "FailOnWarnings" || entry.key == "Description")
      api.push_back(entry);
    else if (entry.key != "StageName")
      unsupported(entry.keyLocation, "the HttpApi property " + entry.key);
  }
  out.push_back(generated(resource, resource.logicalId, "AWS::ApiGatewayV2::Api", std::move(api)));
  out.push_back(generated(
      resource, resource.logicalId + "ApiGatewayDefaultStage", "AWS::ApiGatewayV2::Stage",
      {b.entry("ApiId", b.ref(resource.logicalId)), b.entry("StageName", b.str("$default")),
       b.entry("AutoDeploy", Expr::boolean(true, b.at)),
       b.entry("Tags", b.map({b.entry("httpapi:createdBy", b.str("SAM"))}))}));
}

void Expansion::restApi(const Resource& resource) {
  Build b{resource.location};
  Entries properties = withGlobals(resource, globalSection("Api"));
  ExprPtr stageName = find(properties, "StageName");
  std::string stage = stageName ? literal(stageName) : "Prod";
  Entries body = {b.entry("swagger", b.str("2.0")),
                  b.entry("info", b.map({b.entry("version", b.str("1.0")),
                                         b.entry("title", b.ref("AWS::StackName"))})),
                  b.entry("paths", openApiPaths(restRoutes[resource.logicalId], b))};
  out.push_back(generated(resource, resource.logicalId, "AWS::ApiGateway::RestApi",
                          {b.entry("Body", b.map(std::move(body)))}));
  // SAM suffixes the deployment with a hash of the body; without the transform's exact hash
  // the deployment keeps a fixed name (an adopted stack's deployment is replaced once).
  std::string deployment = resource.logicalId + "Deployment";
  out.push_back(generated(resource, deployment, "AWS::ApiGateway::Deployment",
                          {b.entry("RestApiId", b.ref(resource.logicalId)),
                           b.entry("Description", b.str("RestApi deployment"))}));
  out.push_back(generated(resource, resource.logicalId + stage + "Stage", "AWS::ApiGateway::Stage",
                          {b.entry("DeploymentId", b.ref(deployment)),
                           b.entry("RestApiId", b.ref(resource.logicalId)),
                           b.entry("StageName", stageName ? stageName : b.str(stage))}));
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

} // namespace

void expandServerless(Module& module, Diagnostics& diagnostics) {
  if (!module.hasTransform(kServerlessTransform))
    return;
  auto globals = std::find_if(module.otherSections.begin(), module.otherSections.end(),
                              [](const MapEntry& section) { return section.key == "Globals"; });
  Expansion expansion{module, diagnostics,
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
