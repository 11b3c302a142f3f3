// SEC001 (identity policies and trust policies) and SEC011 (resource policies open to anyone).
#include "ir/passes/lint/rule_families.h"

#include <algorithm>
#include <array>

namespace pm::ir::lint {

namespace {

// Managed policies that grant administration (cfn_nag W43/W44, checkov CKV_AWS_274).
constexpr std::array<std::string_view, 3> kAdminPolicies{"/AdministratorAccess", "/PowerUserAccess",
                                                         "/IAMFullAccess"};

// Resource policies: the type and where its document is (SEC011).
struct ResourcePolicy {
  std::string_view type;
  std::string_view path;
  std::string_view rule = "SEC011";
};
constexpr std::array<ResourcePolicy, 6> kResourcePolicies{{
    {"AWS::SQS::QueuePolicy", "PolicyDocument"},
    {"AWS::SNS::TopicPolicy", "PolicyDocument"},
    {"AWS::S3::BucketPolicy", "PolicyDocument", "SEC007"},
    {"AWS::KMS::Key", "KeyPolicy"},
    {"AWS::ECR::Repository", "RepositoryPolicyText"},
    {"AWS::ApiGateway::RestApi", "Policy"},
}};

std::vector<std::string> texts(const ExprPtr& value) {
  std::vector<std::string> found;
  for (const ExprPtr& item : asList(value))
    if (auto text = scalarText(item))
      found.push_back(*text);
  return found;
}

bool isAllow(const ExprPtr& statement) {
  return scalarText(member(statement, "Effect")).value_or("") == "Allow";
}

// Principal "*" or {AWS: "*"}.
bool anyPrincipal(const ExprPtr& statement) {
  ExprPtr principal = member(statement, "Principal");
  if (scalarText(principal).value_or("") == "*")
    return true;
  for (const std::string& aws : texts(member(principal, "AWS")))
    if (aws == "*")
      return true;
  return false;
}

bool hasCondition(const ExprPtr& statement) {
  return member(statement, "Condition") != nullptr;
}

struct PolicySite {
  LintContext& context;
  const Resource& resource;
  std::string what; // "policy 'Name' of role 'X'"
};

void checkPermissionStatement(PolicySite& site, const ExprPtr& statement) {
  if (!isAllow(statement))
    return;
  std::vector<std::string> actions = texts(member(statement, "Action"));
  std::vector<std::string> resources = texts(member(statement, "Resource"));
  bool anyResource = std::find(resources.begin(), resources.end(), "*") != resources.end();
  for (const std::string& action : actions) {
    if (action == "*" || action.ends_with(":*"))
      site.context.report("SEC001", Severity::Error, &site.resource, statement->location(),
                          site.what + " allows every action of '" + action + "'");
    else if (lowercase(action) == "iam:passrole" && anyResource)
      site.context.report("SEC001", Severity::Error, &site.resource, statement->location(),
                          site.what + " allows iam:PassRole on every role (Resource '*')");
  }
  for (std::string_view negated : {"NotAction", "NotResource"})
    if (member(statement, negated))
      site.context.report("SEC001", Severity::Warning, &site.resource, statement->location(),
                          site.what + " combines Allow with " + std::string(negated));
}

void checkDocument(PolicySite& site, const ExprPtr& document, bool trust) {
  for (const ExprPtr& statement : asList(member(document, "Statement"))) {
    if (!trust) {
      checkPermissionStatement(site, statement);
      continue;
    }
    if (isAllow(statement) && anyPrincipal(statement) && !hasCondition(statement))
      site.context.report("SEC001", Severity::Error, &site.resource, statement->location(),
                          site.what + " lets any principal ('*') assume the role");
  }
}

void checkManagedPolicies(PolicySite& site, const ExprPtr& arns) {
  for (const ExprPtr& arn : asList(arns)) {
    std::string text = patternText(arn);
    for (std::string_view admin : kAdminPolicies)
      if (text.ends_with(admin))
        site.context.report("SEC001", Severity::Error, &site.resource, arn->location(),
                            site.what + " attaches the managed policy " +
                                std::string(admin.substr(1)));
  }
}

void checkIdentity(LintContext& context, const Resource& resource) {
  PolicySite site{context, resource, "'" + resource.logicalId + "'"};
  checkDocument(site, property(resource, "PolicyDocument"), false);
  checkDocument(site, property(resource, "AssumeRolePolicyDocument"), true);
  checkManagedPolicies(site, property(resource, "ManagedPolicyArns"));
  for (const ExprPtr& policy : asList(property(resource, "Policies"))) {
    PolicySite inline_{context, resource,
                       "policy '" + scalarText(member(policy, "PolicyName")).value_or("?") +
                           "' of '" + resource.logicalId + "'"};
    checkDocument(inline_, member(policy, "PolicyDocument"), false);
  }
}

void checkResourcePolicy(LintContext& context, const Resource& resource,
                         const ResourcePolicy& policy) {
  for (const ExprPtr& statement : asList(member(property(resource, policy.path), "Statement")))
    if (isAllow(statement) && anyPrincipal(statement) && !hasCondition(statement))
      context.report(policy.rule, Severity::Error, &resource, statement->location(),
                     resource.type + " '" + resource.logicalId +
                         "' grants to any principal ('*') without a restricting Condition");
}

void checkLambdaPermission(LintContext& context, const Resource& resource) {
  if (scalarText(property(resource, "Principal")).value_or("") == "*")
    context.report("SEC011", Severity::Error, &resource,
                   property(resource, "Principal")->location(),
                   "AWS::Lambda::Permission '" + resource.logicalId +
                       "' lets any principal ('*') invoke the function");
}

bool isIdentityType(std::string_view type) {
  return type == "AWS::IAM::Role" || type == "AWS::IAM::Policy" ||
         type == "AWS::IAM::ManagedPolicy" || type == "AWS::IAM::Group" || type == "AWS::IAM::User";
}

} // namespace

void checkIamPolicies(LintContext& context) {
  for (const Resource& resource : context.module().resources) {
    if (isIdentityType(resource.type))
      checkIdentity(context, resource);
    else if (resource.type == "AWS::Lambda::Permission")
      checkLambdaPermission(context, resource);
    for (const ResourcePolicy& policy : kResourcePolicies)
      if (policy.type == resource.type)
        checkResourcePolicy(context, resource, policy);
  }
}

} // namespace pm::ir::lint
