// Transaction log replay for dirty hives (old "DIRT" and new "HvLE" logs).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "format/ByteReader.h"
#include "hive/Hive.h"

namespace hivekit {

/// The logs beside a hive: NAME.LOG, NAME.LOG1, NAME.LOG2 in any letter case.
std::vector<std::string> findLogFiles(const std::string& hivePath);

/// Replays the logs found beside `hivePath` over a copy of `primary`, in
/// memory; the files are only read. Returns the recovered image, or an empty
/// vector when nothing could be applied. Fills `report` with what was found,
/// applied and skipped (and why).
Result<std::vector<uint8_t>> recoverFromLogs(const std::string& hivePath, Bytes primary, RecoveryReport& report);

}  // namespace hivekit
