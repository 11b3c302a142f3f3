// The proton-migrate program: top-level options and dispatch to the subcommands.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace pm::driver {

int runProgram(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);

} // namespace pm::driver
