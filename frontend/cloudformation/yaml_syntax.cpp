// YAML -> SyntaxNode with yaml-cpp's node API. yaml-cpp resolves aliases into shared nodes,
// so the conversion bounds both depth (cyclic aliases) and node count (alias bombs).
#include "frontend/cloudformation/yaml_syntax.h"

#include "frontend/cloudformation/rules.h"
#include "frontend/cloudformation/yaml_workaround.h"
#include "frontend/yaml/yaml_file.h"

#include <cstdlib>
#include <fmt/format.h>
#include <regex>
#include <yaml-cpp/yaml.h>

namespace pm::frontend {

namespace {

// A template with this many nodes is far beyond any real one (the largest corpus template has
// a few thousand); more means an alias bomb.
constexpr std::size_t kMaxNodes = 500000;

// YAML 1.2 core schema scalars. CloudFormation's YAML parser does not turn yes/no/on/off into
// booleans, and numbers keep their text anyway, so the core schema is the faithful choice.
bool isNullText(const std::string& text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

bool isBoolText(const std::string& text, bool& value) {
  if (text == "true" || text == "True" || text == "TRUE")
    return value = true, true;
  if (text == "false" || text == "False" || text == "FALSE")
    return value = false, true;
  return false;
}

bool isNumberText(const std::string& text) {
  static const std::regex number(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  return std::regex_match(text, number);
}

class YamlConverter {
public:
  YamlConverter(const std::string& path, const PaddedYaml* padding, ir::Diagnostics& diagnostics)
      : path_(path), padding_(padding), diagnostics_(diagnostics) {}

  SyntaxNode convert(const YAML::Node& node, int depth, const ir::SourceLocation* fallback) {
    SyntaxNode out;
    out.location = locationOf(node.Mark(), fallback);
    out.offset = originalOffset(node.Mark());
    if (!withinLimits(out.location, depth))
      return out;
    setTag(out, node.Tag());
    switch (node.Type()) {
    case YAML::NodeType::Sequence:
      out.kind = SyntaxNode::Kind::Sequence;
      for (const YAML::Node& item : node)
        out.items.push_back(convert(item, depth + 1, nullptr));
      break;
    case YAML::NodeType::Map:
      out.kind = SyntaxNode::Kind::Mapping;
      convertEntries(node, out, depth);
      break;
    case YAML::NodeType::Scalar:
      setScalar(out, node.Scalar(), node.Tag());
      break;
    default:
      out.kind = SyntaxNode::Kind::Null;
    }
    return out;
  }

  bool failed() const { return failed_; }

private:
  ir::SourceLocation locationOf(const YAML::Mark& mark, const ir::SourceLocation* fallback) {
    if (fallback || mark.line < 0)
      return fallback ? *fallback : ir::SourceLocation{path_, 0, 0};
    return {path_, mark.line + 1, mark.column + 1};
  }

  std::size_t originalOffset(const YAML::Mark& mark) const {
    auto offset = mark.pos > 0 ? static_cast<std::size_t>(mark.pos) : 0;
    return padding_ ? padding_->originalOffset(offset) : offset;
  }

  bool withinLimits(const ir::SourceLocation& location, int depth) {
    if (failed_)
      return false;
    if (depth > kMaxTemplateDepth) {
      diagnostics_.error(kSyntaxErrorRule, location,
                         fmt::format("the document nests deeper than {} levels (a cyclic alias "
                                     "or generated input?); reading stopped here",
                                     kMaxTemplateDepth));
      failed_ = true;
    } else if (++nodeCount_ > kMaxNodes) {
      diagnostics_.error(kSyntaxErrorRule, location,
                         fmt::format("the document expands to more than {} values (aliases "
                                     "repeated many times?); reading stopped here",
                                     kMaxNodes));
      failed_ = true;
    }
    return !failed_;
  }

  void convertEntries(const YAML::Node& node, SyntaxNode& out, int depth) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      ir::SourceLocation keyLocation = locationOf(it->first.Mark(), nullptr);
      if (!it->first.IsScalar()) {
        diagnostics_.error(kSyntaxErrorRule, keyLocation,
                           "a mapping key must be a plain string in a template");
        continue;
      }
      // An empty value ("Key:") has no position of its own: point at its key.
      const ir::SourceLocation* fallback = it->second.IsNull() ? &keyLocation : nullptr;
      SyntaxNode value = convert(it->second, depth + 1, fallback);
      out.entries.emplace_back(SyntaxKey{it->first.Scalar(), keyLocation}, std::move(value));
    }
  }

  static void setTag(SyntaxNode& out, const std::string& tag) {
    // "?" is a plain untagged node and "!" a quoted one; yaml.org tags are standard types.
    if (tag != "?" && tag != "!" && !tag.starts_with("tag:yaml.org,2002:"))
      out.tag = tag;
  }

  static void setScalar(SyntaxNode& out, const std::string& text, const std::string& tag) {
    out.text = text;
    out.kind = SyntaxNode::Kind::String;
    if (tag != "?") // quoted, !!str or a short-form tag: the text is a string
      return;
    bool value = false;
    if (isNullText(text))
      out.kind = SyntaxNode::Kind::Null;
    else if (isBoolText(text, value))
      out.kind = SyntaxNode::Kind::Bool;
    else if (isNumberText(text))
      out.kind = SyntaxNode::Kind::Number;
  }

  const std::string& path_;
  const PaddedYaml* padding_; // set when the workaround for yaml-cpp#1163 was applied
  ir::Diagnostics& diagnostics_;
  std::size_t nodeCount_ = 0;
  bool failed_ = false;
};

// Loads all documents; on a syntax error retries with the yaml-cpp#1163 workaround, and
// reports the original error when that does not help either.
bool loadDocuments(const std::string& path, const std::string& text,
                   std::vector<YAML::Node>& documents, std::optional<PaddedYaml>& padding,
                   ir::Diagnostics& diagnostics) {
  try {
    documents = YAML::LoadAll(text);
    return true;
  } catch (const YAML::Exception& error) {
    padding = padTaggedBlockScalarsInSequences(text);
    try {
      if (padding) {
        documents = YAML::LoadAll(padding->text);
        return true;
      }
    } catch (const YAML::Exception&) {
      padding.reset();
    }
    ir::SourceLocation location{path, error.mark.line + 1, error.mark.column + 1};
    if (error.mark.line < 0)
      location = {path, 0, 0};
    diagnostics.error(kSyntaxErrorRule, location, "YAML syntax error: " + yamlErrorText(error));
    return false;
  }
}

} // namespace

std::optional<SyntaxNode> readYamlSyntax(const std::string& path, const std::string& text,
                                         ir::Diagnostics& diagnostics) {
  std::vector<YAML::Node> documents;
  std::optional<PaddedYaml> padding;
  if (!loadDocuments(path, text, documents, padding, diagnostics))
    return std::nullopt;
  if (documents.size() > 1) {
    diagnostics.error(kSyntaxErrorRule, {path, documents[1].Mark().line + 1, 1},
                      "a template must be a single YAML document; found more than one ('---')");
    return std::nullopt;
  }
  if (documents.empty()) {
    SyntaxNode empty;
    empty.location = {path, 1, 1};
    return empty;
  }
  YamlConverter converter(path, padding ? &*padding : nullptr, diagnostics);
  try {
    SyntaxNode root = converter.convert(documents.front(), 0, nullptr);
    if (converter.failed())
      return std::nullopt;
    return root;
  } catch (const YAML::Exception& error) {
    diagnostics.error(kSyntaxErrorRule, {path, error.mark.line + 1, error.mark.column + 1},
                      "YAML error: " + error.msg);
    return std::nullopt;
  }
}

} // namespace pm::frontend
