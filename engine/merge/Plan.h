// Plan: an ordered list of logical edits to a hive (create key, delete key,
// set value, delete value, rename key, rename value, set class name). A plan
// says what should change, never how: cells, lists and allocation are the
// Strategy's and the Allocator's business, sequence numbers the TxManager's.
// A Session (merge/Session.h) validates a whole plan against the hive before
// any byte changes, then applies it inside one transaction.
//
// Producers: hivectl's write commands, the .reg importer (regfile/), the
// GUI's pending changes. They all build the same Edit records, so a plan
// from any of them is applied, validated and printed (--dry-run) the same
// way.
//
// Names and paths are UTF-8 (WTF-8 where a name holds an unpaired
// surrogate, as format/Names.h converts them), so every stored name round-
// trips. A key path is the names from the root joined by '\' ("" or "\" is
// the root); comparison is case-insensitive under the Windows upcase rules.
// The empty value name is the key's default value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "util/Error.h"

namespace hivekit {

/// The format's limits that a plan is validated against (Windows' own:
/// a key name holds at most 255 UTF-16 units, a value name 16383; the class
/// name length is a 16-bit byte count; data goes into at most 65535 big data
/// segments of 16344 bytes).
namespace limits {
inline constexpr size_t kMaxKeyNameUnits = 255;
inline constexpr size_t kMaxValueNameUnits = 16383;
inline constexpr size_t kMaxClassNameUnits = 0xFFFF / 2;
inline constexpr size_t kMaxKeyDepth = 512;
inline constexpr uint64_t kMaxValueDataSize = uint64_t{0xFFFF} * 16344;
}  // namespace limits

/// One logical edit. Which fields count depends on `kind`; the Plan's
/// builder functions fill them, so producers need not know the rules.
struct Edit {
    enum class Kind {
        CreateKey,     ///< path; createParents
        DeleteKey,     ///< path; recursive; ignoreMissing
        SetValue,      ///< path, name, type, data; createParents creates the key (and its parents)
        DeleteValue,   ///< path, name; ignoreMissing
        RenameKey,     ///< path, newName (the last component only: rename, not move)
        RenameValue,   ///< path, name, newName
        SetClassName,  ///< path, className (empty removes the class name)
    };

    Kind kind = Kind::CreateKey;
    std::string path;       ///< the key the edit concerns
    std::string name;       ///< value name (SetValue, DeleteValue, RenameValue)
    std::string newName;    ///< RenameKey, RenameValue
    std::string className;  ///< SetClassName
    uint32_t type = 0;      ///< SetValue: REG_* type, any 32-bit number
    std::vector<uint8_t> data;  ///< SetValue: the data, stored exactly
    /// CreateKey: create missing parents too (otherwise a missing parent is
    /// an error). SetValue: create the key (with its parents) when missing.
    bool createParents = false;
    /// DeleteKey: delete the subtree; without it a key with subkeys is refused.
    bool recursive = false;
    /// DeleteKey, DeleteValue: a missing key or value is not an error (the
    /// edit does nothing), as regedit treats "[-key]" and "v"=- imports.
    bool ignoreMissing = false;

    bool operator==(const Edit&) const = default;
};

/// "create key", "delete key", ...: how messages and --dry-run name a kind.
const char* editKindName(Edit::Kind kind);

/// One line describing an edit, for --dry-run and error messages:
/// `set value "Start" in "ControlSet001\Services\Foo": REG_DWORD, 4 bytes`.
std::string describeEdit(const Edit& edit);

/// An ordered list of edits, applied first to last: a later edit sees the
/// effect of the earlier ones (create a key, then set a value in it).
class Plan {
public:
    Plan& createKey(std::string path, bool createParents = true);
    Plan& deleteKey(std::string path, bool recursive = false, bool ignoreMissing = false);
    Plan& setValue(std::string path, std::string name, uint32_t type, std::vector<uint8_t> data,
                   bool createKey = false);
    Plan& deleteValue(std::string path, std::string name, bool ignoreMissing = false);
    Plan& renameKey(std::string path, std::string newName);
    Plan& renameValue(std::string path, std::string name, std::string newName);
    Plan& setClassName(std::string path, std::string className);
    /// Appends any edit as is (producers that build Edit records themselves).
    Plan& add(Edit edit);
    /// Appends every edit of `other`, in order.
    Plan& append(const Plan& other);
    /// The same, moving the edits out of `other` (no copy of their data).
    Plan& append(Plan&& other);
    /// Room for `count` edits, so that a large plan grows without moving.
    void reserve(size_t count) { edits_.reserve(count); }

    const std::vector<Edit>& edits() const { return edits_; }
    size_t size() const { return edits_.size(); }
    bool empty() const { return edits_.empty(); }
    void clear() { edits_.clear(); }

    /// One numbered line per edit ("1. create key ..."), for --dry-run.
    std::string describe() const;

    /// Checks what can be checked without a hive: names empty or too long,
    /// '\' in a key name, data over the format's limit, the root deleted or
    /// renamed, a path deeper than Windows allows. The error names the edit
    /// ("edit 3 (delete key \"\"): ..."); the Session adds the checks that
    /// need the hive (missing keys and parents, existing names).
    [[nodiscard]] Result<void> validateShape() const;

    bool operator==(const Plan&) const = default;

private:
    std::vector<Edit> edits_;
};

/// "edit 3 (set value \"x\" in \"A\\B\")": the prefix of every error about
/// edit `index` (0-based; shown 1-based).
std::string editLabel(size_t index, const Edit& edit);

}  // namespace hivekit
