// The JSON batch report: what `batch --report json` writes and `report merge` reads back.
#pragma once

#include "backends/report/batch_summary.h"

#include <optional>
#include <string>

namespace pm::backends::report {

std::string batchReportJson(const BatchSummary& summary);

// Nothing, with the reason in `error`, when the text is not a batch report.
std::optional<BatchSummary> readBatchReportJson(const std::string& text, std::string& error);

} // namespace pm::backends::report
