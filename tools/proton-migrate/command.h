// A subcommand of proton-migrate: its name, its one-line summary, its options and its action.
#pragma once

#include <boost/program_options.hpp>

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace pm::driver {

namespace po = boost::program_options;

struct CommandIo {
  std::ostream& out;
  std::ostream& err;
};

struct Command {
  std::string name;
  std::string synopsis; // "render BUNDLE [options]"
  std::string summary;
  // Adds the command's options and positional arguments.
  std::function<void(po::options_description&, po::positional_options_description&)> declare;
  std::function<int(const po::variables_map&, CommandIo&)> run;
};

const std::vector<Command>& commands();

// Parses the arguments after the command name and runs it; usage problems exit 2.
int runCommand(const Command& command, const std::vector<std::string>& arguments, CommandIo& io);

void printCommandHelp(const Command& command, std::ostream& out);

// Commands of later milestones: they answer "not yet implemented" with exit code 2.
int notYetImplemented(const std::string& name, CommandIo& io);

} // namespace pm::driver
