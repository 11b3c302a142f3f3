// The CloudFormation -> Terraform resource mappings, read from data files under data/: the
// hand-curated `aws` provider mappings (aws-resources.txt) and the awscc attribute trees
// (awscc-resources.txt, generated), loaded once.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pm::tf {

// How a CloudFormation property becomes Terraform.
enum class ArgumentKind {
  Value,       // the value translated as is
  Tags,        // a list of {Key, Value} becomes a map
  NameMap,     // a list of {Name, Value} becomes a map (CloudWatch dimensions)
  List,        // a single value becomes a one-item list
  Single,      // a one-item list becomes its item (a policy attached to exactly one role)
  Json,        // a JSON document becomes jsonencode(...)
  Block,       // a map property becomes one nested block (its `nested` arguments)
  Blocks,      // a list of maps becomes one nested block per item
  Inline,      // a map property whose entries are arguments of the enclosing body (`nested`)
  Enabled,     // "ENABLED" (or the word in keep[0]) becomes true, any other value false
  ApiJson,     // a JSON document whose keys CloudFormation capitalises and the API writes in
               // camelCase: jsonencode(...) with each key's first letter lowered, except inside
               // the maps named in `keep` (user keys such as log driver options)
  Spread,      // a Ref to another resource becomes several arguments read from it (`spread`)
  Into,        // a top-level property Terraform keeps in a nested block, named keep[0]
  Keyed,       // a list of {Key, Value} whose keys name arguments (`spread` pairs: key, argument)
  FieldBlocks, // a list of {Field, Values}: one block each, holding a block named after Field
               // (dashes as underscores) with `values`; the fields allowed are in `keep`
  Pluck,       // a list of maps becomes the list of each map's field keep[0] ({Name: x} -> x)
  Dropped,     // a property Terraform has no counterpart for: not written, said in a comment
               // and a warning; `keep` holds the words of the reason
};

struct ArgumentMapping {
  std::string property; // CloudFormation name
  std::string argument; // Terraform name
  ArgumentKind kind = ArgumentKind::Value;
  std::vector<ArgumentMapping> nested; // Block, Blocks and Inline
  std::vector<std::string> keep;       // ApiJson
  // Spread: (argument, attribute of the referenced resource).
  std::vector<std::pair<std::string, std::string>> spread;
};

// A property Terraform manages in a resource of its own (an S3 bucket's versioning, an ECR
// repository's policy): written next to the main resource when the property is set.
struct CompanionMapping {
  std::string property;      // CloudFormation name
  std::string terraformType; // aws_s3_bucket_versioning
  std::string nameSuffix;    // the companion is named "<main resource name>_<suffix>"
  std::string block;         // when set, the arguments go into this nested block
  // Arguments with a constant HCL value, '@' standing for the main resource ("@.id").
  std::vector<std::pair<std::string, std::string>> fixed;
  // Map the property's value; the property "." maps the value as a whole.
  std::vector<ArgumentMapping> arguments;
};

struct CuratedMapping {
  std::string cloudFormationType;
  std::string terraformType;
  // What Ref reads: an attribute ("id", "arn", "name", ...) or an HCL template like the
  // attribute ones.
  std::string refAttribute;
  // Fn::GetAtt attribute -> Terraform attribute, or an HCL template where each '@' stands for
  // the resource ("${@.arn}:*").
  std::map<std::string, std::string> attributes;
  // Properties Terraform requires: without them the awscc mapping is used.
  std::vector<std::string> required;
  // Name properties CloudFormation generates when absent ("<stack>-<logical ID>-<suffix>")
  // and Terraform requires: written as "${var.stack_name}-<logical ID>".
  std::vector<std::string> generatedNames;
  bool lowercaseGeneratedNames = false; // S3 and ECR names: CloudFormation lower-cases them
  std::vector<ArgumentMapping> arguments;
  std::vector<std::pair<std::string, std::string>> fixed; // arguments with a constant (HCL)
  // A top-level property CloudFormation also accepts inside a map property, where Terraform
  // wants it: (property, map property).
  std::vector<std::pair<std::string, std::string>> moves;
  std::vector<CompanionMapping> companions;
  const ArgumentMapping* argument(std::string_view property) const;
  const CompanionMapping* companion(std::string_view property) const;
};

// An awscc attribute and, for nested objects, its attributes.
struct AwsccAttribute {
  std::string name;
  std::string kind; // string number bool list(..) set(..) map(..) any, or object list set map
  std::vector<AwsccAttribute> children;
  bool nestedObject() const { return !children.empty() || kind == "object"; }
  // The child whose name equals `property` with case and underscores ignored.
  const AwsccAttribute* child(std::string_view property) const;
};

struct AwsccResource {
  std::string name;
  AwsccAttribute root; // children are the top-level attributes
};

class MappingTables {
public:
  // Loaded on first use from the data directory; an unreadable file leaves its table empty
  // and loadError() says which.
  static const MappingTables& instance();
  static std::unique_ptr<MappingTables> fromText(const std::string& curated,
                                                 const std::string& awscc);

  const CuratedMapping* curated(std::string_view cloudFormationType) const;
  const AwsccResource* awscc(std::string_view cloudFormationType) const;
  const std::vector<CuratedMapping>& allCurated() const { return curated_; }
  const std::string& loadError() const { return loadError_; }

private:
  std::vector<CuratedMapping> curated_;
  std::map<std::string, AwsccResource, std::less<>> awsccByKey_; // by normalised type key
  std::string loadError_;
};

// The text of a file of the Terraform data folder (found as the mapping tables are), or
// nothing when no data folder holds it.
std::optional<std::string> readDataFile(std::string_view name);

// Lower case without underscores, for matching awscc names against CloudFormation names.
std::string normalisedName(std::string_view name);

} // namespace pm::tf
