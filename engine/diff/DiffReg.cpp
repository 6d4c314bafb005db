#include "diff/DiffReg.h"

#include <algorithm>

#include "format/Names.h"
#include "format/Offsets.h"

namespace hivekit {

Result<void> checkRegRootName(const std::string& root) {
    // The words exportReg refuses a root name with.
    if (root.empty() || root.find_first_of("]\r\n") != std::string::npos || root.front() == '-')
        return fail(ErrorCode::Invalid, "root name \"" + root +
                                            "\" cannot begin key lines: it must not be empty, start with '-' or "
                                            "hold ']' or a line break");
    return {};
}

namespace {

/// Why a key name cannot stand in a .reg key line, or null.
const char* unwritableKeyName(const std::u16string& name) {
    if (name.empty()) return "its name is empty";
    if (name.find(u'\0') != std::u16string::npos) return "its name holds a NUL character";
    if (name.find_first_of(u"\\\r\n") != std::u16string::npos) return "its name holds a backslash or a line break";
    return nullptr;
}

bool startsWith(const std::vector<std::u16string>& names, const std::vector<std::u16string>& prefix) {
    return names.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), names.begin());
}

}  // namespace

DiffRegWriter::DiffRegWriter(const RegExportOptions& options) : options_(options) {
    out_ = options_.version == RegVersion::V5 ? "Windows Registry Editor Version 5.00\r\n\r\n" : "REGEDIT4\r\n\r\n";
}

std::string DiffRegWriter::takeText() {
    std::string text;
    text.swap(out_);
    return text;
}

bool DiffRegWriter::writable(const Difference& d) {
    for (const std::u16string& name : d.names) {
        if (const char* why = unwritableKeyName(name)) {
            const uint32_t at = d.newKey.present ? d.newKey.offset : d.oldKey.offset;
            problems_.warn("key \"" + d.path + "\": " + why + ", which a .reg key line cannot hold; left out" +
                               (d.isKey() ? " with its subtree" : ""),
                           d.isKey() ? fileOffsetOf(at).value : Error::kNoOffset);
            return false;
        }
    }
    return true;
}

void DiffRegWriter::keyLine(const Difference& d, bool remove) {
    if (keyLines_ > 0) out_ += "\r\n";
    out_ += remove ? "[-" : "[";
    out_ += options_.rootName;
    if (!d.path.empty()) {
        out_ += '\\';
        out_ += d.path;
    }
    out_ += "]\r\n";
    ++keyLines_;
    // A removed key's line opens no key for values.
    haveKey_ = !remove;
    currentKey_ = d.path;
}

void DiffRegWriter::add(const Difference& d) {
    if (skipping_) {
        if (startsWith(d.names, skippedNames_)) return;
        skipping_ = false;
    }
    switch (d.kind) {
    case DiffKind::KeyChanged: return;  // times, class names, security: not in a .reg file
    case DiffKind::KeyRemoved:
    case DiffKind::KeyAdded: {
        // A removed key's subtree goes with its [-KEY] line.
        if (d.descendant && d.kind == DiffKind::KeyRemoved) return;
        if (!writable(d)) {
            skipping_ = true;
            skippedNames_ = d.names;
            return;
        }
        keyLine(d, d.kind == DiffKind::KeyRemoved);
        return;
    }
    case DiffKind::ValueRemoved:
        if (d.descendant) return;
        [[fallthrough]];
    case DiffKind::ValueAdded:
    case DiffKind::ValueChanged: {
        if (!haveKey_ || currentKey_ != d.path) {
            if (!writable(d)) {
                skipping_ = true;  // the key's other values too
                skippedNames_ = d.names;
                return;
            }
            keyLine(d, false);
        }
        const bool remove = d.kind == DiffKind::ValueRemoved;
        const DiffValueSide& value = remove ? d.oldValue : d.newValue;
        std::string note;
        // A deletion: the name as regedit writes it, then "-" for the data.
        std::string line = remove ? formatRegValue(d.valueName, 0, Bytes(), options_.version, &note)
                                  : formatRegValue(d.valueName, value.type, value.data, options_.version, &note);
        const std::string label = "key \"" + d.path + "\", value \"" + utf16ToUtf8(d.valueName) + "\": ";
        if (line.empty()) {
            problems_.warn(label + note + "; left out", fileOffsetOf(value.offset).value);
            return;
        }
        if (remove) {
            line.resize(line.rfind('=') + 1);
            line += '-';
        } else if (!note.empty()) {
            problems_.warn(label + note, fileOffsetOf(value.offset).value);
        }
        out_ += line;
        out_ += "\r\n";
        ++valueLines_;
        return;
    }
    }
}

}  // namespace hivekit
