// SEC006: plaintext secrets in secret-bearing properties, environment variables and inputs.
#include "ir/passes/lint/rule_families.h"
#include "ir/passes/lint/value_domain.h"
#include "ir/secret_masking.h"

#include <algorithm>
#include <array>

namespace pm::ir::lint {

namespace {

// Properties that hold a secret (the set cfn_nag tracks).
struct SecretProperty {
  std::string_view type;
  std::string_view path;
};
constexpr std::array<SecretProperty, 12> kSecretProperties{{
    {"AWS::RDS::DBInstance", "MasterUserPassword"},
    {"AWS::RDS::DBCluster", "MasterUserPassword"},
    {"AWS::DocDB::DBCluster", "MasterUserPassword"},
    {"AWS::Redshift::Cluster", "MasterUserPassword"},
    {"AWS::ElastiCache::ReplicationGroup", "AuthToken"},
    {"AWS::IAM::User", "LoginProfile.Password"},
    {"AWS::DMS::Endpoint", "Password"},
    {"AWS::DirectoryService::MicrosoftAD", "Password"},
    {"AWS::DirectoryService::SimpleAD", "Password"},
    {"AWS::CodePipeline::Webhook", "AuthenticationConfiguration.SecretToken"},
    {"AWS::Amplify::App", "AccessToken"},
    {"AWS::Amplify::App", "OauthToken"},
}};

// A value given in the template or by an input's default: not a dynamic reference.
bool isPlaintext(const Expr& value) {
  auto text = scalarText(value);
  return text && !text->empty() && text->find("{{resolve:") == std::string::npos;
}

void reportPlaintext(LintContext& context, const Resource& resource, const ExprPtr& value,
                     const std::string& what) {
  if (value->kind() == ExprKind::InputRef) {
    context.report("SEC006", Severity::Error, &resource, value->location(),
                   what + " comes from input '" + value->name() +
                       "' in plaintext: use a dynamic reference ({{resolve:secretsmanager:...}})");
    return;
  }
  ValueDomain domain = valueDomain(value, context);
  // Every plaintext value this place may take is masked in what the tool prints from now on.
  for (const PossibleValue& possible : domain.values)
    if (possible.value && isPlaintext(*possible.value))
      registerSecretValue(*scalarText(*possible.value));
  auto found = findViolation(domain, isPlaintext);
  if (found)
    context.report("SEC006", severityFor(Severity::Error, *found), &resource, value->location(),
                   what + " is written in plaintext" + provenance(*found) +
                       ": use a dynamic reference ({{resolve:secretsmanager:...}})");
}

void checkSecretProperties(LintContext& context, const Resource& resource) {
  for (const SecretProperty& secret : kSecretProperties) {
    if (secret.type != resource.type)
      continue;
    if (ExprPtr value = property(resource, secret.path))
      reportPlaintext(context, resource, value,
                      std::string(secret.path) + " of '" + resource.logicalId + "'");
  }
}

void checkVariable(LintContext& context, const Resource& resource, const std::string& name,
                   const ExprPtr& value) {
  if (!value)
    return;
  std::string what = "environment variable " + name + " of '" + resource.logicalId + "'";
  if (namesSecret(name))
    return reportPlaintext(context, resource, value, what);
  if (looksLikeAccessKey(scalarText(value).value_or(""))) {
    registerSecretValue(*scalarText(value));
    context.report("SEC006", Severity::Error, &resource, value->location(),
                   what + " holds an AWS access key");
  }
}

// Name/Value lists: ECS container Environment, CodeBuild EnvironmentVariables (PLAINTEXT).
void checkNameValueList(LintContext& context, const Resource& resource, const ExprPtr& list) {
  for (const ExprPtr& variable : asList(list)) {
    std::string type = scalarText(member(variable, "Type")).value_or("PLAINTEXT");
    if (type == "PLAINTEXT")
      checkVariable(context, resource, scalarText(member(variable, "Name")).value_or(""),
                    member(variable, "Value"));
  }
}

void checkEnvironment(LintContext& context, const Resource& resource) {
  if (resource.type == "AWS::Lambda::Function" || resource.type == "AWS::Serverless::Function") {
    ExprPtr variables = property(resource, "Environment.Variables");
    if (variables && variables->kind() == ExprKind::Map)
      for (const MapEntry& entry : variables->entries())
        checkVariable(context, resource, entry.key, entry.value);
  } else if (resource.type == "AWS::ECS::TaskDefinition") {
    for (const ExprPtr& container : asList(property(resource, "ContainerDefinitions")))
      checkNameValueList(context, resource, member(container, "Environment"));
  } else if (resource.type == "AWS::CodeBuild::Project") {
    checkNameValueList(context, resource, property(resource, "Environment.EnvironmentVariables"));
  }
}

// (c) a schema input or parameter named like a secret, with a default in the template.
void checkInputs(LintContext& context) {
  for (const Input& input : context.module().inputs)
    if (!input.isContext && input.defaultValue && namesSecret(input.name) &&
        isPlaintext(*input.defaultValue)) {
      registerSecretValue(*scalarText(*input.defaultValue));
      context.report("SEC006", Severity::Error, nullptr, input.location,
                     "input '" + input.name +
                         "' looks like a secret and has a plaintext default: it would land in "
                         "tfvars, CDK context or launch parameters");
    }
}

} // namespace

void checkSecrets(LintContext& context) {
  for (const Resource& resource : context.module().resources) {
    checkSecretProperties(context, resource);
    checkEnvironment(context, resource);
  }
  checkInputs(context);
}

} // namespace pm::ir::lint
