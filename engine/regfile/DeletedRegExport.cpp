#include "regfile/DeletedRegExport.h"

#include "format/BaseBlock.h"
#include "format/Offsets.h"
#include "regfile/RegExport.h"

namespace hivekit {

namespace {

bool hasLineBreak(std::string_view text) { return text.find_first_of("\r\n") != std::string_view::npos; }

/// A comment line: "; " and the text (line breaks in names made visible).
std::string comment(std::string text) {
    for (char& c : text)
        if (c == '\r' || c == '\n') c = ' ';
    return "; " + text + "\r\n";
}

class Writer {
public:
    Writer(const DeletedScan& scan, const DeletedRegOptions& options) : scan_(scan), options_(options) {}

    DeletedRegText run() {
        out_.text = options_.version == RegVersion::V5 ? "Windows Registry Editor Version 5.00\r\n\r\n"
                                                       : "REGEDIT4\r\n\r\n";
        out_.text += comment("Deleted keys and values recovered by HiveKit (hivectl deleted --reg).");
        out_.text += comment(std::string("Keys whose parent is unknown are under ") + kDeletedUnknownParentKey +
                             ", values without a key under " + kDeletedValuesWithoutKey + ".");
        out_.text += "\r\n";
        for (const DeletedKey& key : scan_.keys) {
            if (!wanted(key.foundIn)) continue;
            writeKey(key);
        }
        for (const DeletedValue& value : scan_.values) {
            if (value.ownerKey != DeletedValue::kNoOwner && wanted(scan_.keys[value.ownerKey].foundIn)) continue;
            if (!wanted(value.foundIn)) continue;
            const std::string at = hexOffset(value.fileOffset());
            out_.text += comment("value found in " + std::string(foundInDescription(value.foundIn)) + " at " + at);
            out_.text += "[" + options_.rootName + "\\" + kDeletedValuesWithoutKey + "\\" + at + "]\r\n";
            ++out_.keys;
            writeValue(value);
            out_.text += "\r\n";
        }
        return std::move(out_);
    }

private:
    bool wanted(FoundIn where) const { return options_.places & (1u << static_cast<unsigned>(where)); }

    void writeKey(const DeletedKey& key) {
        const std::string at = hexOffset(key.fileOffset());
        std::string path = key.path;
        if (path.rfind("?\\", 0) == 0) path = std::string(kDeletedUnknownParentKey) + path.substr(1);
        if (hasLineBreak(path)) {
            out_.text += comment("key at " + at + " left out: its path holds a line break") + "\r\n";
            ++out_.skipped;
            return;
        }
        out_.text += comment("key found in " + std::string(foundInDescription(key.foundIn)) + " at " + at +
                             ", last written " + formatFiletime(key.node.lastWritten));
        out_.text += "[" + options_.rootName + "\\" + path + "]\r\n";
        ++out_.keys;
        for (size_t i : key.values) writeValue(scan_.values[i]);
        out_.text += "\r\n";
    }

    void writeValue(const DeletedValue& value) {
        const std::string at = hexOffset(value.fileOffset());
        if (value.dataState != RecoveredData::Intact && value.dataState != RecoveredData::Empty) {
            out_.text += comment("value \"" + value.name + "\" at " + at + " left out: its data is " +
                                 recoveredDataName(value.dataState));
            ++out_.skipped;
            return;
        }
        std::string line = formatRegValue(value.record.name(), value.record.type, value.data, options_.version);
        if (line.empty()) {
            out_.text += comment("value at " + at + " left out: its name holds a line break");
            ++out_.skipped;
            return;
        }
        out_.text += line + "\r\n";
        ++out_.values;
    }

    const DeletedScan& scan_;
    const DeletedRegOptions& options_;
    DeletedRegText out_;
};

}  // namespace

DeletedRegText deletedRegText(const DeletedScan& scan, const DeletedRegOptions& options) {
    return Writer(scan, options).run();
}

}  // namespace hivekit
