// The CloudFormation type table: for each resource type its properties (with types, nested
// property types, required and create-only flags), the attributes Fn::GetAtt accepts, what Ref
// returns and the primary identifier. Generated data (ir/data/cloudformation-types.tsv, see
// tools/type-table/generate.py), mapped once; a type's record is found by bisection (the types
// are sorted by name) and parsed on its first use.
#pragma once

#include "ir/table_text.h"

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pm::ir {

inline constexpr std::string_view kTypeTableFile = "cloudformation-types.tsv";
// A directory holding the data files (or the type table file itself); wins over the defaults.
inline constexpr const char* kDataDirEnvironmentVariable = "PROTON_MIGRATE_DATA";

struct PropertyInfo {
  std::string_view name;
  // string, integer, number, boolean, json, list<T>, map<T> or a nested property type's name.
  std::string_view type;
  bool required = false;
  bool createOnly = false; // changing it replaces the resource
  bool readOnly = false;   // set by CloudFormation, not by the template
};

// A named property type nested in a resource type (AWS::S3::Bucket's "BucketEncryption").
struct PropertyType {
  std::string_view name;
  std::vector<PropertyInfo> properties;

  const PropertyInfo* property(std::string_view name) const;
};

class ResourceType {
public:
  // `block` is the type's lines in the table text, which outlives it.
  explicit ResourceType(std::string_view block);
  ResourceType(const ResourceType&) = delete;
  ResourceType& operator=(const ResourceType&) = delete;

  std::string_view name() const { return name_; }
  // A SAM type: expanded by the AWS::Serverless-2016-10-31 transform, properties not checked.
  bool isTransformType() const { return transformType_; }
  // The property whose value Ref returns; composite identifiers are joined with '|'.
  std::string_view refReturns() const { return refReturns_; }
  const std::vector<std::string_view>& primaryIdentifier() const { return primaryIdentifier_; }

  const std::vector<PropertyInfo>& properties() const;
  const PropertyInfo* property(std::string_view name) const;
  // A nested property type by name (the `type` of a PropertyInfo, or inside list<>/map<>).
  const PropertyType* nestedType(std::string_view name) const;
  // Fn::GetAtt attribute names as the table lists them; "X.*" stands for any X.<suffix>.
  const std::vector<std::string_view>& attributes() const;
  bool hasAttribute(std::string_view attribute) const;
  // Create-only properties inside nested objects, as dotted paths ("VpcConfig.SubnetIds";
  // '*' stands for any list item). Top-level ones are PropertyInfo::createOnly.
  const std::vector<std::string_view>& nestedCreateOnlyPaths() const;

private:
  struct Details {
    std::vector<PropertyInfo> properties;
    std::vector<PropertyType> nestedTypes;
    std::vector<std::string_view> attributes;
    std::vector<std::string_view> nestedCreateOnlyPaths;
  };
  const Details& details() const;

  std::string_view block_;
  std::string_view name_;
  std::string_view refReturns_;
  std::vector<std::string_view> primaryIdentifier_;
  bool transformType_ = false;
  mutable std::once_flag parsed_;
  mutable Details details_;
};

class TypeTable {
public:
  // The table of the installation, loaded on first call (thread-safe). When no data file is
  // found the table is empty and loadError() says where it looked.
  static const TypeTable& instance();
  // A table from a file or from text (tests, the benchmark).
  static std::unique_ptr<TypeTable> load(const std::string& path);
  static std::unique_ptr<TypeTable> fromText(std::string text);
  // Where instance() reads from: $PROTON_MIGRATE_DATA alone when set, else the source tree,
  // then the share dir.
  static std::vector<std::string> searchPaths();

  const ResourceType* find(std::string_view typeName) const;
  std::size_t size() const { return allTypes().size(); }
  std::vector<std::string_view> typeNames() const; // sorted
  bool loaded() const { return loadError_.empty(); }
  const std::string& loadError() const { return loadError_; }
  const std::string& path() const { return path_; }

private:
  TypeTable() = default;
  void checkNotEmpty();
  const std::vector<std::string_view>& allTypes() const;

  TableText text_;
  std::string path_;
  std::string loadError_;
  std::size_t firstType_ = 0; // where the T records start: the index (if any) is before it
  mutable std::mutex mutex_;  // guards the types found so far
  // Keys view into the table text.
  mutable std::unordered_map<std::string_view, std::unique_ptr<ResourceType>> found_;
  mutable std::once_flag listed_;
  mutable std::vector<std::string_view> names_; // every type, in file order (sorted by name)
};

} // namespace pm::ir
