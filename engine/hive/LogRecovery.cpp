#include "hive/LogRecovery.h"

#include <algorithm>
#include <cctype>
#include <dirent.h>
#include <memory>
#include <optional>

#include "format/HiveBin.h"
#include "format/Layout.h"
#include "format/LogFile.h"
#include "hive/FileMapping.h"

namespace hivekit {

std::vector<std::string> findLogFiles(const std::string& hivePath) {
    std::string dir = ".", base = hivePath;
    if (auto slash = hivePath.rfind('/'); slash != std::string::npos) {
        dir = hivePath.substr(0, slash);
        if (dir.empty()) dir = "/";
        base = hivePath.substr(slash + 1);
    }
    auto lower = [](std::string s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    const std::string want = lower(base);
    std::vector<std::string> found;
    DIR* d = opendir(dir.c_str());
    if (!d) return found;
    while (dirent* e = readdir(d)) {
        std::string name = e->d_name;
        std::string l = lower(name);
        if (l == want + ".log" || l == want + ".log1" || l == want + ".log2")
        {
            std::string full = dir;
            if (full.back() != '/') full += '/';
            full += name;
            found.push_back(std::move(full));
        }
    }
    closedir(d);
    // .LOG, .LOG1, .LOG2 order, whatever the directory order.
    std::sort(found.begin(), found.end(), [&](const std::string& a, const std::string& b) { return lower(a) < lower(b); });
    return found;
}

namespace {

namespace LL = layout::log;
constexpr uint32_t kHeader = layout::kBaseBlockSize;
// Windows refuses hives beyond 2 GiB.
constexpr uint32_t kMaxHiveBinsDataSize = 0x80000000u - kHeader;

/// Serial number arithmetic: `a` comes after `b` when the distance forward
/// from b to a is less than half the number space, so 2 follows 0xFFFFFFFF.
bool after(uint32_t a, uint32_t b) { return static_cast<int32_t>(a - b) > 0; }

std::string range(uint32_t first, uint32_t last) {
    return first == last ? std::to_string(first) : std::to_string(first) + "-" + std::to_string(last);
}

std::string plural(uint64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// A log whose base block passed rule (1).
struct Candidate {
    const LogInput* input = nullptr;
    LogHeader header;
    uint32_t sequence() const { return header.sequence(); }
    const std::string& name() const { return input->name; }
};

/// The image being recovered and the header fields that change.
struct Work {
    std::vector<uint8_t> image;
    uint32_t hiveBins = 0;
    uint32_t flags = 0;
    uint32_t sequence = 0;
    bool changed = false;
    /// The largest image the replay may build: the primary file and every
    /// log byte together. Windows logs new bins whole, so honest growth
    /// stays below it; a forged size cannot make us allocate without bound.
    uint64_t limit = 0;
    /// The caller's hooks, and how many steps were applied so far.
    const ReplayOptions* options = nullptr;
    uint32_t stepsApplied = 0;
    bool halted = false;  ///< options->stopAfter was reached

    /// False once the caller's stopAfter steps were applied.
    bool mayApply() const { return !options->stopAfter || stepsApplied < *options->stopAfter; }
    void tell(const ReplayStep& step) const {
        if (options->onStep) options->onStep(step);
    }
    void tellNotReplayed(const std::string& log, const std::string& why) const {
        if (options->onLogNotReplayed) options->onLogNotReplayed(log, why);
    }

    /// Why a log may not take the hive to `hiveBinsDataSize`, or empty.
    std::string refuseSize(uint32_t hiveBinsDataSize) const {
        if (hiveBinsDataSize > kMaxHiveBinsDataSize)
            return "declares " + hexOffset(hiveBinsDataSize) + " bytes of hive bins, more than a hive may hold (2 GiB)";
        if (kHeader + uint64_t{hiveBinsDataSize} > limit)
            return "declares " + hexOffset(hiveBinsDataSize) + " bytes of hive bins, more than the hive and its logs " +
                   "hold together (" + hexOffset(limit) + ")";
        return {};
    }

    void growTo(uint64_t size) {
        if (image.size() < size) image.resize(size, 0);
    }
    void write(const DirtyPage& page) {
        growTo(kHeader + uint64_t{page.offset} + page.data.size());
        std::copy(page.data.begin(), page.data.end(), image.begin() + kHeader + page.offset);
    }
    /// Replaces the base block with a log's first sector; the rest of the
    /// 4096 bytes (reserved, thaw and boot fields) means nothing on disk.
    void takeBaseBlock(const Candidate& log) {
        growTo(kHeader);
        std::copy_n(log.input->bytes.begin(), LL::kBaseBlockSize, image.begin());
        std::fill(image.begin() + LL::kBaseBlockSize, image.begin() + kHeader, uint8_t{0});
        hiveBins = log.header.base.hiveBinsDataSize;
        flags = log.header.base.flags;
        sequence = log.sequence();
        changed = true;
    }
    /// Rule (7): what makes the image a clean primary file.
    void sealHeader() {
        growTo(kHeader + uint64_t{hiveBins});
        uint8_t* p = image.data();
        storeU32(p + layout::base::PrimarySequence, sequence);
        storeU32(p + layout::base::SecondarySequence, sequence);
        storeU32(p + layout::base::FileType, 0);
        storeU32(p + layout::base::HiveBinsDataSize, hiveBins);
        storeU32(p + layout::base::Flags, flags);
        storeU32(p + layout::base::Checksum, baseBlockChecksum(Bytes(p, 508)));
    }
};

// ---------------------------------------------------------------------------
// New format

/// What an observer learns of a decoded entry.
ReplayStep stepOf(const std::string& log, const LogEntry& entry) {
    ReplayStep step;
    step.log = log;
    step.format = LogFormat::New;
    step.entryOffset = entry.fileOffset;
    step.sequence = entry.sequence;
    step.hiveBinsDataSize = entry.hiveBinsDataSize;
    step.hashesVerified = true;  // decodeLogEntry checked both
    for (const auto& page : entry.pages) {
        step.pageOffsets.push_back(page.offset);
        step.pageBytes += page.data.size();
    }
    return step;
}

/// Applies one log's entries from its first (rule 4) and reports where and
/// why it stopped. Returns what it applied.
AppliedLog applyEntries(const Candidate& log, Work& work, RecoveryReport& report) {
    const Bytes bytes = log.input->bytes;
    AppliedLog applied{log.name(), 0, 0, 0, 0};
    uint32_t expected = log.sequence();
    uint64_t at = LL::kFirstEntryOffset;
    std::string stop;
    for (;;) {
        if (at >= bytes.size()) {
            stop = "the log ends at " + hexOffset(bytes.size());
            break;
        }
        if (!hasLogEntrySignature(bytes, at)) {
            stop = "no further entry at " + hexOffset(at);
            break;
        }
        if (!work.mayApply()) {
            work.halted = true;
            stop = "the caller asked for " + plural(*work.options->stopAfter, "step", "steps");
            break;
        }
        auto entry = decodeLogEntry(bytes, at);
        if (!entry) {
            stop = entry.error().message + "; it and the entries after it are not applied";
            ReplayStep step;
            step.log = log.name();
            step.entryOffset = at;
            step.why = entry.error().message;
            work.tell(step);
            break;
        }
        if (entry->sequence != expected) {
            stop = "the entry at " + hexOffset(at) + " has sequence number " + std::to_string(entry->sequence) +
                   ", not " + std::to_string(expected) + " (a gap, or a remnant of older entries)";
            ReplayStep step = stepOf(log.name(), *entry);
            step.why = "sequence number " + std::to_string(entry->sequence) + ", not " + std::to_string(expected) +
                       " (a gap, or a remnant of older entries)";
            work.tell(step);
            break;
        }
        if (std::string why = work.refuseSize(entry->hiveBinsDataSize); !why.empty()) {
            stop = "the entry at " + hexOffset(at) + " " + why;
            ReplayStep step = stepOf(log.name(), *entry);
            step.why = "it " + why;
            work.tell(step);
            break;
        }
        // Rule (5): the hive takes the entry's size, then its pages.
        work.growTo(kHeader + uint64_t{entry->hiveBinsDataSize});
        for (const auto& page : entry->pages) work.write(page);
        work.hiveBins = entry->hiveBinsDataSize;
        work.flags = entry->flags;
        work.sequence = entry->sequence;
        work.changed = true;
        if (applied.entries == 0) applied.firstSequence = entry->sequence;
        applied.lastSequence = entry->sequence;
        ++applied.entries;
        applied.pages += static_cast<uint32_t>(entry->pages.size());
        ++work.stepsApplied;
        ReplayStep step = stepOf(log.name(), *entry);
        step.applied = true;
        work.tell(step);
        expected = entry->sequence + 1;
        at += entry->size;
    }
    if (applied.entries)
        report.lines.push_back(log.name() + ": applied " + (applied.entries == 1 ? "entry " : "entries ") +
                               range(applied.firstSequence, applied.lastSequence) + " (" +
                               plural(applied.entries, "entry", "entries") + ", " +
                               plural(applied.pages, "dirty page", "dirty pages") + "); stopped: " + stop);
    else
        report.lines.push_back(log.name() + ": no entry applied: " + stop);
    return applied;
}

void replayNew(const BaseBlock& hive, std::vector<Candidate> logs, Work& work, ReplayResult& result,
               RecoveryReport& report) {
    std::vector<const Candidate*> order;
    if (hive.checksumValid()) {
        // Rule (2).
        for (const auto& log : logs) {
            if (after(hive.secondarySequence, log.sequence())) {
                const std::string why = "its sequence number " + std::to_string(log.sequence()) +
                                        " is older than the hive's secondary sequence number " +
                                        std::to_string(hive.secondarySequence);
                report.lines.push_back(log.name() + ": skipped: " + why);
                work.tellNotReplayed(log.name(), why);
            } else
                order.push_back(&log);
        }
        // Distances from the hive's number order the rest, wrap-around included.
        std::sort(order.begin(), order.end(), [&](const Candidate* a, const Candidate* b) {
            return a->sequence() - hive.secondarySequence < b->sequence() - hive.secondarySequence;
        });
    } else {
        // Rule (3).
        const Candidate* newest = &logs.front();
        for (const auto& log : logs)
            if (after(log.sequence(), newest->sequence())) newest = &log;
        for (const auto& log : logs)
            if (&log != newest) {
                const std::string why =
                    "the hive's base block is bad, so only the newest log (" + newest->name() + ") counts";
                report.lines.push_back(log.name() + ": not replayed: " + why);
                work.tellNotReplayed(log.name(), why);
            }
        work.takeBaseBlock(*newest);
        result.baseBlockFromLog = true;
        report.lines.push_back("base block taken from " + newest->name() + " (sequence number " +
                               std::to_string(newest->sequence()) + ")");
        order.push_back(newest);
    }
    std::optional<uint32_t> next;
    for (const Candidate* log : order) {
        if (work.halted) break;
        if (next && log->sequence() != *next) {
            const std::string why = "it starts at sequence number " + std::to_string(log->sequence()) +
                                    ", the sequence continues at " + std::to_string(*next);
            report.lines.push_back(log->name() + ": not replayed: " + why);
            work.tellNotReplayed(log->name(), why);
            continue;
        }
        AppliedLog applied = applyEntries(*log, work, report);
        next = applied.entries ? applied.lastSequence + 1 : log->sequence();
        if (applied.entries) result.applied.push_back(std::move(applied));
    }
}

// ---------------------------------------------------------------------------
// Old format

void replayOld(Bytes primary, const BaseBlock& hive, std::vector<Candidate> logs, Work& work,
               ReplayResult& result, RecoveryReport& report) {
    // Rule (6): the timestamp ties a log to the hive state it continues.
    std::optional<uint64_t> stamp;
    std::string stampSource = "the hive's";
    if (hive.checksumValid()) {
        stamp = hive.lastWritten;
    } else if (primary.size() >= kHeader + layout::kHbinHeaderSize &&
               loadU32(primary.data() + kHeader) == layout::kHbinSignature) {
        stamp = loadU64(primary.data() + kHeader + layout::hbin::Timestamp);
        stampSource = "the first hbin's";
    }
    std::vector<const Candidate*> eligible;
    for (const auto& log : logs) {
        const uint64_t t = log.header.base.lastWritten;
        std::string why;
        if (!stamp)
            why = "the hive has neither a valid base block nor a first hbin whose timestamp could match the log's";
        else if (t != *stamp && !hive.checksumValid() && t > *stamp)
            // The hive's base block is bad, so the first hbin's timestamp is
            // only a hint; a log written after it is the best copy there is.
            report.lines.push_back("warning: " + log.name() + ": its last-written timestamp " + formatFiletime(t) +
                                   " differs from " + stampSource + " " + formatFiletime(*stamp) +
                                   "; the hive's base block is bad and the log is newer, so it is applied");
        else if (t != *stamp)
            why = "its last-written timestamp " + formatFiletime(t) + " differs from " + stampSource + " " +
                  formatFiletime(*stamp);
        if (why.empty()) {
            eligible.push_back(&log);
        } else {
            report.lines.push_back(log.name() + ": not eligible: " + why);
            work.tellNotReplayed(log.name(), why);
        }
    }
    std::sort(eligible.begin(), eligible.end(),
              [](const Candidate* a, const Candidate* b) { return after(a->sequence(), b->sequence()); });
    for (const Candidate* log : eligible) {
        const uint32_t logBins = log->header.base.hiveBinsDataSize;
        if (std::string why = work.refuseSize(logBins); !why.empty()) {
            report.lines.push_back(log->name() + ": not usable: its base block " + why);
            work.tellNotReplayed(log->name(), "its base block " + why);
            continue;
        }
        auto pages = decodeDirtyPages(log->input->bytes, logBins);
        if (!pages) {
            report.lines.push_back(log->name() + ": not usable: " + pages.error().message);
            work.tellNotReplayed(log->name(), pages.error().message);
            continue;
        }
        for (const Candidate* other : eligible)
            if (other != log) {
                const std::string why =
                    log->name() + " is newer (sequence number " + std::to_string(log->sequence()) + ")";
                report.lines.push_back(other->name() + ": not used: " + why);
                work.tellNotReplayed(other->name(), why);
            }
        if (!work.mayApply()) {
            work.halted = true;
            report.lines.push_back(log->name() + ": not applied: the caller asked for 0 steps");
            return;
        }
        if (!hive.checksumValid()) {
            work.takeBaseBlock(*log);
            result.baseBlockFromLog = true;
            report.lines.push_back("base block taken from " + log->name());
        }
        work.growTo(kHeader + uint64_t{logBins});
        std::vector<bool> dirty(logBins / LL::kOldPageSize, false);
        for (const auto& page : *pages) {
            work.write(page);
            dirty[page.offset / LL::kOldPageSize] = true;
        }
        // Verify the hbins the pages rewrote; stop before the first bad one.
        uint32_t stopAt = logBins;
        std::string why;
        for (uint32_t pos = 0; pos < logBins;) {
            auto bin = decodeHiveBinHeader(Bytes(work.image).subspan(kHeader + pos, layout::kHbinHeaderSize), pos,
                                           kHeader + pos, logBins - pos);
            if (bin) {
                pos += bin->size;
            } else if (dirty[pos / LL::kOldPageSize]) {
                stopAt = pos;
                why = bin.error().message;
                break;
            } else {
                pos += layout::kHbinAlignment;  // damage of the primary file's own, not the log's to judge
            }
        }
        uint32_t written = 0;
        for (const auto& page : *pages) {
            if (page.offset < stopAt) {
                ++written;
                continue;
            }
            // Put back what the primary file holds there.
            const uint64_t from = kHeader + uint64_t{page.offset};
            for (size_t i = 0; i < page.data.size(); ++i)
                work.image[from + i] = from + i < primary.size() ? primary[from + i] : 0;
        }
        work.hiveBins = stopAt == logBins || !hive.checksumValid() ? logBins : hive.hiveBinsDataSize;
        if (hive.checksumValid()) {
            work.sequence = hive.primarySequence;
            work.flags = hive.flags;
        }
        work.changed = work.changed || written > 0;
        std::string line = log->name() + ": applied " + plural(written, "dirty page", "dirty pages") + " of " +
                           std::to_string(pages->size());
        if (stopAt != logBins)
            line += "; stopped before the dirty hbin at " + hexOffset(kHeader + uint64_t{stopAt}) + ": " + why;
        report.lines.push_back(line);
        if (written) result.applied.push_back(AppliedLog{log->name(), 0, 0, 0, written});
        ReplayStep step;
        step.log = log->name();
        step.format = LogFormat::Old;
        step.entryOffset = LL::kDirtyVectorOffset;
        step.sequence = log->sequence();
        step.hiveBinsDataSize = work.hiveBins;
        for (const auto& page : *pages)
            if (page.offset < stopAt) {
                step.pageOffsets.push_back(page.offset);
                step.pageBytes += page.data.size();
            }
        step.applied = written > 0;
        if (stopAt != logBins) step.why = "stopped before the dirty hbin at " + hexOffset(kHeader + uint64_t{stopAt}) + ": " + why;
        if (written) ++work.stepsApplied;
        work.tell(step);
        return;
    }
}

}  // namespace

Result<ReplayResult> replayLogs(Bytes primary, const std::vector<LogInput>& logs, RecoveryReport& report,
                                const ReplayOptions& options) {
    auto decoded = decodeBaseBlock(primary);
    if (!decoded) return std::unexpected(decoded.error());
    const BaseBlock& hive = *decoded;
    ReplayResult result;
    result.hiveBinsBefore = hive.hiveBinsDataSize;
    if (!hive.checksumValid())
        report.lines.push_back("the hive's base block is bad: checksum " + hexOffset(hive.checksum) + ", computed " +
                               hexOffset(hive.computedChecksum));
    else if (!hive.sequencesMatch())
        report.lines.push_back("the hive is dirty: sequence numbers " + std::to_string(hive.primarySequence) + " and " +
                               std::to_string(hive.secondarySequence) + " differ");
    if (logs.empty()) {
        report.lines.push_back("no transaction logs beside the hive: it is read as it is");
        return result;
    }

    std::vector<Candidate> fresh, old;
    for (const auto& log : logs) {
        if (log.bytes.empty()) {
            report.lines.push_back(log.name + ": empty, not a log");
            if (options.onLogNotReplayed) options.onLogNotReplayed(log.name, "empty, not a log");
            continue;
        }
        auto header = decodeLogHeader(log.bytes);
        if (!header) {
            report.lines.push_back(log.name + ": not usable: " + header.error().message);
            if (options.onLogNotReplayed) options.onLogNotReplayed(log.name, header.error().message);
            continue;
        }
        const bool isNew = header->format == LogFormat::New;
        report.lines.push_back(log.name + ": " + (isNew ? "new-format (HvLE)" : "old-format (DIRT)") +
                               " log, sequence number " + std::to_string(header->sequence()) + ", " +
                               std::to_string(log.bytes.size()) + " bytes");
        (isNew ? fresh : old).push_back(Candidate{&log, *header});
    }

    Work work;
    work.image.assign(primary.begin(), primary.end());
    work.hiveBins = hive.hiveBinsDataSize;
    work.flags = hive.flags;
    work.sequence = hive.primarySequence;
    work.options = &options;
    work.limit = primary.size();
    for (const auto& log : logs) work.limit += log.bytes.size();
    if (!fresh.empty()) {
        for (const auto& log : old) {
            report.lines.push_back(log.name() + ": not used: new-format logs take precedence");
            work.tellNotReplayed(log.name(), "new-format logs take precedence");
        }
        replayNew(hive, std::move(fresh), work, result, report);
    } else if (!old.empty()) {
        replayOld(primary, hive, std::move(old), work, result, report);
    } else {
        report.lines.push_back("no usable transaction log: the hive is read as it is");
    }
    if (!work.changed) return result;

    work.sealHeader();
    result.hiveBinsAfter = work.hiveBins;
    result.sequence = work.sequence;
    result.image = std::move(work.image);
    report.recovered = true;
    std::string line = "recovered: sequence numbers " + std::to_string(work.sequence) + "/" +
                       std::to_string(work.sequence) + ", hive bins data " + hexOffset(result.hiveBinsBefore);
    if (result.hiveBinsAfter != result.hiveBinsBefore)
        line += (result.hiveBinsAfter > result.hiveBinsBefore ? " grown to " : " shrunk to ") +
                hexOffset(result.hiveBinsAfter);
    line += ", checksum " + hexOffset(loadU32(result.image.data() + layout::base::Checksum));
    report.lines.push_back(line);
    return result;
}

Result<ReplayResult> replayLogFiles(const std::string& hivePath, Bytes primary, RecoveryReport& report,
                                    const ReplayOptions& options) {
    std::vector<std::unique_ptr<FileMapping>> mappings;
    std::vector<LogInput> logs;
    for (const auto& path : findLogFiles(hivePath)) {
        const std::string name = path.substr(path.rfind('/') + 1);
        auto mapping = FileMapping::open(path);
        if (!mapping) {
            report.lines.push_back(name + ": cannot be read: " + mapping.error().message);
            if (options.onLogNotReplayed) options.onLogNotReplayed(name, "cannot be read: " + mapping.error().message);
            continue;
        }
        logs.push_back(LogInput{name, (*mapping)->bytes()});
        mappings.push_back(std::move(*mapping));
    }
    // The mappings stay alive until the replay has copied what it needs.
    return replayLogs(primary, logs, report, options);
}

Result<std::vector<uint8_t>> recoverFromLogs(const std::string& hivePath, Bytes primary, RecoveryReport& report) {
    auto result = replayLogFiles(hivePath, primary, report);
    if (!result) return std::unexpected(result.error());
    return std::move(result->image);
}

}  // namespace hivekit
