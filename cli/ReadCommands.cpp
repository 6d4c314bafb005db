// info, ls, tree, get, dump: the read side of hivectl.
#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <unistd.h>

#include "Cli.h"
#include "Json.h"
#include "format/Offsets.h"
#include "format/Names.h"
#include "format/ValueData.h"
#include "hive/CellScanner.h"
#include "hive/LogRecovery.h"
#include "hive/TreeWalker.h"
#include "index/Index.h"

using namespace hivekit;

namespace hivectl {

void printError(const std::string& message) { std::cerr << "hivectl: " << message << "\n"; }

void writeOut(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

/// `text` to standard output with write(2), past stdio (flushed first): a
/// buffer of whole lines in one call, not two (stdio splits a write larger
/// than its buffer). Stops quietly at an error, as fwrite does.
static void writeOutDirect(const std::string& text) {
    std::fflush(stdout);
    size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        done += static_cast<size_t>(n);
    }
}

/// Appends `s` to `out` escaped as dumpEscape does, without a string of its own.
static void appendDumpEscaped(std::string& out, std::string_view s) {
    // Runs without an escape are appended whole: most names have none.
    size_t from = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c != '\\' && c != '\t' && c != '\n') continue;
        out.append(s.substr(from, i - from));
        out += c == '\\' ? "\\\\" : c == '\t' ? "\\t" : "\\n";
        from = i + 1;
    }
    out.append(s.substr(from));
}

/// The most bytes putDumpName writes for a stored name of `storedSize`
/// bytes: every character of the UTF-8 may be escaped to two.
static size_t maxDumpNameSize(size_t storedSize) { return 2 * maxStoredNameUtf8Size(storedSize); }

/// A stored name (Latin-1 or UTF-16LE) written at `p` as the dump prints
/// it: converted in place, and escaped only when it holds a character to
/// escape (rare). `p` has room for maxDumpNameSize(stored.size()) bytes.
static char* putDumpName(char* p, Bytes stored, bool compressed) {
    // Tested without a branch per byte (the compiler vectorises it): names
    // are short, and almost never hold a character to escape.
    auto plain = [](const uint8_t* from, const uint8_t* to, uint8_t highBits) {
        bool escapes = false;
        uint8_t high = 0;
        for (const uint8_t* q = from; q != to; ++q) {
            escapes |= (*q == '\\') | (*q == '\t') | (*q == '\n');
            high |= *q & highBits;
        }
        return !escapes && high == 0;
    };
    // Most names: stored compressed, ASCII only, nothing to escape. Copied.
    if (compressed && plain(stored.data(), stored.data() + stored.size(), 0x80)) {
        std::memcpy(p, stored.data(), stored.size());
        return p + stored.size();
    }
    char* end = putStoredNameUtf8(p, stored, compressed);
    const auto* text = reinterpret_cast<const uint8_t*>(p);
    if (plain(text, text + (end - p), 0)) return end;
    std::string escaped;
    appendDumpEscaped(escaped, std::string_view(p, static_cast<size_t>(end - p)));
    return std::copy(escaped.begin(), escaped.end(), p);
}

/// putDumpName appended to a string (the walker's paths).
static void appendDumpName(std::string& out, Bytes stored, bool compressed) {
    const size_t at = out.size();
    out.resize_and_overwrite(at + maxDumpNameSize(stored.size()), [&](char* base, size_t) {
        return static_cast<size_t>(putDumpName(base + at, stored, compressed) - base);
    });
}

/// `n` in decimal at `p` (room for 20 digits); returns the end.
static char* putDecimal(char* p, uint64_t n) {
    if (n < 10) {  // value types, most counts
        *p = static_cast<char>('0' + n);
        return p + 1;
    }
    return std::to_chars(p, p + 20, n).ptr;
}

/// Appends at most `room` bytes to `out`, written by `put(char* at)`, which
/// returns the end of what it wrote: one capacity check for a whole line,
/// no zero-filling and no string per field.
template <class Put>
static void appendInPlace(std::string& out, size_t room, Put&& put) {
    const size_t at = out.size();
    out.resize_and_overwrite(at + room, [&](char* base, size_t) { return static_cast<size_t>(put(base + at) - base); });
}

/// `text` at `p`; returns the end.
static char* putText(char* p, std::string_view text) {
    std::memcpy(p, text.data(), text.size());
    return p + text.size();
}

std::string dumpEscape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    appendDumpEscaped(out, s);
    return out;
}

unsigned threadsFromEnvironment() {
    const char* text = std::getenv("HIVECTL_THREADS");
    if (!text || !*text) return 0;
    char* end = nullptr;
    const unsigned long n = std::strtoul(text, &end, 10);
    return *end == '\0' && n <= 64 ? static_cast<unsigned>(n) : 0;
}

std::unique_ptr<Hive> openHive(const Args& args, Reading reading) {
    OpenOptions options;
    options.useLogs = !args.noLogs;
    const char* how = reading == Reading::WholeFile ? std::getenv("HIVECTL_READ") : nullptr;
    const std::string_view mode = how ? how : "";
    if (reading == Reading::WholeFile) {
        options.binLookup = BinLookup::Chain;
        options.readWhole = mode != "map" && mode != "fault";
    }
    auto hive = Hive::open(args.hivePath(), options);
    if (!hive) {
        printError(hive.error().message);
        return nullptr;
    }
    if (mode == "map") (*hive)->populate();
    return std::move(*hive);
}

std::string valueDisplayName(const ValueRecord& v) {
    return v.nameLength == 0 ? std::string("(Default)") : v.nameUtf8();
}

void jsonValueData(Json& j, Bytes data, const DecodedValue* decoded) {
    j.field("data", hexBytesCompact(data));
    if (!decoded) return;
    j.field("text", decoded->toText());
    if (decoded->kind == ValueKind::Number) j.field("number", decoded->number);
    if (decoded->kind == ValueKind::TextList) {
        j.key("strings").beginArray();
        for (const auto& s : decoded->list) j.value(s);
        j.endArray();
    }
}

namespace {


/// Resolves PATH (argument i) to a key, printing the error when absent.
bool resolveKey(const Hive& hive, const std::string& path, uint32_t& out) {
    Index index(hive);
    auto k = index.findKey(path);
    if (!k) {
        printError(hive.path() + ": " + k.error().message);
        return false;
    }
    out = *k;
    return true;
}

void printDiagnostics(const Diagnostics& d) {
    for (const auto& item : d.items()) {
        std::string where = item.offset != Error::kNoOffset ? " [" + hexOffset(item.offset) + "]" : "";
        std::cerr << "hivectl: " << severityName(item.severity) << where << ": " << item.message << "\n";
    }
    if (d.dropped()) std::cerr << "hivectl: ... and " << d.dropped() << " more diagnostics\n";
}

}  // namespace

namespace {

/// Everything `info` reports, gathered once for its two printers.
struct HiveInfo {
    std::string path;
    uint64_t size = 0;
    BaseBlock header;
    RecoveryReport recovery;
    std::vector<std::string> logs;  ///< the transaction logs beside the hive
    CellStatistics cells;
    Diagnostics diagnostics;  ///< from opening the hive, then from the cell scan
};

HiveInfo collectInfo(const Hive& hive, const Args& args) {
    HiveInfo info;
    info.path = hive.path();
    info.size = hive.bytes().size();
    info.header = hive.header();
    info.recovery = hive.recovery();
    info.logs = findLogFiles(args.hivePath());
    Diagnostics scanDiag;
    info.cells = CellScanner(hive).statistics(&scanDiag);
    info.diagnostics.append(hive.diagnostics());
    info.diagnostics.append(scanDiag);
    return info;
}

void printInfoJson(const HiveInfo& info) {
    const BaseBlock& b = info.header;
    const CellStatistics& st = info.cells;
    Json j;
    j.beginObject();
    j.field("path", info.path);
    j.field("size", info.size);
    j.field("version", b.versionString());
    j.field("fileType", b.fileTypeName());
    j.field("fileFormat", b.fileFormat);
    j.field("primarySequence", b.primarySequence);
    j.field("secondarySequence", b.secondarySequence);
    j.field("lastWritten", b.lastWritten);
    j.field("lastWrittenText", formatFiletime(b.lastWritten));
    j.field("rootCellOffset", b.rootCellOffset);
    j.field("hiveBinsDataSize", b.hiveBinsDataSize);
    j.field("clusteringFactor", b.clusteringFactor);
    j.field("fileName", utf16ToUtf8(b.fileName));
    j.field("flags", b.flags);
    if (b.offlineRegistry) {
        j.key("offlineRegistry").beginObject().field("signature", std::string("OfRg")).field("flags", b.offlineFlags).endObject();
    } else if (b.lastReorganized) {
        j.field("lastReorganized", formatFiletime(b.lastReorganized));
    }
    j.field("checksum", b.checksum);
    j.field("computedChecksum", b.computedChecksum);
    j.field("checksumValid", b.checksumValid());
    j.field("dirty", info.recovery.wasDirty);
    j.field("recovered", info.recovery.recovered);
    j.key("logs").beginArray();
    for (const auto& l : info.logs) j.value(l);
    j.endArray();
    j.key("recovery").beginArray();
    for (const auto& l : info.recovery.lines) j.value(l);
    j.endArray();
    j.field("bins", st.bins);
    j.field("damagedBins", st.damagedBins);
    j.key("cells").beginObject();
    for (int k = 0; k < 10; ++k) {
        j.key(cellKindName(static_cast<CellKind>(k))).beginObject();
        j.field("count", st.count[k]).field("bytes", st.bytes[k]);
        j.endObject();
    }
    j.endObject();
    j.field("largestFreeCell", st.largestFree);
    j.key("diagnostics").beginArray();
    for (const auto& d : info.diagnostics.items()) {
        j.beginObject().field("severity", severityName(d.severity)).field("message", d.message);
        j.key("offset");
        if (d.offset == Error::kNoOffset) j.null();
        else j.value(d.offset);
        j.endObject();
    }
    j.endArray();
    j.endObject();
    std::cout << j.str() << "\n";
}

void printInfoText(const HiveInfo& info) {
    const BaseBlock& b = info.header;
    const RecoveryReport& rec = info.recovery;
    const CellStatistics& st = info.cells;
    auto hex = [](uint64_t v) { return hexOffset(v); };
    std::cout << "file:               " << info.path << "\n"
              << "size:               " << info.size << " bytes\n"
              << "format version:     " << b.versionString() << "\n"
              << "file type:          " << b.fileTypeName() << "\n"
              << "file format:        " << b.fileFormat << (b.fileFormat == 1 ? " (direct memory load)" : "") << "\n"
              << "sequence numbers:   " << b.primarySequence << " / " << b.secondarySequence << "\n"
              << "last written:       " << formatFiletime(b.lastWritten) << "\n"
              << "root cell:          " << hex(b.rootCellOffset) << " (file " << hexOffset(fileOffsetOf(b.rootCellOffset))
              << ")\n"
              << "hive bins size:     " << hex(b.hiveBinsDataSize) << " (" << b.hiveBinsDataSize << " bytes)\n"
              << "clustering factor:  " << b.clusteringFactor << "\n"
              << "file name (header): " << utf16ToUtf8(b.fileName) << "\n"
              << "flags:              " << hex(b.flags) << "\n"
              << "checksum:           " << hex(b.checksum)
              << (b.checksumValid() ? " (valid)" : " (WRONG: computed " + hex(b.computedChecksum) + ")") << "\n";
    if (b.offlineRegistry)
        std::cout << "offline registry:   OfRg at 0xa8 (written by offreg.dll), flags " << hex(b.offlineFlags) << "\n";
    else if (b.lastReorganized)
        std::cout << "last reorganized:   " << formatFiletime(b.lastReorganized) << "\n";
    std::cout << "dirty:              ";
    if (!rec.wasDirty) std::cout << "no\n";
    else if (rec.recovered) std::cout << "yes (the primary file), recovered from the logs\n";
    else {
        std::cout << "yes (";
        if (!b.sequencesMatch()) std::cout << "sequence numbers differ";
        if (!b.sequencesMatch() && !b.checksumValid()) std::cout << ", ";
        if (!b.checksumValid()) std::cout << "checksum wrong";
        std::cout << ")\n";
    }
    std::cout << "logs:               ";
    if (info.logs.empty()) std::cout << "none\n";
    else {
        std::cout << "\n";
        for (const auto& l : info.logs) std::cout << "  " << l << "\n";
    }
    for (const auto& l : rec.lines) std::cout << "recovery:           " << l << "\n";
    std::cout << "hbins:              " << st.bins << (st.damagedBins ? " (" + std::to_string(st.damagedBins) + " damaged)" : "")
              << "\n"
              << "cells:              " << st.allocatedCells() << " allocated (" << st.allocatedBytes() << " bytes), "
              << st.count[static_cast<int>(CellKind::Free)] << " free (" << st.bytes[static_cast<int>(CellKind::Free)]
              << " bytes, largest " << st.largestFree << ")\n";
    for (int k = 0; k < 9; ++k)
        if (st.count[k])
            std::cout << "  " << cellKindName(static_cast<CellKind>(k)) << ": " << st.count[k] << " cells, " << st.bytes[k]
                      << " bytes\n";
    if (!info.diagnostics.empty()) {
        std::cout << "diagnostics:        " << info.diagnostics.items().size() << "\n";
        for (const auto& d : info.diagnostics.items())
            std::cout << "  " << severityName(d.severity)
                      << (d.offset != Error::kNoOffset ? " at " + hex(d.offset) : std::string()) << ": " << d.message
                      << "\n";
    }
}

}  // namespace

int runInfo(const Args& args) {
    auto hive = openHive(args, Reading::WholeFile);  // the cell statistics scan every cell
    if (!hive) return kCannotOpen;
    const HiveInfo info = collectInfo(*hive, args);
    if (args.json) printInfoJson(info);
    else printInfoText(info);
    return kOk;
}

int runLs(const Args& args) {
    auto hive = openHive(args);
    if (!hive) return kCannotOpen;
    uint32_t at;
    if (!resolveKey(*hive, args.arg(0), at)) return kProblems;
    auto key = hive->keyNode(at);
    if (!key) {
        printError(key.error().message);
        return kProblems;
    }
    Diagnostics diag;
    auto subs = hive->subkeys(*key, &diag);
    auto vals = hive->values(*key, &diag);
    if (args.json) {
        Json j;
        j.beginObject();
        j.field("path", args.arg(0)).field("offset", uint64_t{at}).field("lastWritten", key->lastWritten);
        j.key("subkeys").beginArray();
        for (uint32_t s : subs) {
            auto k = hive->keyNode(s);
            if (!k) continue;
            j.beginObject().field("name", k->nameUtf8()).field("lastWritten", k->lastWritten);
            j.field("subkeys", k->subkeyCount).field("values", k->valueCount).field("offset", uint64_t{s});
            j.endObject();
        }
        j.endArray();
        j.key("values").beginArray();
        for (uint32_t o : vals) {
            auto v = hive->valueRecord(o);
            if (!v) continue;
            j.beginObject().field("name", v->nameUtf8()).field("type", v->type);
            j.field("typeName", valueTypeLabel(v->type)).field("size", v->dataSize()).field("offset", uint64_t{o});
            j.endObject();
        }
        j.endArray();
        j.endObject();
        std::cout << j.str() << "\n";
    } else {
        for (uint32_t s : subs) {
            auto k = hive->keyNode(s);
            if (!k) {
                diag.error(k.error());
                continue;
            }
            writeOut(k->nameUtf8() + "\\\n");
        }
        for (uint32_t o : vals) {
            auto v = hive->valueRecord(o);
            if (!v) {
                diag.error(v.error());
                continue;
            }
            writeOut(valueDisplayName(*v) + "\t" + valueTypeLabel(v->type) + "\t" + std::to_string(v->dataSize()) + "\n");
        }
    }
    printDiagnostics(diag);
    return diag.count(Diagnostic::Severity::Error) ? kProblems : kOk;
}

int runTree(const Args& args) {
    auto hive = openHive(args);
    if (!hive) return kCannotOpen;
    uint32_t at;
    if (!resolveKey(*hive, args.arg(0), at)) return kProblems;
    Diagnostics diag;
    std::string out;
    TreeWalker(*hive).walkFrom(
        at, std::string(),
        [&](const WalkedKey& k) {
            out.append(2 * k.depth, ' ');
            out += k.depth == 0 && k.node->nameLength == 0 ? std::string("(root)") : k.node->nameUtf8();
            out += '\n';
            if (out.size() > (1 << 16)) {
                writeOut(out);
                out.clear();
            }
            return true;
        },
        &diag);
    writeOut(out);
    printDiagnostics(diag);
    return diag.count(Diagnostic::Severity::Error) ? kProblems : kOk;
}

int runGet(const Args& args) {
    auto hive = openHive(args);
    if (!hive) return kCannotOpen;
    uint32_t at;
    if (args.positional.size() < 2) {
        printError("get: missing PATH (see hivectl --help)");
        return kUsage;
    }
    if (!resolveKey(*hive, args.arg(0), at)) return kProblems;
    auto key = hive->keyNode(at);
    if (!key) {
        printError(key.error().message);
        return kProblems;
    }
    Index index(*hive);
    std::vector<uint32_t> offsets;
    // One value asked for by name, or, without NAME, the default value when
    // the key has one: printed alone. Otherwise every value, named.
    bool single = args.positional.size() >= 3;
    if (single) {
        auto v = index.findValue(*key, utf8ToUtf16(args.arg(1)));
        if (!v) {
            printError(hive->path() + ": " + v.error().message + " in key \"" + args.arg(0) + "\"");
            return kProblems;
        }
        offsets.push_back(*v);
    } else if (auto def = index.findValue(*key, u""); def) {
        offsets.push_back(*def);
        single = true;
    } else {
        offsets = hive->values(*key);
    }
    Json j;
    if (args.json) j.beginArray();
    int status = kOk;
    for (uint32_t o : offsets) {
        auto v = hive->valueRecord(o);
        if (!v) {
            printError(v.error().message);
            status = kProblems;
            continue;
        }
        auto data = hive->valueData(*v);
        if (!data) {
            printError("value \"" + valueDisplayName(*v) + "\": " + data.error().message);
            status = kProblems;
            continue;
        }
        DecodedValue d = decodeValue(v->type, data->bytes());
        if (args.json) {
            j.beginObject().field("name", v->nameUtf8()).field("type", v->type).field("typeName", valueTypeLabel(v->type));
            j.field("size", uint64_t{data->size()});
            jsonValueData(j, data->bytes(), args.raw ? nullptr : &d);
            j.endObject();
        } else if (args.raw) {
            writeOut(hexBytesCompact(data->bytes()) + "\n");
        } else if (single) {
            writeOut(d.toText() + "\n");
        } else {
            writeOut(valueDisplayName(*v) + " (" + valueTypeLabel(v->type) + "): " + d.toText() + "\n");
        }
    }
    if (args.json) {
        j.endArray();
        std::cout << j.str() << "\n";
    }
    return status;
}

int runDump(const Args& args) {
    auto hive = openHive(args, Reading::WholeFile);
    if (!hive) return kCannotOpen;
    Diagnostics diag;
    std::string out;
    out.reserve((1 << 16) + (1 << 14));
    // Reused for every key: the lists are read to be counted and walked,
    // never kept.
    std::vector<uint32_t> subs;
    std::vector<uint32_t> vals;
    TreeWalker walker(*hive);
    walker.setNameAppender(appendDumpName);
    walker.walk(
        [&](const WalkedKey& k) {
            const std::string& path = *k.path;
            // The walk read the subkey list to descend: counted from there.
            size_t subkeyCount = 0;
            if (k.subkeys) {
                subkeyCount = k.subkeys->size();
            } else {
                hive->subkeys(*k.node, subs, nullptr);
                subkeyCount = subs.size();
            }
            hive->values(*k.node, vals, &diag);
            // K, path, last write, subkeys, values: five fields, three numbers.
            appendInPlace(out, path.size() + 3 * 20 + 8, [&](char* p) {
                p = putText(p, "K\t");
                p = putText(p, path);
                *p++ = '\t';
                p = putDecimal(p, k.node->lastWritten);
                *p++ = '\t';
                p = putDecimal(p, subkeyCount);
                *p++ = '\t';
                p = putDecimal(p, vals.size());
                *p++ = '\n';
                return p;
            });
            for (uint32_t o : vals) {
                auto v = hive->valueRecord(o);
                if (!v) {
                    diag.error(v.error());
                    continue;
                }
                // V, path, name, type, then the data (none with --no-data).
                appendInPlace(out, path.size() + maxDumpNameSize(v->nameBytes.size()) + 20 + 8, [&](char* p) {
                    p = putText(p, "V\t");
                    p = putText(p, path);
                    *p++ = '\t';
                    p = putDumpName(p, v->nameBytes, v->compressedName());
                    *p++ = '\t';
                    p = putDecimal(p, v->type);
                    *p++ = '\t';
                    return p;
                });
                if (!args.noData) {
                    auto data = hive->valueData(*v);
                    if (data) out += hexBytesCompact(data->bytes());
                    else diag.error(data.error());
                }
                out += '\n';
            }
            if (out.size() > (1 << 16)) {
                writeOutDirect(out);
                out.clear();
            }
            return true;
        },
        &diag);
    writeOutDirect(out);
    printDiagnostics(diag);
    return diag.count(Diagnostic::Severity::Error) ? kProblems : kOk;
}

}  // namespace hivectl
