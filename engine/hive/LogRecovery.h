// Transaction log replay for dirty hives (old "DIRT" and new "HvLE" logs),
// in memory: the hive and its logs are only read, never written.
//
// The rules, as Windows applies them (msuhanov's "Windows registry file
// format specification", sections "Format of transaction log files" and
// "Multiple transaction log files"):
//
//  (1) A log counts only when its base block is valid: "regf", a correct
//      checksum, equal sequence numbers, and the file type of a log (1 or 2
//      old format, 6 new format). New-format logs take precedence.
//  (2) New format, the hive's base block valid: a log whose sequence number
//      is older than the hive's secondary sequence number holds nothing new
//      and is skipped. The others apply oldest first, ordered by sequence
//      number with wrap-around (serial number arithmetic).
//  (3) New format, the hive's base block bad: the base block is taken from
//      the newest log, and only that log's entries apply.
//  (4) A log's entries apply in order from its first, whose sequence number
//      is the log's own; each next entry must carry the next number. The
//      first bad signature, size, hive bins data size, page reference or
//      hash, the first gap in the numbers, or the end of the file ends the
//      log; what was applied stays. A second log applies only when it
//      continues the sequence exactly.
//  (5) An entry grows the hive to its hive bins data size and sets the
//      base block's flag bit 0 from its flags.
//  (6) Old format: a log applies when its last-written timestamp equals the
//      hive's (the first hbin's timestamp when the hive's base block is
//      bad). Its dirty hbins are verified; recovery stops before the first
//      bad one. When the hive's base block is bad, a log newer than the
//      first hbin's timestamp applies too, with a warning: the base block
//      that would tie them is lost, and the newer log is the best copy of
//      the hive's last state there is.
//  (7) The result has both sequence numbers equal (the last entry's), the
//      file type of a primary file and a recomputed checksum.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "format/ByteReader.h"
#include "format/LogFile.h"
#include "hive/Hive.h"

namespace hivekit {

/// The logs beside a hive: NAME.LOG, NAME.LOG1, NAME.LOG2 in any letter case,
/// in that order.
std::vector<std::string> findLogFiles(const std::string& hivePath);

/// One log as given to the replay: a name for messages and its bytes.
struct LogInput {
    std::string name;
    Bytes bytes;
};

/// What one log contributed.
struct AppliedLog {
    std::string name;
    uint32_t firstSequence = 0;  ///< new format: the first and last entry applied
    uint32_t lastSequence = 0;
    uint32_t entries = 0;        ///< new format: entries; old format: 0
    uint32_t pages = 0;          ///< dirty pages written
};

/// The outcome of a replay.
struct ReplayResult {
    /// The recovered hive (base block included); empty when nothing applied.
    std::vector<uint8_t> image;
    std::vector<AppliedLog> applied;
    bool baseBlockFromLog = false;  ///< the hive's own base block was bad
    uint32_t hiveBinsBefore = 0;    ///< hive bins data size of the primary file
    uint32_t hiveBinsAfter = 0;     ///< and of the recovered image
    uint32_t sequence = 0;          ///< both sequence numbers of the recovered image
};

/// One step of a replay as an observer sees it: a new-format entry that was
/// applied or that ended its log, or the dirty pages of an old-format log
/// (one step for the whole log).
struct ReplayStep {
    std::string log;  ///< the log's name
    LogFormat format = LogFormat::New;
    uint64_t entryOffset = 0;       ///< of the entry in the log; old format: of the dirty vector
    uint32_t sequence = 0;          ///< the entry's; old format: the log's
    uint32_t hiveBinsDataSize = 0;  ///< the hive's size after the step
    std::vector<uint32_t> pageOffsets;  ///< dirty pages written, relative to the hive bins data
    uint64_t pageBytes = 0;             ///< their bytes together
    /// New format: both Marvin32 hashes matched (always so for an applied
    /// entry). Old format: there are no hashes; false.
    bool hashesVerified = false;
    bool applied = false;
    /// Why the entry was not applied (its log ends there); empty when applied.
    std::string why;
};

/// Hooks into a replay, for the log history (hive/LogHistory).
struct ReplayOptions {
    /// Stop after this many steps were applied: the image is then the hive as
    /// Windows would have it after them. Unset: replay everything.
    std::optional<uint32_t> stopAfter;
    /// Called for each step, in replay order.
    std::function<void(const ReplayStep&)> onStep;
    /// Called for each log that is not replayed at all, with the reason.
    std::function<void(const std::string& log, const std::string& why)> onLogNotReplayed;
};

/// Replays `logs` (in any order; the rules above pick and order them) over a
/// copy of the primary file `primary`. Appends human-readable lines to
/// `report` (which logs count, which entries applied, why others did not)
/// and sets report.recovered when anything was applied. Fails only when
/// `primary` has no regf base block at all.
Result<ReplayResult> replayLogs(Bytes primary, const std::vector<LogInput>& logs, RecoveryReport& report,
                                const ReplayOptions& options = {});

/// The same with the logs found beside `hivePath` (read-only mappings; a
/// log that cannot be read is reported and left out).
Result<ReplayResult> replayLogFiles(const std::string& hivePath, Bytes primary, RecoveryReport& report,
                                    const ReplayOptions& options = {});

/// Hive::open's entry point: the recovered image, or an empty vector when
/// nothing could be applied.
Result<std::vector<uint8_t>> recoverFromLogs(const std::string& hivePath, Bytes primary, RecoveryReport& report);

}  // namespace hivekit
