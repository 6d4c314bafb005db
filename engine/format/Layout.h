// Constants of the regf format, with the specification's names: signatures,
// field offsets of every on-disk record, flags. Nothing here reads bytes.
#pragma once

#include <cstdint>

namespace hivekit::layout {

// Base block (the first 4096 bytes of the file).
inline constexpr uint32_t kBaseBlockSize = 4096;
inline constexpr uint32_t kBaseSignature = 0x66676572;  // "regf"
namespace base {
inline constexpr uint32_t Signature = 0x00;
inline constexpr uint32_t PrimarySequence = 0x04;
inline constexpr uint32_t SecondarySequence = 0x08;
inline constexpr uint32_t LastWritten = 0x0C;        // FILETIME
inline constexpr uint32_t MajorVersion = 0x14;
inline constexpr uint32_t MinorVersion = 0x18;
inline constexpr uint32_t FileType = 0x1C;           // 0 primary, 1 log, 2 log (new), 6 log (HvLE)
inline constexpr uint32_t FileFormat = 0x20;         // 1 = direct memory load
inline constexpr uint32_t RootCellOffset = 0x24;
inline constexpr uint32_t HiveBinsDataSize = 0x28;
inline constexpr uint32_t ClusteringFactor = 0x2C;
inline constexpr uint32_t FileName = 0x30;           // 64 bytes, UTF-16LE, last part of the path
inline constexpr uint32_t FileNameSize = 64;
inline constexpr uint32_t RmId = 0x70;               // GUID
inline constexpr uint32_t LogId = 0x80;              // GUID
inline constexpr uint32_t Flags = 0x90;
inline constexpr uint32_t TmId = 0x94;               // GUID
inline constexpr uint32_t GuidSignature = 0xA4;      // "rmtm"
inline constexpr uint32_t LastReorganized = 0xA8;    // FILETIME
// offreg.dll (the Offline Registry Library) writes these where Windows keeps
// the last-reorganized time.
inline constexpr uint32_t OfflineSignature = 0xA8;   // "OfRg"
inline constexpr uint32_t OfflineFlags = 0xAC;
inline constexpr uint32_t kOfflineSignature = 0x6752664F;  // "OfRg"
inline constexpr uint32_t Checksum = 0x1FC;          // XOR of the first 508 bytes
inline constexpr uint32_t ThawTmId = 0xFC8;
inline constexpr uint32_t ThawRmId = 0xFD8;
inline constexpr uint32_t ThawLogId = 0xFE8;
inline constexpr uint32_t BootType = 0xFF8;
inline constexpr uint32_t BootRecover = 0xFFC;
}  // namespace base

// Hive bin header (32 bytes at the start of every hbin).
inline constexpr uint32_t kHbinSignature = 0x6E696268;  // "hbin"
inline constexpr uint32_t kHbinHeaderSize = 32;
inline constexpr uint32_t kHbinAlignment = 4096;
namespace hbin {
inline constexpr uint32_t Signature = 0x00;
inline constexpr uint32_t Offset = 0x04;     // relative to the start of the hive bins data
inline constexpr uint32_t Size = 0x08;
inline constexpr uint32_t Timestamp = 0x14;  // FILETIME (meaningful in the first bin only)
inline constexpr uint32_t Spare = 0x1C;
}  // namespace hbin

// Cells: a signed 32-bit size (negative = allocated) then the data.
inline constexpr uint32_t kCellHeaderSize = 4;
inline constexpr uint32_t kCellAlignment = 8;
inline constexpr uint32_t kNoCell = 0xFFFFFFFF;

// Key node (nk); offsets are within the cell data.
inline constexpr uint16_t kKeyNodeSignature = 0x6B6E;  // "nk"
namespace nk {
inline constexpr uint32_t Flags = 0x02;
inline constexpr uint32_t LastWritten = 0x04;
inline constexpr uint32_t AccessBits = 0x0C;
inline constexpr uint32_t Parent = 0x10;
inline constexpr uint32_t SubkeyCount = 0x14;
inline constexpr uint32_t VolatileSubkeyCount = 0x18;
inline constexpr uint32_t SubkeyList = 0x1C;
inline constexpr uint32_t VolatileSubkeyList = 0x20;
inline constexpr uint32_t ValueCount = 0x24;
inline constexpr uint32_t ValueList = 0x28;
inline constexpr uint32_t Security = 0x2C;
inline constexpr uint32_t Class = 0x30;
inline constexpr uint32_t MaxSubkeyName = 0x34;  // bits 0-15; 16-19 virtualization, 20-23 user flags, 24-31 debug
inline constexpr uint32_t MaxClass = 0x38;
inline constexpr uint32_t MaxValueName = 0x3C;
inline constexpr uint32_t MaxValueData = 0x40;
inline constexpr uint32_t WorkVar = 0x44;
inline constexpr uint32_t NameLength = 0x48;
inline constexpr uint32_t ClassLength = 0x4A;
inline constexpr uint32_t Name = 0x4C;
// Flags.
inline constexpr uint16_t FlagVolatile = 0x0001;
inline constexpr uint16_t FlagHiveExit = 0x0002;
inline constexpr uint16_t FlagHiveEntry = 0x0004;  // the root key
inline constexpr uint16_t FlagNoDelete = 0x0008;
inline constexpr uint16_t FlagSymLink = 0x0010;
inline constexpr uint16_t FlagCompressedName = 0x0020;
inline constexpr uint16_t FlagPredefinedHandle = 0x0040;
inline constexpr uint16_t FlagVirtualSource = 0x0080;
inline constexpr uint16_t FlagVirtualTarget = 0x0100;
inline constexpr uint16_t FlagVirtualStore = 0x0200;
}  // namespace nk

// Value record (vk).
inline constexpr uint16_t kValueSignature = 0x6B76;  // "vk"
namespace vk {
inline constexpr uint32_t NameLength = 0x02;
inline constexpr uint32_t DataSize = 0x04;  // bit 31 set: data stored in the DataOffset field
inline constexpr uint32_t DataOffset = 0x08;
inline constexpr uint32_t Type = 0x0C;
inline constexpr uint32_t Flags = 0x10;
inline constexpr uint32_t Spare = 0x12;
inline constexpr uint32_t Name = 0x14;
inline constexpr uint32_t DataInlineBit = 0x80000000;
inline constexpr uint16_t FlagCompressedName = 0x0001;
inline constexpr uint16_t FlagTombstone = 0x0002;
}  // namespace vk

// Security key (sk).
inline constexpr uint16_t kSecuritySignature = 0x6B73;  // "sk"
namespace sk {
inline constexpr uint32_t Flink = 0x04;
inline constexpr uint32_t Blink = 0x08;
inline constexpr uint32_t ReferenceCount = 0x0C;
inline constexpr uint32_t DescriptorSize = 0x10;
inline constexpr uint32_t Descriptor = 0x14;
}  // namespace sk

// Subkey lists.
inline constexpr uint16_t kIndexLeafSignature = 0x696C;  // "li"
inline constexpr uint16_t kFastLeafSignature = 0x666C;   // "lf"
inline constexpr uint16_t kHashLeafSignature = 0x686C;   // "lh"
inline constexpr uint16_t kIndexRootSignature = 0x6972;  // "ri"
namespace list {
inline constexpr uint32_t Count = 0x02;
inline constexpr uint32_t Entries = 0x04;
}  // namespace list

// Big data (db), version 1.4 and later.
inline constexpr uint16_t kBigDataSignature = 0x6264;  // "db"
namespace db {
inline constexpr uint32_t SegmentCount = 0x02;
inline constexpr uint32_t SegmentList = 0x04;
}  // namespace db
inline constexpr uint32_t kBigDataSegmentSize = 16344;  // data bytes per segment that Windows writes

}  // namespace hivekit::layout
