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

/// Name lookups over one hive. Holds a reference: the hive must outlive it.
class Index {
public:
    explicit Index(const Hive& hive) : hive_(hive) {}

    /// The subkey of `parent` named `name`, by binary search of its sorted
    /// list; NotFound when absent.
    Result<uint32_t> findSubkey(const KeyNode& parent, std::u16string_view name) const;
    /// The key at a path relative to the root ("" is the root).
    Result<uint32_t> findKey(std::string_view path) const;
    /// The value of `key` named `name` ("" is the default value).
    Result<uint32_t> findValue(const KeyNode& key, std::u16string_view name) const;
    /// The path of a key from the root, by its parent chain (bounded, so a
    /// cycle of parents cannot hang it).
    Result<std::string> pathOf(uint32_t keyOffset) const;

private:
    /// Compares the stored name of the nk at `offset` with `name`; sets
    /// `error` when the nk cannot be read.
    int compareAt(uint32_t offset, std::u16string_view name, Result<void>& error) const;
    const Hive& hive_;
};

}  // namespace hivekit
