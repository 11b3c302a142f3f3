// The proton-migrate(1) man page, generated from the same command table and option
// descriptions as --help, so the two never disagree.
#pragma once

#include <iosfwd>
#include <string>

namespace pm::driver {

void writeManPage(std::ostream& out, const std::string& version);

} // namespace pm::driver
