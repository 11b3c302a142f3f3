// Outputs files and describe-stacks JSON.
#include "frontend/bundle/outputs_file.h"

#include "frontend/input_file.h"
#include "frontend/yaml/json_value.h"
#include "frontend/yaml/python_yaml.h"
#include "frontend/yaml/yaml_file.h"

namespace pm::frontend {

namespace {

constexpr const char* kBadOutputs = "PRS010";

bool endsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string stringField(const jinja::Value& dict, const char* key) {
  const jinja::Value* value = dict.asDict().find(std::string(key));
  return value && value->isString() ? value->asString() : std::string();
}

std::optional<StackDescription> stackFrom(const jinja::Value& stack) {
  if (!stack.isDict())
    return std::nullopt;
  StackDescription description;
  description.stackName = stringField(stack, "StackName");
  if (const jinja::Value* outputs = stack.asDict().find(std::string("Outputs"));
      outputs && outputs->isList())
    for (const auto& output : outputs->asList())
      if (output.isDict())
        description.outputs.push_back(
            {stringField(output, "OutputKey"), stringField(output, "OutputValue"),
             stringField(output, "ExportName"), stringField(output, "Description")});
  if (const jinja::Value* tags = stack.asDict().find(std::string("Tags")); tags && tags->isList())
    for (const auto& tag : tags->asList())
      if (tag.isDict())
        description.tags.emplace_back(stringField(tag, "Key"), stringField(tag, "Value"));
  return description;
}

std::optional<std::vector<StackDescription>>
stacksFrom(const std::string& path, const jinja::Value& root, ir::Diagnostics& diagnostics) {
  const jinja::Value* stacks = root.asDict().find(std::string("Stacks"));
  if (!stacks || !stacks->isList()) {
    diagnostics.error(kBadOutputs, {path, 1, 1}, "describe-stacks output needs a 'Stacks' list");
    return std::nullopt;
  }
  std::vector<StackDescription> result;
  for (const auto& stack : stacks->asList())
    if (auto description = stackFrom(stack))
      result.push_back(std::move(*description));
  return result;
}

std::optional<jinja::Value> loadStructured(const std::string& path, ir::Diagnostics& diagnostics) {
  auto text = readInputFile(path, diagnostics);
  if (!text)
    return std::nullopt;
  if (endsWith(path, ".json"))
    return loadJsonValue(path, *text, diagnostics);
  auto document = loadYamlDocument(path, *text, diagnostics);
  if (!document)
    return std::nullopt;
  return toPythonValue(*document, path, diagnostics);
}

} // namespace

std::optional<std::vector<StackDescription>> readStackDescriptions(const std::string& path,
                                                                   ir::Diagnostics& diagnostics) {
  auto root = loadStructured(path, diagnostics);
  if (!root)
    return std::nullopt;
  if (!root->isDict()) {
    diagnostics.error(kBadOutputs, {path, 1, 1}, "describe-stacks output must be a JSON object");
    return std::nullopt;
  }
  return stacksFrom(path, *root, diagnostics);
}

std::optional<jinja::Value> readOutputsFile(const std::string& path, ir::Diagnostics& diagnostics) {
  auto root = loadStructured(path, diagnostics);
  if (!root)
    return std::nullopt;
  if (root->isNone())
    return jinja::Value::dict();
  if (!root->isDict()) {
    diagnostics.error(kBadOutputs, {path, 1, 1},
                      "an outputs file must be a mapping of output names to values");
    return std::nullopt;
  }
  if (!root->asDict().find(std::string("Stacks")))
    return root;
  auto stacks = stacksFrom(path, *root, diagnostics);
  if (!stacks)
    return std::nullopt;
  if (stacks->size() != 1) {
    diagnostics.error(kBadOutputs, {path, 1, 1},
                      "describe-stacks output holds " + std::to_string(stacks->size()) +
                          " stacks; keep only the environment's stack in the file");
    return std::nullopt;
  }
  jinja::ValueDict outputs;
  for (const auto& output : stacks->front().outputs)
    outputs.set(jinja::Value(output.key), jinja::Value(output.value));
  return jinja::Value::dict(std::move(outputs));
}

} // namespace pm::frontend
