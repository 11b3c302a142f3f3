// Fn::ForEach for looped resources
// (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-foreach.html).
#include "backends/servicecatalog/resource_loops.h"

#include "ir/expr_text.h"

namespace pm::backends::sc {

namespace {

using ir::ExprKind;
using ir::ExprPtr;

constexpr const char* kNotLiftedRule = "MIG008";

// Every loop value the resource reads is the element itself.
bool readsOnlyTheElement(const ir::Resource& resource, const std::string& variable) {
  bool only = true;
  auto check = [&](const ExprPtr& root) {
    ir::walkExpr(root, [&](const ir::Expr& node) {
      if (node.kind() == ExprKind::LoopItemRef && node.name() != variable)
        only = false;
      return only;
    });
  };
  for (const ExprPtr& expr :
       {resource.properties, resource.metadata, resource.deletionPolicy,
        resource.updateReplacePolicy, resource.updatePolicy, resource.creationPolicy})
    check(expr);
  for (const ir::LocatedName& dependency : resource.dependsOn)
    only = only && dependency.name.find("${") == std::string::npos;
  // Ref and GetAtt targets that vary per element would need a Fn::Sub inside Ref.
  ir::walkExpr(resource.properties, [&](const ir::Expr& node) {
    if (node.kind() == ExprKind::Ref && node.name().find("${") != std::string::npos)
      only = false;
    if (node.kind() == ExprKind::GetAtt && node.getAtt().logicalId.find("${") != std::string::npos)
      only = false;
    return only;
  });
  return only;
}

// "Queue${item}" -> "Queue&{Item}" (the & form keeps only letters and digits, as logical IDs
// require); nothing when another placeholder appears.
std::optional<std::string> logicalIdTemplate(const std::string& logicalId,
                                             const std::string& variable,
                                             const std::string& identifier) {
  std::string placeholder = "${" + variable + "}";
  std::string out;
  bool varies = false;
  for (std::size_t i = 0; i < logicalId.size();) {
    if (logicalId.compare(i, placeholder.size(), placeholder) == 0) {
      out += "&{" + identifier + "}";
      i += placeholder.size();
      varies = true;
    } else if (logicalId.compare(i, 2, "${") == 0) {
      return std::nullopt;
    } else {
      out += logicalId[i++];
    }
  }
  if (!varies)
    return std::nullopt;
  return out;
}

bool isListParameterRef(const ExprPtr& collection) {
  return collection && collection->kind() == ExprKind::Ref;
}

} // namespace

std::optional<ir::MapEntry> forEachResource(const ir::Resource& resource,
                                            const ResourceBodyBuilder& body,
                                            ReferenceLowering& lowering, NameRegistry& names,
                                            ir::Diagnostics& diagnostics) {
  const ir::ResourceLoop& loop = *resource.loop;
  bool collectionIsList = loop.collection && loop.collection->kind() == ExprKind::InputRef;
  std::string identifier = pascalName(loop.variable);
  auto idTemplate = logicalIdTemplate(resource.logicalId, loop.variable, identifier);
  if (!collectionIsList || !idTemplate || !readsOnlyTheElement(resource, loop.variable)) {
    diagnostics.warning(kNotLiftedRule, loop.location,
                        "the loop over '" + ir::exprText(loop.collection) + "' that repeats '" +
                            resource.logicalId +
                            "' does not fit Fn::ForEach (it needs a list input as the "
                            "collection, the element as the only loop value and logical IDs "
                            "varying only by it); the resource is left out of the product "
                            "template");
    return std::nullopt;
  }
  identifier = names.claim(identifier);
  idTemplate = logicalIdTemplate(resource.logicalId, loop.variable, identifier);
  ExprPtr collection = lowering.lower(loop.collection);
  if (!isListParameterRef(collection))
    return std::nullopt;
  lowering.enterLoop(LoopScope{loop.variable, identifier});
  ExprPtr fragment = ir::Expr::map({{*idTemplate, resource.location, body(resource)}}, {});
  lowering.enterLoop(std::nullopt);
  std::string loopName = names.claim(pascalName(*idTemplate) + "Loop");
  ExprPtr value = ir::Expr::list(
      {ir::Expr::string(identifier, loop.location), collection, fragment}, loop.location);
  return ir::MapEntry{"Fn::ForEach::" + loopName, resource.location, value};
}

} // namespace pm::backends::sc
