// The subcommands of proton-migrate, one factory per command (DESIGN.md "Command line").
#pragma once

#include "tools/proton-migrate/command.h"

namespace pm::driver {

Command renderCommand();
Command inspectCommand();
Command convertCommand();
Command migrateCommand();
Command batchCommand();
Command lintCommand();
Command diffCommand();
Command checkCommand();
// Merging the JSON reports of batch shards.
Command reportCommand();
// Inverse rendering: deployed template -> spec.
Command recoverSpecCommand();

} // namespace pm::driver
