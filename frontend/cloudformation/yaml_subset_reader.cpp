// The subset reader: recursive descent over the text with one cursor, building SyntaxNodes as
// it goes. Every reading function returns false to decline the text; declining is not an error
// (yaml-cpp reads the text again), so nothing here reports. Where yaml-cpp's reading has a
// quirk (marks of tagged nodes, the position of an empty value) the reader reproduces it; where
// the subset would need more than a line of care to match yaml-cpp, it declines.
#include "frontend/cloudformation/yaml_subset_reader.h"

#include "frontend/cloudformation/plain_scalar_kind.h"
#include "frontend/cloudformation/yaml_subset_cursor.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace pm::frontend {

namespace {

// Deeper or larger texts go to yaml-cpp, whose reading reports the template limits.
constexpr int kMaxDepth = kMaxTemplateDepth - 56;
constexpr std::size_t kMaxNodes = 200000;
// YAML limits an implicit key to 1024 characters.
constexpr std::size_t kMaxKeyLength = 1000;

// Whether the eight bytes at `at` are all printable ASCII or line feeds, eight at a time: this
// check reads every byte of every template.
bool plainAsciiWord(const char* at) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
  std::uint64_t word;
  std::memcpy(&word, at, sizeof word);
  if (word & kHigh)
    return false;
  // With every byte below 0x80 no byte carries into the next: each test below is exact.
  auto zeroBytes = [&](std::uint64_t v) { return ~(((v & kLow7) + kLow7) | v | kLow7); };
  std::uint64_t control = ~(word + 0x60 * kOnes) & kHigh; // bytes below 0x20
  std::uint64_t lineFeeds = zeroBytes(word ^ ('\n' * kOnes));
  std::uint64_t deletes = zeroBytes(word ^ (0x7F * kOnes));
  return ((control & ~lineFeeds) | deletes) == 0;
}

// yaml-cpp rejects C0 and C1 control characters; carriage returns and tabs change line and
// indentation rules; a byte order mark or a leading non-ASCII byte changes the encoding guess.
bool hasOnlySubsetCharacters(std::string_view text) {
  if (!text.empty() && static_cast<unsigned char>(text[0]) >= 0x80)
    return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i + 8 <= text.size() && plainAsciiWord(text.data() + i)) {
      i += 7;
      continue;
    }
    auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7F)
      return false;
    if (c == 0xC2 && i + 1 < text.size()) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F)
        return false;
    }
  }
  return true;
}

// "---" or "..." at the start of a line, anywhere but a leading "---" line.
bool hasDocumentMarker(std::string_view text) {
  for (std::size_t line = text.starts_with("---\n") ? 4 : 0; line < text.size();) {
    std::string_view rest = text.substr(line);
    if ((rest.starts_with("---") || rest.starts_with("...")) &&
        SubsetCursor::isBlankOrEnd(rest.size() > 3 ? rest[3] : '\0'))
      return true;
    std::size_t end = text.find('\n', line);
    if (end == std::string_view::npos)
      break;
    line = end + 1;
  }
  return false;
}

struct Tag {
  std::string text; // "!Ref"
  SubsetMark mark;
};

// Where a block node starts: first on its line, after "- ", after "key: " or after a tag.
enum class Place { LineStart, AfterDash, AfterKey, AfterTag };

class SubsetReader : private SubsetCursor {
public:
  SubsetReader(const std::string& path, std::string_view text) : SubsetCursor(text), path_(path) {}

  bool readDocument(SyntaxNode& root) {
    if (!hasOnlySubsetCharacters(text_) || hasDocumentMarker(text_))
      return false;
    if (text_.starts_with("---\n"))
      pos_ = 3;
    seekContent();
    // No content (yaml-cpp's reading gives the empty document), or a root that is not a block
    // collection, where yaml-cpp's indentation rules for the root differ (a template is a
    // mapping anyway).
    if (indent_ < 0 || peek() == '!' || peek() == '[' || peek() == '{')
      return false;
    return blockNode(-1, 0, Place::LineStart, nullptr, root) && indent_ < 0 && !root.isScalar();
  }

private:
  // --- Nodes ----------------------------------------------------------------------------

  ir::SourceLocation locationOf(const SubsetMark& at) const {
    return {path_, at.line + 1, at.column + 1};
  }
  SyntaxNode nodeAt(const SubsetMark& at) const {
    SyntaxNode node;
    node.location = locationOf(at);
    node.offset = at.offset;
    return node;
  }
  bool counted() { return ++nodes_ <= kMaxNodes; }

  // A tagged node's mark is its tag's (yaml-cpp marks a node where its properties start).
  void applyTag(SyntaxNode& node, const Tag* tag) const {
    if (!tag)
      return;
    node.tag = tag->text;
    node.location = locationOf(tag->mark);
    node.offset = tag->mark.offset;
  }

  bool scalarNode(SubsetScalar& scalar, const Tag* tag, SyntaxNode& out) {
    out = nodeAt(scalar.mark);
    out.kind = SyntaxNode::Kind::String;
    if (!tag && scalar.plain)
      out.kind = plainScalarKind(scalar.text);
    if (out.kind != SyntaxNode::Kind::Null) // yaml-cpp gives a plain null no text
      out.text = std::move(scalar.text);
    applyTag(out, tag);
    return counted();
  }

  // An empty value takes its key's position (as the yaml-cpp reading gives it).
  static void placeEmptyValue(SyntaxNode& value, const SyntaxKey& key, const SubsetMark& keyMark) {
    if (value.kind != SyntaxNode::Kind::Null)
      return;
    value.location = key.location;
    value.offset = keyMark.offset;
  }

  bool readTag(Tag& tag) {
    tag.mark = mark();
    std::size_t end = pos_ + 1;
    while (isAlphanumeric(at(end)))
      ++end;
    if (end == pos_ + 1 || (at(end) != ' ' && at(end) != '\n'))
      return false; // "!", "!!str", "!<...>" or a tag running into other characters
    tag.text.assign(text_.substr(pos_, end - pos_));
    pos_ = end;
    return true;
  }

  // --- Block context --------------------------------------------------------------------

  // The node starting at the cursor (spaces skipped). `parent` is the column of the innermost
  // block collection (-1 at the root); on return the cursor is at the next line with content.
  bool blockNode(int parent, int depth, Place place, const Tag* tag, SyntaxNode& out) {
    if (depth > kMaxDepth)
      return false;
    if (atLineEnd())
      return nodeOnNextLines(parent, depth, place, tag, out);
    char c = peek();
    if (c == '!') {
      Tag own;
      if (tag || !readTag(own))
        return false;
      skipSpaces();
      if (place == Place::LineStart && atLineEnd())
        return false; // a tag alone on its line
      // yaml-cpp takes a tag that starts a line or follows "- " for the start of a possible
      // key and indents there: a node that starts on the tag's line continues only on lines
      // indented more than the tag. A block scalar after "- !Tag" is the exception: yaml-cpp
      // fails on it (yaml_workaround.h) and reads it, padded, as YAML means it, as this does.
      bool keyPosition = place == Place::LineStart || place == Place::AfterDash;
      bool paddedBlockScalar = place == Place::AfterDash && (peek() == '|' || peek() == '>');
      bool sameLine = !atLineEnd();
      int inner = keyPosition && sameLine && !paddedBlockScalar ? std::max(parent, own.mark.column)
                                                                : parent;
      return blockNode(inner, depth, Place::AfterTag, &own, out);
    }
    if (atDash()) {
      if (place == Place::AfterKey || place == Place::AfterTag)
        return false;
      return blockSequence(column(), depth, false, tag, out);
    }
    if (c == '[' || c == '{') {
      if (!flowCollection(parent, depth, out))
        return false;
      applyTag(out, tag);
      return endOfScalarLine(parent);
    }
    if (c == '|' || c == '>')
      return place != Place::LineStart && blockScalar(parent, tag, out);
    SubsetScalar scalar;
    if (!readScalar(false, parent, scalar))
      return false;
    skipSpaces();
    if (peek() == ':') {
      bool compact = place == Place::LineStart || place == Place::AfterDash;
      return compact && isBlankOrEnd(at(pos_ + 1)) &&
             blockMapping(scalar.mark.column, depth, std::move(scalar), tag, out);
    }
    return scalarNode(scalar, tag, out) && endOfScalarLine(parent);
  }

  // After a single-line node: the line must end, and a more indented next line would continue
  // a multi-line scalar (or be an error), which the subset leaves to yaml-cpp.
  bool endOfScalarLine(int parent) {
    if (!finishLine())
      return false;
    seekContent();
    return indent_ <= parent;
  }

  // Nothing more on the line after "key:", "- " or a tag: the node is on the next lines, an
  // indentless sequence at the key's column, or empty.
  bool nodeOnNextLines(int parent, int depth, Place place, const Tag* tag, SyntaxNode& out) {
    if (!finishLine())
      return false;
    seekContent();
    if (indent_ > parent)
      return blockNode(parent, depth, Place::LineStart, tag, out);
    if (place != Place::AfterKey || tag)
      return false; // an empty sequence entry, or a tag without its node
    if (indent_ == parent && atDash())
      return blockSequence(indent_, depth, true, nullptr, out);
    out = SyntaxNode(); // the mapping gives it its key's position
    return counted();
  }

  bool blockSequence(int column, int depth, bool indentless, const Tag* tag, SyntaxNode& out) {
    out = nodeAt(mark());
    out.kind = SyntaxNode::Kind::Sequence;
    applyTag(out, tag);
    if (!counted())
      return false;
    for (;;) {
      ++pos_; // the dash
      skipSpaces();
      SyntaxNode item;
      if (!blockNode(column, depth + 1, Place::AfterDash, nullptr, item))
        return false;
      out.items.push_back(std::move(item));
      if (indent_ < column || (indentless && indent_ == column && !atDash()))
        return true;
      if (indent_ > column || !atDash())
        return false;
    }
  }

  // The cursor is at the ':' after the first key.
  bool blockMapping(int column, int depth, SubsetScalar key, const Tag* tag, SyntaxNode& out) {
    out = nodeAt(key.mark);
    out.kind = SyntaxNode::Kind::Mapping;
    applyTag(out, tag);
    if (!counted())
      return false;
    for (;;) {
      if (!validKey(key))
        return false;
      ++pos_; // the ':'
      skipSpaces();
      SyntaxKey entryKey{std::move(key.text), locationOf(key.mark)};
      SyntaxNode value;
      if (!blockNode(column, depth + 1, Place::AfterKey, nullptr, value))
        return false;
      placeEmptyValue(value, entryKey, key.mark);
      out.entries.emplace_back(std::move(entryKey), std::move(value));
      if (indent_ < column)
        return true;
      if (indent_ > column || atDash() || !readBlockKey(column, key))
        return false;
    }
  }

  // A key at the start of a line: a scalar followed by ": " (or ':' at the line's end).
  bool readBlockKey(int parent, SubsetScalar& key) {
    if (!readScalar(false, parent, key))
      return false;
    skipSpaces();
    return peek() == ':' && isBlankOrEnd(at(pos_ + 1));
  }

  // yaml-cpp reads a plain null key as a null, which a template does not allow.
  static bool validKey(const SubsetScalar& key) {
    return key.text.size() <= kMaxKeyLength &&
           !(key.plain && plainScalarKind(key.text) == SyntaxNode::Kind::Null);
  }

  // "|", "|-", ">" or ">-" with its lines, which are indented more than `parent`.
  bool blockScalar(int parent, const Tag* tag, SyntaxNode& out) {
    out = nodeAt(mark());
    out.kind = SyntaxNode::Kind::String;
    applyTag(out, tag);
    bool folded = peek() == '>';
    ++pos_;
    bool strip = false;
    int indentation = 0; // 0: found from the first line
    for (int indicator = 0; indicator < 2; ++indicator) {
      if (peek() == '-' && !strip)
        strip = true;
      else if (peek() >= '1' && peek() <= '9' && indentation == 0)
        indentation = peek() - '0';
      else
        break;
      ++pos_;
    }
    skipSpaces();
    if (peek() != '\n') // keep chomping, a comment, the end of the text
      return false;
    startLine(pos_ + 1);
    // yaml-cpp counts an indentation indicator from the enclosing block collection's column.
    int contentIndent = indentation == 0 ? -1 : std::max(parent, 0) + indentation;
    if (!blockScalarLines(parent, contentIndent, folded, out.text))
      return false;
    if (!strip)
      out.text += '\n';
    seekContent();
    return counted();
  }

  // The content lines, from the cursor at the first one to the first line indented less than
  // they are (the cursor is left at its start, or at the end of the text).
  // `indent` is the content's indentation, or -1 to take the first line's.
  bool blockScalarLines(int parent, int indent, bool folded, std::string& text) {
    std::size_t emptyLines = 0;
    bool previousMoreIndented = false;
    for (bool first = true; pos_ < text_.size(); first = false) {
      std::size_t spaces = 0;
      while (at(pos_ + spaces) == ' ')
        ++spaces;
      std::size_t end = text_.find('\n', pos_);
      if (end == std::string_view::npos)
        return false; // the last line has no line break: chomping rules differ
      auto lineIndent = static_cast<int>(spaces);
      // Spaces beyond the indentation are content, even on an otherwise blank line.
      bool blank = pos_ + spaces == end && (first || lineIndent <= indent);
      if (first) {
        if (blank || lineIndent <= parent || lineIndent < indent)
          return false; // leading empty lines, or an empty scalar
        indent = indent < 0 ? lineIndent : indent;
      }
      if (blank) {
        ++emptyLines;
      } else if (lineIndent < indent) {
        break;
      } else {
        bool moreIndented = lineIndent > indent;
        if (!first)
          joinLines(folded && !moreIndented && !previousMoreIndented, emptyLines, text);
        text.append(text_.substr(pos_ + indent, end - pos_ - indent));
        emptyLines = 0;
        previousMoreIndented = moreIndented;
      }
      startLine(end + 1);
    }
    return indent >= 0;
  }

  // What separates two content lines with `emptyLines` between them: a break each, and one
  // more, unless both lines are folded (YAML keeps the breaks around more-indented lines).
  static void joinLines(bool folding, std::size_t emptyLines, std::string& text) {
    if (!folding)
      text.append(emptyLines + 1, '\n');
    else if (emptyLines == 0)
      text += ' ';
    else
      text.append(emptyLines, '\n');
  }

  // --- Flow context ---------------------------------------------------------------------

  // Spaces, line breaks and comments inside a flow collection; every line inside it must be
  // indented more than the block collection around it.
  bool skipFlowSpace(int parent) {
    for (bool newLine = false;;) {
      char c = peek();
      if (c == ' ') {
        ++pos_;
      } else if (c == '\n') {
        startLine(pos_ + 1);
        newLine = true;
      } else if (c == '\0') {
        return false;
      } else if (newLine && column() <= parent) {
        return false;
      } else if (atComment()) {
        skipToLineEnd();
      } else {
        return true;
      }
    }
  }

  bool flowNode(int parent, int depth, SyntaxNode& out) {
    if (depth > kMaxDepth)
      return false;
    Tag tag;
    bool tagged = peek() == '!';
    if (tagged && (!readTag(tag) || !skipFlowSpace(parent)))
      return false;
    char c = peek();
    if (c == '[' || c == '{') {
      if (!flowCollection(parent, depth, out))
        return false;
      applyTag(out, tagged ? &tag : nullptr);
      return true;
    }
    SubsetScalar scalar;
    return readScalar(true, parent, scalar) && scalarNode(scalar, tagged ? &tag : nullptr, out);
  }

  bool flowCollection(int parent, int depth, SyntaxNode& out) {
    bool mapping = peek() == '{';
    char close = mapping ? '}' : ']';
    out = nodeAt(mark());
    out.kind = mapping ? SyntaxNode::Kind::Mapping : SyntaxNode::Kind::Sequence;
    ++pos_;
    if (!counted() || !skipFlowSpace(parent))
      return false;
    if (peek() == close) {
      ++pos_;
      return true;
    }
    for (;;) {
      bool read = mapping ? flowEntry(parent, depth, out) : flowItem(parent, depth, out);
      if (!read || !skipFlowSpace(parent))
        return false;
      if (peek() == close) {
        ++pos_;
        return true;
      }
      if (peek() != ',')
        return false;
      ++pos_;
      if (!skipFlowSpace(parent) || peek() == close)
        return false; // a trailing comma
    }
  }

  bool flowItem(int parent, int depth, SyntaxNode& sequence) {
    SyntaxNode item;
    if (!flowNode(parent, depth + 1, item))
      return false;
    sequence.items.push_back(std::move(item));
    return true;
  }

  bool flowEntry(int parent, int depth, SyntaxNode& mapping) {
    SubsetScalar key;
    if (!readScalar(true, parent, key) || !validKey(key) || !skipFlowSpace(parent) || peek() != ':')
      return false;
    ++pos_;
    if (!skipFlowSpace(parent) || peek() == ',' || peek() == '}')
      return false; // an empty value
    SyntaxKey entryKey{std::move(key.text), locationOf(key.mark)};
    SyntaxNode value;
    if (!flowNode(parent, depth + 1, value))
      return false;
    placeEmptyValue(value, entryKey, key.mark);
    mapping.entries.emplace_back(std::move(entryKey), std::move(value));
    return true;
  }

  const std::string& path_;
  std::size_t nodes_ = 0;
};

} // namespace

std::optional<SyntaxNode> readYamlSubset(const std::string& path, const std::string& text) {
  SyntaxNode root;
  if (!SubsetReader(path, text).readDocument(root))
    return std::nullopt;
  return root;
}

} // namespace pm::frontend
