// A small HCL document model (blocks, attributes, expressions) printed exactly the way
// `terraform fmt` lays it out, so generated modules pass `terraform fmt -check` unchanged.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pm::tf {

class HclExpr;
using HclExprPtr = std::shared_ptr<const HclExpr>;

struct HclEntry {
  std::string key; // printed as an identifier when it is one, else quoted
  HclExprPtr value;
};

class HclExpr {
public:
  enum class Kind {
    Raw,      // text printed as is: a literal, a reference, a single-line expression
    Sequence, // pieces printed one after the other (calls, conditionals, operators)
    Object,   // { key = value ... }, one entry per line
    Tuple,    // [a, b] on one line when every item is; else one item per line
  };

  static HclExprPtr raw(std::string text);
  static HclExprPtr sequence(std::vector<HclExprPtr> pieces);
  static HclExprPtr object(std::vector<HclEntry> entries);
  static HclExprPtr tuple(std::vector<HclExprPtr> items);

  Kind kind() const { return kind_; }
  const std::string& text() const { return text_; }
  const std::vector<HclExprPtr>& items() const { return items_; }
  const std::vector<HclEntry>& entries() const { return entries_; }
  bool singleLine() const;

private:
  HclExpr(Kind kind) : kind_(kind) {}
  Kind kind_;
  std::string text_;
  std::vector<HclExprPtr> items_;
  std::vector<HclEntry> entries_;
};

// Expression builders.
HclExprPtr hclString(std::string_view text);  // "text", escaped, ${ and %{ doubled
std::string hclEscape(std::string_view text); // the inside of a quoted string
HclExprPtr hclCall(std::string_view function, std::vector<HclExprPtr> arguments);
HclExprPtr hclConditional(HclExprPtr condition, HclExprPtr whenTrue, HclExprPtr whenFalse);
HclExprPtr hclNull();
bool isHclIdentifier(std::string_view text);
// An expression printed as it would be at `indent` (multi-line values continue there).
std::string printExpression(const HclExpr& expr, int indent = 0);
// A number as HCL accepts it, or empty when `text` is not one (leading zeros, "1.", hex).
std::string hclNumber(std::string_view text);

class HclBody;

struct HclBlock {
  std::string type;
  std::vector<std::string> labels;
  std::shared_ptr<HclBody> body;
};

class HclBody {
public:
  void attribute(std::string name, HclExprPtr value);
  HclBody& block(std::string type, std::vector<std::string> labels = {});
  void comment(std::string text); // one "# text" line per line of text
  void blankLine();
  bool empty() const { return items_.empty(); }
  bool hasAttribute(std::string_view name) const;

  // The body's lines at `indent` spaces, `terraform fmt` style.
  void print(std::string& out, int indent) const;

private:
  struct Item {
    enum class Kind { Attribute, Block, Comment, Blank } kind;
    std::string name; // attribute name, or comment text
    HclExprPtr value;
    HclBlock block;
  };
  std::vector<Item> items_;
};

// A file: top-level blocks separated by one blank line.
class HclFile {
public:
  HclBody& block(std::string type, std::vector<std::string> labels = {});
  void comment(std::string text);
  bool empty() const { return body_.empty(); }
  std::string print() const;

private:
  HclBody body_;
};

} // namespace pm::tf
