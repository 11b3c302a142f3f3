// Lifting sentinel tokens (symbolic.h) out of a module read from a symbolic render: a scalar
// that is one token becomes the reference it stands for, a scalar with tokens inside a
// concatenation (a Sub), a token inside a Fn::Sub string a Sub variable.
#pragma once

#include "frontend/jinja/symbolic.h"
#include "ir/module.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace pm::frontend {

using SentinelTable = std::map<std::string, const jinja::Sentinel*>; // by token

// The tokens that occur in `text`, in order of occurrence (each once).
std::vector<std::string> tokensIn(const std::string& text, const SentinelTable& table);

// Replaces the tokens of `module`'s expressions by references; `rendered` is the text the module
// was read from (a token right after a quote is a string, not a typed scalar). Returns the
// tokens lifted; the others sit where no expression can (keys, logical IDs, names).
std::set<std::string> liftSentinels(ir::Module& module, const SentinelTable& table,
                                    const std::string& rendered);

// Where in `module` a token that could not be lifted sits, for the report: "a logical ID",
// "a mapping key", ...
std::string placeOfToken(const ir::Module& module, const std::string& token);

} // namespace pm::frontend
