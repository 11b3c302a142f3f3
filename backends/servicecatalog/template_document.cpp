// Literal nodes for generated documents.
#include "backends/servicecatalog/template_document.h"

#include "ir/instantiate.h"

#include <iomanip>
#include <sstream>

namespace pm::backends::sc {

using ir::Expr;
using ir::ExprPtr;

ExprPtr text(std::string value) {
  return Expr::string(std::move(value), {});
}

ExprPtr number(double value) {
  std::ostringstream spelled;
  spelled << std::setprecision(15) << value;
  return Expr::number(spelled.str(), value, {});
}

ExprPtr items(std::vector<ExprPtr> values) {
  return Expr::list(std::move(values), {});
}

ExprPtr ref(std::string name) {
  return Expr::ref(std::move(name), {});
}

ExprPtr fnSub(std::string source) {
  ir::SubTemplate sub;
  sub.source = std::move(source);
  sub.parts.push_back({ir::SubPart::Kind::Text, sub.source, "", "", {}});
  return Expr::sub(std::move(sub), {});
}

ExprPtr call(ir::ExprKind kind, std::vector<ExprPtr> arguments) {
  return Expr::call(kind, std::move(arguments), {});
}

MapBuilder& MapBuilder::add(std::string key, ExprPtr value) {
  if (value)
    entries_.push_back({std::move(key), {}, std::move(value)});
  return *this;
}

ExprPtr MapBuilder::build() const {
  return Expr::map(entries_, {});
}

} // namespace pm::backends::sc
