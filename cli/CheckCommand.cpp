// check: placeholder until the Checker lands (see hive/Checker.h).
#include "Cli.h"

namespace hivectl {
int runCheck(const Args& args) {
    auto hive = openHive(args);
    if (!hive) return kCannotOpen;
    return hive->diagnostics().empty() ? kOk : kProblems;
}
}  // namespace hivectl
