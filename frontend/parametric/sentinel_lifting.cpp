// Sentinel tokens -> InputRef, ContextRef, UpstreamOutputRef and Sub.
#include "frontend/parametric/sentinel_lifting.h"

#include "frontend/parametric/symbolic_context.h"
#include "ir/instantiate.h"

#include <cctype>

namespace pm::frontend {

namespace {

constexpr std::string_view kTokenStart = "__pm7_";

struct Piece {
  std::string text;
  const jinja::Sentinel* sentinel = nullptr; // null: literal text
};

// The token starting at `at` (known to the table), or empty.
std::string tokenAt(const std::string& text, std::size_t at, const SentinelTable& table) {
  std::size_t end = at + kTokenStart.size();
  while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])))
    ++end;
  if (text.compare(end, 2, "__") != 0)
    return {};
  std::string token = text.substr(at, end + 2 - at);
  return table.count(token) ? token : std::string();
}

std::vector<Piece> splitTokens(const std::string& text, const SentinelTable& table) {
  std::vector<Piece> pieces;
  std::size_t from = 0;
  for (std::size_t at = text.find(kTokenStart); at != std::string::npos;
       at = text.find(kTokenStart, at + 1)) {
    std::string token = tokenAt(text, at, table);
    if (token.empty())
      continue;
    if (at > from)
      pieces.push_back({text.substr(from, at - from), nullptr});
    pieces.push_back({token, table.at(token)});
    from = at + token.size();
    at = from - 1;
  }
  if (from < text.size())
    pieces.push_back({text.substr(from), nullptr});
  return pieces;
}

bool hasToken(const std::vector<Piece>& pieces) {
  for (const Piece& piece : pieces)
    if (piece.sentinel)
      return true;
  return false;
}

// A token printed as a whole plain scalar takes the scalar's type (8080 a number); after a
// quote or in a block scalar (| or >) it is a string.
bool printedBare(const std::string& rendered, const std::string& token) {
  std::size_t at = rendered.find(token);
  if (at == std::string::npos || at == 0)
    return true;
  char before = rendered[at - 1];
  if (before == '"' || before == '\'')
    return false;
  std::size_t end = at;
  while (end > 0 && std::isspace(static_cast<unsigned char>(rendered[end - 1])))
    --end;
  std::size_t start = end;
  while (start > 0 && !std::isspace(static_cast<unsigned char>(rendered[start - 1])))
    --start;
  std::string word = rendered.substr(start, end - start);
  if (word.empty() || (word[0] != '|' && word[0] != '>'))
    return true;
  return word.find_first_not_of("|>+-0123456789") != std::string::npos;
}

std::string variableBase(const ir::Expr& reference) {
  std::string base =
      reference.kind() == ir::ExprKind::UpstreamOutputRef
          ? reference.upstreamOutput().module + "_" + reference.upstreamOutput().output
          : reference.name();
  for (char& c : base)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
      c = '_';
  return base;
}

// Builds Sub parts, adding a variable (bound to its reference) per symbolic path.
class SubBuilder {
public:
  explicit SubBuilder(ir::SubTemplate sub) : sub_(std::move(sub)) {
    for (const ir::SubPart& part : sub_.parts)
      if (part.kind == ir::SubPart::Kind::Variable)
        taken_.insert(part.name);
    for (const ir::MapEntry& entry : sub_.variables)
      taken_.insert(entry.key);
    sub_.parts.clear();
  }

  void addPart(ir::SubPart part) { sub_.parts.push_back(std::move(part)); }

  // Literal text of a plain scalar: its ${...} must not read as a variable.
  void addLiteral(const std::string& text, const ir::SourceLocation& at) {
    std::size_t from = 0;
    for (std::size_t open; (open = text.find("${", from)) != std::string::npos;) {
      std::size_t close = text.find('}', open);
      if (close == std::string::npos)
        break;
      addText(text.substr(from, open - from), at);
      addPart({ir::SubPart::Kind::EscapedVariable, text.substr(open + 2, close - open - 2), "", "",
               at});
      from = close + 1;
    }
    addText(text.substr(from), at);
  }

  void addText(const std::string& text, const ir::SourceLocation& at) {
    if (!text.empty())
      addPart({ir::SubPart::Kind::Text, text, "", "", at});
  }

  void addReference(const jinja::Sentinel& sentinel, const ir::SourceLocation& at) {
    auto known = byPath_.find(sentinel.path);
    std::string name;
    if (known != byPath_.end()) {
      name = known->second;
    } else {
      ir::ExprPtr reference = referenceFor(sentinel.path, at);
      name = variableBase(*reference);
      for (int n = 2; taken_.count(name); ++n)
        name = variableBase(*reference) + "_" + std::to_string(n);
      taken_.insert(name);
      byPath_[sentinel.path] = name;
      sub_.variables.push_back({name, at, reference});
    }
    addPart({ir::SubPart::Kind::Variable, "", name, "", at});
  }

  ir::SubTemplate finish(bool concatenation) {
    sub_.listForm = true;
    sub_.source = concatenation ? std::string() : ir::subSource(sub_.parts);
    return std::move(sub_);
  }

private:
  ir::SubTemplate sub_;
  std::set<std::string> taken_;
  std::map<std::string, std::string> byPath_;
};

class Lifter {
public:
  Lifter(const SentinelTable& table, const std::string& rendered)
      : table_(table), rendered_(rendered) {}

  ir::ExprPtr lift(const ir::ExprPtr& node) {
    if (!node)
      return node;
    if (node->kind() == ir::ExprKind::String)
      return liftString(node);
    ir::ExprPtr rebuilt = ir::mapChildren(node, [this](const ir::ExprPtr& c) { return lift(c); });
    return rebuilt->kind() == ir::ExprKind::Sub ? liftSub(rebuilt) : rebuilt;
  }

  std::set<std::string> lifted;

private:
  ir::ExprPtr liftString(const ir::ExprPtr& node) {
    if (node->text().find(kTokenStart) == std::string::npos)
      return node; // most strings: no need to split them
    std::vector<Piece> pieces = splitTokens(node->text(), table_);
    if (!hasToken(pieces))
      return node;
    const ir::SourceLocation& at = node->location();
    if (pieces.size() == 1 && printedBare(rendered_, pieces[0].text)) {
      lifted.insert(pieces[0].text);
      return referenceFor(pieces[0].sentinel->path, at);
    }
    SubBuilder builder(ir::SubTemplate{});
    for (const Piece& piece : pieces)
      if (piece.sentinel)
        addReference(builder, piece, at);
      else
        builder.addLiteral(piece.text, at);
    return ir::Expr::sub(builder.finish(true), at);
  }

  ir::ExprPtr liftSub(const ir::ExprPtr& node) {
    bool any = false;
    for (const ir::SubPart& part : node->sub().parts)
      any = any || (part.kind == ir::SubPart::Kind::Text &&
                    part.text.find(kTokenStart) != std::string::npos &&
                    hasToken(splitTokens(part.text, table_)));
    if (!any)
      return node;
    SubBuilder builder(node->sub());
    for (const ir::SubPart& part : node->sub().parts) {
      if (part.kind != ir::SubPart::Kind::Text) {
        builder.addPart(part);
        continue;
      }
      for (const Piece& piece : splitTokens(part.text, table_))
        if (piece.sentinel)
          addReference(builder, piece, part.location);
        else
          builder.addText(piece.text, part.location);
    }
    return ir::Expr::sub(builder.finish(false), node->location());
  }

  void addReference(SubBuilder& builder, const Piece& piece, const ir::SourceLocation& at) {
    lifted.insert(piece.text);
    builder.addReference(*piece.sentinel, at);
  }

  const SentinelTable& table_;
  const std::string& rendered_;
};

bool exprHasToken(const ir::ExprPtr& root, const std::string& token,
                  bool (*holds)(const ir::Expr&, const std::string&)) {
  bool found = false;
  ir::walkExpr(root, [&](const ir::Expr& node) {
    found = found || holds(node, token);
    return !found;
  });
  return found;
}

bool keyHolds(const ir::Expr& node, const std::string& token) {
  if (node.kind() != ir::ExprKind::Map)
    return false;
  for (const ir::MapEntry& entry : node.entries())
    if (entry.key.find(token) != std::string::npos)
      return true;
  return false;
}

bool nameHolds(const ir::Expr& node, const std::string& token) {
  switch (node.kind()) {
  case ir::ExprKind::Ref:
  case ir::ExprKind::Condition:
  case ir::ExprKind::If:
    return node.name().find(token) != std::string::npos;
  case ir::ExprKind::GetAtt:
    return (node.getAtt().logicalId + "." + node.getAtt().attribute).find(token) !=
           std::string::npos;
  case ir::ExprKind::Sub:
    return node.sub().source.find(token) != std::string::npos;
  case ir::ExprKind::DynamicReference:
    return node.dynamicReference().source.find(token) != std::string::npos;
  default:
    return false;
  }
}

} // namespace

std::vector<std::string> tokensIn(const std::string& text, const SentinelTable& table) {
  std::vector<std::string> tokens;
  for (const Piece& piece : splitTokens(text, table))
    if (piece.sentinel)
      tokens.push_back(piece.text);
  return tokens;
}

std::set<std::string> liftSentinels(ir::Module& module, const SentinelTable& table,
                                    const std::string& rendered) {
  Lifter lifter(table, rendered);
  ir::mapModuleExprs(module, [&](const ir::ExprPtr& expr) { return lifter.lift(expr); });
  return lifter.lifted;
}

std::string placeOfToken(const ir::Module& module, const std::string& token) {
  auto in = [&](const std::string& text) { return text.find(token) != std::string::npos; };
  for (const ir::Resource& resource : module.resources) {
    if (in(resource.logicalId))
      return "a logical ID";
    if (in(resource.type))
      return "a resource type";
    if (resource.condition && in(resource.condition->name))
      return "a condition name";
    for (const ir::LocatedName& name : resource.dependsOn)
      if (in(name.name))
        return "DependsOn";
  }
  for (const ir::Output& output : module.outputs)
    if (in(output.name) || in(output.description))
      return in(output.name) ? "an output name" : "an output description";
  for (const ir::Condition& condition : module.conditions)
    if (in(condition.name))
      return "a condition name";
  if (in(module.description))
    return "the template description";
  bool key = false, name = false;
  ir::Module copy = module;
  ir::mapModuleExprs(copy, [&](const ir::ExprPtr& expr) {
    key = key || exprHasToken(expr, token, keyHolds);
    name = name || exprHasToken(expr, token, nameHolds);
    return expr;
  });
  if (key)
    return "a mapping key";
  if (name)
    return "a reference or function name";
  return "a place that cannot hold an expression";
}

} // namespace pm::frontend
