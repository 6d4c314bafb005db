// The AppCompatCache ("ShimCache") value of a SYSTEM hive: the list of
// executables Windows' application compatibility layer looked at, most
// recent first. Its layout changed with nearly every Windows release; this
// parser knows XP, Server 2003/Vista, 7/Server 2008 R2 (32 and 64-bit),
// 8.0, 8.1 and 10/11. Layouts as documented by Mandiant ("Leveraging the
// Application Compatibility Cache in Forensic Investigations", 2012) and
// libyal's Windows Shim Cache format notes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "format/ByteReader.h"

namespace hivekit::artefacts {

/// The layout of an AppCompatCache value, told apart by its first dword.
enum class ShimCacheFormat : uint8_t {
    Unknown,
    WindowsXp,       ///< 0xDEADBEEF, 400-byte header, 552-byte entries
    Windows2003,     ///< 0xBADC0FFE (Server 2003 and Vista), 8-byte header
    Windows7,        ///< 0xBADC0FEE (7 and Server 2008 R2), 128-byte header
    Windows8,        ///< 0x80-byte header, "00ts" entries
    Windows81,       ///< 0x80-byte header, "10ts" entries
    Windows10,       ///< 0x30 or 0x34-byte header, "10ts" entries
};

/// "Windows XP", "Windows Server 2003/Vista", ...
std::string shimCacheFormatName(ShimCacheFormat format);

/// One cache entry. Fields a format does not hold are empty.
struct ShimCacheEntry {
    uint32_t position = 0;          ///< 0 is the most recent
    std::string path;               ///< as stored (may start with "\??\")
    uint64_t lastModified = 0;      ///< the file's $STANDARD_INFORMATION mtime (FILETIME)
    uint64_t lastUpdate = 0;        ///< XP only: when the entry was updated
    std::optional<uint64_t> fileSize;   ///< XP and Server 2003
    std::optional<uint64_t> dataSize;   ///< 7 and later: the size of the entry's shim data
    std::optional<bool> executed;       ///< Vista, 7, 8: the insert flag 0x2
    std::string note;               ///< what of this entry could not be read
};

struct ShimCache {
    ShimCacheFormat format = ShimCacheFormat::Unknown;
    bool is64Bit = false;       ///< 2003/Vista and 7: the entries are 64-bit ones
    uint32_t declaredEntries = 0;  ///< the header's count (XP, 2003, 7); 0 where there is none
    std::vector<ShimCacheEntry> entries;
    /// Why the value stopped being decoded (short data, unknown signature);
    /// empty when all of it was.
    std::string note;
};

/// Decodes an AppCompatCache value. Never fails: what cannot be read is
/// described in `note` (the cache's or an entry's).
ShimCache parseShimCache(Bytes data);

}  // namespace hivekit::artefacts
