// SEC002 (internet-open ingress only on 80/443 of internet-facing load balancers) and SEC003
// (SSH/RDP from outside private ranges), over SecurityGroupIngress entries and standalone
// AWS::EC2::SecurityGroupIngress resources.
#include "ir/passes/lint/rule_families.h"
#include "ir/passes/lint/value_domain.h"

#include <array>
#include <optional>

namespace pm::ir::lint {

namespace {

constexpr std::array<std::string_view, 2> kWebPorts{"80", "443"};
constexpr std::array<int, 2> kRemoteAccessPorts{22, 3389};
constexpr std::array<std::string_view, 3> kPrivatePrefixes{"10.", "192.168.", "172."};

struct IngressRule {
  const Resource& owner; // the resource holding the rule
  std::string groupId;   // the security group it opens (logical ID), empty when imported
  ExprPtr rule;          // the map with IpProtocol, FromPort, ToPort, CidrIp...
};

bool isWorldCidr(const Expr& value) {
  auto text = scalarText(value);
  return text && (*text == "0.0.0.0/0" || *text == "::/0");
}

std::optional<int> port(const ExprPtr& value) {
  auto text = scalarText(value);
  if (!text || text->empty())
    return std::nullopt;
  try {
    return std::stoi(*text);
  } catch (...) {
    return std::nullopt;
  }
}

bool isAllProtocols(const IngressRule& ingress) {
  auto protocol = scalarText(member(ingress.rule, "IpProtocol"));
  return protocol && (*protocol == "-1" || *protocol == "all");
}

bool isTcp(const IngressRule& ingress) {
  auto protocol = scalarText(member(ingress.rule, "IpProtocol"));
  return protocol && (*protocol == "tcp" || *protocol == "6");
}

bool isSingleWebPort(const IngressRule& ingress) {
  auto from = scalarText(member(ingress.rule, "FromPort"));
  auto to = scalarText(member(ingress.rule, "ToPort"));
  if (!from || from != to)
    return false;
  for (std::string_view web : kWebPorts)
    if (*from == web)
      return true;
  return false;
}

bool isSecurityGroupRule(std::string_view type) {
  return type == "AWS::EC2::SecurityGroupIngress" || type == "AWS::EC2::SecurityGroupEgress";
}

bool isInternetFacingLoadBalancer(const Resource& resource) {
  if (resource.type != "AWS::ElasticLoadBalancingV2::LoadBalancer")
    return false;
  auto scheme = scalarText(property(resource, "Scheme"));
  return !scheme || *scheme == "internet-facing"; // internet-facing is the default
}

// Why the group's attachments do not make it a public load balancer's; empty when they do.
std::string attachmentProblem(const Module& module, const std::string& groupId) {
  int attached = 0;
  for (const Resource& resource : module.resources) {
    if (resource.logicalId == groupId || isSecurityGroupRule(resource.type) ||
        !refersTo(resource.properties, groupId))
      continue;
    if (!isInternetFacingLoadBalancer(resource))
      return "it is attached to " + resource.type + " '" + resource.logicalId +
             "', not only to internet-facing load balancers";
    ++attached;
  }
  if (attached == 0)
    return "no internet-facing load balancer of this template uses the group";
  return "";
}

std::string groupName(const IngressRule& ingress) {
  return ingress.groupId.empty() ? "'" + ingress.owner.logicalId + "'"
                                 : "'" + ingress.groupId + "'";
}

void checkWorldOpen(LintContext& context, const IngressRule& ingress, const ExprPtr& cidr,
                    const PossibleValue& open) {
  std::string problem;
  if (!isTcp(ingress))
    problem = isAllProtocols(ingress) ? "it allows every protocol" : "the protocol is not tcp";
  else if (!isSingleWebPort(ingress))
    problem = "the ports are not exactly 80 or 443";
  else
    problem = attachmentProblem(context.module(), ingress.groupId);
  if (problem.empty())
    return;
  context.report("SEC002", severityFor(Severity::Error, open), &ingress.owner, cidr->location(),
                 "security group " + groupName(ingress) + " is open to the internet (" +
                     scalarText(open.value).value_or("") + ")" + provenance(open) + ": " + problem);
}

bool isPrivateCidr(const std::string& cidr) {
  for (std::string_view prefix : kPrivatePrefixes)
    if (cidr.starts_with(prefix))
      return true;
  return false;
}

bool coversRemoteAccess(const IngressRule& ingress) {
  if (isAllProtocols(ingress))
    return true;
  auto from = port(member(ingress.rule, "FromPort"));
  auto to = port(member(ingress.rule, "ToPort"));
  if (!from || !to)
    return false;
  for (int remote : kRemoteAccessPorts)
    if (*from <= remote && remote <= *to)
      return true;
  return false;
}

// SEC003: SSH or RDP reachable from a public range other than the whole internet (SEC002's).
void checkRemoteAccess(LintContext& context, const IngressRule& ingress, const ExprPtr& cidr) {
  auto found = findViolation(valueDomain(cidr, context), [](const Expr& value) {
    auto text = scalarText(value);
    return text && !isWorldCidr(value) && !isPrivateCidr(*text);
  });
  if (found && coversRemoteAccess(ingress))
    context.report("SEC003", severityFor(Severity::Error, *found), &ingress.owner, cidr->location(),
                   "security group " + groupName(ingress) + " opens SSH/RDP to " +
                       scalarText(found->value).value_or("") + provenance(*found) +
                       " (use Session Manager instead of inbound access)");
}

void checkIngress(LintContext& context, const IngressRule& ingress) {
  for (std::string_view key : {"CidrIp", "CidrIpv6"}) {
    ExprPtr cidr = member(ingress.rule, key);
    if (!cidr)
      continue;
    auto open = findViolation(valueDomain(cidr, context), isWorldCidr);
    if (open)
      checkWorldOpen(context, ingress, cidr, *open);
    checkRemoteAccess(context, ingress, cidr);
  }
}

} // namespace

void checkIngressRules(LintContext& context) {
  for (const Resource& resource : context.module().resources) {
    if (resource.type == "AWS::EC2::SecurityGroup")
      for (const ExprPtr& rule : asList(property(resource, "SecurityGroupIngress")))
        checkIngress(context, {resource, resource.logicalId, rule});
    else if (resource.type == "AWS::EC2::SecurityGroupIngress")
      checkIngress(context, {resource, referencedResource(property(resource, "GroupId")),
                             resource.properties});
  }
}

} // namespace pm::ir::lint
