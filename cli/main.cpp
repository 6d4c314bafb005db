// hivectl: the engine's operations for scripts and tests.
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "Cli.h"
#include "Commands.h"

int main(int argc, char** argv) {
    using namespace hivectl;
    Args args;
    bool help = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-h" || a == "--help") {
            help = true;  // the overview, or the help of the command named before it
            break;
        }
        if (a == "--version") {
            std::cout << "hivectl " HIVEKIT_VERSION "\n";
            return kOk;
        }
        if (a == "--json") args.json = true;
        else if (a == "--raw") args.raw = true;
        else if (a == "--no-logs") args.noLogs = true;
        else if (a == "--no-data") args.noData = true;
        else if (a == "--strict") args.strict = true;
        else if (a == "--csv") args.csv = true;
        else if (a == "--list") args.list = true;
        else if (a == "--reg") args.reg = true;
        else if (a == "--ignore-times") args.ignoreTimes = true;
        else if (a == "--regedit4") args.regedit4 = true;
        else if (a == "--dry-run") args.dryRun = true;
        else if (a == "--backup") args.backup = true;
        else if (a == "--force") args.force = true;
        else if (a == "-r" || a == "--recursive") args.recursive = true;
        else if (a == "-p" || a == "--parents") args.parents = true;
        else if (a == "--hex") args.hex = true;
        else if (a == "--type" || a == "--data") {
            if (i + 1 == argc) {
                printError("option " + a + " needs a value (see hivectl --help)");
                return kUsage;
            }
            if (a == "--type") args.type = argv[++i];
            else args.data.push_back(argv[++i]);
        }
        else if (a == "--wait") {
            // Seconds, fractions allowed; at most a day.
            const char* text = i + 1 < argc ? argv[i + 1] : "";
            char* end = nullptr;
            const double seconds = std::strtod(text, &end);
            if (*text == '\0' || *end != '\0' || !(seconds >= 0 && seconds <= 86400)) {
                printError("option --wait needs a number of seconds from 0 to 86400, not \"" + std::string(text) +
                           "\" (see hivectl --help)");
                return kUsage;
            }
            args.waitMilliseconds = static_cast<long>(seconds * 1000 + 0.5);
            ++i;
        }
        else if (a == "--from" || a == "--to" || a == "--format") {
            if (i + 1 == argc) {
                printError("option " + a + " needs a value (see hivectl --help)");
                return kUsage;
            }
            (a == "--from" ? args.from : a == "--to" ? args.to : args.format) = argv[++i];
        }
        else if (a == "-o" || a == "--root" || a == "--strategy" || a == "--flush" || a == "--found-in") {
            if (i + 1 == argc) {
                printError("option " + a + " needs a value (see hivectl --help)");
                return kUsage;
            }
            (a == "-o" ? args.output : a == "--root" ? args.root : a == "--strategy" ? args.strategy
                                                      : a == "--flush" ? args.flush : args.foundIn) = argv[++i];
        }
        else if (a == "--entry") {
            if (i + 1 == argc) {
                printError("option --entry needs a value (see hivectl --help)");
                return kUsage;
            }
            args.entry = argv[++i];
        }
        else if (a.size() > 1 && a[0] == '-' && a != "-") {
            printError("unknown option " + a + " (see hivectl --help)");
            return kUsage;
        } else if (args.command.empty()) args.command = a;
        else args.positional.push_back(a);
    }
    if (help || args.command == "help") {
        const std::string topic = help ? args.command : args.positional.empty() ? "" : args.positional[0];
        if (topic.empty() || topic == "help") {
            std::cout << overviewText();
            return kOk;
        }
        const std::string text = commandHelp(topic);
        if (text.empty()) {
            printError("unknown command \"" + topic + "\" (see hivectl --help)");
            return kUsage;
        }
        std::cout << text;
        return kOk;
    }
    if (args.command.empty()) {
        std::cerr << overviewText();
        return kUsage;
    }
    if (args.positional.empty() && !(args.list && args.command == "artefacts")) {
        printError(args.command + ": missing HIVE argument (see hivectl --help)");
        return kUsage;
    }
    if (const Command* command = findCommand(args.command)) return command->run(args);
    printError("unknown command \"" + args.command + "\" (see hivectl --help)");
    return kUsage;
}
