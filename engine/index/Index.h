// Index: lookups by name over a hive. Path to key and (key, name) to value,
// case-insensitive under the Windows upcase rules. Subkey lookups use the
// sorted subkey lists (binary search), never a scan of all keys.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hive/Hive.h"

namespace hivekit {

/// Splits "A\B\C" into UTF-16 components. A leading backslash is allowed;
/// an empty component ("A\\B") is an Invalid error naming its position.
Result<std::vector<std::u16string>> splitKeyPath(std::string_view path);

/// The hive-relative readings of a path as regedit's address bar, reg.exe
/// and .reg files write it, most specific first: "Computer\" dropped, then
/// a root key (HKEY_LOCAL_MACHINE or HKLM, HKEY_USERS or HKU: with the
/// name the hive is loaded under after it, "HKLM\SYSTEM\Select" →
/// "Select"; HKEY_CURRENT_USER or HKCU, HKEY_CLASSES_ROOT or HKCR,
/// HKEY_CURRENT_CONFIG or HKCC: alone), case-insensitive. The path itself
/// comes last, so a key really named "HKLM" is still found.
std::vector<std::string> hiveRelativeReadings(std::string_view path);

/// How the first component of a key path may be read.
enum class RootNameInPath {
    Absent,   ///< the path starts below the root key: "ControlSet001\Services"
    Allowed,  ///< it may also start with the root key's own name, as paths
              ///< copied from other tools do ("SYSTEM\ControlSet001\Services");
              ///< when both readings find a key, the one below the root wins
};

/// Name lookups over one hive: the one place where a front end turns a path
/// into a key, a key into its ancestry, or a name into a value. Names compare
/// as Windows compares them (format/Names: the upcase table, not towupper).
/// Holds a reference: the hive must outlive it.
class Index {
public:
    explicit Index(const Hive& hive) : hive_(hive) {}

    /// The subkey of `parent` named `name`, by binary search of its sorted
    /// list; NotFound when absent.
    Result<uint32_t> findSubkey(const KeyNode& parent, std::u16string_view name) const;
    /// The key at a path relative to the root ("" is the root).
    Result<uint32_t> findKey(std::string_view path) const;
    /// The key at `path` as the chain of nk offsets from the root's child
    /// down to it (the empty chain for the root): what a tree view expands
    /// to show it. NotFound names the first missing component and the key
    /// it is missing from.
    Result<std::vector<uint32_t>> findKeyChain(std::string_view path,
                                               RootNameInPath rootName = RootNameInPath::Absent) const;
    /// The ancestry of the key at `keyOffset`: the nk offsets from the root's
    /// child down to the key itself (empty for the root), through the parent
    /// fields. Corrupt, naming the key, when they loop; the cell's error
    /// when a parent is not a key. A key flagged as a root other than the
    /// hive's (a damaged hive) starts the chain: it has no parent to follow.
    Result<std::vector<uint32_t>> ancestryOf(uint32_t keyOffset) const;
    /// The value of `key` named `name` ("" is the default value).
    Result<uint32_t> findValue(const KeyNode& key, std::u16string_view name) const;
    /// The value named `name` of the key at `keyOffset`.
    Result<uint32_t> findValue(uint32_t keyOffset, std::u16string_view name) const;
    /// The path of a key from the root, by its parent chain (bounded, so a
    /// cycle of parents cannot hang it).
    Result<std::string> pathOf(uint32_t keyOffset) const;

private:
    /// The key at `keyOffset` and its parents, the key first, up to the root
    /// (excluded) or a key flagged as a root (included): what ancestryOf
    /// and pathOf share.
    Result<std::vector<uint32_t>> climb(uint32_t keyOffset) const;
    /// Compares the stored name of the nk at `offset` with `name`; sets
    /// `error` when the nk cannot be read.
    int compareAt(uint32_t offset, std::u16string_view name, Result<void>& error) const;
    const Hive& hive_;
};

}  // namespace hivekit
