// The base block: the first 4096 bytes of a primary file or a log.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "format/ByteReader.h"

namespace hivekit {

/// Every field of a base block, decoded. Decoding never fails once 4096
/// bytes are present: a bad signature, checksum or version is reported by
/// the predicates, so a damaged header can still be shown.
struct BaseBlock {
    uint32_t signature = 0;
    uint32_t primarySequence = 0;
    uint32_t secondarySequence = 0;
    uint64_t lastWritten = 0;  ///< FILETIME
    uint32_t majorVersion = 0;
    uint32_t minorVersion = 0;
    uint32_t fileType = 0;
    uint32_t fileFormat = 0;
    uint32_t rootCellOffset = 0;
    uint32_t hiveBinsDataSize = 0;
    uint32_t clusteringFactor = 0;
    std::u16string fileName;  ///< up to 32 UTF-16 units, stops at the first NUL
    std::array<uint8_t, 16> rmId{};
    std::array<uint8_t, 16> logId{};
    uint32_t flags = 0;
    std::array<uint8_t, 16> tmId{};
    uint32_t guidSignature = 0;
    uint64_t lastReorganized = 0;   ///< meaningless when offlineRegistry
    /// "OfRg" at 0xA8: the hive was written by offreg.dll, which keeps its
    /// signature and flags where Windows keeps the last-reorganized time.
    bool offlineRegistry = false;
    uint32_t offlineFlags = 0;
    uint32_t checksum = 0;          ///< as stored
    uint32_t computedChecksum = 0;  ///< over the stored bytes
    uint32_t bootType = 0;
    uint32_t bootRecover = 0;

    bool hasSignature() const;
    bool checksumValid() const { return checksum == computedChecksum; }
    bool sequencesMatch() const { return primarySequence == secondarySequence; }
    /// Dirty as Windows decides it: sequence numbers differ or checksum wrong.
    bool isDirty() const { return !sequencesMatch() || !checksumValid(); }
    /// Versions 1.1 to 1.6 (major 1) are the ones Windows writes.
    bool versionSupported() const { return majorVersion == 1 && minorVersion >= 1 && minorVersion <= 6; }
    /// Big data (db) cells exist from version 1.4; lh lists from 1.5.
    bool allowsBigData() const { return majorVersion == 1 && minorVersion >= 4; }
    bool usesHashLeaves() const { return majorVersion == 1 && minorVersion >= 5; }
    std::string fileTypeName() const;
    std::string versionString() const;
};

/// Decodes the first 4096 bytes of `bytes`; fails only when fewer are there
/// or the signature is not "regf".
Result<BaseBlock> decodeBaseBlock(Bytes bytes);

/// The header checksum: XOR of the first 127 dwords, with 0xFFFFFFFF stored
/// as 0xFFFFFFFE and 0 stored as 1.
uint32_t baseBlockChecksum(Bytes first508);

/// FILETIME (100 ns since 1601) as "2020-01-31 12:34:56.1234567 UTC".
std::string formatFiletime(uint64_t filetime);

/// A GUID's 16 bytes as {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}.
std::string formatGuid(const std::array<uint8_t, 16>& guid);

/// Writes every field of `block` into the first 4096 bytes of `out` (bytes
/// of fields the struct does not hold are left as they are) and stores a
/// freshly computed checksum; block.checksum is ignored.
/// REQUIRES: out.size() >= 4096.
void encodeBaseBlock(const BaseBlock& block, std::span<uint8_t> out);

/// Recomputes and stores the checksum of the base block at the start of
/// `out` after fields were changed in place. REQUIRES: out.size() >= 512.
void sealBaseBlock(std::span<uint8_t> out);

}  // namespace hivekit
