// The list.
#include "ir/passes/lint/stateful_types.h"

#include <algorithm>
#include <array>

namespace pm::ir::lint {

namespace {

constexpr std::array<std::string_view, 24> kStatefulTypes{
    "AWS::Backup::BackupVault",
    "AWS::CloudFormation::Stack",
    "AWS::Cognito::UserPool",
    "AWS::DocDB::DBCluster",
    "AWS::DocDB::DBInstance",
    "AWS::DynamoDB::GlobalTable",
    "AWS::DynamoDB::Table",
    "AWS::EC2::Volume",
    "AWS::ECR::Repository",
    "AWS::EFS::FileSystem",
    "AWS::ElastiCache::CacheCluster",
    "AWS::ElastiCache::ReplicationGroup",
    "AWS::Elasticsearch::Domain",
    "AWS::KMS::Key",
    "AWS::Kinesis::Stream",
    "AWS::Logs::LogGroup",
    "AWS::Neptune::DBCluster",
    "AWS::OpenSearchService::Domain",
    "AWS::RDS::DBCluster",
    "AWS::RDS::DBInstance",
    "AWS::Redshift::Cluster",
    "AWS::S3::Bucket",
    "AWS::SQS::Queue",
    "AWS::SecretsManager::Secret",
};

} // namespace

bool isStatefulType(std::string_view type) {
  return std::find(kStatefulTypes.begin(), kStatefulTypes.end(), type) != kStatefulTypes.end();
}

} // namespace pm::ir::lint
