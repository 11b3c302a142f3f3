// What `proton-migrate` does with no arguments in the repository: process the bundled fixtures
// into out/ and print a summary, the first thing a newcomer sees.
#pragma once

#include "tools/proton-migrate/command.h"

namespace pm::driver {

int runDefaultJob(CommandIo& io);

} // namespace pm::driver
