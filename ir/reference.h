// A reference from one part of a module to another (a Ref, GetAtt, Sub variable, DependsOn
// entry or condition name), with what it points at. Passes and the graph writer use these.
#pragma once

#include "ir/module.h"
#include "ir/source_location.h"

#include <string>
#include <string_view>
#include <vector>

namespace pm::ir {

enum class ReferenceKind { Ref, GetAtt, Sub, DependsOn, Condition };

// What a module element that holds references is.
enum class ElementKind { Resource, Output, Condition };

// What a reference resolved to; Unresolved when nothing in the module has its name (or the
// named thing cannot be referenced that way, e.g. Fn::GetAtt on a parameter).
enum class TargetKind { Resource, Input, PseudoParameter, Condition, SubVariable, Unresolved };

struct Reference {
  ElementKind fromKind = ElementKind::Resource;
  std::string from; // logical ID, output name or condition name
  ReferenceKind kind = ReferenceKind::Ref;
  TargetKind targetKind = TargetKind::Unresolved;
  std::string to;        // the name as written (without the attribute)
  std::string attribute; // GetAtt and ${Name.Attr}; empty otherwise
  SourceLocation location;

  bool resolved() const { return targetKind != TargetKind::Unresolved; }
};

std::string_view referenceKindName(ReferenceKind kind);
std::string_view elementKindName(ElementKind kind);
std::string_view targetKindName(TargetKind kind);

// Every reference of the module, in source order: resources (properties, then attributes),
// outputs, then conditions. Unsupported nodes are not looked into (they were reported already).
std::vector<Reference> collectReferences(const Module& module);

} // namespace pm::ir
