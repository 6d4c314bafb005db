// NewHive: writes a new, empty hive file (format/EmptyHive's bytes) through
// FileIO, so that it never exists half-written.
#pragma once

#include <string>

#include "format/EmptyHive.h"
#include "tx/FileIO.h"
#include "util/Error.h"

namespace hivekit {

/// Writes an empty, valid hive at `path` (emptyHiveImage; a timestamp of 0
/// is now). The file is written beside `path`, flushed and renamed into
/// place, and its directory flushed. Fails when `path` exists. `io`: where
/// to write; null: the real file system.
[[nodiscard]] Result<void> createHive(const std::string& path, const NewHiveOptions& options = {},
                                      FileIO* io = nullptr);

}  // namespace hivekit
