// check: every structural invariant of a hive (see hive/Checker.h).
//
// Output: one line per diagnostic, "SEVERITY<TAB>OFFSET<TAB>MESSAGE" (offset
// in hex, "-" when none applies), then a summary line:
//   check: 30756 keys, 73456 values, 186308 cells: no problems
//   check: 12 keys, 3 values, 40 cells: 3 errors, 1 warning
// Info lines (leaked cells, slack) are printed but are not problems.
//
// Exit status: 0 when there is no error, 1 when there is one, 3 when the
// file cannot be opened or is not a hive. Warnings alone exit 0: they are
// deviations Windows tolerates on read, or the dirty state, which log replay
// resolves (and which the default open already replays when logs are
// there). --strict makes warnings fail the check too, for scripts that want
// a hive exactly as Windows writes it.
#include <iostream>

#include "Cli.h"
#include "Json.h"
#include "hive/Checker.h"

using namespace hivekit;

namespace hivectl {

namespace {

std::string plural(size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string summaryLine(const CheckReport& r) {
    std::string line = "check: " + plural(r.keys, "key") + ", " + plural(r.values, "value") + ", " +
                       plural(r.cells, "cell") + ": ";
    if (r.clean()) return line + "no problems";
    line += plural(r.errors(), "error") + ", " + plural(r.warnings(), "warning");
    if (r.diagnostics.dropped()) line += " (" + std::to_string(r.diagnostics.dropped()) + " more not listed)";
    return line;
}

}  // namespace

int runCheck(const Args& args) {
    auto hive = openHive(args, Reading::WholeFile);
    if (!hive) return kCannotOpen;
    CheckControl control;
    control.threads = threadsFromEnvironment();
    const CheckReport report = checkHive(*hive, control);
    const bool failed = report.errors() > 0 || (args.strict && report.warnings() > 0);
    if (args.json) {
        Json j;
        j.beginObject();
        j.field("path", hive->path());
        j.field("clean", report.clean());
        j.field("dirty", report.dirty);
        j.field("keys", report.keys);
        j.field("values", report.values);
        j.field("cells", report.cells);
        j.field("securityCells", report.securityCells);
        j.field("unreferencedCells", report.unreferencedCells);
        j.field("errors", uint64_t{report.errors()});
        j.field("warnings", uint64_t{report.warnings()});
        j.field("dropped", uint64_t{report.diagnostics.dropped()});
        j.key("problems").beginArray();
        for (const Diagnostic& d : report.diagnostics.items()) {
            j.beginObject();
            j.field("severity", severityName(d.severity));
            j.key("offset");
            if (d.offset == Error::kNoOffset) j.null();
            else j.value(d.offset);
            j.field("message", d.message);
            j.endObject();
        }
        j.endArray();
        j.endObject();
        writeOut(j.str() + "\n");
        return failed ? kProblems : kOk;
    }
    std::string out;
    for (const Diagnostic& d : report.diagnostics.items()) {
        out += severityName(d.severity);
        out += '\t';
        out += d.offset == Error::kNoOffset ? std::string("-") : hexOffset(d.offset);
        out += '\t';
        out += d.message;
        out += '\n';
        // Written in pieces: a damaged hive's report can run to megabytes.
        if (out.size() > (1 << 20)) {
            writeOut(out);
            out.clear();
        }
    }
    out += summaryLine(report) + "\n";
    writeOut(out);
    return failed ? kProblems : kOk;
}

}  // namespace hivectl
