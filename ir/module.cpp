// Lookups over a module's declarations.
#include "ir/module.h"

#include <algorithm>

namespace pm::ir {

std::string_view moduleKindName(ModuleKind kind) {
  switch (kind) {
  case ModuleKind::Environment:
    return "environment";
  case ModuleKind::ServiceInstance:
    return "service instance";
  case ModuleKind::Pipeline:
    return "pipeline";
  case ModuleKind::Component:
    return "component";
  case ModuleKind::Template:
    return "template";
  }
  return "template";
}

namespace {

template <typename T, typename Key>
const T* findBy(const std::vector<T>& items, std::string_view name, Key key) {
  auto found =
      std::find_if(items.begin(), items.end(), [&](const T& item) { return item.*key == name; });
  return found == items.end() ? nullptr : &*found;
}

} // namespace

const Input* Module::findInput(std::string_view name) const {
  return findBy(inputs, name, &Input::name);
}
const Resource* Module::findResource(std::string_view logicalId) const {
  return findBy(resources, logicalId, &Resource::logicalId);
}
const Output* Module::findOutput(std::string_view name) const {
  return findBy(outputs, name, &Output::name);
}
const Condition* Module::findCondition(std::string_view name) const {
  return findBy(conditions, name, &Condition::name);
}
const Mapping* Module::findMapping(std::string_view name) const {
  return findBy(mappings, name, &Mapping::name);
}
const GuardVariable* Module::findGuard(std::string_view name) const {
  return findBy(guards, name, &GuardVariable::name);
}
bool Module::hasTransform(std::string_view transform) const {
  return std::find(transforms.begin(), transforms.end(), transform) != transforms.end();
}

} // namespace pm::ir
