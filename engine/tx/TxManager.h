// TxManager: the transaction protocol of a hive being edited. It owns the
// editable image (a Hive over a copy-on-write mapping), the dirty pages,
// the sequence numbers, the timestamps and the header checksum, the log,
// and the order in which bytes reach the disk. It knows nothing of cells:
// the Allocator and the strategies write through writable().
//
// The protocol, SQLite pager style. H is the hive file, L its log
// (NAME.LOG1, or the .LOG1 already beside it in any letter case), N the
// sequence number of the last completed commit (H's primary = secondary =
// N when a transaction begins).
//
// On-disk states of one commit, in order:
//
//   CLEAN       H: primary = secondary = N, checksum valid. L: anything.
//   LOGGED      L: a base block (first sector only) with primary = secondary
//               = N+1, file type 6 and the new header fields, then one HvLE
//               entry with sequence N+1 holding every dirty page of the
//               hive bins, both Marvin32 hashes; flushed. H unchanged.
//   MARKED      H's first sector as on disk but primary = N+1 (secondary N):
//               H is dirty; flushed.
//   WRITTEN     every dirty page of the bins written to H; flushed.
//   COMMITTED   H's first sector replaced by the new one: primary =
//               secondary = N+1, new hive bins size, new last-written time,
//               checksum; flushed.
//   RESET       L truncated to zero bytes (and every other non-empty log of
//               H, now stale).
//
// Invariants (tests cite them by number):
//
//  (1) Before commit() nothing is written to H or L: edits change only the
//      private image; the file's bytes are never mapped writable.
//  (2) Before the first byte of L is written, H is opened for writing and
//      reserved to its new size, so a read-only file or a full disk fails
//      the commit with H untouched (a failed reservation is undone).
//  (3) L is complete and flushed before the first byte of H changes. Its
//      base block and entry carry N+1, newer than H's secondary (N), so log
//      recovery (hive/LogRecovery, rules 2 and 4) applies it whenever H is
//      dirty, and takes H's base block from it when H's is damaged (rule 3).
//  (4) H is marked dirty and flushed before any page of H changes. Only the
//      primary sequence number (and the checksum) differ from the old first
//      sector, so an H whose log vanished still reads as the old tree.
//  (5) Every dirty page is written to H and flushed before the header that
//      declares them clean (secondary = N+1) is written.
//  (6) The new header is one 512-byte sector write (atomic against tearing:
//      a torn write leaves the MARKED sector or the COMMITTED one).
//  (7) L is reset only after (6) is flushed: until then L can rebuild every
//      page of the commit.
//  (8) A failure before (4) leaves H untouched and the transaction pending:
//      commit() may be retried, or rollback() called. A failure from (4) on
//      is sticky (SQLite's ERROR state): H is now whatever recovery makes of
//      it (the new tree), so every later call fails until the hive is
//      opened again.
//  (9) Rollback discards the image and maps the file again; H and L are not
//      touched. A dirty hive's recovery is replayed again into the image.
//
// What a crash leaves, by the state it interrupts (checked by CrashTest):
// before MARKED is durable, H is clean and old (logs are not consulted);
// from MARKED to COMMITTED, H is dirty and L replays to the new tree; after
// COMMITTED, H is clean and new. Either the old tree or the new one, never a
// mixture.
//
// Transitions and the functions that perform them:
//
//   (none) -> pending     begin(): primary N+1 in the image, timestamp taken
//   pending -> pending    writable(), growImage(): the Allocator and the
//                         strategies change the image, pages marked dirty
//   pending -> CLEAN      rollback() (invariant 9)
//   pending -> LOGGED     commit(): prepare(), writeLog()       (2), (3)
//   LOGGED -> MARKED      commit(): markPrimary()               (4)
//   MARKED -> WRITTEN     commit(): writePages()                (5)
//   WRITTEN -> COMMITTED  commit(): writeHeader()               (6)
//   COMMITTED -> RESET    commit(): resetLogs()                 (7)
//
// Flush modes, at each ordering point above (after the log, after the mark,
// after the pages, after the header):
//   None  no flush: the writes reach the operating system in protocol order,
//         which is enough against a crash of the process (CrashTest's Stop),
//         not of the machine. For tests and for measuring what flushing costs.
//   Auto  (the default) the ranges written are pushed to the device and
//         waited for (sync_file_range), so each stage is on the device before
//         the next begins: safe against a crash of the process or of the
//         operating system, and against power loss on devices whose write
//         cache survives it. No device cache flush, no metadata journal.
//   Sync  fdatasync at each point, and the directory of a log it creates:
//         safe against power loss with a volatile device cache too. It costs
//         four device cache flushes per commit (Windows issues as many), where
//         hivex's whole-file rewrite followed by one fdatasync costs one, and
//         is not crash-safe at all.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "hive/Hive.h"
#include "tx/DirtyTracker.h"
#include "tx/FileIO.h"
#include "tx/HiveLock.h"

namespace hivekit {

/// How hard a commit pushes its writes to the disk (see the essay above).
enum class FlushMode { None, Auto, Sync };

/// How a TxManager opens and commits.
struct TxOptions {
    FlushMode flush = FlushMode::Auto;
    /// Where files are written; null: the real file system.
    FileIO* io = nullptr;
    /// FILETIME "now" for key and header timestamps; null: the system clock.
    std::function<uint64_t()> clock;
    /// Replay a dirty hive's logs into the image when opening.
    bool useLogs = true;
    /// How long open() waits for the hive's lock while another writer holds
    /// it (tx/HiveLock.h); 0: it fails at once (ErrorCode::Locked).
    std::chrono::milliseconds lockWait{0};
    /// A lock on this hive that the caller holds already (an editor that
    /// keeps the hive locked between the sessions it opens); the TxManager
    /// shares it instead of taking its own. Null: open() takes its own.
    std::shared_ptr<HiveLock> lock;
};

/// What one commit did.
struct CommitReport {
    bool wrote = false;         ///< false: nothing was pending
    uint32_t sequence = 0;      ///< both sequence numbers after the commit
    uint64_t dirtyPages = 0;    ///< 4 KiB pages of the image, the header's included
    uint64_t primaryBytes = 0;  ///< bytes written to the hive file
    uint64_t logBytes = 0;      ///< bytes written to the log
    uint64_t primaryWrites = 0; ///< write calls to the hive file
    uint64_t flushes = 0;
    uint64_t sizeBefore = 0;    ///< of the hive file
    uint64_t sizeAfter = 0;
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
    /// replayed, the pages recovery changed are pending at once: the first
    /// commit writes the recovered state.
    static Result<std::unique_ptr<TxManager>> open(const std::string& path, TxOptions options = {});
    ~TxManager();

    /// The image as it is now, pending changes included. The object is
    /// replaced when the image grows or is rolled back: do not keep the
    /// reference across calls that change the image.
    const Hive& hive() const { return *hive_; }
    const std::string& path() const { return path_; }
    /// Changes since the hive's Hive object was last replaced; readers that
    /// cache offsets compare it.
    uint64_t generation() const { return generation_; }

    bool active() const { return active_; }
    /// The sequence number of the transaction being built (N+1), or of the
    /// last one committed or attempted: after a commit that failed once the
    /// hive file was being written, the number its log entry carries, and
    /// so the number the hive has once that log is replayed.
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

    const DirtyTracker& dirty() const { return dirty_; }
    /// Set after a failure from invariant (4) on: every call fails.
    const std::optional<Error>& brokenBy() const { return broken_; }

private:
    TxManager() = default;
    Result<void> loadImage();
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
    uint64_t generation_ = 0;
    std::optional<Error> broken_;
};

}  // namespace hivekit
