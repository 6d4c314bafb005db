// EmptyHive: the bytes of a new, empty, valid hive (what `hivectl
// new-hive` writes, through tx/NewHive's createHive): a base block, one
// hbin with the root key and one security cell (owner Administrators, full
// control for Administrators and SYSTEM, read for Everyone, inherited by
// subkeys), the rest of the bin one free cell.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace hivekit {

/// What a new hive holds.
struct NewHiveOptions {
    /// Format version 1.minor (3: lf lists, no big data; 5: lh and db, what
    /// Windows 10 writes for its hives).
    uint32_t minorVersion = 5;
    std::string rootName = "ROOT";
    /// FILETIME of the root key and the header; 0: now (createHive reads
    /// the clock; emptyHiveImage stores the value as given).
    uint64_t timestamp = 0;
};

/// The bytes of an empty hive; `fileName` goes into the base block (its
/// last 31 characters).
std::vector<uint8_t> emptyHiveImage(const NewHiveOptions& options, const std::string& fileName);

}  // namespace hivekit
