// Finding output values in literal text: the longest value wins where several start at the
// same place, so "vpc-1-private" is not read as "vpc-1" followed by text.
#include "backends/servicecatalog/environment_output_parameters.h"

#include <algorithm>

namespace pm::backends::sc {

namespace {

using ir::Expr;
using ir::ExprKind;
using ir::ExprPtr;

struct OutputValue {
  std::string text;
  ir::UpstreamOutput output;
};

// A piece of literal text: plain text, or the value of outputs_[output].
struct Piece {
  std::string text;
  const OutputValue* output = nullptr;
};

class OutputReader {
public:
  explicit OutputReader(const std::map<std::string, ir::BoundValue>& outputs) {
    for (const auto& [key, value] : outputs) {
      std::size_t dot = key.find('.');
      if (value.text.empty() || dot == std::string::npos)
        continue;
      values_.push_back({value.text, {key.substr(0, dot), key.substr(dot + 1)}});
    }
    std::stable_sort(
        values_.begin(), values_.end(),
        [](const OutputValue& a, const OutputValue& b) { return a.text.size() > b.text.size(); });
  }

  bool empty() const { return values_.empty(); }

  ExprPtr read(const ExprPtr& expr) {
    if (!expr)
      return expr;
    if (expr->kind() == ExprKind::String)
      return string(expr);
    if (expr->kind() == ExprKind::Sub)
      return ir::mapChildren(sub(expr), [this](const ExprPtr& child) { return read(child); });
    return ir::mapChildren(expr, [this](const ExprPtr& child) { return read(child); });
  }

private:
  std::vector<Piece> pieces(const std::string& text) const {
    for (const OutputValue& value : values_)
      if (value.text == text)
        return {{"", &value}};
    std::vector<Piece> out;
    std::size_t start = 0;
    for (std::size_t at = 0; at < text.size();) {
      const OutputValue* found = nullptr;
      for (const OutputValue& value : values_)
        if (value.text.size() >= kMinimumEmbeddedLength &&
            text.compare(at, value.text.size(), value.text) == 0) {
          found = &value;
          break;
        }
      if (!found) {
        ++at;
        continue;
      }
      if (at > start)
        out.push_back({text.substr(start, at - start), nullptr});
      out.push_back({"", found});
      at += found->text.size();
      start = at;
    }
    if (start < text.size() && !out.empty())
      out.push_back({text.substr(start), nullptr});
    return out;
  }

  ExprPtr reference(const OutputValue& value, const ir::SourceLocation& location) {
    return Expr::upstreamOutputRef(value.output, location);
  }

  // Replaces the text parts of `sub` by `pieces`, binding each output to a new variable.
  void appendPieces(ir::SubTemplate& sub, std::vector<ir::SubPart>& parts,
                    const std::vector<Piece>& found, const ir::SourceLocation& location) {
    for (const Piece& piece : found) {
      if (!piece.output) {
        parts.push_back({ir::SubPart::Kind::Text, piece.text, "", "", location});
        continue;
      }
      std::string variable = "EnvironmentOutput" + std::to_string(++variables_);
      parts.push_back({ir::SubPart::Kind::Variable, "", variable, "", location});
      sub.variables.push_back({variable, location, reference(*piece.output, location)});
    }
  }

  ExprPtr string(const ExprPtr& expr) {
    std::vector<Piece> found = pieces(expr->text());
    if (found.empty())
      return expr;
    if (found.size() == 1 && found.front().output)
      return reference(*found.front().output, expr->location());
    // An empty source marks a concatenation (ir::isConcatenation): its text is all literal.
    ir::SubTemplate sub;
    appendPieces(sub, sub.parts, found, expr->location());
    return Expr::sub(std::move(sub), expr->location());
  }

  ExprPtr sub(const ExprPtr& expr) {
    ir::SubTemplate sub = expr->sub();
    std::vector<ir::SubPart> parts;
    bool changed = false;
    for (const ir::SubPart& part : sub.parts) {
      std::vector<Piece> found =
          part.kind == ir::SubPart::Kind::Text ? pieces(part.text) : std::vector<Piece>{};
      if (found.empty()) {
        parts.push_back(part);
        continue;
      }
      appendPieces(sub, parts, found, part.location);
      changed = true;
    }
    if (!changed)
      return expr;
    sub.parts = std::move(parts);
    if (!ir::isConcatenation(sub)) {
      sub.source = ir::subSource(sub.parts);
      sub.listForm = true;
    }
    return Expr::sub(std::move(sub), expr->location());
  }

  std::vector<OutputValue> values_;
  int variables_ = 0;
};

} // namespace

ir::Module withEnvironmentOutputsRead(const ir::Module& module,
                                      const std::map<std::string, ir::BoundValue>& outputs) {
  OutputReader reader(outputs);
  if (reader.empty())
    return module;
  ir::Module read = module;
  auto map = [&reader](const ExprPtr& expr) { return reader.read(expr); };
  for (ir::Resource& resource : read.resources)
    ir::mapResourceExprs(resource, map);
  for (ir::Output& output : read.outputs)
    output.value = reader.read(output.value);
  return read;
}

} // namespace pm::backends::sc
