// Writing model expressions as TypeScript for an L1 construct: literals shaped to the typed
// props (camelCase struct keys, numbers where the prop is a number), CloudFormation intrinsics as
// `cdk.Fn.*` and `cdk.Aws.*` tokens, and parametric mode's Proton references, guards and loops
// as TypeScript expressions. Inside a token, values stay in CloudFormation form: CDK resolves
// them as written, so the synthesized template keeps every key exactly.
#pragma once

#include "backends/cdk/cdk_classes.h"
#include "backends/cdk/property_shape.h"
#include "ir/diagnostics.h"
#include "ir/expr.h"

#include <map>
#include <string>

namespace pm::backends::cdk {

// The static TypeScript type of a written expression, enough to convert it to a prop's type.
enum class TsType { String, Number, Boolean, StringList, Resolvable, Literal, Any };

// Where a value comes from decides how it converts: CDK checks a prop's type after resolving
// tokens, so a string token that resolves to an intrinsic may stand for a number, but a plain
// string may not.
enum class TsOrigin {
  Token, // resolves to a CloudFormation intrinsic
  Value, // a plain value known when the app runs (a prop, a loop item)
  Text,  // a literal string of the template (a dynamic reference)
};

struct TsValue {
  std::string code;
  TsType type = TsType::Any;
  TsOrigin origin = TsOrigin::Token;
};

// How the stack spells the things expressions refer to.
struct ExpressionScope {
  std::string lib = "cdk"; // the aws-cdk-lib import
  // InputRef by input name, ContextRef by path, UpstreamOutputRef by "module.output".
  std::map<std::string, TsValue> inputs;
  std::map<std::string, TsValue> context;
  std::map<std::string, TsValue> upstreamOutputs;
  std::map<std::string, std::string> guards;     // guard variable -> boolean expression
  std::map<std::string, std::string> conditions; // CloudFormation condition -> CfnCondition
  // Loop variables in scope: Jinja name -> TypeScript element and index variables.
  struct Loop {
    std::string item;
    std::string index;
  };
  std::map<std::string, Loop> loops;
};

class ExpressionWriter {
public:
  ExpressionWriter(const CdkClasses& classes, const ExpressionScope& scope,
                   ir::Diagnostics& diagnostics)
      : classes_(classes), scope_(scope), diagnostics_(diagnostics) {}

  // `expr` as a value of the TypeScript type `shape` describes.
  std::string write(const ir::ExprPtr& expr, PropertyShape shape) const;
  // `expr` in CloudFormation form (kAnyShape).
  std::string raw(const ir::ExprPtr& expr) const { return write(expr, kAnyShape); }
  // A condition expression (Fn::Equals, Fn::And, ..., Condition) as an ICfnConditionExpression.
  std::string condition(const ir::ExprPtr& expr) const;
  // A Jinja guard condition (guard.h) as a TypeScript boolean expression.
  std::string guardCondition(const ir::ExprPtr& expr) const;
  // The struct literal of a map for a props struct; empty when an entry does not fit it (an
  // unknown key, a missing required key), so the caller can fall back to CloudFormation form.
  std::string structLiteral(const ir::ExprPtr& map, const CdkStruct& props) const;
  // The indentation of the line the written code starts on (long literals break into lines).
  void setIndent(int indent) const { indent_ = indent; }
  // A name with ${path} loop placeholders ("Deploy${loop.index}Project") as a TS expression.
  std::string loopName(const std::string& name) const;

  // Whether a write since the last reset put a literal map or list in CloudFormation form where
  // the prop wants a CDK struct. CDK maps struct props after resolving tokens, so such a value
  // cannot be passed as a prop at all: the caller sets it through an override instead.
  bool wroteUntyped() const { return untyped_; }
  void resetUntyped() const { untyped_ = false; }

private:
  TsValue value(const ir::ExprPtr& expr) const;
  std::string printed(const ir::ExprPtr& expr) const; // as Jinja's {{ }} prints it
  std::string convert(const TsValue& value, PropertyShape shape) const;
  std::string fallback(const std::string& rawCode, PropertyShape shape) const;
  // A literal map or list in CloudFormation form for a typed prop (see wroteUntyped()).
  std::string untypedLiteral(const ir::ExprPtr& expr, PropertyShape shape) const;
  std::string writeString(const std::string& text, PropertyShape shape) const;
  std::string writeNumber(const ir::NumberValue& number, PropertyShape shape) const;
  std::string writeBoolean(bool value, PropertyShape shape) const;
  std::string writeList(const ir::ExprPtr& list, PropertyShape shape) const;
  std::string writeMap(const ir::ExprPtr& map, PropertyShape shape) const;
  std::string writeGuarded(const ir::ExprPtr& guarded, PropertyShape shape) const;
  std::string listItem(const ir::ExprPtr& item, PropertyShape element) const;
  TsValue reference(const ir::Expr& expr) const;
  TsValue ref(const std::string& name) const;
  TsValue sub(const ir::Expr& expr) const;
  TsValue intrinsic(const ir::Expr& expr) const;
  TsValue conditionFunction(const ir::Expr& expr) const;
  TsValue loopItem(const std::string& path) const;
  std::string fn(const std::string& name) const { return scope_.lib + ".Fn." + name; }
  std::string token(const std::string& method, const std::string& code) const {
    return scope_.lib + ".Token." + method + "(" + code + ")";
  }

  const CdkClasses& classes_;
  const ExpressionScope& scope_;
  ir::Diagnostics& diagnostics_;
  mutable int indent_ = 0;
  mutable bool untyped_ = false;
};

// The CDK rule ids (docs/diagnostics.md).
inline constexpr const char* kCdkPropertyOverrideRule = "CDK001"; // set through an override
inline constexpr const char* kCdkUntypedResourceRule = "CDK002";  // no L1 class: CfnResource
inline constexpr const char* kCdkNotCarriedRule = "CDK003";       // cannot be emitted

} // namespace pm::backends::cdk
