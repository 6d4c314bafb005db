// Per-command help of hivectl: `hivectl help COMMAND` and
// `hivectl COMMAND --help` print one command's usage, what it does and the
// options it takes; `hivectl --help` keeps the overview of every command.
#pragma once

#include <string>
#include <vector>

namespace hivectl {

/// Every command name, in the order of the overview (hivectl --help).
const std::vector<std::string>& commandNames();

/// The help of one command: a "Usage: hivectl ..." line, what it does, its
/// options and exit status. Empty when `command` is not a hivectl command.
std::string commandHelp(const std::string& command);

}  // namespace hivectl
