// The YAML writer. Each node renders to a head (what follows "key: " or "- " on the same line)
// and block lines (indented under it), so maps, lists and tags nest without special cases.
#include "backends/servicecatalog/cloudformation_writer.h"

#include "backends/servicecatalog/yaml_scalar.h"
#include "ir/instantiate.h"
#include "ir/intrinsics.h"

#include <stdexcept>
#include <vector>

namespace pm::backends::sc {

namespace {

using ir::Expr;
using ir::ExprKind;
using ir::ExprPtr;

// A block line: its indentation is kept as a count, so nesting a node adds to it rather than
// copying every line of the node once per level.
struct Line {
  std::string text;
  std::size_t indent = 0; // relative to the node's own indentation; an empty line has none

  std::string spelled() const { return text.empty() ? text : std::string(indent, ' ') + text; }
};

struct Rendered {
  std::string head;        // empty: the node is only its block lines
  std::vector<Line> lines; // relative to the node's own indentation
  bool tagged = false;     // the head starts with a tag: no second tag may precede it
};

// Moves the lines of a child into `out`, two spaces further in.
void appendNested(std::vector<Line>& out, std::vector<Line>& lines, std::size_t from) {
  for (std::size_t i = from; i < lines.size(); ++i) {
    lines[i].indent += 2;
    out.push_back(std::move(lines[i]));
  }
}

// An intrinsic call as its CloudFormation key and argument value.
struct Spelling {
  std::string longName;
  std::string tag;
  ExprPtr argument;
};

ExprPtr text(const std::string& value) {
  return Expr::string(value, {});
}

ExprPtr textList(std::vector<ExprPtr> items) {
  return Expr::list(std::move(items), {});
}

std::string subSourceOf(const ir::SubTemplate& sub) {
  return sub.source.empty() ? ir::subSource(sub.parts) : sub.source;
}

ExprPtr subArgument(const ir::SubTemplate& sub) {
  if (sub.variables.empty())
    return text(subSourceOf(sub));
  return textList({text(subSourceOf(sub)), Expr::map(sub.variables, {})});
}

ExprPtr getAttArgument(const ir::GetAttTarget& target, IntrinsicForm form) {
  if (target.attributeExpr)
    return textList({text(target.logicalId), target.attributeExpr});
  if (form == IntrinsicForm::Short)
    return text(target.logicalId + "." + target.attribute);
  return textList({text(target.logicalId), text(target.attribute)});
}

Spelling spell(const Expr& node, IntrinsicForm form) {
  const ir::IntrinsicInfo* info = ir::findIntrinsic(node.kind());
  Spelling spelling{std::string(info->longName), std::string(info->shortTag), nullptr};
  switch (node.kind()) {
  case ExprKind::Ref:
  case ExprKind::Condition:
    spelling.argument = text(node.name());
    break;
  case ExprKind::GetAtt:
    spelling.argument = getAttArgument(node.getAtt(), form);
    break;
  case ExprKind::Sub:
    spelling.argument = subArgument(node.sub());
    break;
  case ExprKind::If: {
    std::vector<ExprPtr> items{text(node.name())};
    items.insert(items.end(), node.arguments().begin(), node.arguments().end());
    spelling.argument = textList(std::move(items));
    break;
  }
  default:
    if (info->shape == ir::ArgumentShape::List)
      spelling.argument = textList(node.arguments());
    else
      spelling.argument = node.arguments().empty() ? text("") : node.arguments().front();
  }
  return spelling;
}

class Writer {
public:
  explicit Writer(IntrinsicForm form) : form_(form) {}

  Rendered render(const ExprPtr& node) const {
    if (!node)
      return {"null", {}, false};
    switch (node->kind()) {
    case ExprKind::String:
      return renderString(node->text());
    case ExprKind::Number:
      return {node->number().text.empty() ? std::to_string(node->number().value)
                                          : node->number().text,
              {},
              false};
    case ExprKind::Bool:
      return {node->boolean() ? "true" : "false", {}, false};
    case ExprKind::Null:
      return {"null", {}, false};
    case ExprKind::List:
      return renderList(node->items());
    case ExprKind::Map:
      return renderMap(node->entries());
    case ExprKind::DynamicReference:
      return renderString(node->dynamicReference().source);
    case ExprKind::Unsupported:
      if (node->unsupported().original)
        return render(node->unsupported().original);
      throw std::logic_error("cannot write an unsupported construct without its original value");
    default:
      if (node->isIntrinsic())
        return renderIntrinsic(*node);
      throw std::logic_error("lower " + std::string(ir::exprKindName(node->kind())) +
                             " before writing CloudFormation");
    }
  }

private:
  static Rendered renderString(const std::string& value) {
    bool multiline = value.find('\n') != std::string::npos;
    if (multiline && literalBlockFits(value))
      return literalBlock(value);
    return {yamlScalar(value), {}, false};
  }

  // A literal block keeps the text exactly when no line starts with a space (the indentation
  // would be ambiguous) and there are no carriage returns or other control characters.
  static bool literalBlockFits(const std::string& value) {
    if (value.front() == ' ' || value.front() == '\n')
      return false;
    for (std::size_t i = 0; i < value.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(value[i]);
      if ((c < 0x20 && c != '\n') || c == 0x7f)
        return false;
      if (c == '\n' && i + 1 < value.size() && value[i + 1] == ' ')
        return false;
    }
    return true;
  }

  static Rendered literalBlock(const std::string& value) {
    std::size_t end = value.find_last_not_of('\n');
    std::size_t trailing = value.size() - (end + 1);
    Rendered rendered{trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+", {}, false};
    std::string body = value.substr(0, end + 1);
    std::size_t start = 0;
    while (true) {
      std::size_t newline = body.find('\n', start);
      rendered.lines.push_back({body.substr(start, newline - start)});
      if (newline == std::string::npos)
        break;
      start = newline + 1;
    }
    for (std::size_t i = 1; i < trailing; ++i)
      rendered.lines.emplace_back();
    return rendered;
  }

  Rendered renderList(const std::vector<ExprPtr>& items) const {
    if (items.empty())
      return {"[]", {}, false};
    Rendered out;
    for (const ExprPtr& item : items) {
      Rendered child = render(item);
      if (child.head.empty()) {
        out.lines.push_back({"- " + child.lines.front().spelled()});
        appendNested(out.lines, child.lines, 1);
        continue;
      }
      out.lines.push_back({"- " + child.head});
      appendNested(out.lines, child.lines, 0);
    }
    return out;
  }

  Rendered renderMap(const std::vector<ir::MapEntry>& entries) const {
    if (entries.empty())
      return {"{}", {}, false};
    Rendered out;
    for (const ir::MapEntry& entry : entries) {
      Rendered child = render(entry.value);
      std::string key = yamlScalar(entry.key) + ":";
      out.lines.push_back({child.head.empty() ? key : key + " " + child.head});
      appendNested(out.lines, child.lines, 0);
    }
    return out;
  }

  Rendered renderIntrinsic(const Expr& node) const {
    Spelling spelling = spell(node, form_);
    if (form_ == IntrinsicForm::Short) {
      Rendered argument = render(spelling.argument);
      // YAML gives a node one tag: `!Base64 !Sub x` is invalid, so the outer call goes long.
      if (!argument.tagged) {
        std::string head =
            argument.head.empty() ? spelling.tag : spelling.tag + " " + argument.head;
        return {std::move(head), std::move(argument.lines), true};
      }
    }
    return renderMap({{spelling.longName, {}, spelling.argument}});
  }

  IntrinsicForm form_;
};

} // namespace

std::string writeCloudFormationYaml(const ExprPtr& root, IntrinsicForm form) {
  Rendered rendered = Writer(form).render(root);
  std::string out;
  if (!rendered.head.empty())
    out += rendered.head + "\n";
  for (const Line& line : rendered.lines) {
    if (!line.text.empty())
      out.append(line.indent, ' ').append(line.text);
    out += '\n';
  }
  return out;
}

} // namespace pm::backends::sc
