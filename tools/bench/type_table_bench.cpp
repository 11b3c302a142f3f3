// Benchmark of the CloudFormation type table: loading it and the lookups a typical bundle
// makes (about 60 types, each asked for properties and attributes). The budget for
// load plus lookups is 20 ms.
#include "ir/type_table.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <string_view>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// Types a Proton environment + service bundle typically declares.
constexpr std::array<std::string_view, 60> kTypicalTypes = {
    "AWS::EC2::VPC",
    "AWS::EC2::Subnet",
    "AWS::EC2::InternetGateway",
    "AWS::EC2::VPCGatewayAttachment",
    "AWS::EC2::RouteTable",
    "AWS::EC2::Route",
    "AWS::EC2::SubnetRouteTableAssociation",
    "AWS::EC2::NatGateway",
    "AWS::EC2::EIP",
    "AWS::EC2::SecurityGroup",
    "AWS::EC2::SecurityGroupIngress",
    "AWS::EC2::SecurityGroupEgress",
    "AWS::EC2::VPCEndpoint",
    "AWS::EC2::LaunchTemplate",
    "AWS::EC2::Instance",
    "AWS::ECS::Cluster",
    "AWS::ECS::Service",
    "AWS::ECS::TaskDefinition",
    "AWS::ECS::CapacityProvider",
    "AWS::ECS::ClusterCapacityProviderAssociations",
    "AWS::ElasticLoadBalancingV2::LoadBalancer",
    "AWS::ElasticLoadBalancingV2::Listener",
    "AWS::ElasticLoadBalancingV2::ListenerRule",
    "AWS::ElasticLoadBalancingV2::TargetGroup",
    "AWS::IAM::Role",
    "AWS::IAM::Policy",
    "AWS::IAM::ManagedPolicy",
    "AWS::IAM::InstanceProfile",
    "AWS::Lambda::Function",
    "AWS::Lambda::Permission",
    "AWS::Lambda::EventSourceMapping",
    "AWS::Lambda::LayerVersion",
    "AWS::ApiGateway::RestApi",
    "AWS::ApiGateway::Resource",
    "AWS::ApiGateway::Method",
    "AWS::ApiGateway::Deployment",
    "AWS::ApiGateway::Stage",
    "AWS::ApiGatewayV2::Api",
    "AWS::S3::Bucket",
    "AWS::S3::BucketPolicy",
    "AWS::SQS::Queue",
    "AWS::SQS::QueuePolicy",
    "AWS::SNS::Topic",
    "AWS::SNS::Subscription",
    "AWS::DynamoDB::Table",
    "AWS::Logs::LogGroup",
    "AWS::CloudWatch::Alarm",
    "AWS::ApplicationAutoScaling::ScalableTarget",
    "AWS::ApplicationAutoScaling::ScalingPolicy",
    "AWS::ServiceDiscovery::PrivateDnsNamespace",
    "AWS::ServiceDiscovery::Service",
    "AWS::CodePipeline::Pipeline",
    "AWS::CodeBuild::Project",
    "AWS::ECR::Repository",
    "AWS::KMS::Key",
    "AWS::SecretsManager::Secret",
    "AWS::RDS::DBInstance",
    "AWS::RDS::DBSubnetGroup",
    "AWS::Serverless::Function",
    "AWS::Events::Rule"};

double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// One cold run: load the file, then look up every typical type and touch what a pass reads.
// Returns {load ms, lookup ms}; a fresh table each time, so per-type parsing is included.
std::pair<double, double> runOnce(std::size_t& checksum) {
  Clock::time_point start = Clock::now();
  std::unique_ptr<pm::ir::TypeTable> table = pm::ir::TypeTable::load(PM_TYPE_TABLE_PATH);
  double loadMs = millisecondsSince(start);
  start = Clock::now();
  for (std::string_view name : kTypicalTypes) {
    const pm::ir::ResourceType* type = table->find(name);
    if (!type)
      continue;
    checksum += type->properties().size() + type->hasAttribute("Arn");
    checksum += type->property("Tags") != nullptr;
  }
  return {loadMs, millisecondsSince(start)};
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

} // namespace

int main() {
  std::unique_ptr<pm::ir::TypeTable> probe = pm::ir::TypeTable::load(PM_TYPE_TABLE_PATH);
  if (!probe->loaded()) {
    std::fprintf(stderr, "type_table_bench: %s\n", probe->loadError().c_str());
    return 1;
  }
  constexpr int kRuns = 30;
  std::vector<double> loads, lookups, totals;
  std::size_t checksum = 0;
  for (int run = 0; run < kRuns; ++run) {
    auto [loadMs, lookupMs] = runOnce(checksum);
    loads.push_back(loadMs);
    lookups.push_back(lookupMs);
    totals.push_back(loadMs + lookupMs);
  }
  std::printf("type table: %zu types from %s\n", probe->size(), PM_TYPE_TABLE_PATH);
  std::printf("median of %d runs: load %.2f ms, %zu lookups %.2f ms, total %.2f ms "
              "(budget 20 ms; worst total %.2f ms) [checksum %zu]\n",
              kRuns, median(loads), kTypicalTypes.size(), median(lookups), median(totals),
              *std::max_element(totals.begin(), totals.end()), checksum);
  return median(totals) < 20.0 ? 0 : 2;
}
