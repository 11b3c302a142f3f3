// YAML -> SyntaxNode: the subset reader first, then from yaml-cpp's parser events (no yaml-cpp node
// tree in between). Aliases are expanded as copies of their anchored node, so the reader bounds
// both the depth (cyclic aliases) and the number of nodes (alias bombs).
#include "frontend/cloudformation/yaml_syntax.h"

#include "frontend/cloudformation/plain_scalar_kind.h"
#include "frontend/cloudformation/rules.h"
#include "frontend/cloudformation/yaml_subset_reader.h"
#include "frontend/cloudformation/yaml_workaround.h"
#include "frontend/yaml/yaml_file.h"

#include <fmt/format.h>
#include <map>
#include <streambuf>
#include <string_view>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace pm::frontend {

namespace {

// A template with this many nodes is far beyond any real one (the largest corpus template has
// a few thousand); more means an alias bomb.
constexpr std::size_t kMaxNodes = 500000;

// The template text as an input stream, without copying it.
class TextBuffer : public std::streambuf {
public:
  explicit TextBuffer(const std::string& text) {
    char* begin = const_cast<char*>(text.data()); // read only: the get area is never written
    setg(begin, begin, begin + text.size());
  }
};

// An anchored node, kept for the aliases to it, with what copying it costs.
struct AnchoredNode {
  SyntaxNode node;
  bool isNull = false;  // a null event (not a scalar that reads as null)
  std::size_t size = 0; // nodes, itself included
  int height = 0;       // levels below it
};

void measure(const SyntaxNode& node, std::size_t& size, int& height, int depth = 0) {
  ++size;
  height = std::max(height, depth);
  for (const SyntaxNode& item : node.items)
    measure(item, size, height, depth + 1);
  for (const auto& [key, value] : node.entries)
    measure(value, size, height, depth + 1);
}

// Where a copy of `node` placed at `depth` hits a limit, walking it in document order as
// reading it node by node would: the first node nested too deep or past the node budget (with
// `count` nodes read before it). Null when the copy fits.
const SyntaxNode* overLimit(const SyntaxNode& node, int depth, std::size_t& count, bool& tooDeep) {
  if (depth > kMaxTemplateDepth)
    return tooDeep = true, &node;
  if (++count > kMaxNodes)
    return &node;
  for (const SyntaxNode& item : node.items)
    if (const SyntaxNode* found = overLimit(item, depth + 1, count, tooDeep))
      return found;
  for (const auto& [key, value] : node.entries)
    if (const SyntaxNode* found = overLimit(value, depth + 1, count, tooDeep))
      return found;
  return nullptr;
}

// Builds the tree of the first document from the parser's events. A node is complete when its
// event (scalar, null, alias) or its end event arrives; it then goes into the collection being
// built (a mapping takes keys and values in turn). After a limit is hit the rest of the
// document is still parsed (a syntax error later wins, as it would have before) but not built.
class SyntaxBuilder : public YAML::EventHandler {
public:
  SyntaxBuilder(const std::string& path, const PaddedYaml* padding)
      : path_(path), padding_(padding) {}

  void OnDocumentStart(const YAML::Mark&) override { ++documents_; }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (building(mark))
      complete(leaf(mark), anchor, true);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (!building(mark))
      return;
    auto found = anchored_.find(anchor);
    if (found == anchored_.end()) { // the anchored collection is still open: a cycle
      fail(openAnchorLocation(anchor), depthMessage());
      return;
    }
    const AnchoredNode& target = found->second;
    int depth = static_cast<int>(open_.size());
    if (!withinKey() &&
        (depth + target.height > kMaxTemplateDepth || nodes_ + target.size > kMaxNodes)) {
      bool tooDeep = false;
      const SyntaxNode* at = overLimit(target.node, depth, nodes_, tooDeep);
      fail(at ? at->location : target.node.location, tooDeep ? depthMessage() : countMessage());
      return;
    }
    nodes_ += withinKey() ? 0 : target.size;
    complete(target.node, YAML::NullAnchor, target.isNull);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (!building(mark))
      return;
    SyntaxNode node = leaf(mark);
    setTag(node, tag);
    setScalar(node, value, tag);
    complete(std::move(node), anchor, false);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, SyntaxNode::Kind::Sequence);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, SyntaxNode::Kind::Mapping);
  }
  void OnMapEnd() override { close(); }

  std::size_t documents() const { return documents_; }
  const YAML::Mark& secondDocumentMark() const { return secondDocumentMark_; }
  // The first document's tree; null when a limit was hit (see failure()).
  std::optional<SyntaxNode>& root() { return root_; }
  // Keys that are not plain strings, in document order.
  const std::vector<ir::SourceLocation>& keyErrors() const { return keyErrors_; }
  // The limit hit, reported only once the whole text parsed.
  const std::optional<std::pair<ir::SourceLocation, std::string>>& failure() const {
    return failure_;
  }

private:
  struct OpenCollection {
    SyntaxNode node;
    YAML::anchor_t anchor = YAML::NullAnchor;
    bool expectingValue = false; // a mapping: the key was read
    bool keyIsValid = false;
    SyntaxKey key;
    std::size_t keyOffset = 0;
    bool insideKey = false; // part of a mapping key that is not a plain scalar
  };

  // Whether the next node is (inside) a mapping key.
  bool withinKey() const {
    if (open_.empty())
      return false;
    const OpenCollection& top = open_.back();
    return top.insideKey || (top.node.kind == SyntaxNode::Kind::Mapping && !top.expectingValue);
  }

  // Whether this event belongs to the tree being built; records where a second document starts.
  bool building(const YAML::Mark& mark) {
    if (documents_ == 2 && open_.empty() && !secondDocumentSeen_) {
      secondDocumentMark_ = mark;
      secondDocumentSeen_ = true;
    }
    return documents_ == 1 && !failure_;
  }

  SyntaxNode leaf(const YAML::Mark& mark) {
    SyntaxNode node;
    node.location = locationOf(mark);
    node.offset = originalOffset(mark);
    int depth = static_cast<int>(open_.size());
    if (withinKey())
      return node; // a key's insides are reported as one bad key, not read further
    if (depth > kMaxTemplateDepth)
      fail(node.location, depthMessage());
    else if (++nodes_ > kMaxNodes)
      fail(node.location, countMessage());
    return node;
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            SyntaxNode::Kind kind) {
    if (!building(mark))
      return;
    OpenCollection collection{leaf(mark), anchor, false, false, {}, withinKey()};
    collection.node.kind = kind;
    setTag(collection.node, tag);
    if (!failure_)
      open_.push_back(std::move(collection));
  }

  // Every collection of the first document is open_ until its end event (none after a failure).
  void close() {
    if (documents_ != 1 || failure_ || open_.empty())
      return;
    OpenCollection done = std::move(open_.back());
    open_.pop_back();
    complete(std::move(done.node), done.anchor, false);
  }

  // A finished node: kept for its anchor, then added to its parent (or made the root).
  void complete(SyntaxNode node, YAML::anchor_t anchor, bool isNull) {
    if (failure_)
      return;
    if (anchor != YAML::NullAnchor) {
      AnchoredNode kept{node, isNull, 0, 0};
      measure(kept.node, kept.size, kept.height);
      anchored_.insert_or_assign(anchor, std::move(kept));
    }
    if (open_.empty()) {
      root_ = std::move(node);
      return;
    }
    OpenCollection& parent = open_.back();
    if (parent.node.kind == SyntaxNode::Kind::Sequence) {
      parent.node.items.push_back(std::move(node));
    } else if (!parent.expectingValue) {
      takeKey(parent, std::move(node), isNull);
    } else {
      parent.expectingValue = false;
      if (!parent.keyIsValid)
        return;
      if (isNull) { // an empty value ("Key:") has no position of its own: point at its key
        node.location = parent.key.location;
        node.offset = parent.keyOffset;
      }
      parent.node.entries.emplace_back(std::move(parent.key), std::move(node));
    }
  }

  void takeKey(OpenCollection& parent, SyntaxNode key, bool isNull) {
    parent.expectingValue = true;
    parent.keyIsValid = key.isScalar() && !isNull;
    if (!parent.keyIsValid) {
      if (!parent.insideKey)
        keyErrors_.push_back(key.location);
      return;
    }
    parent.key = SyntaxKey{std::move(key.text), std::move(key.location)};
    parent.keyOffset = key.offset;
  }

  ir::SourceLocation openAnchorLocation(YAML::anchor_t anchor) const {
    for (const OpenCollection& collection : open_)
      if (collection.anchor == anchor)
        return collection.node.location;
    return {path_, 0, 0};
  }

  void fail(const ir::SourceLocation& location, std::string message) {
    if (!failure_)
      failure_.emplace(location, std::move(message));
    open_.clear();
    root_.reset();
  }

  static std::string depthMessage() {
    return fmt::format("the document nests deeper than {} levels (a cyclic alias or generated "
                       "input?); reading stopped here",
                       kMaxTemplateDepth);
  }

  static std::string countMessage() {
    return fmt::format("the document expands to more than {} values (aliases repeated many "
                       "times?); reading stopped here",
                       kMaxNodes);
  }

  ir::SourceLocation locationOf(const YAML::Mark& mark) const {
    if (mark.line < 0)
      return {path_, 0, 0};
    return {path_, mark.line + 1, mark.column + 1};
  }

  std::size_t originalOffset(const YAML::Mark& mark) const {
    auto offset = mark.pos > 0 ? static_cast<std::size_t>(mark.pos) : 0;
    return padding_ ? padding_->originalOffset(offset) : offset;
  }

  static void setTag(SyntaxNode& out, const std::string& tag) {
    // "?" is a plain untagged node and "!" a quoted one; yaml.org tags are standard types.
    if (tag != "?" && tag != "!" && !tag.starts_with("tag:yaml.org,2002:"))
      out.tag = tag;
  }

  static void setScalar(SyntaxNode& out, const std::string& text, const std::string& tag) {
    out.text = text;
    // Quoted, !!str or a short-form tag: the text is a string.
    out.kind = tag == "?" ? plainScalarKind(text) : SyntaxNode::Kind::String;
  }

  const std::string& path_;
  const PaddedYaml* padding_; // set when the workaround for yaml-cpp#1163 was applied
  std::size_t documents_ = 0;
  YAML::Mark secondDocumentMark_;
  bool secondDocumentSeen_ = false;
  std::vector<OpenCollection> open_;
  std::map<YAML::anchor_t, AnchoredNode> anchored_;
  std::size_t nodes_ = 0;
  std::optional<SyntaxNode> root_;
  std::vector<ir::SourceLocation> keyErrors_;
  std::optional<std::pair<ir::SourceLocation, std::string>> failure_;
};

// Parses every document of `text` into `builder`; throws YAML::Exception on a syntax error.
void parse(const std::string& text, SyntaxBuilder& builder) {
  TextBuffer buffer(text);
  std::istream stream(&buffer);
  YAML::Parser parser(stream);
  while (parser.HandleNextDocument(builder)) {
  }
}

void reportSyntaxError(const std::string& path, const YAML::Exception& error,
                       ir::Diagnostics& diagnostics) {
  ir::SourceLocation location{path, error.mark.line + 1, error.mark.column + 1};
  if (error.mark.line < 0)
    location = {path, 0, 0};
  diagnostics.error(kSyntaxErrorRule, location, "YAML syntax error: " + yamlErrorText(error));
}

// Parses the text; on a syntax error retries with the yaml-cpp#1163 workaround, and reports
// the original error when that does not help either.
std::optional<SyntaxBuilder> build(const std::string& path, const std::string& text,
                                   std::optional<PaddedYaml>& padding,
                                   ir::Diagnostics& diagnostics) {
  try {
    std::optional<SyntaxBuilder> builder(std::in_place, path, nullptr);
    parse(text, *builder);
    return builder;
  } catch (const YAML::Exception& error) {
    padding = padTaggedBlockScalarsInSequences(text);
    try {
      if (padding) {
        std::optional<SyntaxBuilder> builder(std::in_place, path, &*padding);
        parse(padding->text, *builder);
        return builder;
      }
    } catch (const YAML::Exception&) {
      padding.reset();
    }
    reportSyntaxError(path, error, diagnostics);
    return std::nullopt;
  }
}

} // namespace

std::optional<SyntaxNode> readYamlSyntax(const std::string& path, const std::string& text,
                                         ir::Diagnostics& diagnostics) {
  if (std::optional<SyntaxNode> tree = readYamlSubset(path, text))
    return tree;
  return readYamlSyntaxWithYamlCpp(path, text, diagnostics);
}

std::optional<SyntaxNode> readYamlSyntaxWithYamlCpp(const std::string& path,
                                                    const std::string& text,
                                                    ir::Diagnostics& diagnostics) {
  std::optional<PaddedYaml> padding;
  std::optional<SyntaxBuilder> builder = build(path, text, padding, diagnostics);
  if (!builder)
    return std::nullopt;
  if (builder->documents() > 1) {
    diagnostics.error(kSyntaxErrorRule, {path, builder->secondDocumentMark().line + 1, 1},
                      "a template must be a single YAML document; found more than one ('---')");
    return std::nullopt;
  }
  if (builder->documents() == 0) {
    SyntaxNode empty;
    empty.location = {path, 1, 1};
    return empty;
  }
  for (const ir::SourceLocation& key : builder->keyErrors())
    diagnostics.error(kSyntaxErrorRule, key, "a mapping key must be a plain string in a template");
  if (const auto& failure = builder->failure()) {
    diagnostics.error(kSyntaxErrorRule, failure->first, failure->second);
    return std::nullopt;
  }
  return std::move(builder->root());
}

} // namespace pm::frontend
