// The expression tree of the model: literal values, lists, maps and the CloudFormation
// intrinsic functions as typed nodes, each with the source location it was read from.
#pragma once

#include "ir/source_location.h"

#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pm::ir {

enum class ExprKind {
  // Literals. A number keeps its source text: CloudFormation passes "1.10" and 1.1 differently.
  String,
  Number,
  Bool,
  Null,
  List,
  Map, // ordered as in the source; keys keep their locations
  // CloudFormation intrinsics. Argument layouts (arguments()) are listed with each kind.
  Ref,              // name()
  GetAtt,           // getAtt()
  Sub,              // sub()
  Join,             // [delimiter, list]
  Select,           // [index, list]
  Split,            // [delimiter, source]
  If,               // name() = condition name; [valueIfTrue, valueIfFalse]
  Equals,           // [left, right]
  And,              // conditions (2..10)
  Or,               // conditions (2..10)
  Not,              // [condition]
  Condition,        // name() = condition name (the `Condition` key inside Conditions)
  FindInMap,        // [mapName, topLevelKey, secondLevelKey] (+ [{DefaultValue: x}])
  GetAZs,           // [region]
  Cidr,             // [ipBlock, count, cidrBits]
  ImportValue,      // [exportName]
  Base64,           // [value]
  Length,           // [list]
  ToJsonString,     // [value]
  Transform,        // [{Name: ..., Parameters: ...}]
  DynamicReference, // dynamicReference(): a string with {{resolve:service:key}} parts
  // Proton values, created when Jinja expressions are lifted into the model.
  InputRef,          // name() = input name
  ContextRef,        // name() = context path, e.g. "environment.name"
  UpstreamOutputRef, // upstreamOutput()
  // Parametric mode's Jinja logic (guard.h). A Guarded node is one value or the other by a guard
  // variable of the module; a branch where the node is absent holds Ref AWS::NoValue, with the
  // CloudFormation meaning (the property or list item is left out).
  Guarded,     // name() = guard variable; [valueWhenTrue, valueWhenFalse]
  Defined,     // [reference]: the spec gives the input a value (Jinja `is defined`)
  ForEach,     // name() = loop variable; [collection, item]: a list item repeated per element
  LoopItemRef, // name() = path from a loop variable: "service_instance.name", "loop.index"
  // A construct the tool cannot represent; kept (with a diagnostic) so nothing is dropped.
  Unsupported, // unsupported()
};

class Expr;
using ExprPtr = std::shared_ptr<const Expr>;

struct NumberValue {
  std::string text; // exactly as written in the source
  double value = 0;
};

struct MapEntry {
  std::string key;
  SourceLocation keyLocation;
  ExprPtr value;
};

// Fn::GetAtt: "Resource.Attr.Nested" or [Resource, Attr.Nested]; the attribute may be an
// expression in the list form (`[Res, !Ref AttrName]`), then attributeExpr is set.
struct GetAttTarget {
  std::string logicalId;
  std::string attribute;
  ExprPtr attributeExpr;
  bool listForm = false;
};

// One piece of a Fn::Sub template string.
struct SubPart {
  enum class Kind {
    Text,            // literal text
    Variable,        // ${Name} or ${Name.Attr}: name + attribute
    EscapedVariable, // ${!Literal}: printed as "${Literal}", text = "Literal"
  };
  Kind kind = Kind::Text;
  std::string text;      // Text and EscapedVariable
  std::string name;      // Variable
  std::string attribute; // Variable, after the first '.'; empty for ${Name}
  SourceLocation location;
};

struct SubTemplate {
  std::string source; // the template string as written
  std::vector<SubPart> parts;
  std::vector<MapEntry> variables; // the optional map of the two-argument form
  bool listForm = false;
};

// {{resolve:service-name:reference-key}} inside a string; other text is kept between them.
struct DynamicReferenceSegment {
  bool isReference = false;
  std::string text;    // the whole segment as written
  std::string service; // ssm, ssm-secure, secretsmanager (references only)
  std::string key;     // everything after "service:" (references only)
};
struct DynamicReferenceText {
  std::string source;
  std::vector<DynamicReferenceSegment> segments;
};

struct UpstreamOutput {
  std::string module; // the upstream module's name, e.g. the environment
  std::string output; // its output name
};

struct UnsupportedConstruct {
  std::string construct; // e.g. "Fn::ForEach" or "!GetAtt"
  std::string reason;
  ExprPtr original; // the value as read, when there is one
};

// Payload of named nodes and of the intrinsics taking plain arguments.
struct IntrinsicCall {
  std::string name;
  std::vector<ExprPtr> arguments;
};

// Immutable once built: passes that change a tree build new nodes (sharing unchanged ones).
class Expr {
public:
  static ExprPtr string(std::string text, SourceLocation location);
  static ExprPtr number(std::string text, double value, SourceLocation location);
  static ExprPtr boolean(bool value, SourceLocation location);
  static ExprPtr null(SourceLocation location);
  static ExprPtr list(std::vector<ExprPtr> items, SourceLocation location);
  static ExprPtr map(std::vector<MapEntry> entries, SourceLocation location);
  static ExprPtr ref(std::string name, SourceLocation location);
  static ExprPtr getAtt(GetAttTarget target, SourceLocation location);
  static ExprPtr sub(SubTemplate sub, SourceLocation location);
  // Join..Transform (not Ref, GetAtt, Sub, If, Condition).
  static ExprPtr call(ExprKind kind, std::vector<ExprPtr> arguments, SourceLocation location);
  static ExprPtr ifThen(std::string condition, ExprPtr whenTrue, ExprPtr whenFalse,
                        SourceLocation location);
  static ExprPtr condition(std::string name, SourceLocation location);
  static ExprPtr dynamicReference(DynamicReferenceText text, SourceLocation location);
  static ExprPtr inputRef(std::string name, SourceLocation location);
  static ExprPtr contextRef(std::string path, SourceLocation location);
  static ExprPtr upstreamOutputRef(UpstreamOutput target, SourceLocation location);
  static ExprPtr unsupported(UnsupportedConstruct construct, SourceLocation location);
  static ExprPtr guarded(std::string variable, ExprPtr whenTrue, ExprPtr whenFalse,
                         SourceLocation location);
  static ExprPtr forEach(std::string variable, ExprPtr collection, ExprPtr item,
                         SourceLocation location);
  static ExprPtr loopItemRef(std::string path, SourceLocation location);

  ExprKind kind() const { return kind_; }
  const SourceLocation& location() const { return location_; }
  bool isIntrinsic() const;

  // Typed accessors; calling one that does not fit kind() is a programmer error (throws).
  const std::string& text() const;                  // String
  const NumberValue& number() const;                // Number
  bool boolean() const;                             // Bool
  const std::vector<ExprPtr>& items() const;        // List
  const std::vector<MapEntry>& entries() const;     // Map
  const MapEntry* find(std::string_view key) const; // Map; nullptr when absent
  // Ref, If, Condition, InputRef, ContextRef, Guarded, ForEach, LoopItemRef
  const std::string& name() const;
  const std::vector<ExprPtr>& arguments() const; // Join..Transform, If, Guarded, Defined, ForEach
  const GetAttTarget& getAtt() const;
  const SubTemplate& sub() const;
  const DynamicReferenceText& dynamicReference() const;
  const UpstreamOutput& upstreamOutput() const;
  const UnsupportedConstruct& unsupported() const;

  // Direct children in source order (list items, map values, arguments, Sub variables, ...).
  std::vector<ExprPtr> children() const;
  // Calls visit(child) for each of them, without copying them out (tree walks are hot).
  template <typename Visit> void forEachChild(Visit&& visit) const;

private:
  using Payload = std::variant<std::monostate, std::string, NumberValue, bool, std::vector<ExprPtr>,
                               std::vector<MapEntry>, IntrinsicCall, GetAttTarget, SubTemplate,
                               DynamicReferenceText, UpstreamOutput, UnsupportedConstruct>;
  Expr(ExprKind kind, Payload payload, SourceLocation location)
      : kind_(kind), payload_(std::move(payload)), location_(std::move(location)) {}
  static ExprPtr make(ExprKind kind, Payload payload, SourceLocation location);

  ExprKind kind_;
  Payload payload_;
  SourceLocation location_;
};

// The CloudFormation spelling of a kind ("Fn::GetAtt", "Ref"), or a descriptive name for
// literals and Proton nodes ("string", "InputRef").
std::string_view exprKindName(ExprKind kind);

template <typename Visit> void Expr::forEachChild(Visit&& visit) const {
  if (const auto* items = std::get_if<std::vector<ExprPtr>>(&payload_)) {
    for (const ExprPtr& item : *items)
      visit(item);
  } else if (const auto* entries = std::get_if<std::vector<MapEntry>>(&payload_)) {
    for (const MapEntry& entry : *entries)
      visit(entry.value);
  } else if (const auto* call = std::get_if<IntrinsicCall>(&payload_)) {
    for (const ExprPtr& argument : call->arguments)
      visit(argument);
  } else if (const auto* target = std::get_if<GetAttTarget>(&payload_)) {
    if (target->attributeExpr)
      visit(target->attributeExpr);
  } else if (const auto* sub = std::get_if<SubTemplate>(&payload_)) {
    for (const MapEntry& entry : sub->variables)
      visit(entry.value);
  } else if (const auto* construct = std::get_if<UnsupportedConstruct>(&payload_)) {
    if (construct->original)
      visit(construct->original);
  }
}

// Calls visit(node) for every node of the tree, parents before children, in source order.
// visit returns false to skip a node's children.
template <typename Visit> void walkExpr(const ExprPtr& root, Visit&& visit) {
  if (!root || !visit(*root))
    return;
  root->forEachChild([&](const ExprPtr& child) { walkExpr(child, visit); });
}

} // namespace pm::ir
