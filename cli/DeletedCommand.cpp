// deleted: the keys and values that free cells still hold (hive/DeletedScanner).
#include <iostream>

#include "Cli.h"
#include "Json.h"
#include "format/Offsets.h"
#include "format/ValueData.h"
#include "hive/DeletedScanner.h"

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
    std::string line = indent + "value\t" + hexOffset(v.fileOffset()) + "\t" +
                       valueDisplayName(v.record) + "\t" + valueTypeLabel(v.record.type) + "\t" +
                       recoveredDataName(v.dataState);
    if (!noData && hasData(v.dataState)) {
        std::string text = decodeValue(v.record.type, v.data).toText();
        for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1))
            text.insert(at + 1, indent + "\t\t");
        line += "\t" + text;
    }
    return line + "\n";
}

void jsonValue(Json& j, const DeletedValue& v, bool noData) {
    j.beginObject();
    j.field("offset", uint64_t{v.cellOffset}).field("fileOffset", v.fileOffset().value);
    j.field("name", v.name).field("type", v.record.type).field("typeName", valueTypeLabel(v.record.type));
    j.field("size", v.record.dataSize()).field("state", recoveredDataName(v.dataState));
    if (!noData && hasData(v.dataState)) {
        const DecodedValue d = decodeValue(v.record.type, v.data);
        jsonValueData(j, v.data, &d);
    }
    j.endObject();
}

}  // namespace

int runDeleted(const Args& args) {
    auto hive = openHive(args);
    if (!hive) return kCannotOpen;
    DeletedScanOptions options;
    options.threads = threadsFromEnvironment();
    auto scan = scanDeleted(*hive, options);
    if (!scan) {
        printError(hive->path() + ": " + scan.error().message);
        return kProblems;
    }
    if (args.json) {
        Json j;
        j.beginObject();
        j.field("path", hive->path()).field("freeBytesScanned", scan->freeBytesScanned);
        j.key("keys").beginArray();
        for (const DeletedKey& k : scan->keys) {
            j.beginObject();
            j.field("offset", uint64_t{k.cellOffset}).field("fileOffset", k.fileOffset().value);
            j.field("name", k.name).field("path", k.path).field("parentLive", k.parentLive);
            j.field("lastWritten", k.node.lastWritten).field("lastWrittenText", formatFiletime(k.node.lastWritten));
            j.field("valueCount", k.node.valueCount);
            j.key("values").beginArray();
            for (size_t i : k.values) jsonValue(j, scan->values[i], args.noData);
            j.endArray();
            j.endObject();
        }
        j.endArray();
        j.key("values").beginArray();  // the values no deleted key names
        for (const DeletedValue& v : scan->values)
            if (v.ownerKey == DeletedValue::kNoOwner) jsonValue(j, v, args.noData);
        j.endArray();
        j.endObject();
        std::cout << j.str() << "\n";
        return kOk;
    }
    std::string out;
    for (const DeletedKey& k : scan->keys) {
        out += "key\t" + hexOffset(k.fileOffset()) + "\t" +
               formatFiletime(k.node.lastWritten) + "\t" + k.path + "\t" +
               std::to_string(k.node.valueCount) + (k.node.valueCount == 1 ? " value" : " values") + "\n";
        for (size_t i : k.values) out += valueLine(scan->values[i], "\t", args.noData);
        if (out.size() > (1 << 20)) {
            writeOut(out);
            out.clear();
        }
    }
    for (const DeletedValue& v : scan->values) {
        if (v.ownerKey != DeletedValue::kNoOwner) continue;
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
