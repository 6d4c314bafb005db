// export and import: .reg files (regfile/RegFile.h, regfile/RegExport.h).
//
// export HIVE [PATH] [-o FILE] [--regedit4] [--root NAME]
//   Writes the key at PATH (the root by default) with its subtree as a .reg
//   file: regedit 5.00 in UTF-16LE with its byte order mark, or with
//   --regedit4 REGEDIT4 in UTF-8; to FILE, or to standard output. Key lines
//   start with NAME (default HKEY_LOCAL_MACHINE\HIVE). What a .reg file
//   cannot hold is reported on standard error and makes the exit status 1.
//
// import HIVE FILE.reg [--root PREFIX] [--strategy S] [--dry-run] [--wait SECONDS]
//   Reads FILE.reg (regedit 5.00 or REGEDIT4, UTF-16LE or UTF-8; a regular
//   file of at most 1 GiB, lines of at most 4 Mi characters) and applies
//   its edits to HIVE in one transaction. PREFIX is the key path that stands
//   for the hive's root (detected from the first key line by default). A
//   file with any malformed line is refused whole, every error listed with
//   its line; so is a file whose edits the hive refuses (Session::validate).
//   --dry-run prints the edits, one per line with the line they come from,
//   and writes nothing. The edits go through the engine's commitPlan
//   (merge/Commit) with the chosen strategy (hybrid by default) and one
//   crash-safe commit.
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <sys/stat.h>

#include "Cli.h"
#include "hive/Diagnostics.h"
#include "merge/Commit.h"
#include "merge/Plan.h"
#include "merge/Session.h"
#include "regfile/RegExport.h"
#include "regfile/RegFile.h"
#include "tx/FileIO.h"

using namespace hivekit;

namespace hivectl {

namespace {

void printProblems(const Diagnostics& d) {
    for (const auto& item : d.items()) {
        std::string where = item.offset != Error::kNoOffset ? " [" + hexOffset(item.offset) + "]" : "";
        std::cerr << "hivectl: " << severityName(item.severity) << where << ": " << item.message << "\n";
    }
    if (d.dropped()) std::cerr << "hivectl: ... and " << d.dropped() << " more\n";
}

const char* encodingName(RegEncoding e) {
    switch (e) {
    case RegEncoding::Utf8: return "UTF-8";
    case RegEncoding::Utf8Bom: return "UTF-8 with BOM";
    case RegEncoding::Utf16LeBom: return "UTF-16LE";
    }
    return "?";
}

}  // namespace

int runExport(const Args& args) {
    auto hive = openHive(args, args.arg(0).empty() ? Reading::WholeFile : Reading::Lookups);
    if (!hive) return kCannotOpen;
    RegExportOptions options;
    options.version = args.regedit4 ? RegVersion::V4 : RegVersion::V5;
    if (!args.root.empty()) options.rootName = args.root;
    // Written as the tree is walked (a few hundred KiB in memory whatever
    // the hive). A regular FILE is written beside and renamed when whole;
    // standard output, a device or a pipe gets the bytes as they come.
    Result<RegExportSummary> exported;
    struct stat st {};
    const bool toStream = args.output.empty() || args.output == "-" ||
                          (::stat(args.output.c_str(), &st) == 0 && !S_ISREG(st.st_mode));
    if (toStream) {
        std::FILE* f = stdout;
        if (!args.output.empty() && args.output != "-") {
            f = std::fopen(args.output.c_str(), "wb");
            if (!f) {
                printError("cannot open " + args.output + ": " + std::strerror(errno));
                return kProblems;
            }
        }
        const std::string name = f == stdout ? std::string("standard output") : args.output;
        exported = exportReg(*hive, args.arg(0), options, [&](Bytes piece) -> Result<void> {
            if (std::fwrite(piece.data(), 1, piece.size(), f) != piece.size())
                return fail(ErrorCode::Io, "cannot write " + name + ": " + std::strerror(errno));
            return {};
        });
        const bool closed = f == stdout ? std::fflush(f) == 0 : std::fclose(f) == 0;
        if (exported && !closed) exported = fail(ErrorCode::Io, "cannot write " + name + ": " + std::strerror(errno));
    } else {
        exported = exportRegFile(*hive, args.arg(0), options, args.output, realFileIO());
    }
    if (!exported) {
        printError(hive->path() + ": " + exported.error().message);
        return exported.error().code == ErrorCode::Invalid ? kUsage : kProblems;
    }
    printProblems(exported->problems);
    return exported->problems.empty() ? kOk : kProblems;
}

int runImport(const Args& args) {
    if (args.positional.size() < 2) {
        printError("import: missing FILE.reg (see hivectl --help)");
        return kUsage;
    }
    CommitRequest request;
    if (!args.strategy.empty()) {
        auto strategy = parseStrategy(args.strategy);
        if (!strategy) {
            printError("import: " + strategy.error().message);
            return kUsage;
        }
        request.session.strategy = *strategy;
    }
    request.session.tx.useLogs = !args.noLogs;
    auto flush = flushModeOf(args);
    if (!flush) return kUsage;
    request.session.tx.flush = *flush;
    request.session.tx.lockWait = std::chrono::milliseconds(args.waitMilliseconds);
    request.dryRun = args.dryRun;
    // The .reg file is read and parsed before the hive is opened (and
    // locked): a hostile file is refused without the hive, and a large one
    // does not keep other writers waiting while it is read.
    const std::string regPath = args.arg(0);
    auto input = readRegFileBytes(regPath);
    if (!input) {
        printError(input.error().message);
        return kCannotOpen;
    }
    RegParseOptions parseOptions;
    parseOptions.rootPrefix = args.root;
    RegParseResult parsed = parseRegFileReportingAll(*input, parseOptions);
    input->clear();
    input->shrink_to_fit();
    if (!parsed.ok()) {
        for (const RegParseError& e : parsed.errors) printError(regPath + ": " + e.message);
        printError(regPath + ": nothing imported");
        return kProblems;
    }
    std::vector<unsigned> lines;
    // The edits' names and data move into the plan (the file's version,
    // encoding and root prefix stay, for the summary below).
    const Plan plan = toPlan(std::move(parsed.file), &lines);
    // An error about the plan names the edit ("edit 7 (...): ..."); the
    // user wants the line of the .reg file it comes from.
    auto withLine = [&](const std::string& m) {
        const size_t index = m.rfind("edit ", 0) == 0 ? std::strtoul(m.c_str() + 5, nullptr, 10) : 0;
        return index >= 1 && index <= lines.size() ? "line " + std::to_string(lines[index - 1]) + ": " + m : m;
    };
    // structureAllowsCommit prints its own finding (and --force's warning).
    request.structure = StructureCheck::Scoped;
    request.judgeStructure = [&](const CheckReport& report) -> Result<void> {
        if (structureAllowsCommit(args, report)) return {};
        return fail(ErrorCode::Corrupt, "the structure check finds errors");
    };
    // The engine's one write entry point (merge/Commit): the hive is opened
    // (and locked) only now, and nothing reaches it before the commit, so
    // --dry-run validates and applies with it and writes nothing.
    auto done = commitPlan(args.hivePath(), plan, request);
    const std::string summary =
        std::to_string(plan.size()) + " edits from " + regPath + " (" +
        (parsed.file.version == RegVersion::V5 ? "regedit 5.00" : "REGEDIT4") + ", " +
        encodingName(parsed.file.encoding) + ", root prefix \"" + parsed.file.rootPrefix + "\")";
    if (!done) {
        const CommitFailure& f = done.error();
        switch (f.step) {
        case CommitStep::Open:
            printError(f.error.message);
            return openFailureExit(f.error);
        case CommitStep::Check: return kProblems;
        case CommitStep::Resume:
        case CommitStep::Validate:
        case CommitStep::Backup:
            printError(regPath + ": " + withLine(f.error.message));
            printError(regPath + ": nothing imported");
            return kProblems;
        case CommitStep::Apply:
            printError(regPath + ": " + withLine(f.error.message));
            printError(regPath + ": nothing imported; " + args.hivePath() + " is unchanged");
            return kProblems;
        case CommitStep::Write: break;
        }
        printError(args.hivePath() + ": " + f.error.message);
        printError(regPath + (f.hiveWritten ? ": the commit was interrupted; the log of " + args.hivePath() +
                                                  " holds the import (opening the hive replays it)"
                                            : ": the commit failed; " + args.hivePath() + " keeps its previous state"));
        return kProblems;
    }
    if (done->dryRun) {
        std::string out;
        for (size_t i = 0; i < plan.size(); ++i)
            out += "line " + std::to_string(lines[i]) + ": " + describeEdit(plan.edits()[i]) + "\n";
        out += "import: " + summary + "; dry run, nothing written\n";
        writeOut(out);
        return kOk;
    }
    writeOut("import: " + summary + ": " + std::to_string(done->changed) + " changed, committed (" + done->strategy +
             ")\n");
    return kOk;
}

}  // namespace hivectl
