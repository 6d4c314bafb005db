// Deleted keys and values as a .reg file: what scanDeleted recovered, in
// the form regfile/RegExport writes live keys, so that `hivectl import` (or
// regedit) puts it into a hive where the live tools can read it. hivectl
// `deleted --reg` and the GUI's Deleted dock write the same text.
#pragma once

#include <string>

#include "hive/DeletedScanner.h"
#include "regfile/RegFile.h"

namespace hivekit {

struct DeletedRegOptions {
    RegVersion version = RegVersion::V5;
    /// What stands for the hive's root key (as RegExportOptions::rootName).
    std::string rootName = "HKEY_LOCAL_MACHINE\\HIVE";
    /// Only records found in these places (bit 1 << FoundIn); all by default.
    unsigned places = ~0u;
};

/// The key under the root that holds deleted keys whose chain of parents
/// ends at an unknown cell (paths "?\..."): "?\A\B" is written as
/// ROOT\DELETED-UNKNOWN-PARENT\A\B.
inline constexpr const char* kDeletedUnknownParentKey = "DELETED-UNKNOWN-PARENT";
/// The key under the root that holds the values no deleted key names
/// (deleted from a key that lives on, or whose key is lost): each in a
/// subkey named after its file offset ("0x0001f2a8"), so that values of the
/// same name do not overwrite one another on import.
inline constexpr const char* kDeletedValuesWithoutKey = "DELETED-VALUES-WITHOUT-KEY";

/// What the export wrote.
struct DeletedRegText {
    std::string text;    ///< UTF-8 with CRLF line ends (encodeRegText makes the file's bytes)
    size_t keys = 0;     ///< key sections written
    size_t values = 0;   ///< value lines written
    size_t skipped = 0;  ///< records left out (a comment line says why)
};

/// The deleted keys in file order, each as "[ROOT\path]" preceded by a
/// comment naming where it was found, with the values its list names;
/// then the values without a key. Only values whose data is Intact or
/// Empty are written as values: a value whose data is overwritten,
/// truncated or missing becomes a comment line (writing part of the data,
/// or none, would put wrong bytes into a hive as evidence). Keys whose
/// path holds a line break and values whose name holds one are left out
/// with a comment, as is a key whose path the scan capped ("?\" and the
/// name only is still written, under the unknown-parent key).
DeletedRegText deletedRegText(const DeletedScan& scan, const DeletedRegOptions& options = {});

}  // namespace hivekit
