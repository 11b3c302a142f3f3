// The writer of each format (lint_report.h dispatches).
#pragma once

#include "backends/report/lint_report.h"

namespace pm::backends::report {

void writeLintText(const LintReport& report, std::ostream& out);
void writeLintJson(const LintReport& report, std::ostream& out);
void writeLintSarif(const LintReport& report, std::ostream& out);
void writeLintMarkdown(const LintReport& report, std::ostream& out);

// "error", "warning", "info", "note".
std::string_view levelName(ir::Severity severity);

} // namespace pm::backends::report
