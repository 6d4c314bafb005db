// cells: every hbin and cell in file order.
#include <iostream>

#include "Cli.h"
#include "format/Offsets.h"
#include "hive/CellScanner.h"

using namespace hivekit;

namespace hivectl {

int runCells(const Args& args) {
    auto hive = openHive(args);
    if (!hive) return kCannotOpen;
    Diagnostics diag;
    std::string out;
    const HiveBinInfo* current = nullptr;
    auto binLine = [&](const HiveBinInfo& b) {
        out += "hbin\t" + hexOffset(b.fileOffset()) + "\t" + std::to_string(b.size) + "\t" +
               (b.valid ? "valid" : "damaged") + "\n";
    };
    for (const auto& b : hive->bins())
        if (!b.valid) binLine(b);  // damaged stretches have no cells to list
    CellScanner(*hive).scan(
        [&](const HiveBinInfo& b, const Cell& c) {
            if (current != &b) {
                current = &b;
                binLine(b);
            }
            out += "cell\t" + hexOffset(c.fileOffset()) + "\t" + std::to_string(c.size) + "\t" +
                   cellKindName(classifyCell(c)) + "\t" + (c.allocated ? "allocated" : "free") + "\n";
            if (out.size() > (1 << 20)) {
                writeOut(out);
                out.clear();
            }
            return true;
        },
        &diag);
    writeOut(out);
    for (const auto& d : diag.items()) std::cerr << "hivectl: " << severityName(d.severity) << ": " << d.message << "\n";
    return diag.empty() ? kOk : kProblems;
}

}  // namespace hivectl
