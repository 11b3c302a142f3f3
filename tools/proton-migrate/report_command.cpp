// `proton-migrate report merge`: the JSON reports of batch shards made into one report.
#include "tools/proton-migrate/commands.h"

#include "backends/report/batch_report_json.h"
#include "frontend/input_file.h"
#include "tools/proton-migrate/batch_reports.h"
#include "tools/proton-migrate/exit_codes.h"
#include "tools/proton-migrate/output_directory.h"

#include <filesystem>
#include <ostream>

namespace pm::driver {

namespace {

namespace report = backends::report;

std::optional<report::BatchSummary> readReport(const std::string& path, CommandIo& io) {
  ir::Diagnostics unreadable;
  auto text = frontend::readInputFile(path, unreadable); // bounded like every named file
  if (!text) {
    unreadable.print(io.err);
    return std::nullopt;
  }
  std::string error;
  auto summary = report::readBatchReportJson(*text, error);
  if (!summary)
    io.err << path << ": error: " << error << "\n";
  return summary;
}

// The format the output file's extension names: .md, .html, else JSON.
std::string formatOf(const std::string& path) {
  std::string extension = std::filesystem::path(path).extension().string();
  return extension == ".md" || extension == ".html" ? extension.substr(1) : "json";
}

int mergeReports(const po::variables_map& values, CommandIo& io) {
  std::vector<std::string> words = values.count("words")
                                       ? values["words"].as<std::vector<std::string>>()
                                       : std::vector<std::string>{};
  if (words.size() < 2 || words.front() != "merge" || !values.count("output")) {
    io.err << "proton-migrate report: usage: report merge A.json B.json... -o FILE\n";
    return kExitUsage;
  }
  std::vector<report::BatchSummary> shards;
  for (std::size_t i = 1; i < words.size(); ++i) {
    auto summary = readReport(words[i], io);
    if (!summary)
      return kExitInputError;
    shards.push_back(std::move(*summary));
  }
  report::BatchSummary merged = report::BatchSummary::merge(shards);
  std::string path = values["output"].as<std::string>();
  try {
    commitOutputFile(batchReportText(merged, formatOf(path)), path);
  } catch (const std::exception& error) {
    io.err << "proton-migrate report merge: cannot write " << path << ": " << error.what() << "\n";
    return kExitInputError;
  }
  printBatchTotals(merged, io.out);
  return kExitSuccess;
}

} // namespace

Command reportCommand() {
  return {"report", "report merge A.json B.json... -o FILE",
          "Merges the JSON reports of batch shards into one report; FILE's extension (.json, "
          ".md or .html) chooses its format.",
          [](po::options_description& options, po::positional_options_description& positional) {
            options.add_options()(
                "words", po::value<std::vector<std::string>>()->value_name("merge REPORT..."),
                "merge, then the shards' JSON reports")(
                "output,o", po::value<std::string>()->value_name("FILE"), "the merged report");
            positional.add("words", -1);
          },
          mergeReports};
}

} // namespace pm::driver
