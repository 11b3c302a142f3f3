// Where a deployed template departs from the one a bundle renders: the differences resource by
// resource and property by property, each with the path to it and where it sits in the deployed
// template, so drift (or a template version other than the bundle's) can be pointed at.
#pragma once

#include "ir/module.h"
#include "ir/source_location.h"

#include <string>
#include <vector>

namespace pm::ir {

struct TemplateDifference {
  // "Resources.Queue", "Outputs.QueueUrl", "Conditions.IsProd", "Mappings.Sizes".
  std::string element;
  // Inside the element: "Properties.Tags[1].Value", "Type", "DeletionPolicy"; empty when the
  // element itself is on one side only.
  std::string path;
  std::string deployed; // the deployed value as text; empty when absent there
  std::string rendered; // the rendered value as text; empty when absent there
  // In the deployed template where it has the element, else in the rendered one.
  SourceLocation location;

  std::string describe() const; // one sentence for a diagnostic or a report line
};

// Every difference between what `rendered` and `deployed` deploy, resources and outputs first in
// the deployed template's order, then conditions and mappings. Nested maps are compared key by
// key and lists item by item, so a difference is reported at the deepest node that differs;
// source locations and spelling (YAML or JSON, short or long intrinsic form) are ignored.
std::vector<TemplateDifference> compareTemplates(const Module& rendered, const Module& deployed);

} // namespace pm::ir
