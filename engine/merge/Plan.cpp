#include "merge/Plan.h"

#include <iterator>

#include "format/Names.h"
#include "format/ValueData.h"
#include "index/Index.h"

namespace hivekit {

namespace {

std::string quoted(const std::string& s) { return "\"" + s + "\""; }
std::string valueName(const std::string& s) { return s.empty() ? std::string("(default)") : quoted(s); }

/// A key name as the format allows it: 1 to 255 UTF-16 units, no '\'.
Result<void> checkKeyName(const std::string& name, const char* what) {
    const std::u16string units = utf8ToUtf16(name);
    if (units.empty()) return fail(ErrorCode::Invalid, std::string(what) + " is empty");
    if (name.find('\\') != std::string::npos)
        return fail(ErrorCode::Invalid, std::string(what) + " " + quoted(name) + " contains a backslash");
    if (units.size() > limits::kMaxKeyNameUnits)
        return fail(ErrorCode::Invalid, std::string(what) + " is " + std::to_string(units.size()) +
                                            " characters long; a key name holds at most 255");
    return {};
}

Result<void> checkValueName(const std::string& name, const char* what) {
    const size_t units = utf8ToUtf16(name).size();
    if (units > limits::kMaxValueNameUnits)
        return fail(ErrorCode::Invalid, std::string(what) + " is " + std::to_string(units) +
                                            " characters long; a value name holds at most 16383");
    return {};
}

/// The components of a key path, each a valid key name, at most 512 deep.
Result<size_t> checkPath(const std::string& path) {
    auto parts = splitKeyPath(path);
    if (!parts) return std::unexpected(parts.error());
    if (parts->size() > limits::kMaxKeyDepth)
        return fail(ErrorCode::Invalid, "key path is " + std::to_string(parts->size()) +
                                            " levels deep; Windows allows at most 512");
    for (const auto& part : *parts) {
        if (part.size() > limits::kMaxKeyNameUnits)
            return fail(ErrorCode::Invalid, "key name \"" + utf16ToUtf8(part).substr(0, 40) + "...\" is " +
                                                std::to_string(part.size()) +
                                                " characters long; a key name holds at most 255");
    }
    return parts->size();
}

Result<void> checkEdit(const Edit& e) {
    auto depth = checkPath(e.path);
    if (!depth) return std::unexpected(depth.error());
    const bool root = *depth == 0;
    switch (e.kind) {
    case Edit::Kind::CreateKey: return {};  // creating the root is a no-op: it always exists
    case Edit::Kind::DeleteKey:
        if (root) return fail(ErrorCode::Invalid, "the root key cannot be deleted");
        return {};
    case Edit::Kind::SetValue:
        if (auto r = checkValueName(e.name, "the value name"); !r) return r;
        if (e.data.size() > limits::kMaxValueDataSize)
            return fail(ErrorCode::Invalid, "the data is " + std::to_string(e.data.size()) +
                                                " bytes; the format holds at most " +
                                                std::to_string(limits::kMaxValueDataSize));
        return {};
    case Edit::Kind::DeleteValue: return checkValueName(e.name, "the value name");
    case Edit::Kind::RenameKey:
        if (root) return fail(ErrorCode::Invalid, "the root key cannot be renamed");
        return checkKeyName(e.newName, "the new key name");
    case Edit::Kind::RenameValue:
        if (auto r = checkValueName(e.name, "the value name"); !r) return r;
        return checkValueName(e.newName, "the new value name");
    case Edit::Kind::SetClassName: {
        const size_t units = utf8ToUtf16(e.className).size();
        if (units > limits::kMaxClassNameUnits)
            return fail(ErrorCode::Invalid, "the class name is " + std::to_string(units) +
                                                " characters long; the format holds at most 32767");
        return {};
    }
    }
    return {};
}

}  // namespace

const char* editKindName(Edit::Kind kind) {
    switch (kind) {
    case Edit::Kind::CreateKey: return "create key";
    case Edit::Kind::DeleteKey: return "delete key";
    case Edit::Kind::SetValue: return "set value";
    case Edit::Kind::DeleteValue: return "delete value";
    case Edit::Kind::RenameKey: return "rename key";
    case Edit::Kind::RenameValue: return "rename value";
    case Edit::Kind::SetClassName: return "set class name";
    }
    return "?";
}

std::string describeEdit(const Edit& e) {
    const std::string key = quoted(e.path);
    switch (e.kind) {
    case Edit::Kind::CreateKey: return "create key " + key + (e.createParents ? " (and missing parents)" : "");
    case Edit::Kind::DeleteKey:
        return "delete key " + key + (e.recursive ? " (with its subkeys)" : "") +
               (e.ignoreMissing ? " (if present)" : "");
    case Edit::Kind::SetValue:
        return "set value " + valueName(e.name) + " in " + key + ": " + valueTypeLabel(e.type) + ", " +
               std::to_string(e.data.size()) + (e.data.size() == 1 ? " byte" : " bytes") +
               (e.createParents ? " (creating the key)" : "");
    case Edit::Kind::DeleteValue:
        return "delete value " + valueName(e.name) + " in " + key + (e.ignoreMissing ? " (if present)" : "");
    case Edit::Kind::RenameKey: return "rename key " + key + " to " + quoted(e.newName);
    case Edit::Kind::RenameValue:
        return "rename value " + valueName(e.name) + " in " + key + " to " + valueName(e.newName);
    case Edit::Kind::SetClassName:
        return e.className.empty() ? "remove the class name of " + key
                                   : "set the class name of " + key + " to " + quoted(e.className);
    }
    return "?";
}

std::string editLabel(size_t index, const Edit& edit) {
    return "edit " + std::to_string(index + 1) + " (" + describeEdit(edit) + ")";
}

Plan& Plan::createKey(std::string path, bool createParents) {
    Edit e;
    e.kind = Edit::Kind::CreateKey;
    e.path = std::move(path);
    e.createParents = createParents;
    return add(std::move(e));
}

Plan& Plan::deleteKey(std::string path, bool recursive, bool ignoreMissing) {
    Edit e;
    e.kind = Edit::Kind::DeleteKey;
    e.path = std::move(path);
    e.recursive = recursive;
    e.ignoreMissing = ignoreMissing;
    return add(std::move(e));
}

Plan& Plan::setValue(std::string path, std::string name, uint32_t type, std::vector<uint8_t> data, bool createKey) {
    Edit e;
    e.kind = Edit::Kind::SetValue;
    e.path = std::move(path);
    e.name = std::move(name);
    e.type = type;
    e.data = std::move(data);
    e.createParents = createKey;
    return add(std::move(e));
}

Plan& Plan::deleteValue(std::string path, std::string name, bool ignoreMissing) {
    Edit e;
    e.kind = Edit::Kind::DeleteValue;
    e.path = std::move(path);
    e.name = std::move(name);
    e.ignoreMissing = ignoreMissing;
    return add(std::move(e));
}

Plan& Plan::renameKey(std::string path, std::string newName) {
    Edit e;
    e.kind = Edit::Kind::RenameKey;
    e.path = std::move(path);
    e.newName = std::move(newName);
    return add(std::move(e));
}

Plan& Plan::renameValue(std::string path, std::string name, std::string newName) {
    Edit e;
    e.kind = Edit::Kind::RenameValue;
    e.path = std::move(path);
    e.name = std::move(name);
    e.newName = std::move(newName);
    return add(std::move(e));
}

Plan& Plan::setClassName(std::string path, std::string className) {
    Edit e;
    e.kind = Edit::Kind::SetClassName;
    e.path = std::move(path);
    e.className = std::move(className);
    return add(std::move(e));
}

Plan& Plan::add(Edit edit) {
    edits_.push_back(std::move(edit));
    return *this;
}

Plan& Plan::append(const Plan& other) {
    edits_.insert(edits_.end(), other.edits_.begin(), other.edits_.end());
    return *this;
}

Plan& Plan::append(Plan&& other) {
    edits_.insert(edits_.end(), std::make_move_iterator(other.edits_.begin()),
                  std::make_move_iterator(other.edits_.end()));
    other.edits_.clear();
    return *this;
}

std::string Plan::describe() const {
    std::string out;
    for (size_t i = 0; i < edits_.size(); ++i)
        out += std::to_string(i + 1) + ". " + describeEdit(edits_[i]) + "\n";
    return out;
}

Result<void> Plan::validateShape() const {
    for (size_t i = 0; i < edits_.size(); ++i) {
        auto r = checkEdit(edits_[i]);
        if (!r) {
            Error e = r.error();
            e.message = editLabel(i, edits_[i]) + ": " + e.message;
            return std::unexpected(e);
        }
    }
    return {};
}

}  // namespace hivekit
