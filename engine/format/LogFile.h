// Transaction log files (.LOG, .LOG1, .LOG2): the base block copy that opens
// every log, the old format's dirty vector and dirty pages, and the new
// format's "HvLE" entries with their Marvin32 hashes. Decoding only: which
// log applies, and in what order, is hive/LogRecovery's business.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "format/BaseBlock.h"
#include "format/ByteReader.h"

namespace hivekit {

// The log records' constants, with the specification's names. They live
// here rather than in Layout.h because nothing but logs uses them.
namespace layout::log {
/// Only the first sector of the base block is written to a log.
inline constexpr uint32_t kBaseBlockSize = 512;
inline constexpr uint32_t kFileTypeOld = 1;
inline constexpr uint32_t kFileTypeOldAlternate = 2;  // the same old format under another number
inline constexpr uint32_t kFileTypeNew = 6;

// Old format: the dirty vector starts at the second sector.
inline constexpr uint32_t kDirtSignature = 0x54524944;  // "DIRT"
inline constexpr uint32_t kDirtyVectorOffset = 512;
/// One bit of the dirty vector stands for this many bytes of hive bins data.
inline constexpr uint32_t kOldPageSize = 512;

// New format: entries start at the second sector, each at a 512-byte boundary.
inline constexpr uint32_t kEntrySignature = 0x454C7648;  // "HvLE"
inline constexpr uint32_t kFirstEntryOffset = 512;
inline constexpr uint32_t kEntryAlignment = 512;
inline constexpr uint32_t kEntryHeaderSize = 40;
inline constexpr uint32_t kPageReferenceSize = 8;
/// Hash-2 covers the first 32 bytes of an entry (Hash-1 included).
inline constexpr uint32_t kHash2Coverage = 32;
namespace entry {
inline constexpr uint32_t Signature = 0x00;
inline constexpr uint32_t Size = 0x04;              // of the whole entry, a multiple of 512
inline constexpr uint32_t Flags = 0x08;             // the base block's flags when the entry was written
inline constexpr uint32_t SequenceNumber = 0x0C;    // becomes both sequence numbers of the hive
inline constexpr uint32_t HiveBinsDataSize = 0x10;  // the hive's size after this entry
inline constexpr uint32_t DirtyPagesCount = 0x14;
inline constexpr uint32_t Hash1 = 0x18;             // Marvin32 of bytes 40 .. Size
inline constexpr uint32_t Hash2 = 0x20;             // Marvin32 of bytes 0 .. 32
inline constexpr uint32_t PageReferences = 0x28;    // Count x {offset, size}, then the pages
}  // namespace entry
}  // namespace layout::log

/// Which of the two log formats a log's base block announces.
enum class LogFormat { Old, New };

/// The base block copy at the start of a log, checked as Windows checks it
/// before a log counts at all.
struct LogHeader {
    BaseBlock base;  ///< decoded from the first 512 bytes; the rest reads as zeros
    LogFormat format = LogFormat::New;
    /// The log's sequence number (primary and secondary are equal in a valid log).
    uint32_t sequence() const { return base.primarySequence; }
};

/// Decodes and validates the first sector of a log: "regf", a valid
/// checksum, equal sequence numbers (a log whose write was cut short has
/// them apart), file type 1 or 2 (old format) or 6 (new format). The error
/// says which check failed.
Result<LogHeader> decodeLogHeader(Bytes log);

/// One dirty page: where it goes in the hive bins data and its bytes, a view
/// into the log.
struct DirtyPage {
    uint32_t offset = 0;  ///< relative to the start of the hive bins data
    Bytes data;
};

/// A new-format log entry whose signature, size, hive bins data size, page
/// references and both hashes were verified.
struct LogEntry {
    uint64_t fileOffset = 0;  ///< of the entry within the log
    uint32_t size = 0;
    uint32_t flags = 0;
    uint32_t sequence = 0;
    uint32_t hiveBinsDataSize = 0;
    uint64_t hash1 = 0;
    uint64_t hash2 = 0;
    std::vector<DirtyPage> pages;  ///< in reference order
};

/// True when an "HvLE" signature stands at `offset`. Past the last entry a
/// log holds zeros or remnants of older entries; this tells that normal end
/// from a damaged entry.
bool hasLogEntrySignature(Bytes log, uint64_t offset);

/// Decodes and verifies the entry at `offset` of `log`. Fails with Truncated
/// when the entry runs past the end of the log, Corrupt for a bad signature,
/// size, hive bins data size, page reference or hash. The sequence number is
/// not judged here: whether it fits depends on the entries before it.
Result<LogEntry> decodeLogEntry(Bytes log, uint64_t offset);

/// Hash-1 of an entry: Marvin32 of its bytes from 40 to its end.
uint64_t logEntryHash1(Bytes entry);
/// Hash-2 of an entry: Marvin32 of its first 32 bytes (Hash-1 included).
uint64_t logEntryHash2(Bytes entry);

/// Builds a new-format entry: header, page references, the pages, zero
/// padding to a multiple of 512, both hashes. REQUIRES: each page's size
/// fits 32 bits.
std::vector<uint8_t> encodeLogEntry(uint32_t sequence, uint32_t flags, uint32_t hiveBinsDataSize,
                                    const std::vector<DirtyPage>& pages);

/// Recomputes both hashes of an entry in place, after a field was changed.
/// REQUIRES: entry.size() >= 40 and its Size field equals entry.size().
void sealLogEntry(std::span<uint8_t> entry);

/// The dirty pages of an old-format log for a hive of `hiveBinsDataSize`
/// bytes: the "DIRT" vector (one bit per 512 bytes) and the 512-byte pages
/// that follow it from the next sector on, in bit order. Fails when the
/// signature is missing or the vector or a page runs past the end of the log.
Result<std::vector<DirtyPage>> decodeDirtyPages(Bytes log, uint32_t hiveBinsDataSize);

/// Where an old-format log's pages start: the sector after the dirty vector.
uint64_t oldLogPagesOffset(uint32_t hiveBinsDataSize);

}  // namespace hivekit
