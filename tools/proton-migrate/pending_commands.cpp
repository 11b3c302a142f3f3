// Commands whose milestones are still open: their options are declared so `--help` documents
// them, and running them answers "not yet implemented" (exit 2).
#include "tools/proton-migrate/commands.h"


// Option tables read best one option per line, which clang-format would undo.
// clang-format off
namespace pm::driver {

namespace {

Command pending(std::string name, std::string synopsis, std::string summary,
                std::function<void(po::options_description&, po::positional_options_description&)> declare) {
  std::string commandName = name;
  return {std::move(name), std::move(synopsis), std::move(summary), std::move(declare),
          [commandName](const po::variables_map&, CommandIo& io) {
            return notYetImplemented(commandName, io);
          }};
}

} // namespace

Command lintCommand() {
  return pending("lint", "lint PATH... [--format text|json|sarif|markdown] [--fail-on error|warning|never] [-o FILE]",
                 "Runs the lint passes only.",
                 [](po::options_description& options, po::positional_options_description& positional) {
                   options.add_options()
                       ("path", po::value<std::vector<std::string>>()->value_name("PATH"), "bundles")
                       ("format", po::value<std::string>()->value_name("F"), "text, json, sarif or markdown")
                       ("fail-on", po::value<std::string>()->value_name("L"), "error, warning or never")
                       ("output,o", po::value<std::string>()->value_name("FILE"), "report file");
                   positional.add("path", -1);
                 });
}

} // namespace pm::driver
// clang-format on
