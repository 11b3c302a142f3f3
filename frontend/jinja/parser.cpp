// The statement grammar of Jinja (jinja2/parser.py subparse and parse_* statements) and the
// compile-time check of filter and test names.
#include "frontend/jinja/parser.h"

#include "frontend/jinja/builtin_filters.h"
#include "frontend/jinja/builtin_tests.h"
#include "frontend/jinja/expression_parser.h"

#include <set>

namespace pm::jinja {

namespace {

// Holds the token stream so it exists before the TokenCursor base refers to it.
struct TokenStreamHolder {
  TokenStream ownedStream;
};

class Parser : private TokenStreamHolder, private TokenCursor {
public:
  Parser(const std::vector<Token>& tokens, const ParseLimits& limits)
      : TokenStreamHolder{TokenStream(tokens, limits.maxNesting)}, TokenCursor(ownedStream),
        expressions_(ownedStream) {}

  Body parseTemplate() { return subparse(nullptr); }

private:
  void expectBlockEnd() { expect(TokenType::BlockEnd, "end of statement block"); }

  bool atEndTag(const EndTags* endTags) const {
    if (!endTags || current().type != TokenType::Name)
      return false;
    for (const auto& tag : *endTags)
      if (current().value == tag)
        return true;
    return false;
  }

  Body subparse(const EndTags* endTags) {
    Body body;
    while (current().type != TokenType::Eof) {
      const Token& token = current();
      if (token.type == TokenType::Data) {
        auto stmt = makeStmt(StmtKind::Data, token.position);
        stmt->text = token.value;
        body.push_back(std::move(stmt));
        advance();
      } else if (token.type == TokenType::VariableBegin) {
        advance();
        auto stmt = makeStmt(StmtKind::Print, current().position);
        stmt->expr = expressions_.parseTuple(false, true, {}, false);
        expect(TokenType::VariableEnd, "end of print statement");
        body.push_back(std::move(stmt));
      } else if (token.type == TokenType::BlockBegin) {
        advance();
        if (atEndTag(endTags))
          return body;
        parseStatement(body);
        expectBlockEnd();
      } else {
        syntaxError(token.position, "internal parser error: unexpected token");
      }
    }
    return body;
  }

  static StmtPtr makeStmt(StmtKind kind, Position position) {
    auto stmt = std::make_unique<Stmt>();
    stmt->kind = kind;
    stmt->position = position;
    return stmt;
  }

  void parseStatement(Body& body) {
    TokenStream::NestingGuard guard(stream_);
    const Token& token = current();
    if (token.type != TokenType::Name)
      syntaxError(token.position, "tag name expected");
    const std::string& tag = token.value;
    tagStack_.push_back(tag);
    if (tag == "if")
      body.push_back(parseIf());
    else if (tag == "for")
      body.push_back(parseFor());
    else if (tag == "set")
      body.push_back(parseSet());
    else if (tag == "with")
      body.push_back(parseWith());
    else if (tag == "filter")
      body.push_back(parseFilterBlock());
    else if (tag == "print")
      parsePrint(body);
    else if (isUnsupportedTag(tag))
      syntaxError(token.position, "'" + tag + "' is not supported: " + unsupportedReason(tag));
    else
      failUnknownTag(tag, token.position);
    tagStack_.pop_back();
  }

  static bool isUnsupportedTag(const std::string& tag) {
    static const std::set<std::string> kTags = {"macro", "call",   "include", "extends",
                                                "block", "import", "from",    "autoescape"};
    return kTags.count(tag) > 0;
  }

  static std::string unsupportedReason(const std::string& tag) {
    if (tag == "include" || tag == "extends" || tag == "import" || tag == "from" || tag == "block")
      return "Proton bundles hold one template file";
    return "proton-migrate does not implement Jinja's '" + tag +
           "' tag; inline the template text instead";
  }

  // Jinja's _fail_ut_eof wording.
  [[noreturn]] void failUnknownTag(const std::string* name, Position position) {
    std::set<std::string> expected;
    for (const auto& tags : endTagStack_)
      expected.insert(tags.begin(), tags.end());
    std::string message =
        name ? "Encountered unknown tag '" + *name + "'." : "Unexpected end of template.";
    if (!endTagStack_.empty()) {
      std::string looking;
      for (const auto& tag : endTagStack_.back())
        looking += (looking.empty() ? "'" : " or '") + tag + "'";
      if (name && expected.count(*name))
        message += " You probably made a nesting mistake. Jinja is expecting this tag, but "
                   "currently looking for " +
                   looking + ".";
      else
        message += " Jinja was looking for the following tags: " + looking + ".";
    }
    if (!tagStack_.empty())
      message += " The innermost block that needs to be closed is '" + tagStack_.back() + "'.";
    syntaxError(position, message);
  }
  [[noreturn]] void failUnknownTag(const std::string& name, Position position) {
    // the unknown tag itself was pushed onto the tag stack by parseStatement
    tagStack_.pop_back();
    failUnknownTag(&name, position);
  }

  Body parseStatements(const EndTags& endTags, bool dropNeedle) {
    skipOp(":");
    expectBlockEnd();
    endTagStack_.push_back(endTags);
    Body body = subparse(&endTags);
    if (current().type == TokenType::Eof)
      failUnknownTag(nullptr, current().position);
    endTagStack_.pop_back();
    if (dropNeedle)
      advance();
    return body;
  }

  StmtPtr parseIf() {
    auto result = makeStmt(StmtKind::If, advance().position);
    Stmt* node = result.get();
    while (true) {
      node->expr = expressions_.parseTuple(false, false, {}, false);
      node->body = parseStatements({"elif", "else", "endif"}, false);
      const Token& token = advance();
      if (token.value == "elif") {
        result->elifs.push_back(makeStmt(StmtKind::If, current().position));
        node = result->elifs.back().get();
        continue;
      }
      if (token.value == "else")
        result->elseBody = parseStatements({"endif"}, true);
      break;
    }
    return result;
  }

  StmtPtr parseFor() {
    auto stmt = makeStmt(StmtKind::For, advance().position);
    stmt->target = parseAssignTarget({"in"});
    expectName("in");
    stmt->expr = expressions_.parseTuple(false, false, {"recursive"}, false);
    if (skipName("if"))
      stmt->test = expressions_.parseExpression(true);
    if (isName("recursive"))
      syntaxError(current().position, "'recursive' for loops are not supported by proton-migrate");
    stmt->body = parseStatements({"endfor", "else"}, false);
    if (advance().value != "endfor")
      stmt->elseBody = parseStatements({"endfor"}, true);
    return stmt;
  }

  StmtPtr parseSet() {
    Position position = advance().position;
    ExprPtr target = isNamespaceTarget() ? parseNamespaceTarget() : parseAssignTarget({});
    if (skipOp("=")) {
      auto stmt = makeStmt(StmtKind::Set, position);
      stmt->target = std::move(target);
      stmt->expr = expressions_.parseTuple(false, true, {}, false);
      return stmt;
    }
    auto stmt = makeStmt(StmtKind::SetBlock, position);
    stmt->target = std::move(target);
    stmt->filter = expressions_.parseFilterChain(nullptr);
    stmt->body = parseStatements({"endset"}, true);
    return stmt;
  }

  // `{% set ns.attr = ... %}` (Jinja's NSRef): a name, a dot and a name.
  bool isNamespaceTarget() const {
    return current().type == TokenType::Name && peek().type == TokenType::Operator &&
           peek().value == ".";
  }

  ExprPtr parseNamespaceTarget() {
    const Token& name = advance();
    ExprPtr object = makeExpr(ExprKind::Name, name.position);
    object->name = name.value;
    advance();
    ExprPtr target = makeExpr(ExprKind::Getattr, name.position);
    target->name = expect(TokenType::Name, "name").value;
    target->children.push_back(std::move(object));
    return target;
  }

  StmtPtr parseWith() {
    auto stmt = makeStmt(StmtKind::With, advance().position);
    while (current().type != TokenType::BlockEnd) {
      if (!stmt->targets.empty())
        expectOp(",");
      stmt->targets.push_back(parseAssignTarget({}));
      expectOp("=");
      stmt->values.push_back(expressions_.parseExpression(true));
    }
    stmt->body = parseStatements({"endwith"}, true);
    return stmt;
  }

  StmtPtr parseFilterBlock() {
    auto stmt = makeStmt(StmtKind::FilterBlock, advance().position);
    stmt->filter = expressions_.parseFilterChain(nullptr, true);
    stmt->body = parseStatements({"endfilter"}, true);
    return stmt;
  }

  // `{% print a, b %}` prints each expression in turn, like Jinja's Output node.
  void parsePrint(Body& body) {
    advance();
    bool first = true;
    while (current().type != TokenType::BlockEnd) {
      if (!first)
        expectOp(",");
      first = false;
      auto stmt = makeStmt(StmtKind::Print, current().position);
      stmt->expr = expressions_.parseExpression(true);
      body.push_back(std::move(stmt));
    }
  }

  // Assignment targets: a name, or a tuple of names (`for k, v in ...`, `set a, b = ...`).
  ExprPtr parseAssignTarget(const EndTags& extraEnd) {
    ExprPtr target = expressions_.parseTuple(true, true, extraEnd, false);
    checkAssignable(*target);
    return target;
  }

  void checkAssignable(const Expr& target) {
    if (target.kind == ExprKind::Tuple) {
      for (const auto& item : target.children)
        checkAssignable(*item);
      return;
    }
    if (target.kind == ExprKind::Name) {
      static const std::set<std::string> kReserved = {"true", "false", "none",
                                                      "True", "False", "None"};
      if (kReserved.count(target.name))
        syntaxError(target.position, "Can't assign to special constant '" + target.name + "'.");
      return;
    }
    syntaxError(target.position, "can't assign to '" + exprKindName(target.kind) + "'");
  }

  static std::string exprKindName(ExprKind kind) {
    switch (kind) {
    case ExprKind::Literal:
      return "const";
    case ExprKind::List:
      return "list";
    case ExprKind::Dict:
      return "dict";
    case ExprKind::Call:
      return "call";
    case ExprKind::Filter:
      return "filter";
    case ExprKind::Getitem:
      return "getitem";
    default:
      return "expression";
    }
  }

  ExpressionParser expressions_;
  std::vector<std::string> tagStack_;
  std::vector<EndTags> endTagStack_;
};

// Jinja's compiler rejects unknown filters and tests, except inside `if` tests, bodies and
// inline ifs ("soft" frames), where the error is deferred to rendering.
void checkNames(const Expr* expr, bool soft) {
  if (!expr)
    return;
  if (expr->kind == ExprKind::Condition)
    soft = true;
  if (!soft && expr->kind == ExprKind::Filter && !isKnownFilter(expr->name))
    syntaxError(expr->position, "No filter named '" + expr->name + "'.");
  if (!soft && expr->kind == ExprKind::Test && !isKnownTest(expr->name))
    syntaxError(expr->position, "No test named '" + expr->name + "'.");
  for (const auto& child : expr->children)
    checkNames(child.get(), soft);
  for (const auto& keyword : expr->keywords)
    checkNames(keyword.value.get(), soft);
}

void checkNames(const Body& body, bool soft) {
  for (const auto& stmt : body) {
    switch (stmt->kind) {
    case StmtKind::If:
      checkNames(stmt->expr.get(), true);
      checkNames(stmt->body, true);
      checkNames(stmt->elifs, true);
      checkNames(stmt->elseBody, true);
      break;
    case StmtKind::For:
      checkNames(stmt->expr.get(), soft);
      checkNames(stmt->test.get(), false);
      checkNames(stmt->body, false);
      checkNames(stmt->elseBody, soft);
      break;
    case StmtKind::With:
      for (const auto& value : stmt->values)
        checkNames(value.get(), soft);
      checkNames(stmt->body, false);
      break;
    case StmtKind::SetBlock:
    case StmtKind::FilterBlock:
      checkNames(stmt->filter.get(), false);
      checkNames(stmt->body, false);
      break;
    case StmtKind::Set:
    case StmtKind::Print:
      checkNames(stmt->expr.get(), soft);
      break;
    case StmtKind::Data:
      break;
    }
  }
}

} // namespace

Body parseTemplate(const std::vector<Token>& tokens, const ParseLimits& limits) {
  Body body = Parser(tokens, limits).parseTemplate();
  checkNames(body, false);
  return body;
}

} // namespace pm::jinja
