// Printing follows hclwrite's formatter (the code behind `terraform fmt`): two spaces per
// bracket level, and the `=` of consecutive single-line attributes aligned one space after the
// longest name. A line that opens a multi-line value, a comment, a blank line or a closing
// bracket ends such a run.
#include "backends/terraform/hcl_document.h"

#include "backends/terraform/fmt_indentation.h"

#include <algorithm>
#include <cctype>

namespace pm::tf {

HclExprPtr HclExpr::raw(std::string text) {
  auto expr = std::shared_ptr<HclExpr>(new HclExpr(Kind::Raw));
  expr->text_ = std::move(text);
  return expr;
}

HclExprPtr HclExpr::sequence(std::vector<HclExprPtr> pieces) {
  auto expr = std::shared_ptr<HclExpr>(new HclExpr(Kind::Sequence));
  expr->items_ = std::move(pieces);
  return expr;
}

HclExprPtr HclExpr::object(std::vector<HclEntry> entries) {
  auto expr = std::shared_ptr<HclExpr>(new HclExpr(Kind::Object));
  expr->entries_ = std::move(entries);
  return expr;
}

HclExprPtr HclExpr::tuple(std::vector<HclExprPtr> items) {
  auto expr = std::shared_ptr<HclExpr>(new HclExpr(Kind::Tuple));
  expr->items_ = std::move(items);
  return expr;
}

bool HclExpr::singleLine() const {
  switch (kind_) {
  case Kind::Raw:
    return true;
  case Kind::Object:
    return entries_.empty();
  case Kind::Sequence:
  case Kind::Tuple:
    return std::all_of(items_.begin(), items_.end(),
                       [](const HclExprPtr& item) { return item->singleLine(); });
  }
  return true;
}

std::string hclEscape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool opensTemplate = i + 1 < text.size() && text[i + 1] == '{';
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    case '$':
    case '%':
      out += c;
      if (opensTemplate)
        out += c; // "$${" is a literal "${" in HCL
      break;
    default:
      out += c;
    }
  }
  return out;
}

HclExprPtr hclString(std::string_view text) {
  return HclExpr::raw("\"" + hclEscape(text) + "\"");
}

HclExprPtr hclCall(std::string_view function, std::vector<HclExprPtr> arguments) {
  std::vector<HclExprPtr> pieces{HclExpr::raw(std::string(function) + "(")};
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    if (i > 0)
      pieces.push_back(HclExpr::raw(", "));
    pieces.push_back(arguments[i]);
  }
  pieces.push_back(HclExpr::raw(")"));
  return HclExpr::sequence(std::move(pieces));
}

HclExprPtr hclConditional(HclExprPtr condition, HclExprPtr whenTrue, HclExprPtr whenFalse) {
  return HclExpr::sequence(
      {condition, HclExpr::raw(" ? "), whenTrue, HclExpr::raw(" : "), whenFalse});
}

HclExprPtr hclNull() {
  return HclExpr::raw("null");
}

bool isHclIdentifier(std::string_view text) {
  if (text.empty() || !(std::isalpha(static_cast<unsigned char>(text[0])) || text[0] == '_'))
    return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

std::string hclNumber(std::string_view text) {
  std::string_view digits = text;
  bool negative = !digits.empty() && digits[0] == '-';
  if (negative)
    digits.remove_prefix(1);
  std::size_t i = 0;
  auto digitRun = [&] {
    std::size_t start = i;
    while (i < digits.size() && std::isdigit(static_cast<unsigned char>(digits[i])))
      ++i;
    return i - start;
  };
  std::size_t integerDigits = digitRun();
  if (integerDigits == 0 || (integerDigits > 1 && digits[0] == '0'))
    return {};
  if (i < digits.size() && digits[i] == '.') {
    ++i;
    if (digitRun() == 0)
      return {};
  }
  if (i < digits.size() && (digits[i] == 'e' || digits[i] == 'E')) {
    ++i;
    if (i < digits.size() && (digits[i] == '+' || digits[i] == '-'))
      ++i;
    if (digitRun() == 0)
      return {};
  }
  return i == digits.size() ? std::string(text) : std::string();
}

namespace {

// A key in parentheses is an expression (a tag key read from a variable).
std::string printedKey(const std::string& key) {
  if (key.size() > 2 && key.front() == '(' && key.back() == ')')
    return key;
  return isHclIdentifier(key) ? key : "\"" + hclEscape(key) + "\"";
}

void newline(std::string& out, int indent) {
  out += '\n';
  out.append(static_cast<std::size_t>(indent), ' ');
}

void printExpr(std::string& out, const HclExpr& expr, int indent);

// Entries of an object, one per line at `indent`, '=' aligned within runs of single-line ones.
void printEntries(std::string& out, const std::vector<HclEntry>& entries, int indent) {
  std::size_t runStart = 0;
  while (runStart < entries.size()) {
    std::size_t runEnd = runStart;
    std::size_t width = 0;
    while (runEnd < entries.size() && entries[runEnd].value->singleLine()) {
      width = std::max(width, printedKey(entries[runEnd].key).size());
      ++runEnd;
    }
    for (std::size_t i = runStart; i < runEnd; ++i) {
      std::string key = printedKey(entries[i].key);
      newline(out, indent);
      out += key + std::string(width - key.size(), ' ') + " = ";
      printExpr(out, *entries[i].value, indent);
    }
    if (runEnd < entries.size()) {
      newline(out, indent);
      out += printedKey(entries[runEnd].key) + " = ";
      printExpr(out, *entries[runEnd].value, indent);
      ++runEnd;
    }
    runStart = runEnd;
  }
}

void printExpr(std::string& out, const HclExpr& expr, int indent) {
  switch (expr.kind()) {
  case HclExpr::Kind::Raw:
    out += expr.text();
    return;
  case HclExpr::Kind::Sequence:
    for (const HclExprPtr& piece : expr.items())
      printExpr(out, *piece, indent);
    return;
  case HclExpr::Kind::Object:
    if (expr.entries().empty()) {
      out += "{}";
      return;
    }
    out += "{";
    printEntries(out, expr.entries(), indent + 2);
    newline(out, indent);
    out += "}";
    return;
  case HclExpr::Kind::Tuple:
    if (expr.singleLine()) {
      out += "[";
      for (std::size_t i = 0; i < expr.items().size(); ++i) {
        if (i > 0)
          out += ", ";
        printExpr(out, *expr.items()[i], indent);
      }
      out += "]";
      return;
    }
    out += "[";
    for (const HclExprPtr& item : expr.items()) {
      newline(out, indent + 2);
      printExpr(out, *item, indent + 2);
      out += ",";
    }
    newline(out, indent);
    out += "]";
    return;
  }
}

} // namespace

std::string printExpression(const HclExpr& expr, int indent) {
  std::string out;
  printExpr(out, expr, indent);
  return out;
}

void HclBody::attribute(std::string name, HclExprPtr value) {
  items_.push_back(Item{Item::Kind::Attribute, std::move(name), std::move(value), {}});
}

HclBody& HclBody::block(std::string type, std::vector<std::string> labels) {
  Item item{Item::Kind::Block, {}, nullptr, {}};
  item.block = HclBlock{std::move(type), std::move(labels), std::make_shared<HclBody>()};
  items_.push_back(std::move(item));
  return *items_.back().block.body;
}

void HclBody::comment(std::string text) {
  items_.push_back(Item{Item::Kind::Comment, std::move(text), nullptr, {}});
}

void HclBody::blankLine() {
  items_.push_back(Item{Item::Kind::Blank, {}, nullptr, {}});
}

bool HclBody::hasAttribute(std::string_view name) const {
  return std::any_of(items_.begin(), items_.end(), [&](const Item& item) {
    return item.kind == Item::Kind::Attribute && item.name == name;
  });
}

void HclBody::print(std::string& out, int indent) const {
  std::string pad(static_cast<std::size_t>(indent), ' ');
  auto alignedAttribute = [](const Item& item) {
    return item.kind == Item::Kind::Attribute && item.value->singleLine();
  };
  for (std::size_t i = 0; i < items_.size();) {
    const Item& item = items_[i];
    if (alignedAttribute(item)) {
      std::size_t end = i;
      std::size_t width = 0;
      while (end < items_.size() && alignedAttribute(items_[end]))
        width = std::max(width, items_[end++].name.size());
      for (; i < end; ++i) {
        out += pad + items_[i].name + std::string(width - items_[i].name.size(), ' ') + " = ";
        printExpr(out, *items_[i].value, indent);
        out += '\n';
      }
      continue;
    }
    switch (item.kind) {
    case Item::Kind::Attribute:
      out += pad + item.name + " = ";
      printExpr(out, *item.value, indent);
      out += '\n';
      break;
    case Item::Kind::Blank:
      out += '\n';
      break;
    case Item::Kind::Comment: {
      std::size_t start = 0;
      while (start <= item.name.size()) {
        std::size_t end = item.name.find('\n', start);
        if (end == std::string::npos)
          end = item.name.size();
        std::string line = item.name.substr(start, end - start);
        out += pad + (line.empty() ? "#" : "# " + line) + '\n';
        start = end + 1;
      }
      break;
    }
    case Item::Kind::Block:
      out += pad + item.block.type;
      for (const std::string& label : item.block.labels)
        out += " \"" + hclEscape(label) + "\"";
      if (item.block.body->empty()) {
        out += " {}\n";
        break;
      }
      out += " {\n";
      item.block.body->print(out, indent + 2);
      out += pad + "}\n";
      break;
    }
    ++i;
  }
}

HclBody& HclFile::block(std::string type, std::vector<std::string> labels) {
  if (!body_.empty())
    body_.blankLine();
  return body_.block(std::move(type), std::move(labels));
}

void HclFile::comment(std::string text) {
  if (!body_.empty())
    body_.blankLine();
  body_.comment(std::move(text));
}

std::string HclFile::print() const {
  std::string out;
  body_.print(out, 0);
  return withFmtIndentation(out);
}

} // namespace pm::tf
