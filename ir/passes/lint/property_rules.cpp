// Rules that are one property condition on one resource type, as data rows.
#include "ir/passes/lint/rule_families.h"
#include "ir/passes/lint/value_domain.h"

#include <algorithm>

namespace pm::ir::lint {

namespace {

enum class Check {
  Present,           // the resource type itself is the finding
  Missing,           // the property is not set
  MissingOrFalse,    // not set, or possibly false
  IsFalse,           // possibly false
  IsTrue,            // possibly true
  OneOf,             // possibly one of `values` ('|'-separated)
  MissingOrNotValue, // not set, or possibly other than `values`
  StartsWith,        // possibly starting with one of `values`
  Above,             // possibly a number above `values`
  LongerThan,        // possibly a string longer than `values` characters
  IsSet,             // the property is set at all
};

struct PropertyRule {
  std::string_view rule;
  std::string_view type; // a trailing '*' matches a prefix
  std::string_view path; // dotted path in Properties
  Check check;
  Severity severity;
  std::string_view message;
  std::string_view values = {};
  // The row does not apply when this property is set (and starts with unlessPrefix, if given).
  std::string_view unlessPath = {};
  std::string_view unlessPrefix = {};
  bool errorInProduction = false;
};

// Instance families AWS lists as previous generation (COST003).
constexpr std::string_view kPreviousEc2Families = "t1.|t2.|m1.|m2.|m3.|m4.|c1.|c3.|c4.|r3.|r4.|i2.";

// clang-format off
const std::vector<PropertyRule> kPropertyRules{
    // SEC004: encryption at rest (lint-rules.md §5: S3, DynamoDB and log groups encrypt by default).
    {"SEC004", "AWS::RDS::DBInstance", "StorageEncrypted", Check::MissingOrFalse, Severity::Error, "storage is not encrypted (StorageEncrypted)", {}, "Engine", "aurora"},
    {"SEC004", "AWS::RDS::DBCluster", "StorageEncrypted", Check::MissingOrFalse, Severity::Error, "storage is not encrypted (StorageEncrypted)"},
    {"SEC004", "AWS::EC2::Volume", "Encrypted", Check::MissingOrFalse, Severity::Error, "the volume is not encrypted (Encrypted)"},
    {"SEC004", "AWS::EFS::FileSystem", "Encrypted", Check::MissingOrFalse, Severity::Error, "the file system is not encrypted (Encrypted)"},
    {"SEC004", "AWS::ElastiCache::ReplicationGroup", "AtRestEncryptionEnabled", Check::MissingOrFalse, Severity::Error, "data at rest is not encrypted (AtRestEncryptionEnabled)"},
    {"SEC004", "AWS::Kinesis::Stream", "StreamEncryption", Check::Missing, Severity::Error, "the stream is not encrypted (StreamEncryption)"},
    {"SEC004", "AWS::SQS::Queue", "SqsManagedSseEnabled", Check::IsFalse, Severity::Error, "server-side encryption is turned off (SqsManagedSseEnabled false, no KmsMasterKeyId)", {}, "KmsMasterKeyId"},
    {"SEC004", "AWS::SNS::Topic", "KmsMasterKeyId", Check::Missing, Severity::Warning, "the topic is not encrypted (no KmsMasterKeyId)"},
    {"SEC004", "AWS::CodeBuild::Project", "EncryptionKey", Check::Missing, Severity::Warning, "build artifacts use the default key (no EncryptionKey)"},
    {"SEC004", "AWS::S3::Bucket", "BucketEncryption", Check::Missing, Severity::Info, "no explicit BucketEncryption (S3 applies SSE-S3 by default)"},
    {"SEC004", "AWS::DynamoDB::Table", "SSESpecification", Check::Missing, Severity::Info, "no SSESpecification (DynamoDB encrypts with an AWS-owned key by default)"},
    {"SEC004", "AWS::Logs::LogGroup", "KmsKeyId", Check::Missing, Severity::Info, "no KmsKeyId (CloudWatch Logs encrypts with its own key by default)"},
    // SEC007: S3 public access.
    {"SEC007", "AWS::S3::Bucket", "PublicAccessBlockConfiguration.BlockPublicAcls", Check::IsFalse, Severity::Error, "public access block flag BlockPublicAcls is false"},
    {"SEC007", "AWS::S3::Bucket", "PublicAccessBlockConfiguration.BlockPublicPolicy", Check::IsFalse, Severity::Error, "public access block flag BlockPublicPolicy is false"},
    {"SEC007", "AWS::S3::Bucket", "PublicAccessBlockConfiguration.IgnorePublicAcls", Check::IsFalse, Severity::Error, "public access block flag IgnorePublicAcls is false"},
    {"SEC007", "AWS::S3::Bucket", "PublicAccessBlockConfiguration.RestrictPublicBuckets", Check::IsFalse, Severity::Error, "public access block flag RestrictPublicBuckets is false"},
    {"SEC007", "AWS::S3::Bucket", "AccessControl", Check::OneOf, Severity::Error, "a public canned ACL", "PublicRead|PublicReadWrite|AuthenticatedRead"},
    {"SEC007", "AWS::S3::Bucket", "PublicAccessBlockConfiguration", Check::Missing, Severity::Info, "no PublicAccessBlockConfiguration (new buckets block public access by default; write it out)"},
    // SEC008: public placement.
    {"SEC008", "AWS::RDS::DBInstance", "PubliclyAccessible", Check::IsTrue, Severity::Error, "the database is publicly accessible"},
    {"SEC008", "AWS::Lambda::Url", "AuthType", Check::OneOf, Severity::Error, "the function URL takes unauthenticated calls (AuthType NONE)", "NONE"},
    {"SEC008", "AWS::ECS::Service", "NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp", Check::OneOf, Severity::Warning, "tasks get public IP addresses (AssignPublicIp ENABLED)", "ENABLED", {}, {}, true},
    // SEC010: IAM users and keys belong in the identity account.
    {"SEC010", "AWS::IAM::User", "", Check::Present, Severity::Error, "an IAM user in a workload template (use roles)"},
    {"SEC010", "AWS::IAM::AccessKey", "", Check::Present, Severity::Error, "a long-lived access key in a workload template (use roles)"},
    {"SEC010", "AWS::IAM::UserToGroupAddition", "", Check::Present, Severity::Error, "IAM user membership managed in a workload template"},
    // SEC012: KMS key lifecycle.
    {"SEC012", "AWS::KMS::Key", "EnableKeyRotation", Check::MissingOrFalse, Severity::Warning, "automatic key rotation is off (EnableKeyRotation)", {}, "KeySpec"},
    {"SEC012", "AWS::KMS::Key", "MultiRegion", Check::IsTrue, Severity::Info, "a multi-Region key (single-Region keys are the default unless DR needs replicas)"},
    // SEC014: supply chain.
    {"SEC014", "AWS::ECR::Repository", "ImageScanningConfiguration.ScanOnPush", Check::MissingOrFalse, Severity::Warning, "images are not scanned on push"},
    {"SEC014", "AWS::ECR::Repository", "ImageTagMutability", Check::MissingOrNotValue, Severity::Warning, "image tags are mutable (ImageTagMutability is not IMMUTABLE)", "IMMUTABLE"},
    {"SEC014", "AWS::CodeBuild::Project", "Environment.PrivilegedMode", Check::IsTrue, Severity::Warning, "the build runs in privileged mode"},
    // SEC015: EC2 baseline.
    {"SEC015", "AWS::EC2::LaunchTemplate", "LaunchTemplateData.MetadataOptions.HttpTokens", Check::MissingOrNotValue, Severity::Warning, "IMDSv2 is not required (MetadataOptions.HttpTokens)", "required"},
    {"SEC015", "AWS::EC2::Instance", "IamInstanceProfile", Check::Missing, Severity::Warning, "the instance has no instance profile (no role for SSM or workload access)"},
    // REL001: databases.
    {"REL001", "AWS::RDS::DBInstance", "MultiAZ", Check::MissingOrFalse, Severity::Warning, "the database is not Multi-AZ", {}, "Engine", "aurora", true},
    {"REL001", "AWS::RDS::DBInstance", "DeletionProtection", Check::MissingOrFalse, Severity::Warning, "deletion protection is off", {}, {}, {}, true},
    {"REL001", "AWS::RDS::DBInstance", "BackupRetentionPeriod", Check::OneOf, Severity::Error, "automated backups are turned off (BackupRetentionPeriod 0)", "0"},
    {"REL001", "AWS::RDS::DBInstance", "AutoMinorVersionUpgrade", Check::IsFalse, Severity::Warning, "minor version upgrades are turned off"},
    {"REL001", "AWS::RDS::DBCluster", "DeletionProtection", Check::MissingOrFalse, Severity::Warning, "deletion protection is off", {}, {}, {}, true},
    {"REL001", "AWS::DynamoDB::Table", "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled", Check::MissingOrFalse, Severity::Warning, "point-in-time recovery is off", {}, {}, {}, true},
    // REL004: deployments roll back by themselves.
    {"REL004", "AWS::ECS::Service", "DeploymentConfiguration.DeploymentCircuitBreaker.Rollback", Check::MissingOrFalse, Severity::Warning, "no deployment circuit breaker with rollback", {}, "DeploymentController"},
    // OBS001: explicit retention.
    {"OBS001", "AWS::Logs::LogGroup", "RetentionInDays", Check::Missing, Severity::Warning, "the log group never expires (no RetentionInDays)", {}, {}, {}, true},
    // OBS007: tracing.
    {"OBS007", "AWS::Lambda::Function", "TracingConfig.Mode", Check::MissingOrNotValue, Severity::Info, "X-Ray tracing is not active (TracingConfig.Mode)", "Active"},
    // TAG004: tags reach derived resources.
    {"TAG004", "AWS::ECS::Service", "PropagateTags", Check::Missing, Severity::Info, "task tags are not propagated (PropagateTags)"},
    {"TAG004", "AWS::RDS::DBInstance", "CopyTagsToSnapshot", Check::MissingOrFalse, Severity::Info, "snapshots do not carry the tags (CopyTagsToSnapshot)"},
    // SEC005: TLS on entry points and data paths.
    {"SEC005", "AWS::CloudFront::Distribution", "DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy", Check::OneOf, Severity::Error, "viewers may use plain HTTP (ViewerProtocolPolicy allow-all)", "allow-all"},
    {"SEC005", "AWS::ElastiCache::ReplicationGroup", "TransitEncryptionEnabled", Check::MissingOrFalse, Severity::Warning, "traffic to the cache is not encrypted (TransitEncryptionEnabled)"},
    {"SEC005", "AWS::ApiGateway::DomainName", "SecurityPolicy", Check::OneOf, Severity::Warning, "the domain accepts TLS 1.0 (SecurityPolicy TLS_1_0)", "TLS_1_0"},
    // SEC013: API methods without an authorizer.
    {"SEC013", "AWS::ApiGateway::Method", "AuthorizationType", Check::MissingOrNotValue, Severity::Warning, "the method takes unauthenticated calls (AuthorizationType NONE)", "AWS_IAM|COGNITO_USER_POOLS|CUSTOM", "HttpMethod", "options"},
    // OBS003: access logs.
    {"OBS003", "AWS::ApiGateway::Stage", "AccessLogSetting", Check::Missing, Severity::Warning, "the stage writes no access logs (AccessLogSetting)"},
    {"OBS003", "AWS::CloudFront::Distribution", "DistributionConfig.Logging", Check::Missing, Severity::Warning, "the distribution writes no access logs (Logging)"},
    // OBS005: audit trails.
    {"OBS005", "AWS::CloudTrail::Trail", "EnableLogFileValidation", Check::MissingOrFalse, Severity::Warning, "log file validation is off (EnableLogFileValidation)"},
    {"OBS005", "AWS::CloudTrail::Trail", "IsMultiRegionTrail", Check::MissingOrFalse, Severity::Warning, "the trail covers one Region only (IsMultiRegionTrail)"},
    {"OBS005", "AWS::CloudTrail::Trail", "KMSKeyId", Check::Missing, Severity::Warning, "trail logs are not encrypted with a KMS key (KMSKeyId)"},
    // REL006: scaling.
    {"REL006", "AWS::DynamoDB::Table", "BillingMode", Check::MissingOrNotValue, Severity::Info, "provisioned capacity (BillingMode is not PAY_PER_REQUEST): give it autoscaling", "PAY_PER_REQUEST"},
    // COST001: CloudWatch Logs is no archive.
    {"COST001", "AWS::Logs::LogGroup", "RetentionInDays", Check::Above, Severity::Info, "keeps logs in CloudWatch for more than a year: export them to S3 instead", "365"},
    // COST003: previous-generation instance families.
    {"COST003", "AWS::EC2::Instance", "InstanceType", Check::StartsWith, Severity::Warning, "a previous-generation instance type", kPreviousEc2Families},
    {"COST003", "AWS::EC2::LaunchTemplate", "LaunchTemplateData.InstanceType", Check::StartsWith, Severity::Warning, "a previous-generation instance type", kPreviousEc2Families},
    {"COST003", "AWS::RDS::DBInstance", "DBInstanceClass", Check::StartsWith, Severity::Warning, "a previous-generation database class", "db.t2.|db.m1.|db.m2.|db.m3.|db.m4.|db.r3.|db.r4."},
    {"COST003", "AWS::ElastiCache::ReplicationGroup", "CacheNodeType", Check::StartsWith, Severity::Warning, "a previous-generation cache node type", "cache.t1.|cache.t2.|cache.m1.|cache.m3.|cache.m4.|cache.r3.|cache.r4."},
    // COST004: S3 lifecycle.
    {"COST004", "AWS::S3::Bucket", "LifecycleConfiguration", Check::Missing, Severity::Info, "no LifecycleConfiguration (objects are kept in their storage class forever)"},
    // TAG003: explicit names that cannot fit their service's limit.
    {"TAG003", "AWS::S3::Bucket", "BucketName", Check::LongerThan, Severity::Error, "the bucket name is longer than S3's 63 characters", "63"},
    {"TAG003", "AWS::ElasticLoadBalancingV2::LoadBalancer", "Name", Check::LongerThan, Severity::Error, "the load balancer name is longer than 32 characters", "32"},
    {"TAG003", "AWS::ElasticLoadBalancingV2::TargetGroup", "Name", Check::LongerThan, Severity::Error, "the target group name is longer than 32 characters", "32"},
    {"TAG003", "AWS::IAM::Role", "RoleName", Check::LongerThan, Severity::Error, "the role name is longer than IAM's 64 characters", "64"},
    {"TAG003", "AWS::Lambda::Function", "FunctionName", Check::LongerThan, Severity::Error, "the function name is longer than Lambda's 64 characters", "64"},
    {"TAG003", "AWS::SQS::Queue", "QueueName", Check::LongerThan, Severity::Error, "the queue name is longer than SQS's 80 characters", "80"},
    // COST005: billed telemetry options chosen on purpose.
    {"COST005", "AWS::CloudTrail::Trail", "InsightSelectors", Check::IsSet, Severity::Info, "CloudTrail Insights are billed per event analysed (and not recommended for audit trails)"},
    {"COST005", "AWS::EC2::Instance", "Monitoring", Check::IsTrue, Severity::Info, "detailed monitoring is billed per metric"},
    // MIG015, MIG019: constructs that need a replacement design after Proton.
    {"MIG015", "AWS::Proton::*", "", Check::Present, Severity::Warning, "a Proton resource: Proton is out of support, it needs a replacement design"},
    {"MIG019", "AWS::CodeStarConnections::Connection", "", Check::Present, Severity::Warning, "a connection created in a per-service template (it needs a one-time manual handshake; keep it in shared infrastructure)"},
    {"MIG019", "AWS::CodeCommit::Repository", "", Check::Present, Severity::Info, "a CodeCommit repository (avoid for new adoption)"},
};
// clang-format on

bool typeMatches(std::string_view pattern, std::string_view type) {
  if (pattern.ends_with('*'))
    return type.starts_with(pattern.substr(0, pattern.size() - 1));
  return pattern == type;
}

bool isOneOf(const Expr& value, std::string_view values) {
  auto text = scalarText(value);
  if (!text)
    return false;
  while (!values.empty()) {
    std::size_t bar = values.find('|');
    if (lowercase(*text) == lowercase(std::string(values.substr(0, bar))))
      return true;
    values = bar == std::string_view::npos ? std::string_view{} : values.substr(bar + 1);
  }
  return false;
}

// A '|'-separated list of prefixes.
bool startsWithOneOf(const Expr& value, std::string_view prefixes) {
  std::string text = lowercase(scalarText(value).value_or(""));
  while (!prefixes.empty()) {
    std::size_t bar = prefixes.find('|');
    if (!text.empty() && text.starts_with(prefixes.substr(0, bar)))
      return true;
    prefixes = bar == std::string_view::npos ? std::string_view{} : prefixes.substr(bar + 1);
  }
  return false;
}

bool isAbove(const Expr& value, std::string_view limit) {
  return value.kind() == ExprKind::Number && value.number().value > std::stod(std::string(limit));
}

bool isLongerThan(const Expr& value, std::string_view limit) {
  return value.kind() == ExprKind::String &&
         value.text().size() > static_cast<std::size_t>(std::stoul(std::string(limit)));
}

bool violates(const PropertyRule& row, const Expr& value) {
  switch (row.check) {
  case Check::LongerThan:
    return isLongerThan(value, row.values);
  case Check::StartsWith:
    return startsWithOneOf(value, row.values);
  case Check::Above:
    return isAbove(value, row.values);
  case Check::MissingOrFalse:
  case Check::IsFalse:
    return isOneOf(value, "false");
  case Check::IsTrue:
    return isOneOf(value, "true");
  case Check::OneOf:
    return isOneOf(value, row.values);
  case Check::MissingOrNotValue:
    return !isOneOf(value, row.values);
  default:
    return false;
  }
}

bool missingViolates(Check check) {
  return check == Check::Missing || check == Check::MissingOrFalse ||
         check == Check::MissingOrNotValue;
}

bool exempt(const PropertyRule& row, const Resource& resource) {
  if (row.unlessPath.empty())
    return false;
  ExprPtr value = property(resource, row.unlessPath);
  if (!value)
    return false;
  auto text = scalarText(value);
  return row.unlessPrefix.empty() || (text && lowercase(*text).starts_with(row.unlessPrefix));
}

Severity rowSeverity(const PropertyRule& row, const LintContext& context) {
  return row.errorInProduction && context.production() ? Severity::Error : row.severity;
}

void checkRow(LintContext& context, const PropertyRule& row, const Resource& resource) {
  std::string subject = resource.type + " '" + resource.logicalId + "': ";
  Severity severity = rowSeverity(row, context);
  if (row.check == Check::Present)
    return context.report(row.rule, severity, &resource, resource.typeLocation,
                          subject + std::string(row.message));
  ExprPtr value = property(resource, row.path);
  if (value && row.check == Check::IsSet)
    return context.report(row.rule, severity, &resource, value->location(),
                          subject + std::string(row.message));
  if (!value) {
    if (missingViolates(row.check))
      context.report(row.rule, severity, &resource, resource.location,
                     subject + std::string(row.message));
    return;
  }
  auto found = findViolation(valueDomain(value, context),
                             [&](const Expr& candidate) { return violates(row, candidate); });
  if (found)
    context.report(row.rule, severityFor(severity, *found), &resource, value->location(),
                   subject + std::string(row.message) + provenance(*found));
}

} // namespace

void checkPropertyRules(LintContext& context) {
  for (const Resource& resource : context.module().resources)
    for (const PropertyRule& row : kPropertyRules)
      if (typeMatches(row.type, resource.type) && !exempt(row, resource))
        checkRow(context, row, resource);
}

} // namespace pm::ir::lint
