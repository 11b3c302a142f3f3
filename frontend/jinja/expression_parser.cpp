// Jinja's expression grammar, function by function as in jinja2/parser.py.
#include "frontend/jinja/expression_parser.h"

#include <cerrno>
#include <cstdlib>
#include <set>

namespace pm::jinja {

ExprPtr makeExpr(ExprKind kind, Position position) {
  auto expr = std::make_unique<Expr>();
  expr->kind = kind;
  expr->position = position;
  return expr;
}

namespace {

ExprPtr withChild(ExprKind kind, Position position, ExprPtr child, std::string name = {}) {
  ExprPtr expr = makeExpr(kind, position);
  expr->children.push_back(std::move(child));
  expr->name = std::move(name);
  return expr;
}

// Jinja's integer literal: decimal or 0b/0o/0x, with underscores; too large is our limitation.
Value integerLiteral(const Token& token) {
  std::string digits;
  for (char c : token.value)
    if (c != '_')
      digits += c;
  int base = 10;
  if (digits.size() > 2 && digits[0] == '0' &&
      std::isalpha(static_cast<unsigned char>(digits[1]))) {
    char prefix = static_cast<char>(std::tolower(digits[1]));
    base = prefix == 'x' ? 16 : prefix == 'o' ? 8 : 2;
    digits = digits.substr(2);
  }
  errno = 0;
  unsigned long long value = std::strtoull(digits.c_str(), nullptr, base);
  if (errno == ERANGE || value > static_cast<unsigned long long>(INT64_MAX))
    syntaxError(token.position, "integer literal " + token.value +
                                    " is larger than proton-migrate supports (64 bits)");
  return Value(static_cast<std::int64_t>(value));
}

Value floatLiteral(const Token& token) {
  std::string digits;
  for (char c : token.value)
    if (c != '_')
      digits += c;
  return Value(std::strtod(digits.c_str(), nullptr));
}

} // namespace

bool ExpressionParser::isTupleEnd(const EndTags& extraEnd) const {
  TokenType type = current().type;
  if (type == TokenType::VariableEnd || type == TokenType::BlockEnd || isOp(")"))
    return true;
  for (const auto& tag : extraEnd)
    if (isName(tag.c_str()))
      return true;
  return false;
}

ExprPtr ExpressionParser::parseTuple(bool simplified, bool withCondition, const EndTags& extraEnd,
                                     bool explicitParentheses) {
  Position position = current().position;
  std::vector<ExprPtr> items;
  bool isTuple = false;
  while (true) {
    if (!items.empty())
      expectOp(",");
    if (isTupleEnd(extraEnd))
      break;
    items.push_back(simplified ? parsePrimary() : parseExpression(withCondition));
    if (!isOp(","))
      break;
    isTuple = true;
  }
  if (!isTuple) {
    if (!items.empty())
      return std::move(items[0]);
    if (!explicitParentheses)
      syntaxError(current().position,
                  "Expected an expression, got '" + describeToken(current()) + "'");
  }
  ExprPtr tuple = makeExpr(ExprKind::Tuple, position);
  tuple->children = std::move(items);
  return tuple;
}

ExprPtr ExpressionParser::parseExpression(bool withCondition) {
  TokenStream::NestingGuard guard(stream_);
  return withCondition ? parseCondition() : parseOr();
}

ExprPtr ExpressionParser::parseCondition() {
  TokenStream::ChainGuard chain(stream_);
  ExprPtr expr = parseOr();
  while (isName("if")) {
    chain.link();
    Position position = advance().position;
    ExprPtr test = parseOr();
    ExprPtr otherwise;
    if (skipName("else")) {
      TokenStream::NestingGuard guard(stream_);
      otherwise = parseCondition();
    }
    ExprPtr node = makeExpr(ExprKind::Condition, position);
    node->children.push_back(std::move(expr));
    node->children.push_back(std::move(test));
    node->children.push_back(std::move(otherwise));
    expr = std::move(node);
  }
  return expr;
}

ExprPtr ExpressionParser::binary(ExprPtr left, const Token& op, ExprPtr right) {
  ExprPtr node = makeExpr(ExprKind::Binary, op.position);
  node->name = op.value;
  node->children.push_back(std::move(left));
  node->children.push_back(std::move(right));
  return node;
}

ExprPtr ExpressionParser::parseOr() {
  TokenStream::ChainGuard chain(stream_);
  ExprPtr left = parseAnd();
  while (isName("or")) {
    chain.link();
    const Token& op = advance();
    left = binary(std::move(left), op, parseAnd());
  }
  return left;
}

ExprPtr ExpressionParser::parseAnd() {
  TokenStream::ChainGuard chain(stream_);
  ExprPtr left = parseNot();
  while (isName("and")) {
    chain.link();
    const Token& op = advance();
    left = binary(std::move(left), op, parseNot());
  }
  return left;
}

ExprPtr ExpressionParser::parseNot() {
  if (isName("not")) {
    TokenStream::NestingGuard guard(stream_);
    Position position = advance().position;
    return withChild(ExprKind::Unary, position, parseNot(), "not");
  }
  return parseCompare();
}

ExprPtr ExpressionParser::parseCompare() {
  static const std::set<std::string> kOperators = {"==", "!=", "<", "<=", ">", ">="};
  ExprPtr first = parseMath1();
  ExprPtr node = makeExpr(ExprKind::Compare, first->position);
  while (true) {
    if (current().type == TokenType::Operator && kOperators.count(current().value)) {
      node->operators.push_back(advance().value);
    } else if (isName("in")) {
      advance();
      node->operators.push_back("in");
    } else if (isName("not") && peek().type == TokenType::Name && peek().value == "in") {
      advance();
      advance();
      node->operators.push_back("not in");
    } else {
      break;
    }
    node->children.push_back(parseMath1());
  }
  if (node->operators.empty())
    return first;
  node->children.insert(node->children.begin(), std::move(first));
  return node;
}

ExprPtr ExpressionParser::parseLeftAssociative(std::initializer_list<const char*> ops,
                                               ExprPtr (ExpressionParser::*next)()) {
  TokenStream::ChainGuard chain(stream_);
  ExprPtr left = (this->*next)();
  while (true) {
    bool matched = false;
    for (const char* op : ops)
      matched = matched || isOp(op);
    if (!matched)
      return left;
    chain.link();
    const Token& op = advance();
    left = binary(std::move(left), op, (this->*next)());
  }
}

ExprPtr ExpressionParser::parseMath1() {
  return parseLeftAssociative({"+", "-"}, &ExpressionParser::parseConcat);
}
// Like Jinja's Concat node, `a ~ b ~ c` is one flat node, so long chains do not nest.
ExprPtr ExpressionParser::parseConcat() {
  ExprPtr first = parseMath2();
  if (!isOp("~"))
    return first;
  ExprPtr concat = makeExpr(ExprKind::Concat, current().position);
  concat->children.push_back(std::move(first));
  while (skipOp("~"))
    concat->children.push_back(parseMath2());
  return concat;
}
ExprPtr ExpressionParser::parseMath2() {
  return parseLeftAssociative({"*", "/", "//", "%"}, &ExpressionParser::parsePow);
}
// Jinja's `**` is left-associative: 2**3**2 == 64.
ExprPtr ExpressionParser::parsePow() {
  return parseLeftAssociative({"**"}, &ExpressionParser::parseUnaryWithFilter);
}
ExprPtr ExpressionParser::parseUnaryWithFilter() {
  return parseUnary(true);
}

ExprPtr ExpressionParser::parseUnary(bool withFilter) {
  TokenStream::NestingGuard guard(stream_);
  ExprPtr node;
  if (isOp("-") || isOp("+")) {
    const Token& op = advance();
    node = withChild(ExprKind::Unary, op.position, parseUnary(false), op.value);
  } else {
    node = parsePrimary();
  }
  node = parsePostfix(std::move(node));
  if (withFilter)
    node = parseFilterExpr(std::move(node));
  return node;
}

ExprPtr ExpressionParser::parsePrimary() {
  TokenStream::NestingGuard guard(stream_);
  const Token& token = current();
  ExprPtr node = makeExpr(ExprKind::Literal, token.position);
  switch (token.type) {
  case TokenType::Name:
    advance();
    if (token.value == "true" || token.value == "True")
      node->literal = Value(true);
    else if (token.value == "false" || token.value == "False")
      node->literal = Value(false);
    else if (token.value == "none" || token.value == "None")
      node->literal = Value::none();
    else {
      node->kind = ExprKind::Name;
      node->name = token.value;
    }
    return node;
  case TokenType::String: {
    // Adjacent string literals concatenate, as in Python.
    std::string text;
    while (current().type == TokenType::String)
      text += advance().value;
    node->literal = Value(text);
    return node;
  }
  case TokenType::Integer:
    node->literal = integerLiteral(advance());
    return node;
  case TokenType::Float:
    node->literal = floatLiteral(advance());
    return node;
  default:
    break;
  }
  if (skipOp("(")) {
    ExprPtr inner = parseTuple(false, true, {}, true);
    expectOp(")");
    return inner;
  }
  if (isOp("["))
    return parseList();
  if (isOp("{"))
    return parseDict();
  syntaxError(token.position, "unexpected '" + describeToken(token) + "'");
}

ExprPtr ExpressionParser::parseList() {
  ExprPtr node = makeExpr(ExprKind::List, advance().position);
  while (!isOp("]")) {
    if (!node->children.empty())
      expectOp(",");
    if (isOp("]"))
      break;
    node->children.push_back(parseExpression(true));
  }
  expectOp("]");
  return node;
}

ExprPtr ExpressionParser::parseDict() {
  ExprPtr node = makeExpr(ExprKind::Dict, advance().position);
  while (!isOp("}")) {
    if (!node->children.empty())
      expectOp(",");
    if (isOp("}"))
      break;
    node->children.push_back(parseExpression(true));
    expectOp(":");
    node->children.push_back(parseExpression(true));
  }
  expectOp("}");
  return node;
}

ExprPtr ExpressionParser::parsePostfix(ExprPtr node) {
  TokenStream::ChainGuard chain(stream_);
  while (isOp(".") || isOp("[") || isOp("(")) {
    chain.link();
    node = isOp("(") ? parseCall(std::move(node)) : parseSubscript(std::move(node));
  }
  return node;
}

ExprPtr ExpressionParser::parseFilterExpr(ExprPtr node) {
  TokenStream::ChainGuard chain(stream_);
  while (isOp("|") || isName("is") || isOp("(")) {
    chain.link();
    if (isOp("|"))
      node = parseFilterChain(std::move(node));
    else if (isName("is"))
      node = parseTest(std::move(node));
    else
      node = parseCall(std::move(node));
  }
  return node;
}

ExprPtr ExpressionParser::parseSubscript(ExprPtr node) {
  TokenStream::NestingGuard guard(stream_);
  const Token& token = advance();
  // Errors point at the start of the whole `a.b[c]` chain.
  const Position start = node->position;
  if (token.value == ".") {
    const Token& attr = current();
    if (attr.type == TokenType::Name) {
      advance();
      return withChild(ExprKind::Getattr, start, std::move(node), attr.value);
    }
    if (attr.type != TokenType::Integer)
      syntaxError(attr.position, "expected name or number");
    ExprPtr index = makeExpr(ExprKind::Literal, attr.position);
    index->literal = integerLiteral(advance());
    ExprPtr item = withChild(ExprKind::Getitem, start, std::move(node));
    item->children.push_back(std::move(index));
    return item;
  }
  std::vector<ExprPtr> args;
  while (!isOp("]")) {
    if (!args.empty()) {
      expectOp(",");
      if (isOp("]"))
        break;
    }
    args.push_back(parseSubscribed());
  }
  expectOp("]");
  if (args.size() == 1 && args[0]->kind == ExprKind::Slice) {
    args[0]->children[0] = std::move(node);
    return std::move(args[0]);
  }
  ExprPtr item = withChild(ExprKind::Getitem, start, std::move(node));
  if (args.size() == 1) {
    item->children.push_back(std::move(args[0]));
  } else {
    ExprPtr tuple = makeExpr(ExprKind::Tuple, token.position);
    tuple->children = std::move(args);
    item->children.push_back(std::move(tuple));
  }
  return item;
}

// One subscript: an expression or a slice `a:b:c` (the object is filled in by the caller).
ExprPtr ExpressionParser::parseSubscribed() {
  Position position = current().position;
  ExprPtr start;
  if (!isOp(":")) {
    start = parseExpression(true);
    if (!isOp(":"))
      return start;
  }
  advance();
  ExprPtr slice = makeExpr(ExprKind::Slice, position);
  slice->children.push_back(nullptr);
  slice->children.push_back(std::move(start));
  slice->children.push_back(isOp("]") || isOp(",") || isOp(":") ? nullptr : parseExpression(true));
  ExprPtr step;
  if (skipOp(":") && !isOp("]") && !isOp(","))
    step = parseExpression(true);
  slice->children.push_back(std::move(step));
  return slice;
}

ExprPtr ExpressionParser::parseCall(ExprPtr node) {
  TokenStream::NestingGuard guard(stream_);
  ExprPtr call = withChild(ExprKind::Call, current().position, std::move(node));
  parseCallArguments(*call);
  return call;
}

// Call arguments, appended to `node`'s children: positional, then keyword (`name=value`).
void ExpressionParser::parseCallArguments(Expr& node) {
  expectOp("(");
  bool first = true;
  while (!isOp(")")) {
    if (!first)
      expectOp(",");
    first = false;
    if (isOp(")"))
      break;
    if (isOp("*") || isOp("**"))
      syntaxError(current().position, "*args and **kwargs are not supported by proton-migrate");
    if (current().type == TokenType::Name && peek().type == TokenType::Operator &&
        peek().value == "=") {
      std::string name = advance().value;
      advance();
      node.keywords.push_back({name, parseExpression(true)});
    } else {
      if (!node.keywords.empty())
        syntaxError(current().position, "Invalid argument syntax");
      node.children.push_back(parseExpression(true));
    }
  }
  expectOp(")");
}

std::string ExpressionParser::parseDottedName() {
  std::string name = expect(TokenType::Name, "name").value;
  while (isOp(".")) {
    advance();
    name += "." + expect(TokenType::Name, "name").value;
  }
  return name;
}

// `| name(args) | name ...`; in filter blocks and `set` blocks the input is null.
ExprPtr ExpressionParser::parseFilterChain(ExprPtr node, bool startInline) {
  TokenStream::ChainGuard chain(stream_);
  while (isOp("|") || startInline) {
    chain.link();
    if (!startInline)
      advance();
    startInline = false;
    Position position = current().position;
    ExprPtr filter = withChild(ExprKind::Filter, position, std::move(node), parseDottedName());
    if (isOp("("))
      parseCallArguments(*filter);
    node = std::move(filter);
  }
  return node;
}

ExprPtr ExpressionParser::parseTest(ExprPtr node) {
  TokenStream::NestingGuard guard(stream_);
  advance(); // is
  bool negated = skipName("not");
  Position position = current().position;
  ExprPtr test = withChild(ExprKind::Test, position, std::move(node), parseDottedName());
  if (isOp("(")) {
    parseCallArguments(*test);
  } else if (startsTestArgument()) {
    if (isName("is"))
      syntaxError(current().position, "You cannot chain multiple tests with is");
    test->children.push_back(parsePostfix(parsePrimary()));
  }
  if (negated)
    return withChild(ExprKind::Unary, position, std::move(test), "not");
  return test;
}

bool ExpressionParser::startsTestArgument() const {
  TokenType type = current().type;
  bool starts = type == TokenType::Name || type == TokenType::String ||
                type == TokenType::Integer || type == TokenType::Float || isOp("[") || isOp("{");
  return starts && !isName("else") && !isName("or") && !isName("and");
}

} // namespace pm::jinja
