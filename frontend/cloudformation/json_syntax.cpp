// JSON -> SyntaxNode with rapidjson's SAX reader. rapidjson reports a value after reading it,
// so the input stream remembers where the current token started; that is the value's position.
#include "frontend/cloudformation/json_syntax.h"

#include "frontend/cloudformation/rules.h"
#include "ir/line_index.h"

#include <fmt/format.h>
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>
#include <string_view>

namespace pm::frontend {

namespace {

// A rapidjson input stream that tracks the start offset of the token being read.
class TokenTrackingStream {
public:
  using Ch = char;
  explicit TokenTrackingStream(std::string_view text) : text_(text) {}

  Ch Peek() const { return position_ < text_.size() ? text_[position_] : '\0'; }
  Ch Take() {
    Ch c = Peek();
    if (position_ < text_.size()) {
      track(c);
      ++position_;
    }
    return c;
  }
  std::size_t Tell() const { return position_; }
  // Write functions are only used by in-situ parsing, which we do not do.
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }

  std::size_t tokenStart() const { return tokenStart_; }

private:
  void track(char c) {
    if (inString_) {
      if (escaped_)
        escaped_ = false;
      else if (c == '\\')
        escaped_ = true;
      else if (c == '"')
        inString_ = false;
      return;
    }
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    bool structural = c == ',' || c == ':' || c == '[' || c == ']' || c == '{' || c == '}';
    if (c == '"') {
      inString_ = true;
      tokenStart_ = position_;
    } else if (structural || (!space && afterBoundary_)) {
      tokenStart_ = position_;
    }
    afterBoundary_ = space || structural;
  }

  std::string_view text_;
  std::size_t position_ = 0;
  std::size_t tokenStart_ = 0;
  bool inString_ = false;
  bool escaped_ = false;
  bool afterBoundary_ = true;
};

class SyntaxTreeBuilder
    : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, SyntaxTreeBuilder> {
public:
  SyntaxTreeBuilder(const std::string& path, const TokenTrackingStream& stream,
                    const ir::LineIndex& lines)
      : path_(path), stream_(stream), lines_(lines) {}

  bool Null() { return add(scalar(SyntaxNode::Kind::Null, "null")); }
  bool Bool(bool value) { return add(scalar(SyntaxNode::Kind::Bool, value ? "true" : "false")); }
  bool RawNumber(const char* text, rapidjson::SizeType length, bool) {
    return add(scalar(SyntaxNode::Kind::Number, std::string(text, length)));
  }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    return add(scalar(SyntaxNode::Kind::String, std::string(text, length)));
  }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    stack_.back().pendingKey = {std::string(text, length), here()};
    return true;
  }
  bool StartObject() { return open(SyntaxNode::Kind::Mapping); }
  bool StartArray() { return open(SyntaxNode::Kind::Sequence); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }

  bool tooDeep() const { return tooDeep_; }
  std::optional<SyntaxNode>& root() { return root_; }

private:
  struct Frame {
    SyntaxNode node;
    SyntaxKey pendingKey;
  };

  ir::SourceLocation here() const { return lines_.locate(path_, stream_.tokenStart()); }

  SyntaxNode scalar(SyntaxNode::Kind kind, std::string text) const {
    SyntaxNode node;
    node.kind = kind;
    node.text = std::move(text);
    node.location = here();
    node.offset = stream_.tokenStart();
    return node;
  }

  bool open(SyntaxNode::Kind kind) {
    if (static_cast<int>(stack_.size()) >= kMaxTemplateDepth) {
      tooDeep_ = true;
      return false; // stops the reader
    }
    // The iterative reader announces a container before taking its bracket.
    bool atBracket = stream_.Peek() == '{' || stream_.Peek() == '[';
    std::size_t start = atBracket ? stream_.Tell() : stream_.tokenStart();
    Frame frame;
    frame.node.kind = kind;
    frame.node.location = lines_.locate(path_, start);
    frame.node.offset = start;
    stack_.push_back(std::move(frame));
    return true;
  }

  bool close() {
    SyntaxNode node = std::move(stack_.back().node);
    stack_.pop_back();
    return add(std::move(node));
  }

  bool add(SyntaxNode node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return true;
    }
    Frame& parent = stack_.back();
    if (parent.node.kind == SyntaxNode::Kind::Mapping)
      parent.node.entries.emplace_back(std::move(parent.pendingKey), std::move(node));
    else
      parent.node.items.push_back(std::move(node));
    return true;
  }

  const std::string& path_;
  const TokenTrackingStream& stream_;
  const ir::LineIndex& lines_;
  std::vector<Frame> stack_;
  std::optional<SyntaxNode> root_;
  bool tooDeep_ = false;
};

} // namespace

std::optional<SyntaxNode> readJsonSyntax(const std::string& path, const std::string& text,
                                         ir::Diagnostics& diagnostics) {
  ir::LineIndex lines(text);
  TokenTrackingStream stream(text);
  SyntaxTreeBuilder builder(path, stream, lines);
  rapidjson::Reader reader;
  // Iterative parsing keeps deep input off the call stack; numbers arrive as their text.
  constexpr unsigned kFlags =
      rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag;
  rapidjson::ParseResult result = reader.Parse<kFlags>(stream, builder);
  if (builder.tooDeep()) {
    diagnostics.error(kSyntaxErrorRule, lines.locate(path, stream.tokenStart()),
                      fmt::format("the document nests deeper than {} levels; reading stopped here",
                                  kMaxTemplateDepth));
    return std::nullopt;
  }
  if (result.IsError()) {
    diagnostics.error(
        kSyntaxErrorRule, lines.locate(path, result.Offset()),
        fmt::format("JSON syntax error: {}", rapidjson::GetParseError_En(result.Code())));
    return std::nullopt;
  }
  return std::move(builder.root());
}

} // namespace pm::frontend
