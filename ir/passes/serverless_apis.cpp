// The SAM transform's API events and APIs: HttpApi routes, Api methods in the swagger body,
// the APIs with their stages (implicit ServerlessHttpApi/ServerlessRestApi included).
#include "ir/passes/serverless_expansion.h"
#include "ir/passes/serverless_policies.h"

namespace pm::ir::sam {

namespace {

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

} // namespace

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

} // namespace pm::ir::sam
