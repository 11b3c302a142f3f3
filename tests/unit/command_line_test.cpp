// The command line: help for every command, the version, usage errors and pending commands.
#include "tools/proton-migrate/exit_codes.h"
#include "tools/proton-migrate/main_program.h"

#include <doctest/doctest.h>

#include <sstream>

namespace {

struct Run {
  int code;
  std::string out, err;
};

Run run(std::vector<std::string> arguments) {
  std::ostringstream out, err;
  int code = pm::driver::runProgram(arguments, out, err);
  return {code, out.str(), err.str()};
}

} // namespace

TEST_CASE("every subcommand of the design answers --help with its usage") {
  for (const char* command :
       {"render", "inspect", "convert", "migrate", "batch", "lint", "diff", "check"}) {
    CAPTURE(command);
    Run help = run({command, "--help"});
    CHECK(help.code == pm::driver::kExitSuccess);
    CHECK(help.out.find(std::string("usage: proton-migrate ") + command) == 0);
  }
}

TEST_CASE("the top-level help lists the commands and --version prints the version") {
  Run help = run({"--help"});
  CHECK(help.code == 0);
  CHECK(help.out.find("render") != std::string::npos);
  CHECK(help.out.find("Exit codes") != std::string::npos);
  Run version = run({"--version"});
  CHECK(version.code == 0);
  CHECK(version.out.find("proton-migrate ") == 0);
}

TEST_CASE("migrate without stack dumps is a usage error with exit code 2") {
  Run migrate = run({"migrate", "--bundle", "x", "--to", "cdk", "-o", "out"});
  CHECK(migrate.code == pm::driver::kExitUsage);
  CHECK(migrate.err.find("one of --stack-dump or --stack-dir") != std::string::npos);
}

TEST_CASE("unknown commands and options are usage errors with exit code 2") {
  CHECK(run({"frobnicate"}).code == pm::driver::kExitUsage);
  Run badOption = run({"render", "--no-such-option"});
  CHECK(badOption.code == pm::driver::kExitUsage);
  CHECK(badOption.err.find("usage: proton-migrate render") != std::string::npos);
  CHECK(run({"render"}).code == pm::driver::kExitUsage); // the bundle is required
  CHECK(run({"inspect", "x", "--graph", "svg"}).code == pm::driver::kExitUsage);
}
