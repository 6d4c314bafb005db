// mkkey, delete-key, set, delete-value, rename, set-class, new-hive: the
// write side of hivectl. Each builds a Plan, validates it whole against the
// hive, checks the hive's structure (a damaged hive is refused unless
// --force), and commits it in one transaction (merge/Session); --dry-run
// stops after the checks and prints the plan, --backup copies the hive
// first. Nothing else in hivectl writes to a hive.
//
// The structure check is scoped to what the plan touches
// (StructureCheck::Scoped: the keys on the edited paths with their lists
// and values, the hbins the allocator uses, the base block;
// hive/ScopedChecker.h says why that is enough), so a one-value `set`
// costs the same on an 11 MB and a 550 MB hive; `hivectl check` is the
// whole check. A refusal reads as the whole check's did: the number of
// errors found and the first of them.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "Cli.h"
#include "format/Names.h"
#include "format/ValueData.h"
#include "format/ValueText.h"
#include "index/Index.h"
#include "hive/Checker.h"
#include "merge/Commit.h"
#include "merge/Plan.h"
#include "merge/Session.h"
#include "tx/NewHive.h"

using namespace hivekit;

namespace hivectl {

namespace {

/// The data of `set` from its --data texts, read by the engine's value text
/// codec (format/ValueText.h has the grammar): strings as text;
/// REG_MULTI_SZ one string per line, the --data texts being lines one after
/// another; DWORD, big-endian DWORD and QWORD numbers in decimal (negative
/// too) or 0x hex; hex bytes for every other type, or for any type with
/// --hex, each --data's bytes after the previous one's.
Result<std::vector<uint8_t>> dataOfSet(uint32_t type, const std::vector<std::string>& data, bool hex) {
    const ValueTextForm form = hex ? ValueTextForm::HexBytes : valueTextForm(type);
    if (form == ValueTextForm::HexBytes) {
        std::vector<uint8_t> out;
        for (const auto& d : data) {
            auto bytes = parseHexBytes(d);
            if (!bytes) return fail(ErrorCode::Invalid, "\"" + d + "\" is not hex bytes: " + bytes.error().message());
            out.insert(out.end(), bytes->begin(), bytes->end());
        }
        return out;
    }
    std::string text;
    if (form == ValueTextForm::MultiString) {
        for (size_t i = 0; i < data.size(); ++i) text += (i > 0 ? "\n" : "") + data[i];
    } else if (data.size() == 1) {
        text = data.front();
    } else {
        return fail(ErrorCode::Invalid,
                    valueTypeLabel(type) + " takes one --data, not " + std::to_string(data.size()));
    }
    auto bytes = parseValueText(type, text, form);
    if (!bytes) return std::unexpected(bytes.error().toError());
    return std::move(*bytes);
}

/// mkkey without -p: the key must not exist yet (in any letter case).
Result<void> refuseExistingKey(const Session& session, const std::string& path) {
    const Index index(session.hive());
    auto key = index.findKey(path);
    if (!key) return {};
    auto stored = index.pathOf(*key);
    const std::string as = stored && *stored != path ? " (as \"" + *stored + "\")" : "";
    return fail(ErrorCode::Invalid,
                "the key \"" + path + "\" already exists" + as + "; mkkey -p accepts an existing key");
}

/// Commits a plan through the engine's one write entry point
/// (merge/Commit), which validates, backs up (--backup), applies and
/// commits; --dry-run stops before writing and prints the plan. `newKey`:
/// the plan creates this key, which must not exist yet.
int commitPlan(const Args& args, const Plan& plan, const std::string* newKey = nullptr) {
    CommitRequest request;
    if (!args.strategy.empty()) {
        auto strategy = parseStrategy(args.strategy);
        if (!strategy) {
            printError(args.command + ": " + strategy.error().message);
            return kUsage;
        }
        request.session.strategy = *strategy;
    }
    request.session.tx.useLogs = !args.noLogs;
    auto flush = flushModeOf(args);
    if (!flush) return kUsage;
    request.session.tx.flush = *flush;
    request.session.tx.lockWait = std::chrono::milliseconds(args.waitMilliseconds);
    request.backup = args.backup;
    request.dryRun = args.dryRun;
    // structureAllowsCommit prints its own finding (and --force's warning).
    bool structureRefused = false;
    request.check = [&](const Session& session) -> Result<void> {
        if (newKey) return refuseExistingKey(session, *newKey);
        return {};
    };
    request.structure = StructureCheck::Scoped;
    request.judgeStructure = [&](const CheckReport& report) -> Result<void> {
        if (structureAllowsCommit(args, report)) return {};
        structureRefused = true;
        return fail(ErrorCode::Corrupt, "the structure check finds errors");
    };
    auto done = hivekit::commitPlan(args.hivePath(), plan, request);
    if (!done) {
        const CommitFailure& f = done.error();
        switch (f.step) {
        case CommitStep::Open:
            printError(f.error.message);
            return openFailureExit(f.error);
        case CommitStep::Check:
            if (structureRefused) return kProblems;
            [[fallthrough]];
        case CommitStep::Resume:
        case CommitStep::Validate:
        case CommitStep::Apply:
            printError(args.hivePath() + ": " + f.error.message + "; nothing written");
            return kProblems;
        case CommitStep::Backup:
            printError(args.hivePath() + ": cannot make the backup " + f.backupPath + ": " + f.error.message +
                       "; nothing written");
            return kWriteFailed;
        case CommitStep::Write:
            printError(f.error.message);
            return kWriteFailed;
        }
        return kWriteFailed;
    }
    if (done->dryRun) {
        writeOut(plan.describe() + args.command + ": dry run (" + done->strategy + "), nothing written\n");
        return kOk;
    }
    const CommitReport& written = done->written;
    std::string line = args.command + ": ";
    if (!written.wrote) {
        line += "nothing to change";
    } else {
        line += std::to_string(done->changed) + (done->changed == 1 ? " edit" : " edits") + " committed (" +
                done->strategy + "): " + std::to_string(written.primaryBytes) + " bytes written to the hive, " +
                std::to_string(written.logBytes) + " to its log, sequence " + std::to_string(written.sequence);
    }
    if (!done->backupPath.empty()) line += "; the original is in " + done->backupPath;
    if (written.wrote && *flush != FlushMode::Durable)
        line += "; not flushed to stable storage (--flush fast): a power cut may still lose it";
    writeOut(line + "\n");
    return kOk;
}

}  // namespace

bool structureAllowsCommit(const Args& args, const CheckReport& report) {
    const size_t errors = report.errors();
    if (errors == 0) return true;
    const auto& items = report.diagnostics.items();
    const auto first = std::find_if(items.begin(), items.end(), [](const Diagnostic& d) {
        return d.severity == Diagnostic::Severity::Error;
    });
    const std::string found = args.hivePath() + ": the structure check finds " + std::to_string(errors) +
                              (errors == 1 ? " error" : " errors") + ", the first at " + hexOffset(first->offset) +
                              ": " + first->message;
    if (args.force) {
        printError(found + "; committing anyway (--force)");
        return true;
    }
    printError(found + "; nothing written (hivectl check lists every error; --force commits anyway)");
    return false;
}

std::optional<FlushMode> flushModeOf(const Args& args) {
    if (args.flush.empty() || args.flush == "sync") return FlushMode::Durable;
    if (args.flush == "fast") return FlushMode::ProcessCrashOnly;
    printError(args.command + ": unknown flush mode \"" + args.flush + "\" (sync or fast)");
    return std::nullopt;
}

namespace {

bool needArgs(const Args& args, size_t count, const char* usage) {
    if (args.positional.size() >= count + 1) return true;
    printError(args.command + ": missing arguments; usage: hivectl " + usage);
    return false;
}

}  // namespace

int openFailureExit(const Error& error) { return error.code == ErrorCode::Locked ? kLocked : kCannotOpen; }

int runMkkey(const Args& args) {
    if (!needArgs(args, 1, "mkkey HIVE PATH [-p]")) return kUsage;
    const std::string path = args.arg(0);
    return commitPlan(args, Plan().createKey(path, args.parents), args.parents ? nullptr : &path);
}

int runDeleteKey(const Args& args) {
    if (!needArgs(args, 1, "delete-key HIVE PATH [-r]")) return kUsage;
    return commitPlan(args, Plan().deleteKey(args.arg(0), args.recursive));
}

int runSet(const Args& args) {
    if (!needArgs(args, 2, "set HIVE PATH NAME --type T --data TEXT [--hex] [-p]")) return kUsage;
    if (args.type.empty()) {
        printError("set: --type is required (REG_SZ, REG_DWORD, REG_BINARY, ... or a number)");
        return kUsage;
    }
    auto type = parseValueType(args.type);
    if (!type) {
        printError("set: " + type.error().message);
        return kUsage;
    }
    auto data = dataOfSet(*type, args.data, args.hex);
    if (!data) {
        printError("set: " + data.error().message);
        return kUsage;
    }
    return commitPlan(args, Plan().setValue(args.arg(0), args.arg(1), *type, std::move(*data), args.parents));
}

int runDeleteValue(const Args& args) {
    if (!needArgs(args, 2, "delete-value HIVE PATH NAME")) return kUsage;
    return commitPlan(args, Plan().deleteValue(args.arg(0), args.arg(1)));
}

int runRename(const Args& args) {
    if (!needArgs(args, 2, "rename HIVE PATH NEWNAME, or rename HIVE PATH VALUE NEWNAME")) return kUsage;
    if (args.positional.size() >= 4) return commitPlan(args, Plan().renameValue(args.arg(0), args.arg(1), args.arg(2)));
    return commitPlan(args, Plan().renameKey(args.arg(0), args.arg(1)));
}

int runSetClass(const Args& args) {
    if (!needArgs(args, 2, "set-class HIVE PATH TEXT")) return kUsage;
    return commitPlan(args, Plan().setClassName(args.arg(0), args.arg(1)));
}

int runNewHive(const Args& args) {
    NewHiveOptions options;
    if (!args.root.empty()) options.rootName = args.root;
    if (options.rootName.find('\\') != std::string::npos || utf8ToUtf16(options.rootName).size() > 255) {
        printError("new-hive: the root key name \"" + options.rootName + "\" is not a key name (at most 255 characters, no backslash)");
        return kUsage;
    }
    if (args.dryRun) {
        writeOut("new-hive: would write an empty version 1.5 hive to " + args.hivePath() + " (root key \"" +
                 options.rootName + "\"); dry run, nothing written\n");
        return kOk;
    }
    auto created = createHive(args.hivePath(), options);
    if (!created) {
        printError(created.error().message);
        return created.error().code == ErrorCode::Invalid ? kProblems : kWriteFailed;
    }
    writeOut("new-hive: wrote an empty hive to " + args.hivePath() + "\n");
    return kOk;
}

}  // namespace hivectl
