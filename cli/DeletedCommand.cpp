// deleted: the keys and values that free cells, unreferenced cells, cell
// slack and the bytes past the last hbin still hold (hive/DeletedScanner),
// as a listing, JSON or a .reg file (hive/DeletedRegExport).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "Cli.h"
#include "Json.h"
#include "format/Offsets.h"
#include "format/ValueData.h"
#include "regfile/DeletedRegExport.h"
#include "hive/DeletedScanner.h"
#include "regfile/RegExport.h"

using namespace hivekit;

namespace hivectl {

namespace {

bool hasData(RecoveredData state) {
    return state == RecoveredData::Intact || state == RecoveredData::Truncated || state == RecoveredData::Empty;
}

/// One value as a plain line: offset, name, type, data state and, unless
/// --no-data, the data as `get` shows it. Lines of a multi-line display
/// (REG_MULTI_SZ, notes) continue indented one step deeper.
std::string valueLine(const DeletedValue& v, const std::string& indent, bool noData) {
    std::string line = indent + "value\t" + hexOffset(v.fileOffset()) + "\t" + foundInName(v.foundIn) + "\t" +
                       valueDisplayName(v.record) + "\t" + valueTypeLabel(v.record.type) + "\t" +
                       recoveredDataName(v.dataState);
    if (!noData && hasData(v.dataState)) {
        std::string text = decodeValue(v.record.type, v.data).toText();
        for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1))
            text.insert(at + 1, indent + "\t\t\t");
        line += "\t" + text;
    }
    return line + "\n";
}

void jsonValue(Json& j, const DeletedValue& v, bool noData) {
    j.beginObject();
    j.field("offset", uint64_t{v.cellOffset}).field("fileOffset", v.fileOffset().value);
    j.field("foundIn", foundInName(v.foundIn));
    j.field("name", v.name).field("type", v.record.type).field("typeName", valueTypeLabel(v.record.type));
    j.field("size", v.record.dataSize()).field("state", recoveredDataName(v.dataState));
    if (!noData && hasData(v.dataState)) {
        const DecodedValue d = decodeValue(v.record.type, v.data);
        jsonValueData(j, v.data, &d);
    }
    j.endObject();
}

/// The places --found-in names (a bit per FoundIn), all when it is empty;
/// false (after printing why) for a word that names no place.
bool placesOf(const std::string& list, unsigned& places) {
    if (list.empty()) {
        places = ~0u;
        return true;
    }
    places = 0;
    size_t start = 0;
    for (;;) {
        const size_t comma = list.find(',', start);
        const std::string word = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        FoundIn where{};
        if (!parseFoundIn(word, where)) {
            printError("deleted: --found-in takes free-cell, inside-free-cell, unreferenced-cell, cell-slack or "
                       "past-last-bin (comma-separated), not \"" + word + "\"");
            return false;
        }
        places |= 1u << static_cast<unsigned>(where);
        if (comma == std::string::npos) return true;
        start = comma + 1;
    }
}

/// Writes the .reg text to -o FILE or standard output.
int writeReg(const Args& args, const DeletedScan& scan, unsigned places) {
    DeletedRegOptions options;
    options.version = args.regedit4 ? RegVersion::V4 : RegVersion::V5;
    if (!args.root.empty()) options.rootName = args.root;
    options.places = places;
    const DeletedRegText reg = deletedRegText(scan, options);
    const std::vector<uint8_t> bytes = encodeRegText(reg.text, options.version);
    const bool toStdout = args.output.empty() || args.output == "-";
    const std::string name = toStdout ? std::string("standard output") : args.output;
    std::FILE* f = toStdout ? stdout : std::fopen(args.output.c_str(), "wb");
    if (!f) {
        printError("cannot open " + args.output + ": " + std::strerror(errno));
        return kProblems;
    }
    const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    const bool closed = toStdout ? std::fflush(f) == 0 : std::fclose(f) == 0;
    if (!written || !closed) {
        printError("cannot write " + name + ": " + std::strerror(errno));
        return kProblems;
    }
    if (!toStdout)
        std::cerr << "hivectl: " << reg.keys << (reg.keys == 1 ? " key, " : " keys, ") << reg.values
                  << (reg.values == 1 ? " value" : " values") << " written to " << args.output << "; "
                  << reg.skipped << " left out (see the comments in the file)\n";
    return kOk;
}

}  // namespace

int runDeleted(const Args& args) {
    unsigned places = ~0u;
    if (!placesOf(args.foundIn, places)) return kUsage;
    if (args.reg && args.json) {
        printError("deleted: --reg and --json exclude each other");
        return kUsage;
    }
    auto hive = openHive(args, Reading::WholeFile);
    if (!hive) return kCannotOpen;
    DeletedScanOptions options;
    options.threads = threadsFromEnvironment();
    auto scan = scanDeleted(*hive, options);
    if (!scan) {
        printError(hive->path() + ": " + scan.error().message);
        return kProblems;
    }
    if (args.reg) return writeReg(args, *scan, places);
    auto wanted = [&](FoundIn where) { return (places & (1u << static_cast<unsigned>(where))) != 0; };
    // A value is listed under its key when that key is listed, else among
    // the values without a key.
    auto keyless = [&](const DeletedValue& v) {
        return wanted(v.foundIn) &&
               (v.ownerKey == DeletedValue::kNoOwner || !wanted(scan->keys[v.ownerKey].foundIn));
    };
    if (args.json) {
        Json j;
        j.beginObject();
        j.field("path", hive->path()).field("freeBytesScanned", scan->freeBytesScanned);
        j.field("unreferencedBytesScanned", scan->unreferencedBytesScanned);
        j.field("slackBytesScanned", scan->slackBytesScanned).field("pastBinsBytesScanned", scan->pastBinsBytesScanned);
        j.key("keys").beginArray();
        for (const DeletedKey& k : scan->keys) {
            if (!wanted(k.foundIn)) continue;
            j.beginObject();
            j.field("offset", uint64_t{k.cellOffset}).field("fileOffset", k.fileOffset().value);
            j.field("foundIn", foundInName(k.foundIn));
            j.field("name", k.name).field("path", k.path).field("parentLive", k.parentLive);
            j.field("lastWritten", k.node.lastWritten).field("lastWrittenText", formatFiletime(k.node.lastWritten));
            j.field("valueCount", k.node.valueCount);
            j.key("values").beginArray();
            for (size_t i : k.values)
                if (wanted(scan->values[i].foundIn)) jsonValue(j, scan->values[i], args.noData);
            j.endArray();
            j.endObject();
        }
        j.endArray();
        j.key("values").beginArray();  // the values no deleted key names
        for (const DeletedValue& v : scan->values)
            if (keyless(v)) jsonValue(j, v, args.noData);
        j.endArray();
        j.endObject();
        std::cout << j.str() << "\n";
        return kOk;
    }
    std::string out;
    for (const DeletedKey& k : scan->keys) {
        if (!wanted(k.foundIn)) continue;
        out += "key\t" + hexOffset(k.fileOffset()) + "\t" + foundInName(k.foundIn) + "\t" +
               formatFiletime(k.node.lastWritten) + "\t" + k.path + "\t" +
               std::to_string(k.node.valueCount) + (k.node.valueCount == 1 ? " value" : " values") + "\n";
        for (size_t i : k.values)
            if (wanted(scan->values[i].foundIn)) out += valueLine(scan->values[i], "\t", args.noData);
        if (out.size() > (1 << 20)) {
            writeOut(out);
            out.clear();
        }
    }
    for (const DeletedValue& v : scan->values) {
        if (!keyless(v)) continue;
        out += valueLine(v, "", args.noData);
        if (out.size() > (1 << 20)) {
            writeOut(out);
            out.clear();
        }
    }
    writeOut(out);
    return kOk;
}

}  // namespace hivectl
