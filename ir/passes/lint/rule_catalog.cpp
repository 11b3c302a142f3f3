// The catalog rows, derived from the project's rule catalog document (lint-rules.md §4): the
// help text is the first sentence of each rule's check.
#include "ir/passes/lint/rule_catalog.h"

#include <algorithm>
#include <cctype>

namespace pm::ir::lint {

namespace {

// clang-format off
const std::vector<RuleInfo> kRules{
    {"SEC001", "IAM: no wildcard actions, unscoped resources or admin grants", Severity::Error, "error", true,
     "Policy documents in AWS::IAM::Role (Policies, AssumeRolePolicyDocument), AWS::IAM::Policy, AWS::IAM::ManagedPolicy."},
    {"SEC002", "Internet-open ingress only on 80/443 of internet-facing load balancers", Severity::Error, "error", true,
     "Every ingress rule (AWS::EC2::SecurityGroup SecurityGroupIngress[] and standalone AWS::EC2::SecurityGroupIngress) whose source is 0.0.0.0/0 or ::/0, evaluated per §1.1."},
    {"SEC003", "No SSH/RDP exposure; Session Manager instead of bastions", Severity::Error, "error / warning", false,
     "Ingress to port 22 or 3389 from any CIDR outside the VPC CIDR or RFC 1918."},
    {"SEC004", "Encryption at rest for every data store", Severity::Error, "error / warning / info by type", true,
     "AWS::RDS::DBInstance (non-Aurora) and DBCluster StorageEncrypted; AWS::EC2::Volume Encrypted; Instance/LaunchTemplate BlockDeviceMappings[].Ebs.Encrypted; AWS::EFS::FileSystem Encrypted;..."},
    {"SEC005", "TLS on public entry points and data paths", Severity::Error, "error / warning", false,
     "An internet-facing ALB listener on HTTP whose default action is not a redirect to HTTPS; CloudFront ViewerProtocolPolicy allow-all."},
    {"SEC006", "No plaintext secrets in templates, schema inputs, specs or outputs", Severity::Error, "error", true,
     "(a) Secret-bearing properties must be a dynamic reference (resolve:secretsmanager / resolve:ssm-secure) or use ManageMasterUserPassword."},
    {"SEC007", "S3 public access blocked, ACLs disabled", Severity::Error, "error / warning / info", false,
     "Any PublicAccessBlockConfiguration flag false, unless DataClassification=public and (graph) the bucket is reachable only via CloudFront OAC; AccessControl PublicRead / PublicReadWrite / AuthenticatedRead; a bucket..."},
    {"SEC008", "Data stores and workloads are not placed on the public internet", Severity::Error, "error / warning", false,
     "AWS::RDS::DBInstance PubliclyAccessible true; (graph) any subnet in a DB, ElastiCache or Redshift subnet group is public, meaning MapPublicIpOnLaunch true or a route table with 0.0.0.0/0 → InternetGateway; Lambda..."},
    {"SEC009", "Per-service ECS task roles, separate from the execution role", Severity::Warning, "warning", false,
     "AWS::ECS::TaskDefinition: TaskRoleArn must differ from ExecutionRoleArn."},
    {"SEC010", "No IAM users or access keys in workload templates", Severity::Error, "error", false,
     "Resource types AWS::IAM::User, AWS::IAM::AccessKey, AWS::IAM::UserToGroupAddition, and a User LoginProfile (Terraform aws_iam_user, aws_iam_access_key, aws_iam_user_login_profile)."},
    {"SEC011", "Resource policies do not grant to anonymous or unscoped principals", Severity::Error, "error", false,
     "Effect Allow with Principal * or {AWS: *} and no restricting Condition in AWS::SQS::QueuePolicy, AWS::SNS::TopicPolicy, AWS::KMS::Key KeyPolicy, AWS::ECR::Repository RepositoryPolicyText and API Gateway resource policies."},
    {"SEC012", "KMS keys and secrets have a managed lifecycle", Severity::Warning, "warning", false,
     "AWS::KMS::Key with KeySpec SYMMETRIC_DEFAULT must set EnableKeyRotation true."},
    {"SEC013", "Public HTTP entry points have WAF and an authorizer", Severity::Warning, "warning, error for public APIs (prod)", false,
     "An internet-facing ALB without AWS::WAFv2::WebACLAssociation; a CloudFront distribution without WebACLId; a public REST API stage with no WebACL; an HTTP API (which cannot take WAF) serving public traffic with no..."},
    {"SEC014", "Container image and build supply chain", Severity::Warning, "warning", false,
     "AWS::ECR::Repository: ImageScanningConfiguration.ScanOnPush true (or a registry scanning configuration with enhanced scanning), and ImageTagMutability IMMUTABLE. An ECS container Image tagged latest, or with no..."},
    {"SEC015", "EC2 baseline: IMDSv2, instance role, no default VPC", Severity::Warning, "warning", false,
     "AWS::EC2::Instance / LaunchTemplate: MetadataOptions.HttpTokens required; HttpPutResponseHopLimit ≤ 2; IamInstanceProfile present."},
    {"SEC016", "Protection level follows DataClassification", Severity::Error, "error", false,
     "Graph rule over effective tags (TAG001), covering S3, RDS, DynamoDB, EFS, SQS, SNS, Kinesis, log groups, backup vaults and secrets."},
    {"REL001", "Production databases: Multi-AZ, deletion protection, backups, minor upgrades", Severity::Error, "error (prod) / warning", false,
     "AWS::RDS::DBInstance (non-Aurora): MultiAZ true; DeletionProtection true; BackupRetentionPeriod ≥ 7 (0 is an error everywhere); AutoMinorVersionUpgrade not false; engine version not deprecated."},
    {"REL002", "Stateful resources declare deletion and replacement policies", Severity::Warning, "warning; error for data stores in a migration run", true,
     "Resources that hold data must set both DeletionPolicy and UpdateReplacePolicy to Retain, or Snapshot where supported."},
    {"REL003", "Load-balanced and clustered compute spans ≥ 2 AZs", Severity::Warning, "warning (prod)", false,
     "(Graph) the subnets used by AWS::ElasticLoadBalancingV2::LoadBalancer, AWS::ECS::Service AwsvpcConfiguration, AWS::AutoScaling::AutoScalingGroup VPCZoneIdentifier and the RDS/ElastiCache subnet groups resolve to ≥ 2..."},
    {"REL004", "Health checks and automatic rollback on service deployments", Severity::Warning, "warning", false,
     "AWS::ElasticLoadBalancingV2::TargetGroup (HTTP/HTTPS) has HealthCheckPath and sane thresholds."},
    {"REL005", "Asynchronous consumers have dead-letter handling", Severity::Warning, "warning", false,
     "An AWS::SQS::Queue consumed by a Lambda EventSourceMapping or a worker service (graph) sets RedrivePolicy.deadLetterTargetArn."},
    {"REL006", "Scaling configured for variable load", Severity::Info, "info", false,
     "In prod, an AWS::ECS::Service has an AWS::ApplicationAutoScaling::ScalableTarget + ScalingPolicy (graph)."},
    {"REL007", "Production deploy stages need manual approval", Severity::Warning, "warning", false,
     "An AWS::CodePipeline::Pipeline (or the emitted CI definition) with a stage that deploys to prod must have an earlier action with ActionTypeId.Category Approval."},
    {"REL008", "Classified data stores are covered by AWS Backup", Severity::Info, "info / warning", false,
     "(Graph) every RDS, DynamoDB, EFS and EBS resource whose DataClassification is not public is selected by an AWS::Backup::BackupSelection (by ARN or tag)."},
    {"COST001", "CloudWatch Logs is not a long-term archive", Severity::Info, "info", false,
     "AWS::Logs::LogGroup RetentionInDays > 365 on application or debug logs → suggest export or subscription to S3."},
    {"COST002", "NAT gateway footprint fits the environment", Severity::Warning, "warning (non-prod) / info", false,
     "Count AWS::EC2::NatGateway per environment template: more than one outside prod → warning; in prod, one per AZ in use (REL003)."},
    {"COST003", "Instance sizes come from an allowlist and a current generation", Severity::Warning, "warning", false,
     "EC2 InstanceType (Instance, LaunchTemplate), RDS DBInstanceClass, ElastiCache CacheNodeType, ECS Fargate Cpu/Memory and CodeBuild ComputeType are checked against a per-environment allowlist or ceiling."},
    {"COST004", "S3 lifecycle and storage class", Severity::Warning, "warning / info", false,
     "An AWS::S3::Bucket without LifecycleConfiguration → warning for log and artifact buckets, info otherwise."},
    {"COST005", "Costly telemetry options are deliberate", Severity::Info, "info", false,
     "CloudTrail selectors logging all S3 object data events, or AdvancedEventSelectors with no field filters; InsightSelectors on an audit trail; ECS containerInsights on in non-prod; S3 request or replication metrics..."},
    {"COST006", "API Gateway flavour fits the need", Severity::Info, "info", false,
     "An AWS::ApiGateway::RestApi used purely as a {proxy+} ANY passthrough, with no usage plan, API key, WAF, caching or request validation → suggest AWS::ApiGatewayV2::Api (HTTP API: cheaper and faster)."},
    {"COST007", "No idle billable or orphaned resources", Severity::Warning, "warning / info", false,
     "An AWS::EC2::EIP not referenced by an instance, NAT gateway or EIPAssociation."},
    {"OBS001", "Every log destination has explicit retention, including implicit groups", Severity::Warning, "warning, error (prod)", true,
     "AWS::Logs::LogGroup RetentionInDays is set to an allowed value."},
    {"OBS002", "Workload logs are shipped, one service to one log group", Severity::Warning, "warning", false,
     "Every AWS::ECS::TaskDefinition container has LogConfiguration (awslogs or awsfirelens) with awslogs-stream-prefix."},
    {"OBS003", "Access logs on load balancers, CDN, APIs and sensitive buckets", Severity::Warning, "warning", false,
     "ELBv2 LoadBalancerAttributes access_logs.s3.enabled = true, with a bucket."},
    {"OBS004", "VPC flow logs on every VPC", Severity::Warning, "warning", false,
     "(Graph) each AWS::EC2::VPC is the ResourceId of an AWS::EC2::FlowLog with TrafficType ALL. The destination is S3 (preferably a log-archive account bucket) or a log group with retention (OBS001)."},
    {"OBS005", "CloudTrail trails are tamper-evident and kept ≥ 1 year", Severity::Warning, "warning", false,
     "Where an AWS::CloudTrail::Trail is declared: IsLogging, IsMultiRegionTrail, IncludeGlobalServiceEvents and EnableLogFileValidation true; KMSKeyId set."},
    {"OBS006", "Alarms on the metrics the guideline marks as monitored", Severity::Warning, "warning / info", false,
     "(Graph) for each resource, an AWS::CloudWatch::Alarm whose Namespace/MetricName/Dimensions point at it."},
    {"OBS007", "Tracing and Container Insights", Severity::Info, "info", false,
     "Lambda TracingConfig Mode Active; API Gateway stage TracingEnabled; Step Functions TracingConfiguration; ECS cluster containerInsights on in prod (non-prod per COST005)."},
    {"OBS008", "Account security services are provided somewhere", Severity::Info, "info / warning", false,
     "Across the environment-template set, or the converter's landing-zone declaration: a GuardDuty detector with the relevant features and an S3 publishing destination; Security Hub with the FSBP and CIS v3.0 standards;..."},
    {"TAG001", "Mandatory tags on every taggable resource", Severity::Warning, "warning; error (prod); error when a data store lacks DataClassification", true,
     "For each resource whose type is taggable (CloudFormation registry schema tagging.taggable; Terraform tags attribute), compute the effective tags: the resource's Tags plus the stack/default tags the emitter will write..."},
    {"TAG002", "Tag keys and values follow the vocabulary", Severity::Warning, "warning", false,
     "Key spelling and casing are the same across all templates (CostCenter vs cost-center vs Cost Center → warning)."},
    {"TAG003", "Physical names follow `<org>-<team>-<service>-<env>` and fit their limits", Severity::Warning, "warning / error", false,
     "Applies to explicit name properties: BucketName, FunctionName, ClusterName, ServiceName, TableName, QueueName, TopicName, RoleName, DBInstanceIdentifier, LoadBalancer/TargetGroup Name, repository name, and..."},
    {"TAG004", "Tags reach derived and billed-by-proxy resources", Severity::Info, "info", false,
     "ASG tags with PropagateAtLaunch true (or launch template TagSpecifications)."},
    {"TAG005", "Tags lifted to stack level and fed from inputs", Severity::Info, "info / warning", false,
     "The same literal tag map repeated on many resources; emit it once as stack/provider defaults."},
    {"MIG001", "Template references an input the schema does not declare", Severity::Error, "error", true,
     "Resolve every Jinja expression in CloudFormation files and every var.<ns>.inputs.<x> in Terraform files against the matching input type: environment.inputs.* → environment_input_type; service_instance.inputs.* →..."},
    {"MIG002", "Schema input declared but never used", Severity::Warning, "warning", true,
     "The inverse of MIG001, per template: every property of the input types must be referenced by at least one IaC file of that template (instance, pipeline, component)."},
    {"MIG003", "Output reference with no producer", Severity::Error, "error", true,
     "Service instance files: every environment.outputs.X and service_instance.environment.outputs.X must be an Output of every environment template declared compatible with that service template version."},
    {"MIG004", "Unknown or legacy Proton namespace", Severity::Error, "error", false,
     "Allowed roots are the per-file namespace table (proton-format.md §5.2): environment.{name, account_id, inputs, outputs}; service.{name, branch_name, repository_connection_arn, repository_id}; service_instance.{name,..."},
    {"MIG005", "Required input has no value source", Severity::Error, "error (spec supplied) / warning (no spec)", true,
     "For each input listed in required that has no default: if a spec is supplied (environment spec, service instances[].spec, pipeline spec) it must give a value, else error."},
    {"MIG006", "Defaults and spec values violate the schema", Severity::Error, "error", false,
     "Check schema defaults and spec values against their own property schema: type, enum, pattern, minimum/maximum, minLength/maxLength."},
    {"MIG007", "CloudFormation Parameters inside a Proton-rendered template", Severity::Error, "error / warning", false,
     "In Jinja-rendered CloudFormation files: error for a Parameters entry without Default."},
    {"MIG008", "Jinja construct cannot be lifted into target-language logic", Severity::Error, "error / warning", true,
     "Classify every Jinja node."},
    {"MIG009", "Logical IDs or resource addresses would change", Severity::Warning, "warning; error for stateful types", true,
     "For each resource compute its target identity: the CloudFormation logical ID (CDK L1 with overrideLogicalId; Service Catalog keeps template IDs) or the Terraform address."},
    {"MIG010", "An input feeds a create-only (replacement) property", Severity::Warning, "warning", false,
     "Graph: an input → property edge where the property is in the type's createOnlyProperties (CloudFormation registry schema) or is ForceNew (Terraform)."},
    {"MIG011", "Hard-coded account IDs, Regions, partitions and AZs", Severity::Warning, "warning", false,
     "A literal 12-digit account ID, Region code, arn:aws: partition, AZ name (ap-northeast-1a) or ECR registry host (<acct>.dkr.ecr.<region>.amazonaws.com) in templates, schema defaults or specs → warning."},
    {"MIG012", "Deprecated or blocked Lambda runtime", Severity::Error, "error / warning / info", true,
     "Check Runtime on AWS::Lambda::Function, AWS::Serverless::Function (and Globals) and Terraform aws_lambda_function over its whole value domain (§1.1): literal, schema default, every enum member, spec value."},
    {"MIG013", "Deprecated CodeBuild curated image", Severity::Warning, "warning", false,
     "Check AWS::CodeBuild::Project Environment.Image, Terraform environment.image, and CodeBuild-provisioning manifests (settings.image) against a maintained table of deprecated curated images."},
    {"MIG014", "CloudFormation feature with no Terraform aws-provider equivalent", Severity::Error, "error (Terraform target) / info (CDK, Service Catalog)", true,
     "Detect: Transform (AWS::Serverless-2016-10-31, AWS::Include, AWS::LanguageExtensions, custom macros); custom resources (Custom::*, AWS::CloudFormation::CustomResource, any ServiceToken);..."},
    {"MIG015", "Proton-only constructs need a replacement design", Severity::Warning, "warning / error", false,
     "AWS::Proton::* resource types in templates (and non-existent ones such as AWS::Proton::Service); component references and component templates; environment account connections (the multi-account provisioning role);..."},
    {"MIG016", "Schema construct the target's input model cannot represent", Severity::Warning, "warning / error", false,
     "Map every schema property to the target."},
    {"MIG017", "Identifier collisions after name normalisation", Severity::Error, "error", false,
     "Normalise inputs, outputs and logical IDs for each target: CloudFormation parameter/output names (alphanumeric), Terraform identifiers, CDK camelCase props, Service Catalog parameter keys."},
    {"MIG018", "Dynamic references and Jinja escaping", Severity::Warning, "warning", false,
     "In Proton sources, CloudFormation dynamic references must be Jinja-escaped."},
    {"MIG019", "Pipeline source wiring and legacy CI services", Severity::Warning, "warning / info", false,
     "CodeStarSourceConnection actions not taking ConnectionArn/FullRepositoryId/BranchName from service.repository_connection_arn / repository_id / branch_name (e.g."},
    {"MIG020", "Compatible environments missing from the input set", Severity::Warning, "warning / info", false,
     "Compatible environment templates (name + major version) of a service template version that are not in the set being converted; MIG003 cannot then prove the outputs exist."},
    {"MIG021", "Terraform-based Proton templates need de-Protonising", Severity::Info, "info / warning", false,
     "Terraform bundles read inputs through Proton-generated object variables (var.environment.inputs.x, var.service_instance.inputs.x, var.service.*); the converter flattens them into first-class variables with types and..."},
    {"MIG022", "Dependence on Proton-managed tags", Severity::Warning, "warning / error", false,
     "IAM Conditions (aws:ResourceTag/…, aws:RequestTag/…), AWS Backup selections, cost-allocation or lookup logic keyed on Proton's managed tags (aws:proton:*) or their propagated proton:* copies."},
    // Raised by recover-spec, kept in the catalog so reports know it.
    {"MIG023", "Deployed template departs from the bundle (drift)", Severity::Warning, "warning", false,
     "recover-spec: the deployed template departs from anything the bundle can produce."},
};
// clang-format on

} // namespace

std::string RuleInfo::anchor() const {
  std::string lower(id);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return "lint.md#" + lower;
}

const std::vector<RuleInfo>& ruleCatalog() {
  return kRules;
}

const RuleInfo* findRule(std::string_view id) {
  auto found = std::find_if(kRules.begin(), kRules.end(),
                            [&](const RuleInfo& rule) { return rule.id == id; });
  return found == kRules.end() ? nullptr : &*found;
}

} // namespace pm::ir::lint
