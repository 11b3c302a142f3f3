// The rule families the lint pass runs over each module, in this order. Each checks the rules
// its source file names; property conditions are rows of property_rules.cpp.
#pragma once

#include "ir/passes/lint/lint_context.h"
#include "ir/passes/lint/suppressions.h"

namespace pm::ir::lint {

void checkPropertyRules(LintContext& context);    // SEC004/7/8/10/12/14/15, REL001/4, ...
void checkIamPolicies(LintContext& context);      // SEC001, SEC011
void checkIngressRules(LintContext& context);     // SEC002, SEC003
void checkSecrets(LintContext& context);          // SEC006
void checkLifecycle(LintContext& context);        // REL002, MIG009
void checkInputUse(LintContext& context);         // MIG001, MIG002, MIG005, MIG007
void checkTemplateFeatures(LintContext& context); // MIG014
void checkRuntimes(LintContext& context);         // MIG012, MIG013
void checkTags(LintContext& context);             // TAG001, MIG022
void checkLogging(LintContext& context);          // OBS001, OBS004
void checkHardCodedValues(LintContext& context);  // MIG011
void checkWorkloads(LintContext& context);
void checkClassification(LintContext& context); // SEC016, REL008
void checkSystem(
    LintContext& context); // OBS008, MIG020        // SEC005/9, OBS002/3, REL005/7, COST002/7

} // namespace pm::ir::lint
