// Running a subcommand: option parsing, help and usage errors.
#include "tools/proton-migrate/command.h"

#include "tools/proton-migrate/exit_codes.h"

#include <ostream>

namespace pm::driver {

void printCommandHelp(const Command& command, std::ostream& out) {
  po::options_description options("Options");
  po::positional_options_description positional;
  command.declare(options, positional);
  out << "usage: proton-migrate " << command.synopsis << "\n\n" << command.summary << "\n\n";
  out << options;
}

int notYetImplemented(const std::string& name, CommandIo& io) {
  io.err << "proton-migrate " << name << ": not yet implemented\n";
  return kExitUsage;
}

int runCommand(const Command& command, const std::vector<std::string>& arguments, CommandIo& io) {
  po::options_description options("Options");
  po::positional_options_description positional;
  command.declare(options, positional);
  options.add_options()("help,h", "show this help");
  po::variables_map values;
  try {
    po::store(po::command_line_parser(arguments).options(options).positional(positional).run(),
              values);
    if (values.count("help")) {
      printCommandHelp(command, io.out);
      return kExitSuccess;
    }
    po::notify(values);
  } catch (const po::error& error) {
    io.err << "proton-migrate " << command.name << ": " << error.what() << "\n"
           << "usage: proton-migrate " << command.synopsis << "\n"
           << "Try 'proton-migrate " << command.name << " --help'.\n";
    return kExitUsage;
  }
  return command.run(values, io);
}

} // namespace pm::driver
