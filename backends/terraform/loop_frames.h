// Parametric loops in Terraform: how a looped resource is keyed (`for_each`), and how the
// element, the Jinja loop counters and the key of a looped resource read inside a resource
// loop (`each`), a `dynamic` block (its iterator) or a `for` expression (its variables).
#pragma once

#include "ir/expr.h"

#include <optional>
#include <string>
#include <string_view>

namespace pm::tf {

// One loop the translation is inside.
struct LoopFrame {
  std::string variable;      // the Jinja loop variable ("service_instance")
  std::string collectionKey; // ir::collectionKey of the list ("service_instances")
  std::string collection;    // HCL of the list ("var.service_instances")
  std::string element;       // HCL of the current element ("each.value")
  std::string position;      // HCL of its 0-based index in the list
  std::string key;           // HCL of the key a looped resource over the same list has for it
};

// Whether the elements of a list key its looped resources by their `name`: the pipeline's
// service instances have unique names that survive adding or removing an instance; any other
// list (of strings, possibly repeated) is keyed by position.
bool keyedByName(std::string_view collectionKey);

// `for_each` of a resource repeated per element of `collection` (HCL text), skipping the
// elements for which `condition` (HCL, may read `variable`; empty for none) is false.
std::string resourceForEach(const std::string& variable, std::string_view collectionKey,
                            const std::string& collection, const std::string& condition);

// The frames of a looped resource's body, a `dynamic` block with `iterator`, and a `for`
// expression `[for index, <variable> in <collection> : ...]`.
LoopFrame resourceFrame(const std::string& variable, std::string collectionKey,
                        std::string collection);
LoopFrame dynamicBlockFrame(const std::string& variable, const std::string& iterator,
                            std::string collectionKey, std::string collection);
LoopFrame forExpressionFrame(const std::string& variable, std::string collectionKey,
                             std::string collection);

// The HCL of a Jinja loop counter ("index", "index0", "first", "last", "length", "revindex",
// "revindex0") of `frame`; nullopt for any other name.
std::optional<std::string> loopCounter(const LoopFrame& frame, std::string_view counter);

} // namespace pm::tf
