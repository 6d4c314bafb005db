// hivectl's command table: every command's name, the function that runs
// it, whether it writes to the hive, its lines in the overview
// (`hivectl --help`) and its own help (`hivectl help COMMAND`,
// `hivectl COMMAND --help`). Dispatch and both help texts read the table,
// so a command is added in one place.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "Cli.h"

namespace hivectl {

/// Whether a command may write to its HIVE (the overview lists the two
/// groups apart).
enum class Access { Reads, Writes };

/// One hivectl command.
struct Command {
    const char* name;
    int (*run)(const Args& args);
    Access access;
    const char* overview;  ///< its lines in the overview, synopsis and summary
    const char* help;      ///< its own help, everything after "Usage: hivectl "
};

/// Every command, in the order of the overview.
std::span<const Command> commands();

/// The command called `name`, or null.
const Command* findCommand(std::string_view name);

/// The overview of every command and option (hivectl --help).
std::string overviewText();

/// The help of one command: a "Usage: hivectl ..." line, what it does, its
/// options and exit status. Empty when `command` is not a hivectl command.
std::string commandHelp(const std::string& command);

}  // namespace hivectl
