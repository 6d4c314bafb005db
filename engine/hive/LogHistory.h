// The history of a dirty hive's transaction logs: every entry that replay
// meets, in the order it meets them, with what replay did with it, and the
// hive as it was after the first k applied entries. Nothing here replays on
// its own: the entries and the images come from hive/LogRecovery's replay,
// observed (ReplayOptions::onStep) or stopped early (ReplayOptions::stopAfter).
// What each entry changed in keys and values is diff/LogHistoryDiff's.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "format/LogFile.h"
#include "hive/FileMapping.h"
#include "hive/LogRecovery.h"

namespace hivekit {

/// One log beside the hive, as found.
struct HistoryLog {
    std::string name;
    bool usable = false;  ///< its base block passed rule (1) of LogRecovery.h
    LogFormat format = LogFormat::New;
    uint32_t sequence = 0;     ///< of its base block: the first entry it holds
    /// FILETIME in its base block: when the log was started (its base block
    /// written), not when each entry was; 0 when the log is not usable.
    uint64_t lastWritten = 0;
    uint64_t size = 0;
    bool replayed = false;  ///< replay applied at least one of its entries
    std::string why;        ///< why it was not replayed; empty when it was
};

/// One entry of the history.
struct HistoryEntry {
    /// 1-based position among the applied entries: imageAfter(step) is the
    /// hive with this entry applied. 0 for an entry replay did not apply.
    uint32_t step = 0;
    ReplayStep entry;          ///< what replay saw (applied, why not, pages, hashes)
    uint64_t logWritten = 0;   ///< the lastWritten of its log's base block
};

/// A dirty hive's log history.
struct LogHistory {
    std::vector<HistoryLog> logs;
    /// Replay order: the applied entries (step 1, 2, ...), each log's entry
    /// that ended it right after that log's applied ones, then the entries of
    /// logs that were not replayed at all, log by log.
    std::vector<HistoryEntry> entries;
    uint32_t applied = 0;        ///< entries with a step
    uint64_t hiveLastWritten = 0;  ///< the primary file's base block FILETIME
    uint32_t primarySequence = 0;
    uint32_t secondarySequence = 0;
    RecoveryReport report;       ///< the whole replay's report lines
};

/// A hive file and its logs, read once, from which the history and the
/// images after each entry are computed. Holds read-only mappings: the files
/// are never written.
class DirtyHive {
public:
    /// Maps `hivePath` and the logs beside it (findLogFiles). Fails when the
    /// hive cannot be read; a log that cannot be read is left out (the
    /// history names it).
    static Result<DirtyHive> open(const std::string& hivePath);
    /// From bytes in memory (tests, a GUI tab that already holds them).
    static DirtyHive fromBytes(std::vector<uint8_t> primary, std::vector<std::pair<std::string, std::vector<uint8_t>>> logs);

    /// Every entry replay meets, and the logs. Fails only when the primary
    /// file has no regf base block.
    [[nodiscard]] Result<LogHistory> history() const;

    /// The hive after the first `steps` applied entries (a sealed primary
    /// image, as recoverFromLogs would give had the logs ended there);
    /// steps 0 is the primary file as it is. Fails (NotFound) when the logs
    /// apply fewer entries than `steps`.
    [[nodiscard]] Result<std::vector<uint8_t>> imageAfter(uint32_t steps) const;

    Bytes primary() const { return primary_->bytes(); }
    const std::string& name() const { return name_; }

private:
    std::vector<LogInput> inputs() const;

    std::string name_;
    std::shared_ptr<FileMapping> primary_;
    struct Log {
        std::string name;
        std::shared_ptr<FileMapping> bytes;
    };
    std::vector<Log> logs_;
    std::vector<std::pair<std::string, std::string>> unreadable_;  ///< name, why
};

}  // namespace hivekit
