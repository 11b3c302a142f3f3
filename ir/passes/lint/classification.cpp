// SEC016 (protection follows DataClassification) and REL008 (classified data stores are
// backed up): rules over the effective DataClassification tag of data stores.
#include "ir/passes/lint/rule_families.h"

#include <array>

namespace pm::ir::lint {

namespace {

// The levels that need a customer-managed key (lint-rules.md SEC016, seed 004's levels).
constexpr std::array<std::string_view, 5> kProtectedLevels{"confidential", "secret", "personal",
                                                           "specific-personal", "cardholder"};

// Where each data store names its customer-managed key.
struct KeyProperty {
  std::string_view type;
  std::string_view path;
};
constexpr std::array<KeyProperty, 8> kKeyProperties{{
    {"AWS::S3::Bucket", "BucketEncryption"},
    {"AWS::RDS::DBInstance", "KmsKeyId"},
    {"AWS::RDS::DBCluster", "KmsKeyId"},
    {"AWS::DynamoDB::Table", "SSESpecification.KMSMasterKeyId"},
    {"AWS::EFS::FileSystem", "KmsKeyId"},
    {"AWS::SQS::Queue", "KmsMasterKeyId"},
    {"AWS::SNS::Topic", "KmsMasterKeyId"},
    {"AWS::Logs::LogGroup", "KmsKeyId"},
}};

// Backed up by AWS Backup (REL008).
constexpr std::array<std::string_view, 5> kBackedUpTypes{
    "AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::DynamoDB::Table", "AWS::EFS::FileSystem",
    "AWS::EC2::Volume"};

bool isProtectedLevel(const std::string& level) {
  for (std::string_view protectedLevel : kProtectedLevels)
    if (level == protectedLevel)
      return true;
  return false;
}

bool isBackedUpType(std::string_view type) {
  for (std::string_view backedUp : kBackedUpTypes)
    if (type == backedUp)
      return true;
  return false;
}

bool declaresBackupSelection(const Module& module) {
  for (const Resource& resource : module.resources)
    if (resource.type == "AWS::Backup::BackupSelection")
      return true;
  return false;
}

void checkKey(LintContext& context, const Resource& resource, const std::string& level) {
  for (const KeyProperty& key : kKeyProperties)
    if (key.type == resource.type && !property(resource, key.path))
      context.report("SEC016", Severity::Error, &resource, resource.location,
                     resource.type + " '" + resource.logicalId + "' is classified " + level +
                         " but not encrypted with a customer-managed key (" +
                         std::string(key.path) + ")");
}

} // namespace

void checkClassification(LintContext& context) {
  bool backups = declaresBackupSelection(context.module());
  for (const Resource& resource : context.module().resources) {
    auto level = tagValue(resource, "DataClassification");
    if (!level)
      continue;
    if (isProtectedLevel(*level))
      checkKey(context, resource, *level);
    if (*level != "public" && isBackedUpType(resource.type) && !backups)
      context.report("REL008", Severity::Info, &resource, resource.location,
                     resource.type + " '" + resource.logicalId + "' is classified " + *level +
                         " but no AWS::Backup::BackupSelection of this template covers it");
  }
}

} // namespace pm::ir::lint
