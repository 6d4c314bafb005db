// diff A B [--json | --reg] [--ignore-times] [-r] [-o PATH] [--no-logs]
//   Compares hive A (the old) with hive B (the new) through the engine's
//   diffHives (diff/HiveDiff.h) and prints one line per difference:
//     + key<TAB>PATH
//     - key<TAB>PATH
//     ~ key<TAB>PATH<TAB>last write T1 -> T2; class "X" -> "Y"; security descriptor changed (N -> M bytes)
//     + value<TAB>PATH<TAB>NAME<TAB>(TYPE) DATA
//     - value<TAB>PATH<TAB>NAME<TAB>(TYPE) DATA
//     ~ value<TAB>PATH<TAB>NAME<TAB>(TYPE) OLD -> (TYPE) NEW
//   PATH as dump writes it ("(root)" for the root), NAME as get names it
//   ("(Default)"), DATA as get decodes it, on one line. --json writes one
//   object per difference and line; --reg writes the .reg file that turns
//   A into B (diff/DiffReg.h). Exit status as diff(1): 0 identical, 1
//   different; then 2 usage error, 3 a hive cannot be opened or a part of
//   either could not be read (the differences found are still printed).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "Cli.h"
#include "Json.h"
#include "diff/DiffReg.h"
#include "diff/HiveDiff.h"
#include "format/BaseBlock.h"
#include "format/Names.h"
#include "format/ValueData.h"

using namespace hivekit;

namespace hivectl {

namespace {

/// A value's data as get shows it, on one line (tabs and line breaks as \t, \n).
std::string oneLineData(uint32_t type, Bytes data) {
    const std::string text = decodeValue(type, data).toText();
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c != '\r') out += c;
    }
    return out;
}

std::string typedData(const DiffValueSide& v) {
    return "(" + valueTypeLabel(v.type) + ") " + oneLineData(v.type, v.data);
}

std::string displayPath(const Difference& d) { return d.path.empty() && d.names.empty() ? "(root)" : d.path; }

std::string displayValueName(const Difference& d) {
    return d.valueName.empty() ? std::string("(Default)") : dumpEscape(utf16ToUtf8(d.valueName));
}

std::string classText(const DiffKeySide& k) {
    return k.hasClassName ? "\"" + dumpEscape(utf16ToUtf8(k.className)) + "\"" : std::string("(none)");
}

/// The text line of one difference (with its line break).
std::string textLine(const Difference& d) {
    std::string line;
    switch (d.kind) {
    case DiffKind::KeyAdded: return "+ key\t" + displayPath(d) + "\n";
    case DiffKind::KeyRemoved: return "- key\t" + displayPath(d) + "\n";
    case DiffKind::KeyChanged: {
        line = "~ key\t" + displayPath(d) + "\t";
        std::string sep;
        if (d.keyChanges & kKeyLastWritten) {
            line += "last write " + formatFiletime(d.oldKey.lastWritten) + " -> " + formatFiletime(d.newKey.lastWritten);
            sep = "; ";
        }
        if (d.keyChanges & kKeyClassName) {
            line += sep + "class " + classText(d.oldKey) + " -> " + classText(d.newKey);
            sep = "; ";
        }
        if (d.keyChanges & kKeySecurity)
            line += sep + "security descriptor changed (" + std::to_string(d.oldKey.security.size()) + " -> " +
                    std::to_string(d.newKey.security.size()) + " bytes)";
        return line + "\n";
    }
    case DiffKind::ValueAdded:
        return "+ value\t" + displayPath(d) + "\t" + displayValueName(d) + "\t" + typedData(d.newValue) + "\n";
    case DiffKind::ValueRemoved:
        return "- value\t" + displayPath(d) + "\t" + displayValueName(d) + "\t" + typedData(d.oldValue) + "\n";
    case DiffKind::ValueChanged:
        return "~ value\t" + displayPath(d) + "\t" + displayValueName(d) + "\t" + typedData(d.oldValue) + " -> " +
               typedData(d.newValue) + "\n";
    }
    return line;
}

void jsonKeySide(Json& j, const DiffKeySide& k, bool security) {
    j.beginObject();
    j.field("offset", uint64_t{k.offset});
    j.field("lastWritten", k.lastWritten);
    j.field("lastWrittenText", formatFiletime(k.lastWritten));
    j.key("className");
    if (k.hasClassName) j.value(utf16ToUtf8(k.className));
    else j.null();
    if (security) j.field("security", hexBytesCompact(k.security));
    j.field("subkeys", k.subkeyCount).field("values", k.valueCount);
    j.endObject();
}

void jsonValueSide(Json& j, const DiffValueSide& v) {
    j.beginObject();
    j.field("offset", uint64_t{v.offset});
    j.field("type", v.type).field("typeName", valueTypeLabel(v.type));
    j.field("size", uint64_t{v.data.size()});
    const DecodedValue decoded = decodeValue(v.type, v.data);
    jsonValueData(j, v.data, &decoded);
    j.endObject();
}

/// One difference as a JSON object on one line.
std::string jsonLine(const Difference& d) {
    Json j;
    j.beginObject();
    j.field("change", diffKindName(d.kind));
    j.field("path", d.path);
    if (d.descendant) j.field("below", true);
    if (d.isKey()) {
        if (d.kind == DiffKind::KeyChanged) {
            j.key("changes").beginArray();
            if (d.keyChanges & kKeyLastWritten) j.value("lastWritten");
            if (d.keyChanges & kKeyClassName) j.value("className");
            if (d.keyChanges & kKeySecurity) j.value("security");
            j.endArray();
        }
        const bool security = d.keyChanges & kKeySecurity;
        if (d.oldKey.present) jsonKeySide(j.key("old"), d.oldKey, security);
        if (d.newKey.present) jsonKeySide(j.key("new"), d.newKey, security);
    } else {
        j.field("name", utf16ToUtf8(d.valueName));
        if (d.oldValue.present) jsonValueSide(j.key("old"), d.oldValue);
        if (d.newValue.present) jsonValueSide(j.key("new"), d.newValue);
    }
    j.endObject();
    return j.str() + "\n";
}

/// Where the output goes: standard output or -o PATH.
class Output {
public:
    bool open(const Args& args) {
        if (args.output.empty() || args.output == "-") return true;
        file_ = std::fopen(args.output.c_str(), "wb");
        name_ = args.output;
        if (!file_) printError("cannot open " + args.output + ": " + std::strerror(errno));
        return file_ != nullptr;
    }
    void write(const void* data, size_t size) {
        if (ok_ && std::fwrite(data, 1, size, file_ ? file_ : stdout) != size) ok_ = false;
    }
    void write(const std::string& text) { write(text.data(), text.size()); }
    /// Closes -o's file; false (with the error printed) when a write failed.
    bool close() {
        const bool closed = file_ ? std::fclose(file_) == 0 : std::fflush(stdout) == 0;
        file_ = nullptr;
        if (!ok_ || !closed) printError("cannot write " + name_ + ": " + std::strerror(errno));
        return ok_ && closed;
    }

private:
    std::FILE* file_ = nullptr;
    std::string name_ = "standard output";
    bool ok_ = true;
};

}  // namespace

int runDiff(const Args& args) {
    if (args.positional.size() != 2) {
        printError(std::string("diff: ") + (args.positional.size() < 2 ? "missing B" : "too many arguments") +
                   " (usage: hivectl diff A B; see hivectl help diff)");
        return kUsage;
    }
    if (args.json && args.reg) {
        printError("diff: --json and --reg cannot be combined");
        return kUsage;
    }
    RegExportOptions regOptions;
    regOptions.version = args.regedit4 ? RegVersion::V4 : RegVersion::V5;
    if (!args.root.empty()) regOptions.rootName = args.root;
    if (args.reg) {
        if (auto usable = checkRegRootName(regOptions.rootName); !usable) {
            printError("diff: " + usable.error().message);
            return kUsage;
        }
    }
    auto a = openHive(args, Reading::WholeFile);
    if (!a) return kCannotOpen;
    Args second = args;
    second.positional.erase(second.positional.begin());
    auto b = openHive(second, Reading::WholeFile);
    if (!b) return kCannotOpen;
    Output out;
    if (!out.open(args)) return kProblems;

    DiffOptions options;
    options.ignoreTimes = args.ignoreTimes;
    // The .reg file writes an added key's whole subtree.
    options.listDescendants = args.recursive || args.reg;
    if (!args.json && !args.reg) options.escapeName = dumpEscape;
    DiffRegWriter reg(regOptions);
    bool firstPiece = true;
    std::string pending;
    auto flushReg = [&] {
        const std::string text = reg.takeText();
        if (firstPiece) {
            const std::vector<uint8_t> bytes = encodeRegText(text, regOptions.version);
            out.write(bytes.data(), bytes.size());
            firstPiece = false;
        } else if (regOptions.version == RegVersion::V5) {
            std::vector<uint8_t> bytes;
            appendUtf16le(text, bytes);
            out.write(bytes.data(), bytes.size());
        } else {
            out.write(text);
        }
    };
    auto summary = diffHives(*a, *b, options, [&](const Difference& d) {
        if (args.reg) {
            reg.add(d);
            if (reg.pendingSize() > (1 << 20)) flushReg();
        } else {
            pending += args.json ? jsonLine(d) : textLine(d);
            if (pending.size() > (1 << 20)) {
                out.write(pending);
                pending.clear();
            }
        }
        return true;
    });
    if (args.reg) flushReg();
    else out.write(pending);
    const bool written = out.close();
    if (!summary) {
        printError(summary.error().message);
        return kCannotOpen;
    }
    for (const Diagnostic& p : summary->problems.items())
        printError(std::string(severityName(p.severity)) +
                   (p.offset != Error::kNoOffset ? " [" + hexOffset(p.offset) + "]" : "") + ": " + p.message);
    for (const Diagnostic& p : reg.problems().items())
        printError(std::string(severityName(p.severity)) +
                   (p.offset != Error::kNoOffset ? " [" + hexOffset(p.offset) + "]" : "") + ": " + p.message);
    if (!written) return kProblems;
    // A part that could not be read was not compared: neither "same" nor
    // "different" can be claimed for the whole.
    if (!summary->problems.empty()) return kCannotOpen;
    return summary->differences() == 0 ? kOk : kProblems;
}

}  // namespace hivectl
