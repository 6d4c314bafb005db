// What an artefact decoder yields: typed columns and rows that each say
// which key and value (and cell) they came from. Pure data, no Qt.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "format/Offsets.h"

namespace hivekit::artefacts {

/// Which hive a file is, detected from its root key's subkeys (and the base
/// block's file name when those are not conclusive).
enum class HiveKind : uint8_t { Unknown, System, Software, Sam, Security, NtUser, UsrClass, Amcache, Bcd };

/// "SYSTEM", "SOFTWARE", "SAM", "SECURITY", "NTUSER.DAT", "UsrClass.dat",
/// "Amcache.hve", "BCD", "unknown".
std::string_view hiveKindName(HiveKind kind);

/// The type of a column: how its fields are held, shown and exported.
enum class ColumnType : uint8_t {
    Text,      ///< std::string (UTF-8)
    Path,      ///< std::string (UTF-8): a file system or registry path
    FileTime,  ///< FileTime, written as UTC ISO 8601
    Integer,   ///< int64_t
    Bytes,     ///< std::vector<uint8_t>, written as hex
    Boolean,   ///< bool
};

/// "text", "path", "time", "integer", "bytes", "boolean".
std::string_view columnTypeName(ColumnType type);

struct Column {
    std::string name;
    ColumnType type = ColumnType::Text;
};

/// A Windows FILETIME: 100 ns intervals since 1601-01-01 UTC.
struct FileTime {
    uint64_t ticks = 0;
    bool operator==(const FileTime&) const = default;
};

/// One field of a row. std::monostate is an empty field: the data does not
/// hold it (a time never set, a count the version does not record).
using Field = std::variant<std::monostate, std::string, int64_t, FileTime, std::vector<uint8_t>, bool>;

/// Where a row came from: the key (and value) an analyst can go to, and the
/// cells holding them.
struct RowSource {
    std::string keyPath;    ///< from the root, the root's own name excluded
    std::string valueName;  ///< "" with hasValue: the default value
    bool hasValue = false;  ///< false: the row is the key itself (its name, last write)
    uint32_t keyOffset = kNoCell;
    uint32_t valueOffset = kNoCell;
};

/// One decoded row: a field per column, its source, and a note saying what
/// could not be decoded (empty when everything was).
struct Row {
    std::vector<Field> fields;
    RowSource source;
    std::string note;
};

class Decoder;

/// One decoder's result on one hive.
struct ArtefactTable {
    const Decoder* decoder = nullptr;
    std::vector<Column> columns;
    std::vector<Row> rows;
    /// Set when the decoder could not run at all (the hive cannot be read
    /// where it looked); rows may still hold what was decoded before.
    std::string error;
};

/// A FILETIME as UTC ISO 8601: "2012-04-04T15:52:45Z", with the seven
/// digits of 100 ns when they are not all zero ("...:45.1234567Z").
std::string isoTime(FileTime time);

/// Seconds since 1970-01-01 UTC as a FileTime (negative seconds allowed).
FileTime fileTimeFromUnix(int64_t seconds);

/// A SYSTEMTIME (16 bytes: year, month, day of week, day, hour, minute,
/// second, milliseconds, each 16-bit) as a FileTime; nothing when the
/// fields are not a valid date (month 13, day 0, ...).
std::optional<FileTime> fileTimeFromSystemTime(std::span<const uint8_t> bytes);

}  // namespace hivekit::artefacts
