// TxManager: the transaction protocol of a hive being edited. It owns the
// editable image (a Hive over a copy-on-write mapping), the dirty pages,
// the sequence numbers, the timestamps and the header checksum, the log,
// and the order in which bytes reach the disk. It knows nothing of cells:
// the Allocator and the strategies write through writable().
//
// The protocol, SQLite pager style. H is the hive file, L its log
// (NAME.LOG1, or the .LOG1 already beside it in any letter case), N the
// sequence number of the last completed commit (H's primary = secondary =
// N when a transaction begins). "Flushed" means what the flush mode says
// (below); in the default mode, Durable, it is fdatasync: on stable storage.
//
// On-disk states of one commit, in order:
//
//   CLEAN       H: primary = secondary = N, checksum valid. L: anything.
//   GROWN       H reserved to its new size (new bytes read as zeros past
//               the old hive bins size, which the header still declares).
//   CHECKPOINTED  only when H was opened dirty and its logs were replayed
//               into the image (H: primary P != secondary S, L rebuilds the
//               recovered state R with sequence number M): every page that
//               recovery changed written to H with its recovered content
//               (not the edits made since), flushed; then H's first sector
//               replaced by R's (primary = secondary = M, R's hive bins
//               size, checksum), flushed. L untouched throughout. From here
//               on N is M: H is CLEAN and holds R.
//   LOGGED      L: a base block (first sector only) with primary = secondary
//               = N+1, file type 6 and the new header fields, then one HvLE
//               entry with sequence N+1 holding every dirty page of the
//               hive bins, both Marvin32 hashes, then a zero sector; flushed,
//               and L's directory flushed when the commit created L. L is
//               written over what it held and never truncated: beyond the
//               zero sector it may keep stale bytes that recovery never
//               reads (an entry must follow without a gap). H unchanged.
//   MARKED      H's first sector as on disk but primary = N+1 (secondary N):
//               H is dirty; flushed (with H's new size).
//   WRITTEN     every dirty page of the bins written to H; flushed.
//   COMMITTED   H's first sector replaced by the new one: primary =
//               secondary = N+1, new hive bins size, new last-written time,
//               checksum; flushed. commit() returns success only from here.
//   RESET       the first sector of L (and of every other log of H that
//               still passes as valid) rewritten with sequence numbers that
//               differ, which makes recovery skip it (LogRecovery rule 1).
//               Not flushed, not truncated (see (7)).
//
// Invariants (the code enforces them where the comment cites the number;
// tests cite them too):
//
//  (1) Before commit() nothing is written to H or L: edits change only the
//      private image; the file's bytes are never mapped writable.
//  (2) Before the first byte of L is written, H is opened for writing and
//      reserved to its new size, so a read-only file or a full disk fails
//      the commit with H untouched (a failed reservation is undone).
//  (3) L is complete and flushed before the first byte of H changes: in
//      the Durable mode its data and size (fdatasync), and its name (the
//      directory's fsync) when the commit created it. Its base block and entry carry N+1, newer
//      than H's secondary (N), so log recovery (hive/LogRecovery, rules 2
//      and 4) applies it whenever H is dirty, and takes H's base block from
//      it when H's is damaged (rule 3).
//  (4) H is marked dirty and flushed before any page of H changes: a dirty
//      H always has the log that rebuilds it. Only the primary sequence
//      number (and the checksum) differ from the old first sector, so until
//      a page changes H still reads as the old tree when its log is not
//      used (--no-logs, or a reader that ignores logs).
//  (5) Every dirty page is written to H and flushed before the header that
//      declares them clean (secondary = N+1) is written.
//  (6) The new header is one 512-byte sector write (atomic against tearing:
//      a torn write leaves the MARKED sector or the COMMITTED one), flushed
//      before commit() returns: a commit that returned success survives a
//      power cut (in the Durable mode).
//  (7) L is reset only after (6) is flushed: until then L can rebuild every
//      page of the commit. The reset is not flushed: once (6) is durable H
//      is clean and recovery never consults L, and the next commit
//      overwrites L's first sector and flushes it (3) before H is marked
//      again. L keeps its size, so that the next commit overwrites
//      allocated blocks of L.
//  (8) A failure before H's first write (4) leaves H untouched (its
//      reservation undone) and the transaction pending: commit() may be
//      retried, or rollback() called. A failure from (4) on is sticky
//      (SQLite's ERROR state): H is now whatever recovery makes of it (the
//      new tree), so every later call fails until the hive is opened again.
//      So is a failure inside a checkpoint (10) (H: the recovered tree). A
//      failure while resetting (7) is ignored: the commit is complete.
//  (9) Rollback discards the image and maps the file again; H and L are not
//      touched. A dirty hive's recovery is replayed again into the image.
// (10) A dirty H's recovered state is made durable before anything that
//      could destroy the log it depends on (Windows does the same when it
//      loads a dirty hive): the first commit after the logs were replayed
//      checkpoints (CHECKPOINTED above) before the first byte of L is
//      written. While it runs H stays dirty (its header is written last, as
//      one sector) and L is not touched, and it writes only pages that L
//      rebuilds, so a crash anywhere in it leaves H dirty with L still
//      rebuilding R. It writes R's pages as recovery left them, kept apart
//      at open: the edits since are not in L, and a crash after the clean
//      header would keep them without the rest of the transaction. Without
//      the checkpoint the next commit would overwrite L (3) while H still
//      needs it: a crash before the new L is complete would leave a dirty H
//      that no log rebuilds. A commit with no edits is the checkpoint
//      alone (sequence number M). A failure once H is written is sticky
//      (8); after the checkpoint, the commit is pending again (8) over a
//      CLEAN H that holds R.
// (11) One writer at a time: open() takes an exclusive lock on H
//      (tx/HiveLock.h: an open-file-description lock, so a second
//      TxManager in this process is refused like another process) before
//      it reads H, and holds it until the TxManager is destroyed. Every
//      writer of H's logs is a writer of H, so the lock on H covers them.
//      Without it, two writers each log and write their own view of H:
//      updates are lost and cells referenced twice. Readers take no lock.
//
// What a crash leaves, by the state it interrupts (checked by CrashTest
// with a process kill, a power cut, a power cut tearing the write in
// flight, and a power cut after the device wrote the unflushed writes out
// of order): before MARKED is durable, H is clean and old (logs are not
// consulted); from MARKED to COMMITTED, H is dirty and L replays to the new
// tree; once COMMITTED is durable, H is clean and new. Either the old tree
// or the new one, never a mixture. On a hive that an earlier crash left
// dirty, the old tree is the recovered one: until CHECKPOINTED is durable
// H is dirty and the earlier L rebuilds it, then the states above follow
// (SecondCrashTest crashes at every pair of points of two commits).
//
// Transitions and the private functions of commit() that perform them, in
// the order commit() calls them:
//
//   (none) -> pending     begin(): primary N+1 in the image, timestamp taken
//   pending -> pending    writable(), growImage(): the Allocator and the
//                         strategies change the image, pages marked dirty
//   pending -> CLEAN      rollback()                               (9)
//   pending -> pending    commit(): prepare(): the sectors and pages to
//                         write; nothing to write ends the transaction
//   CLEAN -> GROWN        commit(): growHive()                     (2)
//   GROWN -> CHECKPOINTED commit(): checkpoint(), a no-op unless the
//                         image was recovered from the logs         (10)
//   CHECKPOINTED -> LOGGED  commit(): writeLog()                   (3)
//   LOGGED -> MARKED      commit(): markDirty()                    (4)
//   MARKED -> WRITTEN     commit(): writePages()                   (5)
//   WRITTEN -> COMMITTED  commit(): writeHeader()                  (6)
//   COMMITTED -> RESET    commit(): resetLogs()                    (7)
//   RESET -> (none)       commit(): finish(): the image is the file's
//
// Flush modes, at each "flushed" above (after the log, the mark, the pages
// and the header):
//   Durable            (the default) fdatasync at each point, and fsync of
//                      L's directory when the commit created L: safe
//                      against a crash of the process, of the operating
//                      system, and a power cut with a volatile device
//                      cache. Four device cache flushes per commit (five
//                      when L is new, two more for a checkpoint (10)), as
//                      Windows (FlushFileBuffers) issues.
//   ProcessCrashOnly   sync_file_range at each point (the writes handed to
//                      the device and waited for, in protocol order), no
//                      directory fsync: safe against a crash of the process
//                      only. A power cut may lose a commit that returned
//                      success, or leave H dirty beside a log that never
//                      reached the disk (a mixture of old and new pages).
//   None               no flush at all: the writes reach the operating
//                      system in protocol order, which holds against a
//                      crash of the process only. For tests and for
//                      measuring what flushing costs.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "hive/Hive.h"
#include "tx/DirtyTracker.h"
#include "tx/FileIO.h"
#include "tx/HiveLock.h"

namespace hivekit {

/// How hard a commit pushes its writes to the disk (see the essay above).
enum class FlushMode { Durable, ProcessCrashOnly, None };

/// For tests only: one step of the commit protocol left out or moved, so
/// that the crash tests can prove that each step is needed (CrashTest runs
/// every crash point under each one and expects a broken hive somewhere).
/// Each names the invariant it breaks. Nothing but tests sets it.
enum class ProtocolMutation {
    None,
    GrowAfterLog,          ///< (2) H reserved after L is written
    SkipLogFlush,          ///< (3) L not flushed
    SkipLogDirectorySync,  ///< (3) a created L's directory not flushed
    MarkBeforeLog,         ///< (3) H marked dirty before L is written
    SkipMarkFlush,         ///< (4) the mark not flushed before the pages
    PagesBeforeMark,       ///< (4) the pages written before the mark
    SkipPagesFlush,        ///< (5) the pages not flushed before the header
    HeaderBeforePages,     ///< (5) the header written before the pages
    SkipHeaderFlush,       ///< (6) the header not flushed
    ResetLogsBeforeHeader, ///< (7) L reset before the header is written
    SkipCheckpoint,        ///< (10) a recovered hive's pages go into the new
                           ///< log instead, overwriting the log H needs
    CheckpointEdits,       ///< (10) the checkpoint writes the edited pages,
                           ///< not the recovered ones
    SkipCheckpointFlush,   ///< (10) the clean header follows the recovered
                           ///< pages without a flush between them
};

/// How a TxManager opens and commits.
struct TxOptions {
    FlushMode flush = FlushMode::Durable;
    /// Where files are written; null: the real file system.
    FileIO* io = nullptr;
    /// FILETIME "now" for key and header timestamps; null: the system clock.
    std::function<uint64_t()> clock;
    /// Replay a dirty hive's logs into the image when opening.
    bool useLogs = true;
    /// Tests only (see ProtocolMutation).
    ProtocolMutation mutation = ProtocolMutation::None;
    /// How long open() waits for the hive's lock while another writer holds
    /// it (tx/HiveLock.h); 0: it fails at once (ErrorCode::Locked).
    std::chrono::milliseconds lockWait{0};
    /// A lock on this hive that the caller holds already (an editor that
    /// keeps the hive locked between the sessions it opens); the TxManager
    /// shares it instead of taking its own. Null: open() takes its own.
    std::shared_ptr<HiveLock> lock;
};

/// "durable", "process-crash-only" or "none".
const char* flushModeName(FlushMode mode);

/// What one commit did.
struct CommitReport {
    bool wrote = false;         ///< false: nothing was pending
    uint32_t sequence = 0;      ///< both sequence numbers after the commit
    uint64_t dirtyPages = 0;    ///< 4 KiB pages of the image, the header's included
    uint64_t primaryBytes = 0;  ///< bytes written to the hive file
    uint64_t logBytes = 0;      ///< bytes written to the log
    uint64_t primaryWrites = 0; ///< write calls to the hive file
    uint64_t flushes = 0;       ///< file and directory flushes
    uint64_t sizeBefore = 0;    ///< of the hive file
    uint64_t sizeAfter = 0;
    /// Pages of the recovered state written before the transaction (10);
    /// their bytes are part of primaryBytes.
    uint64_t checkpointPages = 0;
    std::string logPath;
};

/// The system clock as a FILETIME (100 ns units since 1601).
uint64_t filetimeNow();

/// One hive opened for editing and its transaction. Not thread-safe.
class TxManager {
public:
    /// Opens `path` for editing (Hive::openEditable). First it takes the
    /// hive's lock (tx/HiveLock.h), or shares TxOptions::lock, and holds it
    /// until the TxManager is destroyed: no other writer, in this process or
    /// another, opens the hive meanwhile. When a dirty hive's logs were
    /// replayed, a transaction is pending at once: the first commit writes
    /// the recovered state first (invariant 10), then the edits.
    static Result<std::unique_ptr<TxManager>> open(const std::string& path, TxOptions options = {});
    ~TxManager();

    /// The image as it is now, pending changes included. The object is
    /// replaced when the image grows or is rolled back: do not keep the
    /// reference across calls that change the image.
    const Hive& hive() const { return *hive_; }
    const std::string& path() const { return path_; }

    bool active() const { return active_; }
    /// The sequence number of the transaction being built (N+1), or of the
    /// last one committed or attempted: after a commit that failed once the
    /// hive file was being written, the number its log entry carries, and
    /// so the number the hive has once that log is replayed. (A failure
    /// inside a checkpoint (10) comes before any log carries it: the hive
    /// then replays to the number before it. A commit that was only a
    /// checkpoint leaves the recovered number.)
    uint32_t sequence() const { return sequence_; }
    /// Starts a transaction (a no-op while one is active): the image's
    /// primary sequence number becomes N+1 and the timestamp is taken.
    [[nodiscard]] Result<void> begin();
    /// The transaction's FILETIME (keys it changes get it).
    uint64_t timestamp() const { return timestamp_; }

    /// [fileOffset, fileOffset + n) of the image for writing; marks it
    /// dirty. REQUIRES: active(), the range inside the image.
    std::span<uint8_t> writable(uint64_t fileOffset, size_t n);
    /// Grows the image to `size` bytes (zeros). REQUIRES: active().
    [[nodiscard]] Result<void> growImage(uint64_t size);
    /// Reads the image's header and hbin map again (after the Allocator
    /// appended a bin or changed the hive bins size).
    [[nodiscard]] Result<void> reread();

    /// Writes the transaction to disk as the essay above says. Without
    /// pending changes it writes nothing (report.wrote false).
    [[nodiscard]] Result<CommitReport> commit();
    /// Discards the transaction (invariant 9).
    [[nodiscard]] Result<void> rollback();

    /// The pages the transaction changed. A recovered state still to be
    /// written (recoveryPending()) is not among them.
    const DirtyTracker& dirty() const { return dirty_; }
    /// True while the state recovered from a dirty hive's logs is not yet
    /// the file's own: the next commit checkpoints it first (10).
    bool recoveryPending() const { return recovered_ != nullptr; }
    /// Whether the last commit() wrote to the hive file H (a write of the
    /// checkpoint (10), or of the dirty mark (4) and after, that
    /// succeeded): H is then what recovery makes of it, so a caller can
    /// tell "the hive file is unchanged" from "its log holds the commit" by
    /// the protocol's own state, not by reading the file again. A failed
    /// write counts as not done: the first write of a commit is the
    /// one-sector mark (6's atomicity), or a page of a checkpoint that H's
    /// logs rebuild anyway. Failures are sticky (8) from the first write
    /// issued, whatever this says. False before any commit.
    bool primaryTouched() const { return primaryTouched_; }

private:
    struct CommitState;
    struct RecoveredState;
    using Stage = Result<void> (TxManager::*)(CommitState&);
    /// The stages commit() runs for `c`, in protocol order (a test's
    /// ProtocolMutation may move one).
    std::vector<Stage> stagesFor(const CommitState& c) const;
    /// Issues a write to H (every one goes through here, so that
    /// primaryTouched() is true from the first on).
    Result<void> writeHive(CommitState& c, uint64_t offset, Bytes bytes);

    TxManager() = default;
    Result<void> loadImage();
    /// Keeps what the checkpoint writes (10): the recovered first sector
    /// and the pages of the image that differ from the file `disk`.
    void keepRecoveredState(Bytes disk);
    /// The recovered pages become pending edits of the transaction (only
    /// for ProtocolMutation::SkipCheckpoint: the protocol without (10)).
    void carryRecoveredStateIntoLog();
    // The stages of commit(), in protocol order (see the essay).
    /// Builds the sectors and page runs; false: nothing worth writing.
    Result<bool> prepare(CommitState& c);
    Result<void> growHive(CommitState& c);     ///< (2)
    Result<void> checkpoint(CommitState& c);   ///< (10), a no-op unless recovered
    Result<void> writeLog(CommitState& c);     ///< (3)
    Result<void> markDirty(CommitState& c);    ///< (4)
    Result<void> writePages(CommitState& c);   ///< (5)
    Result<void> writeHeader(CommitState& c);  ///< (6)
    Result<void> resetLogs(CommitState& c);    ///< (7), never fails
    Result<CommitReport> finish(CommitState& c);
    /// Flushes `file` as the flush mode says, unless `skipped` by a test.
    Result<void> flush(CommitState& c, FileId file, ProtocolMutation skipped);
    /// The error a stage returns: before H's first write the commit stays
    /// pending (8) with H's reservation undone; from it on, sticky.
    std::unexpected<Error> failed(CommitState& c, const std::string& what, const Error& e);
    bool mutated(ProtocolMutation m) const { return options_.mutation == m; }
    Result<void> checkUsable() const;
    std::string logPathFor() const;

    std::shared_ptr<HiveLock> lock_;  ///< held from open() on, released last
    std::string path_;
    TxOptions options_;
    FileIO* io_ = nullptr;
    std::unique_ptr<FileIO> ownedIo_;
    std::unique_ptr<Hive> hive_;
    DirtyTracker dirty_;
    bool active_ = false;
    uint32_t sequence_ = 0;  ///< N+1 while active
    uint64_t timestamp_ = 0;
    std::optional<Error> broken_;
    bool primaryTouched_ = false;  ///< see primaryTouched()
    /// Set while a recovered state awaits its checkpoint (10).
    std::unique_ptr<RecoveredState> recovered_;
};

}  // namespace hivekit
