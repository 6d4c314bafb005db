#include "tx/TxManager.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cctype>
#include <chrono>
#include <vector>

#include "format/BaseBlock.h"
#include "format/Layout.h"
#include "format/LogFile.h"
#include "hive/LogRecovery.h"

namespace hivekit {

namespace B = layout::base;

namespace {

constexpr uint64_t kHeaderSize = layout::kBaseBlockSize;
constexpr size_t kSector = 512;
using Sector = std::array<uint8_t, kSector>;

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// Prefixes an error's message with what the commit was doing.
std::unexpected<Error> during(const std::string& what, const Error& e, const std::string& outcome) {
    return fail(e.code, what + ": " + e.message + outcome, e.offset);
}

}  // namespace

/// The state recovered from a dirty hive's logs, as the checkpoint (10)
/// writes it.
struct TxManager::RecoveredState {
    /// Consecutive pages of the bins that recovery changed.
    struct Run {
        uint64_t offset = 0;  ///< in the file
        std::vector<uint8_t> bytes;
    };
    Sector header{};        ///< the recovered first sector: clean, sequence M
    uint32_t sequence = 0;  ///< M
    uint64_t size = 0;      ///< of the recovered image
    uint64_t pages = 0;
    std::vector<Run> runs;
};

uint64_t filetimeNow() {
    using namespace std::chrono;
    const auto since1970 = duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
    return static_cast<uint64_t>(since1970 / 100) + 116444736000000000ULL;
}

Result<std::unique_ptr<TxManager>> TxManager::open(const std::string& path, TxOptions options) {
    std::unique_ptr<TxManager> tx(new TxManager);
    if (options.lock) {
        if (!options.lock->covers(path))
            return fail(ErrorCode::Invalid, path + ": the lock given is on another file (" + options.lock->path() + ")");
        tx->lock_ = options.lock;
    } else {
        auto lock = HiveLock::acquire(path, LockKind::Exclusive, options.lockWait);
        if (!lock) return std::unexpected(lock.error());
        tx->lock_ = std::move(*lock);
    }
    tx->path_ = path;
    tx->options_ = std::move(options);
    if (tx->options_.io) {
        tx->io_ = tx->options_.io;
    } else {
        tx->ownedIo_ = makeRealFileIO();
        tx->io_ = tx->ownedIo_.get();
    }
    if (auto r = tx->loadImage(); !r) return std::unexpected(r.error());
    return tx;
}

TxManager::~TxManager() = default;

Result<void> TxManager::loadImage() {
    hive_.reset();
    dirty_.clear();
    active_ = false;
    OpenOptions o;
    o.useLogs = options_.useLogs;
    auto h = Hive::openEditable(path_, o);
    if (!h) return std::unexpected(h.error());
    hive_ = std::move(*h);
    recovered_.reset();
    if (!hive_->recovery().recovered) return {};
    // Recovery changed the image: writing it is this session's first
    // pending change (invariant 9 replays it again), and its checkpoint
    // (10) needs it as it is now, before any edit.
    auto disk = FileMapping::open(path_);
    if (!disk) return std::unexpected(disk.error());
    keepRecoveredState((*disk)->bytes());
    return begin();
}

void TxManager::keepRecoveredState(Bytes disk) {
    auto state = std::make_unique<RecoveredState>();
    const Bytes image = hive_->bytes();
    std::copy_n(image.begin(), kSector, state->header.begin());
    state->sequence = loadU32(image.data() + B::PrimarySequence);
    state->size = image.size();
    for (uint64_t at = kHeaderSize; at < image.size(); at += DirtyTracker::kPageSize) {
        const uint64_t n = std::min<uint64_t>(DirtyTracker::kPageSize, image.size() - at);
        const auto page = image.subspan(static_cast<size_t>(at), static_cast<size_t>(n));
        if (at + n <= disk.size() && std::equal(page.begin(), page.end(), disk.begin() + static_cast<ptrdiff_t>(at)))
            continue;
        if (state->runs.empty() || state->runs.back().offset + state->runs.back().bytes.size() != at)
            state->runs.push_back(RecoveredState::Run{at, {}});
        state->runs.back().bytes.insert(state->runs.back().bytes.end(), page.begin(), page.end());
        ++state->pages;
    }
    recovered_ = std::move(state);
}

void TxManager::carryRecoveredStateIntoLog() {
    for (const auto& run : recovered_->runs) dirty_.mark(run.offset, run.bytes.size());
    recovered_.reset();
}

Result<void> TxManager::checkUsable() const {
    if (broken_)
        return fail(ErrorCode::Io, path_ + ": an earlier commit failed (" + broken_->message +
                                       "); open the hive again (its log recovers the commit)");
    return {};
}

Result<void> TxManager::begin() {
    if (auto r = checkUsable(); !r) return r;
    if (active_) return {};
    const uint8_t* header = hive_->bytes().data();
    sequence_ = loadU32(header + B::PrimarySequence) + 1;  // wraps as Windows' does
    timestamp_ = options_.clock ? options_.clock() : filetimeNow();
    active_ = true;
    storeU32(writable(B::PrimarySequence, 4).data(), sequence_);
    return {};
}

std::span<uint8_t> TxManager::writable(uint64_t fileOffset, size_t n) {
    assert(active_);
    assert(fileOffset <= hive_->bytes().size() && n <= hive_->bytes().size() - fileOffset);
    dirty_.mark(fileOffset, n);
    return hive_->mutableBytes().subspan(static_cast<size_t>(fileOffset), n);
}

Result<void> TxManager::growImage(uint64_t size) {
    assert(active_);
    return hive_->growImage(static_cast<size_t>(size));
}

Result<void> TxManager::reread() {
    auto h = Hive::reread(std::move(hive_));
    if (!h) {
        broken_ = h.error();
        return std::unexpected(h.error());
    }
    hive_ = std::move(*h);
    return {};
}

Result<void> TxManager::rollback() {
    if (auto r = checkUsable(); !r) return r;
    return loadImage();
}

std::string TxManager::logPathFor() const {
    for (const auto& log : findLogFiles(path_))
        if (endsWith(lower(log), ".log1")) return log;
    return path_ + ".LOG1";
}

/// What one commit carries from stage to stage.
struct TxManager::CommitState {
    CommitReport report;
    Bytes image;
    uint32_t binsEnd = 0;
    uint32_t flags = 0;
    Sector newHeader{};  ///< H's first sector once COMMITTED
    Sector logHeader{};  ///< the same as L's base block (file type 6)
    std::vector<DirtyPage> pages;  ///< the dirty page runs of the bins
    FileId hive = -1;
    bool grown = false;        ///< H was reserved to a new size (undone on failure)
    uint64_t undoSize = 0;     ///< what undoing the reservation truncates H to
    bool hiveWritten = false;  ///< H's bytes changed: failures are sticky (8)
    Sector diskHeader{};       ///< H's first sector as it is on disk
    bool checkpointOnly = false;  ///< no edits: the checkpoint is the commit (10)
    bool checkpointing = false;   ///< inside the checkpoint: failures are sticky
    bool checkpointed = false;    ///< H is clean and holds the recovered state
};

const char* flushModeName(FlushMode mode) {
    switch (mode) {
    case FlushMode::Durable: return "durable";
    case FlushMode::ProcessCrashOnly: return "process-crash-only";
    case FlushMode::None: return "none";
    }
    return "?";
}

Result<CommitReport> TxManager::commit() {
    primaryTouched_ = false;
    if (auto r = checkUsable(); !r) return std::unexpected(r.error());
    if (!active_) return CommitReport{};
    // Tests only: the protocol without (10), the recovered pages carried
    // into the new log entry instead (ProtocolMutation).
    if (recovered_ && mutated(ProtocolMutation::SkipCheckpoint)) carryRecoveredStateIntoLog();
    CommitState c;
    auto worth = prepare(c);
    if (!worth) return std::unexpected(worth.error());
    if (!*worth) return c.report;
    struct CloseHive {
        FileIO& io;
        CommitState& c;
        ~CloseHive() {
            if (c.hive >= 0) (void)io.close(c.hive);
        }
    } closeHive{*io_, c};
    for (Stage stage : stagesFor(c))
        if (auto r = (this->*stage)(c); !r) return std::unexpected(r.error());
    return finish(c);
}

std::vector<TxManager::Stage> TxManager::stagesFor(const CommitState& c) const {
    std::vector<Stage> stages = {&TxManager::growHive,  &TxManager::checkpoint, &TxManager::writeLog,
                                 &TxManager::markDirty, &TxManager::writePages, &TxManager::writeHeader,
                                 &TxManager::resetLogs};
    if (c.checkpointOnly) stages = {&TxManager::growHive, &TxManager::checkpoint, &TxManager::resetLogs};
    // Tests only: a mutation that moves one stage (ProtocolMutation).
    auto swap = [&](Stage a, Stage b) {
        // A checkpoint-only commit lacks the stages most mutations move.
        const auto first = std::find(stages.begin(), stages.end(), a);
        const auto second = std::find(stages.begin(), stages.end(), b);
        if (first != stages.end() && second != stages.end()) std::iter_swap(first, second);
    };
    if (mutated(ProtocolMutation::GrowAfterLog)) swap(&TxManager::growHive, &TxManager::writeLog);
    if (mutated(ProtocolMutation::MarkBeforeLog)) swap(&TxManager::writeLog, &TxManager::markDirty);
    if (mutated(ProtocolMutation::PagesBeforeMark)) swap(&TxManager::markDirty, &TxManager::writePages);
    if (mutated(ProtocolMutation::HeaderBeforePages)) swap(&TxManager::writePages, &TxManager::writeHeader);
    if (mutated(ProtocolMutation::ResetLogsBeforeHeader)) swap(&TxManager::writeHeader, &TxManager::resetLogs);
    return stages;
}

Result<bool> TxManager::prepare(CommitState& c) {
    c.image = hive_->bytes();
    c.binsEnd = loadU32(c.image.data() + B::HiveBinsDataSize);
    c.flags = loadU32(c.image.data() + B::Flags);

    // The sectors the commit writes: the new header, its copy in the log.
    std::copy_n(c.image.begin(), kSector, c.newHeader.begin());
    storeU32(c.newHeader.data() + B::PrimarySequence, sequence_);
    storeU32(c.newHeader.data() + B::SecondarySequence, sequence_);
    storeU64(c.newHeader.data() + B::LastWritten, timestamp_);
    storeU32(c.newHeader.data() + B::FileType, 0);
    sealBaseBlock(c.newHeader);
    c.logHeader = c.newHeader;
    storeU32(c.logHeader.data() + B::FileType, layout::log::kFileTypeNew);
    sealBaseBlock(c.logHeader);

    // The dirty pages of the bins, for the log and the hive file.
    for (const auto& run : dirty_.pageRuns(kHeaderSize)) {
        const uint64_t end = std::min<uint64_t>(run.offset + run.length, kHeaderSize + c.binsEnd);
        if (end <= run.offset) continue;
        c.pages.push_back(DirtyPage{static_cast<uint32_t>(run.offset - kHeaderSize),
                                    c.image.subspan(static_cast<size_t>(run.offset),
                                                    static_cast<size_t>(end - run.offset))});
    }
    c.report.dirtyPages = dirty_.pageCount();
    c.report.logPath = logPathFor();
    if (!c.pages.empty()) return true;
    if (recovered_) {
        // No edit, but a recovered state to write: the checkpoint alone
        // (10) commits it, under the sequence number recovery gave it.
        c.checkpointOnly = true;
        sequence_ = recovered_->sequence;
        c.newHeader = recovered_->header;
        return true;
    }
    // Only the sequence number changed (edits that cancelled out, or
    // none): nothing worth a commit.
    if (auto r = loadImage(); !r) return std::unexpected(r.error());
    c.report = CommitReport{};
    return false;
}

Result<void> TxManager::writeHive(CommitState& c, uint64_t offset, Bytes bytes) {
    if (auto r = io_->write(c.hive, offset, bytes); !r) return r;
    primaryTouched_ = true;
    c.report.primaryBytes += bytes.size();
    ++c.report.primaryWrites;
    return {};
}

Result<void> TxManager::flush(CommitState& c, FileId file, ProtocolMutation skipped) {
    if (options_.flush == FlushMode::None || mutated(skipped)) return {};
    ++c.report.flushes;
    return io_->sync(file, options_.flush == FlushMode::Durable ? SyncKind::Data : SyncKind::Written);
}

std::unexpected<Error> TxManager::failed(CommitState& c, const std::string& what, const Error& e) {
    // The first write to H failed: H is as it was but for its reservation,
    // undone here too, so that primaryTouched() false means H unchanged.
    if ((c.checkpointing || c.hiveWritten) && !primaryTouched_ && c.grown) (void)io_->truncate(c.hive, c.undoSize);
    if (c.checkpointing) {
        broken_ = e;
        return during("cannot write the state recovered from the logs", e,
                      "; the hive file is still dirty and its logs still rebuild that state: open the hive "
                      "again (the pending edits are lost)");
    }
    if (!c.hiveWritten) {
        if (c.grown) (void)io_->truncate(c.hive, c.undoSize);
        return during(what, e,
                      c.checkpointed ? "; the hive file holds the state recovered from its logs (written first), "
                                       "not the edits, which are still pending"
                                     : "; the hive file is unchanged");
    }
    broken_ = e;
    return during("commit interrupted", e,
                  "; the hive file is marked dirty and its log " + c.report.logPath +
                      " holds the whole commit: open the hive again to recover it");
}

Result<void> TxManager::growHive(CommitState& c) {
    // (2) The hive file opens for writing and has room, before the log.
    auto hiveFile = io_->open(path_, false);
    if (!hiveFile) return failed(c, "cannot commit", hiveFile.error());
    c.hive = *hiveFile;
    auto sizeBefore = io_->size(c.hive);
    if (!sizeBefore) return failed(c, "cannot commit", sizeBefore.error());
    c.report.sizeBefore = *sizeBefore;
    c.undoSize = *sizeBefore;
    if (c.image.size() > *sizeBefore) {
        c.grown = true;
        if (auto r = io_->reserve(c.hive, c.image.size()); !r) return failed(c, "cannot commit", r.error());
    }
    if (auto r = io_->read(c.hive, 0, c.diskHeader); !r) return failed(c, "cannot commit", r.error());
    return {};
}

Result<void> TxManager::checkpoint(CommitState& c) {
    // (10) A recovered hive's state made durable in H before L, which is
    // all that rebuilds it, can be overwritten: the recovered pages, then
    // the clean header, each flushed. H stays dirty until that header.
    if (!recovered_) return {};
    const RecoveredState& r = *recovered_;
    c.hiveWritten = true;
    c.checkpointing = true;
    for (const auto& run : r.runs) {
        Bytes bytes = run.bytes;
        if (mutated(ProtocolMutation::CheckpointEdits))
            bytes = c.image.subspan(static_cast<size_t>(run.offset), run.bytes.size());
        if (auto w = writeHive(c, run.offset, bytes); !w) return failed(c, "", w.error());
    }
    if (auto f = flush(c, c.hive, ProtocolMutation::SkipCheckpointFlush); !f) return failed(c, "", f.error());
    if (auto w = writeHive(c, 0, r.header); !w) return failed(c, "", w.error());
    if (auto f = flush(c, c.hive, ProtocolMutation::SkipCheckpointFlush); !f) return failed(c, "", f.error());
    // H is CLEAN with sequence M and holds the recovered state: the commit
    // goes on from there, as on a hive that was never dirty.
    c.diskHeader = r.header;
    c.undoSize = std::max(c.undoSize, r.size);
    c.report.checkpointPages = r.pages;
    c.checkpointing = false;
    c.hiveWritten = false;
    c.checkpointed = true;
    recovered_.reset();
    return {};
}

Result<void> TxManager::writeLog(CommitState& c) {
    // (3) The log: every dirty page of the bins, durable before H changes.
    std::vector<uint8_t> entry = encodeLogEntry(sequence_, c.flags, c.binsEnd, c.pages);
    entry.resize(entry.size() + kSector, 0);  // a zero sector ends the log here
    const std::string what = "cannot write the log " + c.report.logPath;
    auto existed = io_->exists(c.report.logPath);
    if (!existed) return failed(c, what, existed.error());
    auto logFile = io_->open(c.report.logPath, true);
    if (!logFile) return failed(c, what, logFile.error());
    const FileId L = *logFile;
    // Written over whatever the log held, never truncated: a log that keeps
    // its size is overwritten in allocated blocks, so its flush carries no
    // metadata (and ext4 does not force a writeback on close, as it does
    // for a file truncated to zero and rewritten). The zero sector after
    // the entry ends the log before any stale entry of an earlier commit.
    auto logged = [&]() -> Result<void> {
        if (auto r = io_->write(L, 0, c.logHeader); !r) return r;
        if (auto r = io_->write(L, kSector, entry); !r) return r;
        if (auto r = flush(c, L, ProtocolMutation::SkipLogFlush); !r) return r;
        // A created log's name must be durable too, or a power cut takes
        // the log away from the dirty hive it rebuilds.
        if (*existed || options_.flush != FlushMode::Durable || mutated(ProtocolMutation::SkipLogDirectorySync))
            return {};
        ++c.report.flushes;
        return io_->syncDirectory(directoryOf(c.report.logPath));
    }();
    (void)io_->close(L);
    if (!logged) return failed(c, what, logged.error());
    c.report.logBytes = kSector + entry.size();
    return {};
}

Result<void> TxManager::markDirty(CommitState& c) {
    // (4) The old first sector with primary N+1: H is dirty, flushed (with
    // H's new size) before any page changes.
    Sector mark = c.diskHeader;
    storeU32(mark.data() + B::PrimarySequence, sequence_);
    sealBaseBlock(mark);
    c.hiveWritten = true;
    if (auto r = writeHive(c, 0, mark); !r) return failed(c, "", r.error());
    if (auto r = flush(c, c.hive, ProtocolMutation::SkipMarkFlush); !r) return failed(c, "", r.error());
    return {};
}

Result<void> TxManager::writePages(CommitState& c) {
    // (5) The pages, flushed before the header that declares them.
    c.hiveWritten = true;
    for (const auto& page : c.pages) {
        if (auto r = writeHive(c, kHeaderSize + page.offset, page.data); !r) return failed(c, "", r.error());
    }
    if (auto r = flush(c, c.hive, ProtocolMutation::SkipPagesFlush); !r) return failed(c, "", r.error());
    return {};
}

Result<void> TxManager::writeHeader(CommitState& c) {
    // (6) The new header, one sector, flushed before commit() may succeed.
    c.hiveWritten = true;
    if (auto r = writeHive(c, 0, c.newHeader); !r) return failed(c, "", r.error());
    if (auto r = flush(c, c.hive, ProtocolMutation::SkipHeaderFlush); !r) return failed(c, "", r.error());
    return {};
}

Result<void> TxManager::resetLogs(CommitState& c) {
    // (7) Reset the logs, the way Windows reuses them: nothing is truncated
    // and nothing flushed (see the essay); the first sector of every log
    // that would still pass as valid gets sequence numbers that differ,
    // which makes recovery skip the log (LogRecovery rule 1). A failure
    // here leaves a valid but stale log beside a clean hive, which recovery
    // never consults: it is ignored.
    std::vector<std::string> logs = findLogFiles(path_);
    if (std::find(logs.begin(), logs.end(), c.report.logPath) == logs.end()) logs.push_back(c.report.logPath);
    for (const auto& log : logs) {
        auto size = io_->fileSize(log);
        if (!size || *size < kSector) continue;
        auto f = io_->open(log, false);
        if (!f) break;
        Sector first;
        const bool reset = [&] {
            if (!io_->read(*f, 0, first)) return false;
            if (!decodeLogHeader(first)) return true;  // already inert, or not a log
            storeU32(first.data() + B::SecondarySequence, loadU32(first.data() + B::PrimarySequence) - 1);
            sealBaseBlock(first);
            return io_->write(*f, 0, first).has_value();
        }();
        (void)io_->close(*f);
        if (!reset) break;
    }
    return {};
}

Result<CommitReport> TxManager::finish(CommitState& c) {
    auto sizeAfter = io_->size(c.hive);
    c.report.sizeAfter = sizeAfter ? *sizeAfter : c.image.size();
    // The image now equals the file.
    std::copy(c.newHeader.begin(), c.newHeader.end(), hive_->mutableBytes().begin());
    dirty_.clear();
    active_ = false;
    c.report.wrote = true;
    c.report.sequence = sequence_;
    if (auto r = reread(); !r) return std::unexpected(r.error());
    return c.report;
}

}  // namespace hivekit
