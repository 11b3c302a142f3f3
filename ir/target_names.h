// The naming rules of each target as data: which model elements share a namespace, how a name
// is spelled there (case, length, reserved words) and whether it is a deployed identity.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace pm::ir {

// Service Catalog products are CloudFormation templates: they use the CloudFormation names.
enum class NamingTarget { CloudFormation, Terraform, Cdk };

// What a name belongs to. Module: a whole module (a Terraform module block, a CDK stack class).
enum class NamedKind { Input, Resource, Output, Condition, Mapping, Module };

enum class CaseStyle {
  Pascal, // MyBucketName
  Camel,  // myBucketName
  Snake,  // my_bucket_name
};

struct NamingStyle {
  CaseStyle caseStyle = CaseStyle::Pascal;
  std::size_t maxLength = 0;           // 0: no limit
  std::string_view collisionSeparator; // between a name and its collision number ("_" -> a_2)
  std::string_view digitPrefix;        // put before a leading digit; empty: a digit may lead
};

struct NamingNamespace {
  NamingTarget target;
  std::string_view label;           // "Terraform variable", used in diagnostics
  std::span<const NamedKind> kinds; // the elements sharing the namespace
  std::span<const NamedKind> kept;  // kinds whose source names are kept exactly (logical IDs)
  NamingStyle style;
  // A name already valid in the target is kept: rendered CloudFormation must stay byte-exact.
  bool keepValidNames = false;
  std::span<const std::string_view> reserved; // names the target uses itself
  // The name is the identity of a deployed resource (a Terraform address): a changed name
  // means a replaced resource, so a collision is an error rather than a warning.
  bool identity = false;
  bool graphWide = false; // one namespace for all modules rather than one per module
};

std::span<const NamingNamespace> namingNamespaces();

std::string_view namingTargetName(NamingTarget target);
std::string_view namedKindName(NamedKind kind);

// True when `name` can be used in the style as it is (case, characters, length).
bool isValidName(std::string_view name, const NamingStyle& style);

// The source name spelled in the style: split into words at punctuation, at non-ASCII bytes and
// at case changes (MyVPCName -> My VPC Name), then joined in the style's case. Empty when the
// source has no ASCII letter or digit. Collision handling is the caller's.
std::string normaliseName(std::string_view source, const NamingStyle& style);

// `aws_s3_bucket` + `logs` -> `aws_s3_bucket.logs`.
std::string terraformAddress(std::string_view resourceType, std::string_view name);

} // namespace pm::ir
