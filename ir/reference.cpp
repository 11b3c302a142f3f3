// Collecting and classifying the references of a module.
#include "ir/reference.h"

#include "ir/pseudo_parameters.h"

namespace pm::ir {

std::string_view referenceKindName(ReferenceKind kind) {
  switch (kind) {
  case ReferenceKind::Ref:
    return "Ref";
  case ReferenceKind::GetAtt:
    return "GetAtt";
  case ReferenceKind::Sub:
    return "Sub";
  case ReferenceKind::DependsOn:
    return "DependsOn";
  case ReferenceKind::Condition:
    return "Condition";
  }
  return "Ref";
}

std::string_view elementKindName(ElementKind kind) {
  switch (kind) {
  case ElementKind::Resource:
    return "resource";
  case ElementKind::Output:
    return "output";
  case ElementKind::Condition:
    return "condition";
  }
  return "resource";
}

std::string_view targetKindName(TargetKind kind) {
  switch (kind) {
  case TargetKind::Resource:
    return "resource";
  case TargetKind::Input:
    return "input";
  case TargetKind::PseudoParameter:
    return "pseudo parameter";
  case TargetKind::Condition:
    return "condition";
  case TargetKind::SubVariable:
    return "Sub variable";
  case TargetKind::Unresolved:
    return "unresolved";
  }
  return "unresolved";
}

namespace {

class ReferenceCollector {
public:
  explicit ReferenceCollector(const Module& module) : module_(module) {}

  void collect() {
    for (const Resource& resource : module_.resources)
      collectResource(resource);
    for (const Output& output : module_.outputs) {
      setElement(ElementKind::Output, output.name);
      walk(output.value);
      walk(output.exportName);
      if (output.condition)
        addCondition(output.condition->name, output.condition->location);
    }
    for (const Condition& condition : module_.conditions) {
      setElement(ElementKind::Condition, condition.name);
      walk(condition.expression);
    }
  }

  std::vector<Reference> take() { return std::move(references_); }

private:
  void collectResource(const Resource& resource) {
    setElement(ElementKind::Resource, resource.logicalId);
    walk(resource.properties);
    for (const LocatedName& dependency : resource.dependsOn)
      add(ReferenceKind::DependsOn, dependency.name, {}, dependency.location,
          module_.findResource(dependency.name) ? TargetKind::Resource : TargetKind::Unresolved);
    if (resource.condition)
      addCondition(resource.condition->name, resource.condition->location);
    for (const ExprPtr& attribute :
         {resource.deletionPolicy, resource.updateReplacePolicy, resource.updatePolicy,
          resource.creationPolicy, resource.metadata})
      walk(attribute);
  }

  void setElement(ElementKind kind, const std::string& name) {
    fromKind_ = kind;
    from_ = name;
  }

  void add(ReferenceKind kind, const std::string& to, const std::string& attribute,
           const SourceLocation& location, TargetKind target) {
    references_.push_back({fromKind_, from_, kind, target, to, attribute, location});
  }

  void addCondition(const std::string& name, const SourceLocation& location) {
    add(ReferenceKind::Condition, name, {}, location,
        module_.findCondition(name) ? TargetKind::Condition : TargetKind::Unresolved);
  }

  // Ref and ${Name}: parameters and resources share one namespace in CloudFormation.
  TargetKind valueTarget(const std::string& name) const {
    if (module_.findInput(name))
      return TargetKind::Input;
    if (module_.findResource(name))
      return TargetKind::Resource;
    if (findPseudoParameter(name))
      return TargetKind::PseudoParameter;
    return TargetKind::Unresolved;
  }

  TargetKind attributeTarget(const std::string& logicalId) const {
    return module_.findResource(logicalId) ? TargetKind::Resource : TargetKind::Unresolved;
  }

  void walk(const ExprPtr& root) {
    walkExpr(root, [this](const Expr& node) { return visit(node); });
  }

  bool visit(const Expr& node) {
    switch (node.kind()) {
    case ExprKind::Ref:
      add(ReferenceKind::Ref, node.name(), {}, node.location(), valueTarget(node.name()));
      return true;
    case ExprKind::InputRef:
      add(ReferenceKind::Ref, node.name(), {}, node.location(),
          module_.findInput(node.name()) ? TargetKind::Input : TargetKind::Unresolved);
      return true;
    case ExprKind::GetAtt: {
      const GetAttTarget& target = node.getAtt();
      add(ReferenceKind::GetAtt, target.logicalId, target.attribute, node.location(),
          attributeTarget(target.logicalId));
      return true;
    }
    case ExprKind::Sub:
      visitSub(node.sub());
      return true;
    case ExprKind::If:
    case ExprKind::Condition:
      addCondition(node.name(), node.location());
      return true;
    case ExprKind::Unsupported:
      return false;
    default:
      return true;
    }
  }

  void visitSub(const SubTemplate& sub) {
    for (const SubPart& part : sub.parts) {
      if (part.kind != SubPart::Kind::Variable)
        continue;
      bool isVariable = false;
      for (const MapEntry& variable : sub.variables)
        isVariable = isVariable || (part.attribute.empty() && variable.key == part.name);
      TargetKind target = isVariable               ? TargetKind::SubVariable
                          : part.attribute.empty() ? valueTarget(part.name)
                                                   : attributeTarget(part.name);
      add(ReferenceKind::Sub, part.name, part.attribute, part.location, target);
    }
  }

  const Module& module_;
  ElementKind fromKind_ = ElementKind::Resource;
  std::string from_;
  std::vector<Reference> references_;
};

} // namespace

std::vector<Reference> collectReferences(const Module& module) {
  ReferenceCollector collector(module);
  collector.collect();
  return collector.take();
}

} // namespace pm::ir
