// The parsed template: expression and statement nodes, shaped like Jinja's own AST so that the
// evaluator can follow Jinja's code generator case by case.
#pragma once

#include "frontend/jinja/template_error.h"
#include "frontend/jinja/value.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace pm::jinja {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

enum class ExprKind {
  Literal,   // literal
  Name,      // name
  List,      // children: items
  Tuple,     // children: items
  Dict,      // children: key, value, key, value, ...
  Getattr,   // children[0] . name
  Getitem,   // children[0] [ children[1] ]
  Slice,     // children[0] [ children[1] : children[2] : children[3] ], any bound may be null
  Call,      // children[0] ( children[1..], keywords )
  Filter,    // children[0] | name ( children[1..], keywords ); children[0] null in filter blocks
  Test,      // children[0] is name ( children[1..], keywords )
  Unary,     // name ("-", "+", "not") children[0]
  Binary,    // children[0] name children[1]; name in + - * / // % ** and or
  Concat,    // children[0] ~ children[1] ~ ...
  Compare,   // children[0] operators[i] children[i+1] (chained)
  Condition, // children[0] if children[1] else children[2] (null: no else)
};

struct Keyword {
  std::string name;
  ExprPtr value;
};

struct Expr {
  ExprKind kind;
  Position position;
  Value literal;
  std::string name;
  std::vector<ExprPtr> children;
  std::vector<Keyword> keywords;
  std::vector<std::string> operators;
};

struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

enum class StmtKind {
  Data,        // text
  Print,       // expr
  If,          // expr, body, then each `elif` (an If in elifs: expr, body), elseBody
  For,         // target in expr [if test], body, elseBody
  Set,         // target = expr
  SetBlock,    // target, optional filter (a Filter chain on a null input), body
  With,        // targets[i] = values[i], body
  FilterBlock, // filter, body
};

struct Stmt {
  StmtKind kind;
  Position position;
  std::string text;
  ExprPtr expr;
  ExprPtr target;
  ExprPtr test;
  ExprPtr filter;
  std::vector<ExprPtr> targets;
  std::vector<ExprPtr> values;
  Body body;
  Body elifs; // kept flat, so a long elif chain does not nest
  Body elseBody;
};

} // namespace pm::jinja
