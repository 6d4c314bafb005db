// log-history: what a dirty hive's transaction logs changed, entry by entry.
// The entries as replay meets them (hive/LogHistory) and, for each applied
// one, the keys and values it changed (diff/LogHistoryDiff). Only reads.
#include <cstdlib>
#include <iostream>

#include "Cli.h"
#include "Json.h"
#include "diff/LogHistoryDiff.h"
#include "format/Names.h"
#include "format/ValueData.h"
#include "hive/LogHistory.h"

using namespace hivekit;

namespace hivectl {

namespace {

/// A value's data in one line (list mode) or whole (--entry): decoded as
/// `get` shows it, line breaks as " | " in one line.
std::string dataText(const DiffValueSide& v, bool whole) {
    std::string text = decodeValue(v.type, v.data).toText();
    if (whole) return text;
    std::string line;
    for (char c : text) {
        if (c == '\n') line += " | ";
        else line += c;
    }
    constexpr size_t kPreview = 72;
    if (line.size() > kPreview) {
        size_t cut = kPreview;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
        line = line.substr(0, cut) + "...";
    }
    return line;
}

std::string valueLabel(const Difference& d) {
    return d.valueName.empty() ? std::string("(Default)") : utf16ToUtf8(d.valueName);
}

std::string keyPath(const Difference& d) { return d.path.empty() ? std::string("(root)") : d.path; }

std::string keyChangeText(const Difference& d) {
    std::string out;
    auto add = [&](const std::string& s) { out += (out.empty() ? "" : ", ") + s; };
    if (d.keyChanges & kKeyLastWritten)
        add("last write " + formatFiletime(d.oldKey.lastWritten) + " -> " + formatFiletime(d.newKey.lastWritten));
    if (d.keyChanges & kKeyClassName) add("class name");
    if (d.keyChanges & kKeySecurity) add("security descriptor");
    return out;
}

void printChange(const Difference& d, bool whole) {
    std::string line = std::string("  ") + diffKindName(d.kind) + "  " + keyPath(d);
    switch (d.kind) {
    case DiffKind::KeyAdded: line += "  (last write " + formatFiletime(d.newKey.lastWritten) + ")"; break;
    case DiffKind::KeyRemoved: break;
    case DiffKind::KeyChanged: line += "  (" + keyChangeText(d) + ")"; break;
    case DiffKind::ValueAdded:
        line += "  " + valueLabel(d) + "  " + valueTypeLabel(d.newValue.type) + "  " + dataText(d.newValue, whole);
        break;
    case DiffKind::ValueRemoved:
        line += "  " + valueLabel(d) + "  " + valueTypeLabel(d.oldValue.type) + "  " + dataText(d.oldValue, whole);
        break;
    case DiffKind::ValueChanged:
        line += "  " + valueLabel(d) + "  ";
        if (d.oldValue.type != d.newValue.type)
            line += valueTypeLabel(d.oldValue.type) + " -> " + valueTypeLabel(d.newValue.type) + "  ";
        else
            line += valueTypeLabel(d.newValue.type) + "  ";
        line += dataText(d.oldValue, whole) + (whole ? "\n    -> " : " -> ") + dataText(d.newValue, whole);
        break;
    }
    writeOut(line + "\n");
}

std::string entryLine(const HistoryEntry& e) {
    const ReplayStep& s = e.entry;
    std::string line = "entry " + (e.step ? std::to_string(e.step) : std::string("-")) + ": " + s.log + " at " +
                       hexOffset(s.entryOffset);
    if (s.format == LogFormat::Old) {
        line += " (old format), sequence number " + std::to_string(s.sequence) + ", " +
                std::to_string(s.pageOffsets.size()) + " dirty pages";
    } else if (s.hiveBinsDataSize) {
        line += ", sequence number " + std::to_string(s.sequence) + ", hive bins " + hexOffset(s.hiveBinsDataSize) +
                ", " + std::to_string(s.pageOffsets.size()) + (s.pageOffsets.size() == 1 ? " dirty page" : " dirty pages") +
                ", hashes " + (s.hashesVerified ? "verified" : "wrong");
    }
    line += s.applied ? ": applied" : ": not applied: " + s.why;
    if (s.applied && !s.why.empty()) line += " (" + s.why + ")";
    return line;
}

void printLogs(const LogHistory& h) {
    for (const auto& log : h.logs) {
        std::string line = log.name + ": ";
        if (log.usable)
            line += std::string(log.format == LogFormat::New ? "new-format (HvLE)" : "old-format (DIRT)") +
                    " log, sequence number " + std::to_string(log.sequence) + ", " +
                    (log.lastWritten ? "header written " + formatFiletime(log.lastWritten) : std::string("no header time")) +
                    ", " + std::to_string(log.size) + " bytes";
        else
            line += "not a usable log, " + std::to_string(log.size) + " bytes";
        line += log.replayed ? ": replayed" : ": not replayed" + (log.why.empty() ? std::string() : ": " + log.why);
        writeOut(line + "\n");
    }
}

void jsonChange(Json& j, const Difference& d) {
    j.beginObject();
    j.field("kind", diffKindName(d.kind));
    j.field("path", d.path);
    if (d.descendant) j.field("descendant", true);
    auto keySide = [&](const char* name, const DiffKeySide& k) {
        if (!k.present) return;
        j.key(name).beginObject();
        j.field("lastWritten", formatFiletime(k.lastWritten));
        j.endObject();
    };
    auto valueSide = [&](const char* name, const DiffValueSide& v) {
        if (!v.present) return;
        j.key(name).beginObject();
        j.field("type", valueTypeLabel(v.type));
        j.field("data", hexBytesCompact(v.data));
        j.field("text", decodeValue(v.type, v.data).toText());
        j.endObject();
    };
    if (d.isKey()) {
        if (d.kind == DiffKind::KeyChanged) {
            j.key("changed").beginArray();
            if (d.keyChanges & kKeyLastWritten) j.value("lastWritten");
            if (d.keyChanges & kKeyClassName) j.value("className");
            if (d.keyChanges & kKeySecurity) j.value("security");
            j.endArray();
        }
        keySide("old", d.oldKey);
        keySide("new", d.newKey);
    } else {
        j.field("value", utf16ToUtf8(d.valueName));
        valueSide("old", d.oldValue);
        valueSide("new", d.newValue);
    }
    j.endObject();
}

void jsonEntry(Json& j, const HistoryEntry& e, const EntryChanges* changes, bool pages) {
    const ReplayStep& s = e.entry;
    j.beginObject();
    j.key("step");
    if (e.step) j.value(e.step);
    else j.null();
    j.field("log", s.log);
    j.field("format", s.format == LogFormat::New ? "new" : "old");
    j.field("offset", s.entryOffset);
    j.field("sequence", s.sequence);
    j.field("hiveBinsDataSize", s.hiveBinsDataSize);
    j.field("dirtyPages", static_cast<uint64_t>(s.pageOffsets.size()));
    j.field("dirtyBytes", s.pageBytes);
    if (pages) {
        j.key("pageOffsets").beginArray();
        for (uint32_t p : s.pageOffsets) j.value(p);
        j.endArray();
    }
    j.field("hashesVerified", s.hashesVerified);
    j.field("applied", s.applied);
    if (!s.why.empty()) j.field("why", s.why);
    j.key("logHeaderWritten");
    if (e.logWritten) j.value(formatFiletime(e.logWritten));
    else j.null();
    if (changes) {
        j.key("latestKeyWrite");
        if (changes->latestKeyWrite) j.value(formatFiletime(changes->latestKeyWrite));
        else j.null();
        j.key("changes").beginArray();
        for (const auto& d : changes->changes) jsonChange(j, d);
        j.endArray();
    }
    j.endObject();
}

}  // namespace

int runLogHistory(const Args& args) {
    if (args.noLogs) {
        printError("log-history: --no-logs contradicts log-history, which reads the logs");
        return kUsage;
    }
    uint32_t only = 0;
    if (args.entry) {
        const std::string& text = *args.entry;
        char* end = nullptr;
        const unsigned long n = std::strtoul(text.c_str(), &end, 10);
        if (text.empty() || text[0] < '1' || text[0] > '9' || *end != '\0' || n > 0xFFFFFFFFul) {
            printError("log-history: --entry needs an entry's step number (1, 2, ...), not \"" + text + "\"");
            return kUsage;
        }
        only = static_cast<uint32_t>(n);
    }
    auto dirty = DirtyHive::open(args.hivePath());
    if (!dirty) {
        printError(dirty.error().message);  // it names the file
        return kCannotOpen;
    }
    auto history = dirty->history();
    if (!history) {
        printError(args.hivePath() + ": " + history.error().message);
        return kCannotOpen;
    }
    if (only > history->applied) {
        printError(args.hivePath() + ": no entry " + std::to_string(only) + ": the logs apply " +
                   std::to_string(history->applied) + (history->applied == 1 ? " entry" : " entries"));
        return kProblems;
    }
    std::vector<EntryChanges> changes;
    if (only) {
        auto one = entryChanges(*dirty, only);
        if (!one) {
            printError(args.hivePath() + ": entry " + std::to_string(only) + ": " + one.error().message);
            return kCannotOpen;
        }
        changes.push_back(std::move(*one));
    } else {
        auto all = allEntryChanges(*dirty, history->applied);
        if (!all) {
            printError(args.hivePath() + ": " + all.error().message);
            return kCannotOpen;
        }
        changes = std::move(*all);
    }
    auto changesOf = [&](const HistoryEntry& e) -> const EntryChanges* {
        for (const auto& c : changes)
            if (e.step && c.step == e.step) return &c;
        return nullptr;
    };

    const LogHistory& h = *history;
    if (args.json) {
        Json j;
        j.beginObject();
        j.field("hive", args.hivePath());
        j.field("primarySequence", h.primarySequence);
        j.field("secondarySequence", h.secondarySequence);
        j.key("lastWritten");
        if (h.hiveLastWritten) j.value(formatFiletime(h.hiveLastWritten));
        else j.null();
        j.field("appliedEntries", h.applied);
        j.key("logs").beginArray();
        for (const auto& log : h.logs) {
            j.beginObject();
            j.field("name", log.name);
            j.field("usable", log.usable);
            if (log.usable) {
                j.field("format", log.format == LogFormat::New ? "new" : "old");
                j.field("sequence", log.sequence);
                j.key("headerWritten");
                if (log.lastWritten) j.value(formatFiletime(log.lastWritten));
                else j.null();
            }
            j.field("size", log.size);
            j.field("replayed", log.replayed);
            if (!log.why.empty()) j.field("why", log.why);
            j.endObject();
        }
        j.endArray();
        j.key("entries").beginArray();
        for (const auto& e : h.entries)
            if (!only || e.step == only) jsonEntry(j, e, changesOf(e), only != 0);
        j.endArray();
        j.endObject();
        writeOut(j.str() + "\n");
        return kOk;
    }

    writeOut(args.hivePath() + ": sequence numbers " + std::to_string(h.primarySequence) + "/" +
             std::to_string(h.secondarySequence) + (h.primarySequence == h.secondarySequence ? "" : " (dirty)") +
             (h.hiveLastWritten ? ", last written " + formatFiletime(h.hiveLastWritten) : std::string(", no last-written time")) +
             "\n");
    if (h.logs.empty()) {
        writeOut("no transaction logs beside the hive\n");
        return kOk;
    }
    printLogs(h);
    if (h.entries.empty()) writeOut("no log entries\n");
    for (const auto& e : h.entries) {
        if (only && e.step != only) continue;
        writeOut("\n" + entryLine(e) + "\n");
        if (only) {
            std::string pages = "  dirty pages (hive bins offsets):";
            for (size_t i = 0; i < e.entry.pageOffsets.size(); ++i)
                pages += (i % 8 == 0 ? "\n    " : " ") + hexOffset(e.entry.pageOffsets[i]);
            writeOut(pages + "\n");
            if (e.logWritten) writeOut("  log header written " + formatFiletime(e.logWritten) + "\n");
        }
        const EntryChanges* c = changesOf(e);
        if (!c) continue;
        if (c->latestKeyWrite) writeOut("  keys written up to " + formatFiletime(c->latestKeyWrite) + "\n");
        if (c->changes.empty()) writeOut("  no key or value changed\n");
        for (const auto& d : c->changes) printChange(d, only != 0);
        for (const auto& p : c->summary.problems.items())
            writeOut("  could not compare: " + p.message + "\n");
    }
    return kOk;
}

}  // namespace hivectl
