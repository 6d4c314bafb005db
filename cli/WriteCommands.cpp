// mkkey, delete-key, set, delete-value, rename, set-class, new-hive: the
// write side of hivectl. Each builds a Plan, validates it whole against the
// hive, checks the hive's structure (a damaged hive is refused unless
// --force), and commits it in one transaction (merge/Session); --dry-run
// stops after the checks and prints the plan, --backup copies the hive
// first. Nothing else in hivectl writes to a hive.
//
// The structure check is the whole of `hivectl check` (hive/Checker), not
// only what the plan touches: the allocator trusts every free cell and
// every bin of the hive, so damage anywhere can be written over, and a
// commit marks the hive clean. Its cost, measured with `set` of one DWORD
// on a copy of regipy/SYSTEM (11 MB, 186,308 cells): 7 ms without the
// check, 45 ms with it in a Release build (9 ms and 0.42 s in Debug);
// linear in the hive's cells, like `check`.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "Cli.h"
#include "format/Names.h"
#include "format/ValueData.h"
#include "index/Index.h"
#include "hive/Checker.h"
#include "merge/Commit.h"
#include "merge/Plan.h"
#include "merge/Session.h"
#include "tx/NewHive.h"

using namespace hivekit;

namespace hivectl {

namespace {

void appendUtf16z(std::vector<uint8_t>& out, const std::string& text) {
    for (char16_t unit : utf8ToUtf16(text)) {
        out.push_back(static_cast<uint8_t>(unit & 0xFF));
        out.push_back(static_cast<uint8_t>(unit >> 8));
    }
    out.push_back(0);
    out.push_back(0);
}

/// "01 02 ff", "0102ff", "01,02,ff" or "01:02:ff": hex bytes.
Result<std::vector<uint8_t>> parseHexBytes(const std::string& text) {
    std::vector<uint8_t> out;
    std::string digits;
    for (char c : text) {
        if (c == ' ' || c == ',' || c == ':' || c == '\t' || c == '\n') continue;
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return fail(ErrorCode::Invalid, "\"" + text + "\" is not hex bytes (a character '" + std::string(1, c) +
                                                "' is neither a hex digit nor a separator)");
        digits += c;
    }
    if (digits.size() % 2 != 0)
        return fail(ErrorCode::Invalid, "\"" + text + "\" has an odd number of hex digits");
    for (size_t i = 0; i < digits.size(); i += 2)
        out.push_back(static_cast<uint8_t>(std::stoul(digits.substr(i, 2), nullptr, 16)));
    return out;
}

/// A decimal (possibly negative) or 0x-hex number that fits `bits` bits.
Result<uint64_t> parseNumber(const std::string& text, unsigned bits) {
    const uint64_t max = bits == 64 ? UINT64_MAX : (uint64_t{1} << bits) - 1;
    std::string_view t = text;
    bool negative = false;
    if (!t.empty() && t[0] == '-') {
        negative = true;
        t.remove_prefix(1);
    }
    int base = 10;
    if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) {
        base = 16;
        t.remove_prefix(2);
    }
    uint64_t value = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value, base);
    if (t.empty() || ec != std::errc() || end != t.data() + t.size())
        return fail(ErrorCode::Invalid, "\"" + text + "\" is not a number (decimal, or hex with 0x)");
    if (negative) {
        const uint64_t limit = uint64_t{1} << (bits - 1);
        if (base != 10 || value > limit)
            return fail(ErrorCode::Invalid, "\"" + text + "\" does not fit " + std::to_string(bits) + " bits");
        return (~value + 1) & max;
    }
    if (value > max) return fail(ErrorCode::Invalid, "\"" + text + "\" does not fit " + std::to_string(bits) + " bits");
    return value;
}

/// The data of `set` from its text forms: strings (UTF-8 to UTF-16LE with a
/// terminator), multi-strings (one string per --data and per line), DWORD,
/// big-endian DWORD and QWORD numbers (decimal, negative, or 0x-hex), and
/// hex bytes for every other type, or for any type with --hex.
Result<std::vector<uint8_t>> parseValueText(uint32_t type, const std::vector<std::string>& data, bool hex) {
    std::vector<uint8_t> out;
    if (hex) {
        for (const auto& d : data) {
            auto bytes = parseHexBytes(d);
            if (!bytes) return bytes;
            out.insert(out.end(), bytes->begin(), bytes->end());
        }
        return out;
    }
    auto one = [&]() -> Result<std::string> {
        if (data.size() != 1)
            return fail(ErrorCode::Invalid, std::string(valueTypeLabel(type)) + " takes one --data, not " +
                                                std::to_string(data.size()));
        return data.front();
    };
    switch (type) {
    case kRegSz:
    case kRegExpandSz:
    case kRegLink: {
        auto text = one();
        if (!text) return std::unexpected(text.error());
        appendUtf16z(out, *text);
        return out;
    }
    case kRegMultiSz: {
        // Each --data, and each line of it, is one string; an empty list
        // is the lone terminator.
        for (const auto& d : data) {
            size_t start = 0;
            for (;;) {
                const size_t nl = d.find('\n', start);
                appendUtf16z(out, d.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
                if (nl == std::string::npos) break;
                start = nl + 1;
            }
        }
        out.push_back(0);
        out.push_back(0);
        return out;
    }
    case kRegDword:
    case kRegDwordBigEndian:
    case kRegQword: {
        auto text = one();
        if (!text) return std::unexpected(text.error());
        const unsigned bits = type == kRegQword ? 64 : 32;
        auto n = parseNumber(*text, bits);
        if (!n) return std::unexpected(n.error());
        for (unsigned i = 0; i < bits / 8; ++i) {
            const unsigned shift = type == kRegDwordBigEndian ? 8 * (3 - i) : 8 * i;
            out.push_back(static_cast<uint8_t>(*n >> shift));
        }
        return out;
    }
    default:
        // REG_BINARY, REG_NONE, the resource types and unknown numbers.
        for (const auto& d : data) {
            auto bytes = parseHexBytes(d);
            if (!bytes) return bytes;
            out.insert(out.end(), bytes->begin(), bytes->end());
        }
        return out;
    }
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
        if (newKey) {
            if (auto fresh = refuseExistingKey(session, *newKey); !fresh) return fresh;
        }
        if (structureAllowsCommit(args, session.hive())) return {};
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

bool structureAllowsCommit(const Args& args, const Hive& hive) {
    const CheckReport report = checkHive(hive);
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
    auto data = parseValueText(*type, args.data, args.hex);
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
