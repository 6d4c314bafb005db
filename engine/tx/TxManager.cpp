#include "tx/TxManager.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cctype>
#include <chrono>
#include <filesystem>

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
    ++generation_;
    if (!hive_->recovery().recovered) return {};
    // Recovery changed the image: the pages that differ from the file are
    // this session's first pending change (invariant 9 replays it again).
    auto disk = FileMapping::open(path_);
    if (!disk) return std::unexpected(disk.error());
    if (auto r = begin(); !r) return r;
    const Bytes file = (*disk)->bytes();
    const Bytes image = hive_->bytes();
    for (uint64_t at = 0; at < image.size(); at += DirtyTracker::kPageSize) {
        const uint64_t n = std::min<uint64_t>(DirtyTracker::kPageSize, image.size() - at);
        if (at + n > file.size() || !std::equal(image.begin() + at, image.begin() + at + n, file.begin() + at))
            dirty_.mark(at, n);
    }
    return {};
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
    ++generation_;
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

Result<CommitReport> TxManager::commit() {
    if (auto r = checkUsable(); !r) return std::unexpected(r.error());
    CommitReport report;
    if (!active_) return report;
    FileIO& io = *io_;
    const Bytes image = hive_->bytes();
    const uint32_t binsEnd = loadU32(image.data() + B::HiveBinsDataSize);
    const uint32_t flags = loadU32(image.data() + B::Flags);
    const std::string unchanged = "; the hive file is unchanged";

    auto flush = [&](FileId f) -> Result<void> {
        if (options_.flush == FlushMode::None) return {};
        ++report.flushes;
        return io.sync(f, options_.flush == FlushMode::Sync ? SyncKind::Data : SyncKind::Written);
    };

    // The sectors the commit writes: the new header, its copy in the log.
    Sector newHeader;
    std::copy_n(image.begin(), kSector, newHeader.begin());
    storeU32(newHeader.data() + B::PrimarySequence, sequence_);
    storeU32(newHeader.data() + B::SecondarySequence, sequence_);
    storeU64(newHeader.data() + B::LastWritten, timestamp_);
    storeU32(newHeader.data() + B::FileType, 0);
    sealBaseBlock(newHeader);
    Sector logHeader = newHeader;
    storeU32(logHeader.data() + B::FileType, layout::log::kFileTypeNew);
    sealBaseBlock(logHeader);

    // The dirty pages of the bins, for the log and the hive file.
    std::vector<DirtyPage> pages;
    for (const auto& run : dirty_.pageRuns(kHeaderSize)) {
        const uint64_t end = std::min<uint64_t>(run.offset + run.length, kHeaderSize + binsEnd);
        if (end <= run.offset) continue;
        pages.push_back(DirtyPage{static_cast<uint32_t>(run.offset - kHeaderSize),
                                  image.subspan(static_cast<size_t>(run.offset), static_cast<size_t>(end - run.offset))});
    }
    report.dirtyPages = dirty_.pageCount();
    if (pages.empty() && !hive_->recovery().recovered) {
        // Only the sequence number changed (edits that cancelled out, or
        // none): nothing worth a commit.
        if (auto r = loadImage(); !r) return std::unexpected(r.error());
        report.dirtyPages = 0;
        return report;
    }

    // (2) The hive file opens for writing and has room, before anything.
    auto hiveFile = io.open(path_, false);
    if (!hiveFile) return during("cannot commit", hiveFile.error(), unchanged);
    const FileId H = *hiveFile;
    struct Closer {
        FileIO& io;
        FileId id;
        ~Closer() {
            if (id >= 0) (void)io.close(id);
        }
    } closeHive{io, H};
    auto sizeBefore = io.size(H);
    if (!sizeBefore) return during("cannot commit", sizeBefore.error(), unchanged);
    report.sizeBefore = *sizeBefore;
    if (image.size() > *sizeBefore) {
        if (auto r = io.reserve(H, image.size()); !r) {
            (void)io.truncate(H, *sizeBefore);
            return during("cannot commit", r.error(), unchanged);
        }
    }
    Sector diskHeader;
    if (auto r = io.read(H, 0, diskHeader); !r) return during("cannot commit", r.error(), unchanged);

    // (3) The log: every dirty page of the bins, flushed.
    std::vector<uint8_t> entry = encodeLogEntry(sequence_, flags, binsEnd, pages);
    entry.resize(entry.size() + kSector, 0);
    report.logPath = logPathFor();
    const bool logExisted = std::filesystem::exists(report.logPath);
    {
        auto logFile = io.open(report.logPath, true);
        if (!logFile) return during("cannot write the log", logFile.error(), unchanged);
        Closer closeLog{io, *logFile};
        const FileId L = *logFile;
        auto logged = [&]() -> Result<void> {
            // Written over whatever the log held, never truncated: a log
            // that keeps its size is overwritten in allocated blocks, so its
            // flush carries no metadata (and ext4 does not force a
            // writeback on close, as it does for a file truncated to zero
            // and rewritten). A zero sector after the entry ends the log
            // there, before any stale entry of an earlier commit.
            if (auto r = io.write(L, 0, logHeader); !r) return r;
            if (auto r = io.write(L, kSector, entry); !r) return r;
            if (auto r = flush(L); !r) return r;
            if (!logExisted && options_.flush == FlushMode::Sync) return io.syncDirectory(directoryOf(report.logPath));
            return {};
        }();
        if (!logged) {
            (void)io.truncate(H, *sizeBefore);
            return during("cannot write the log " + report.logPath, logged.error(), unchanged);
        }
        report.logBytes = kSector + entry.size();
    }

    // From here on a failure is sticky (8): the file needs its log.
    auto sticky = [&](const Error& e) {
        broken_ = e;
        return during("commit interrupted", e,
                      "; the hive file is marked dirty and its log " + report.logPath +
                          " holds the whole commit: open the hive again to recover it");
    };

    // (4) Mark the hive dirty: the old first sector with primary N+1.
    Sector mark = diskHeader;
    storeU32(mark.data() + B::PrimarySequence, sequence_);
    sealBaseBlock(mark);
    if (auto r = io.write(H, 0, mark); !r) return sticky(r.error());
    if (auto r = flush(H); !r) return sticky(r.error());
    report.primaryBytes += kSector;
    ++report.primaryWrites;

    // (5) The pages, flushed before the header that declares them.
    for (const auto& page : pages) {
        if (auto r = io.write(H, kHeaderSize + page.offset, page.data); !r) return sticky(r.error());
        report.primaryBytes += page.data.size();
        ++report.primaryWrites;
    }
    if (auto r = flush(H); !r) return sticky(r.error());

    // (6) The new header, one sector.
    if (auto r = io.write(H, 0, newHeader); !r) return sticky(r.error());
    if (auto r = flush(H); !r) return sticky(r.error());
    report.primaryBytes += kSector;
    ++report.primaryWrites;
    auto sizeAfter = io.size(H);
    report.sizeAfter = sizeAfter ? *sizeAfter : image.size();

    // (7) Reset the logs, the way Windows reuses them: nothing is
    // truncated (a log keeps its size, so that the next commit overwrites
    // allocated blocks and its flush needs no metadata); the first sector of
    // every log that would still pass as valid gets sequence numbers that
    // differ, which makes recovery skip the log (LogRecovery rule 1). The
    // commit is complete: a failure here leaves a valid but stale log
    // beside a clean hive, which recovery never consults.
    std::vector<std::string> logs = findLogFiles(path_);
    if (std::find(logs.begin(), logs.end(), report.logPath) == logs.end()) logs.push_back(report.logPath);
    for (const auto& log : logs) {
        std::error_code ec;
        if (std::filesystem::file_size(log, ec) < kSector || ec) continue;
        auto f = io.open(log, false);
        if (!f) break;
        Closer closeLog{io, *f};
        Sector first;
        if (!io.read(*f, 0, first)) break;
        if (!decodeLogHeader(first)) continue;  // already inert, or not a log
        storeU32(first.data() + B::SecondarySequence, loadU32(first.data() + B::PrimarySequence) - 1);
        sealBaseBlock(first);
        if (!io.write(*f, 0, first)) break;
    }

    // The image now equals the file.
    std::copy(newHeader.begin(), newHeader.end(), hive_->mutableBytes().begin());
    dirty_.clear();
    active_ = false;
    report.wrote = true;
    report.sequence = sequence_;
    if (auto r = reread(); !r) return std::unexpected(r.error());
    return report;
}

}  // namespace hivekit
