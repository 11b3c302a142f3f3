// Building blocks for the CloudFormation documents the backend writes: literal nodes without a
// source location and an ordered map builder that leaves out absent values.
#pragma once

#include "ir/expr.h"

#include <string>
#include <vector>

namespace pm::backends::sc {

ir::ExprPtr text(std::string value);
ir::ExprPtr number(double value);
ir::ExprPtr items(std::vector<ir::ExprPtr> values);
ir::ExprPtr ref(std::string name);
ir::ExprPtr fnSub(std::string source);
ir::ExprPtr call(ir::ExprKind kind, std::vector<ir::ExprPtr> arguments);

// A Map in insertion order; add() ignores null values so optional fields need no branches.
class MapBuilder {
public:
  MapBuilder& add(std::string key, ir::ExprPtr value);
  bool empty() const { return entries_.empty(); }
  ir::ExprPtr build() const;

private:
  std::vector<ir::MapEntry> entries_;
};

} // namespace pm::backends::sc
