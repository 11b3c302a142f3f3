// Top-level dispatch: subcommands, --help, --version, the man page, and the default job.
#include "tools/proton-migrate/main_program.h"

#include "tools/proton-migrate/commands.h"
#include "tools/proton-migrate/default_job.h"
#include "tools/proton-migrate/exit_codes.h"
#include "tools/proton-migrate/man_page.h"

#include <algorithm>
#include <exception>
#include <ostream>

#ifndef PM_VERSION
#define PM_VERSION "0.0.0"
#endif

namespace pm::driver {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      renderCommand(), inspectCommand(), convertCommand(), migrateCommand(),     batchCommand(),
      lintCommand(),   diffCommand(),    checkCommand(),   recoverSpecCommand(), reportCommand()};
  return table;
}

namespace {

// The command list shows each summary's first sentence, unwrapped.
std::string firstSentence(const std::string& summary) {
  std::string text = summary.substr(
      0, summary.find(". ") == std::string::npos ? summary.size() : summary.find(". ") + 1);
  for (char& c : text)
    if (c == '\n')
      c = ' ';
  return text;
}

void printUsage(std::ostream& out) {
  out << "usage: proton-migrate <command> [options]\n"
         "       proton-migrate            (in the repository: render the bundled fixtures into "
         "out/)\n\n"
         "Converts AWS Proton template bundles into Terraform, AWS CDK and AWS Service Catalog.\n\n"
         "Commands:\n";
  for (const auto& command : commands()) {
    std::string padded = command.name;
    padded.resize(std::max<std::size_t>(padded.size() + 2, 14), ' ');
    out << "  " << padded << firstSentence(command.summary) << "\n";
  }
  out << "\nOptions:\n  -h [ --help ]   show this help\n  --version       print the version\n\n"
         "Run 'proton-migrate <command> --help' for a command's options.\n"
         "Exit codes: 0 success, 1 findings or mismatch, 2 usage error, 3 input error.\n";
}

const Command* findCommand(const std::string& name) {
  for (const auto& command : commands())
    if (command.name == name)
      return &command;
  return nullptr;
}

int dispatch(const std::vector<std::string>& arguments, CommandIo& io) {
  if (arguments.empty())
    return runDefaultJob(io);
  const std::string& first = arguments.front();
  if (first == "--help" || first == "-h" || first == "help") {
    printUsage(io.out);
    return kExitSuccess;
  }
  if (first == "--version") {
    io.out << "proton-migrate " << PM_VERSION << "\n";
    return kExitSuccess;
  }
  if (first == "--man") {
    writeManPage(io.out, PM_VERSION);
    return kExitSuccess;
  }
  const Command* command = findCommand(first);
  if (!command) {
    io.err << "proton-migrate: unknown command '" << first << "'\n";
    printUsage(io.err);
    return kExitUsage;
  }
  return runCommand(*command, {arguments.begin() + 1, arguments.end()}, io);
}

} // namespace

int runProgram(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
  CommandIo io{out, err};
  try {
    return dispatch(arguments, io);
  } catch (const std::exception& error) {
    // I/O failures and internal errors end here; input problems are diagnostics, never throws.
    err << "proton-migrate: error: " << error.what() << "\n";
    return kExitInputError;
  }
}

} // namespace pm::driver
