// The SAM transform reads some properties of AWS::Serverless::Function before CloudFormation
// resolves anything: an Api or HttpApi event's Path and Method must be plain strings, so a
// product cannot pass a parameter there (the transform fails: "Property 'Path' should be a
// string"). Such a value is written as the deployment gives it, or as the input's default.
#pragma once

#include "ir/diagnostics.h"
#include "ir/instantiate.h"
#include "ir/module.h"

namespace pm::backends::sc {

inline constexpr const char* kServerlessLiteralRule = "SC003";

// Each event Path/Method of `module`'s functions that reads an input or context value, with
// `values` (else the input's default) filled in: a SC003 warning per value written. A value
// nothing gives stays as it is (the transform will refuse it), with a SC003 warning saying so.
void bakeServerlessLiterals(ir::Module& module, const ir::InputValues& values,
                            ir::Diagnostics& diagnostics);

} // namespace pm::backends::sc
