// Element fields from the LoopItemRef paths of each loop's body.
#include "frontend/parametric/loop_collections.h"

#include "frontend/bundle/schema_inputs.h"
#include "ir/instantiate.h"

#include <map>
#include <set>

namespace pm::frontend {

namespace {

// Element paths ("inputs.port") read by loops, by the collection's context path.
using ElementPaths = std::map<std::string, std::set<std::string>>;

void addItemPath(const std::string& variable, const std::string& path, const ir::Expr& collection,
                 ElementPaths& paths) {
  if (collection.kind() != ir::ExprKind::ContextRef || !path.starts_with(variable + "."))
    return;
  paths[collection.name()].insert(path.substr(variable.size() + 1));
}

void addBodyPaths(const ir::ExprPtr& body, const std::string& variable, const ir::Expr& collection,
                  ElementPaths& paths) {
  ir::walkExpr(body, [&](const ir::Expr& node) {
    if (node.kind() == ir::ExprKind::LoopItemRef)
      addItemPath(variable, node.name(), collection, paths);
    return true;
  });
}

// The ${path} placeholders of a looped resource's logical ID ("Deploy${service_instance.name}").
void addNamePaths(const std::string& name, const std::string& variable, const ir::Expr& collection,
                  ElementPaths& paths) {
  for (std::size_t open = name.find("${"); open != std::string::npos;
       open = name.find("${", open + 2)) {
    std::size_t close = name.find('}', open);
    if (close == std::string::npos)
      return;
    addItemPath(variable, name.substr(open + 2, close - open - 2), collection, paths);
  }
}

ElementPaths elementPaths(const ir::Module& module) {
  ElementPaths paths;
  for (const ir::Resource& resource : module.resources) {
    if (!resource.loop || !resource.loop->collection)
      continue;
    const ir::ResourceLoop& loop = *resource.loop;
    addNamePaths(resource.logicalId, loop.variable, *loop.collection, paths);
    ir::walkResourceExprs(resource, [&](const ir::Expr& node) {
      if (node.kind() == ir::ExprKind::LoopItemRef)
        addItemPath(loop.variable, node.name(), *loop.collection, paths);
      return true;
    });
  }
  ir::walkModuleExprs(module, [&](const ir::Expr& node) {
    if (node.kind() == ir::ExprKind::ForEach && node.arguments().size() == 2)
      addBodyPaths(node.arguments()[1], node.name(), *node.arguments()[0], paths);
    return true;
  });
  return paths;
}

ir::Input& field(std::vector<ir::Input>& fields, const std::string& name) {
  for (ir::Input& existing : fields)
    if (existing.name == name)
      return existing;
  ir::Input added;
  added.name = name;
  added.required = true;
  return fields.emplace_back(std::move(added));
}

// The input a field of a service instance's `inputs` has in the service's schema, if any.
const ir::Input* schemaInput(const std::vector<ir::Input>& instanceInputs,
                             const std::string& name) {
  for (const ir::Input& input : instanceInputs)
    if (input.name == name)
      return &input;
  return nullptr;
}

// Nested fields for "inputs.port": an object `inputs` with a field `port`.
void addField(std::vector<ir::Input>& fields, const std::string& path,
              const std::vector<ir::Input>& instanceInputs, bool underInputs) {
  std::size_t dot = path.find('.');
  if (dot == std::string::npos) {
    ir::Input& leaf = field(fields, path);
    if (const ir::Input* typed = underInputs ? schemaInput(instanceInputs, path) : nullptr) {
      leaf.type = typed->type;
      leaf.itemType = typed->itemType;
      leaf.description = typed->description;
    }
    return;
  }
  std::string head = path.substr(0, dot);
  ir::Input& object = field(fields, head);
  object.type = ir::InputType::Object;
  addField(object.fields, path.substr(dot + 1), instanceInputs, head == "inputs" && !underInputs);
}

} // namespace

void typeLoopCollections(ir::Module& module, const Bundle& bundle) {
  ElementPaths paths = elementPaths(module);
  std::vector<ir::Input> instanceInputs;
  if (bundle.schema && bundle.schema->serviceInputs)
    instanceInputs = toModelInputs(*bundle.schema->serviceInputs);
  for (ir::Input& input : module.inputs) {
    auto found = paths.find(input.name);
    if (!input.isContext || found == paths.end())
      continue;
    input.type = ir::InputType::List;
    input.itemType = ir::InputType::Object;
    input.required = true;
    for (const std::string& path : found->second)
      addField(input.fields, path, instanceInputs, false);
  }
}

} // namespace pm::frontend
