// The diagnostic rule id the HCL reader reports, and the bounds that keep hostile input cheap.
#pragma once

#include <cstddef>

namespace pm::frontend::hcl {

// HCL syntax shares the template-syntax rule with Jinja: both are "the template text does not
// parse". A dedicated id can replace this one constant.
inline constexpr const char* kHclSyntaxRule = "PRS002";

// Deeper nesting than this (brackets, templates, blocks) is refused rather than recursed into.
inline constexpr int kMaxNestingDepth = 128;
// Operator and traversal chains (`a + b + ...`, `a.b.c...`) nest the tree without nesting the
// text; walking the tree recurses once per link, so chains are bounded too.
inline constexpr int kMaxChainLength = 10000;

} // namespace pm::frontend::hcl
