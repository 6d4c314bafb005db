// The words the structure checks (Checker, ScopedChecker) share: how a
// message names an offset, a stored offset field and a name, and how Windows
// counts a name's length. One place, so that a scoped check's findings read
// exactly like the whole check's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "format/Layout.h"
#include "format/Names.h"
#include "format/Offsets.h"

namespace hivekit::checkwording {

inline constexpr uint32_t kNone = layout::kNoCell;
inline constexpr uint32_t kSegment = layout::kBigDataSegmentSize;

inline uint64_t fileOff(uint32_t rel) { return fileOffsetOf(rel).value; }
/// A relative offset as the file offset every message shows.
inline std::string at(uint32_t rel) { return hexOffset(fileOff(rel)); }
/// What a stored offset field points to, for messages.
inline std::string target(uint32_t rel) { return rel == kNone ? std::string("nowhere (0xffffffff)") : at(rel); }
inline std::string quoted(std::u16string_view name) { return "\"" + utf16ToUtf8(name) + "\""; }
/// A name's length in bytes as Windows counts it for the largest-name
/// fields: as UTF-16, so a compressed (Latin-1) name counts double.
inline uint32_t utf16Bytes(uint16_t storedLength, bool compressed) {
    return compressed ? 2u * storedLength : storedLength;
}

}  // namespace hivekit::checkwording
