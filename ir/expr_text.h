// A one-line, human-readable rendering of an expression for summaries and messages
// (`!GetAtt Bucket.Arn`, `!Sub "arn:${AWS::Partition}:..."`, `[a, b]`).
#pragma once

#include "ir/expr.h"

#include <cstddef>
#include <string>

namespace pm::ir {

// At most maxLength characters; longer renderings end in "...".
std::string exprText(const ExprPtr& expr, std::size_t maxLength = 80);

} // namespace pm::ir
