// UserAssist entries: the per-program run counters Explorer keeps under
// HKCU\Software\Microsoft\Windows\CurrentVersion\Explorer\UserAssist\{GUID}\Count,
// with value names ROT13-encoded. Two layouts exist:
//
//   Version 3 (Windows XP, 2003; Vista uses it too), 16 bytes:
//     0x00 u32  session id
//     0x04 u32  run count, which Windows starts at 5 (5 means never run)
//     0x08 u64  last run, FILETIME (0: never)
//   Version 5 (Windows 7 and later), 72 bytes:
//     0x00 u32  session id
//     0x04 u32  run count
//     0x08 u32  focus count
//     0x0C u32  focus time, milliseconds
//     0x10 ..   ten floats (the "r0" usage scores) and a u32 (0x38)
//     0x3C u64  last run, FILETIME (0: never)
//     0x44 u32  unknown
//
// The control entries (UEME_CTLSESSION, UEME_CTLCUACount:ctor) are kept as
// rows and marked: the session entry has a layout of its own (1612 bytes on
// Windows 7 and later) and no counts.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "artefacts/Artefact.h"

namespace hivekit::artefacts {

inline constexpr size_t kUserAssistXpSize = 16;
inline constexpr size_t kUserAssistWin7Size = 72;
/// What Windows XP adds to every run count.
inline constexpr uint32_t kUserAssistXpCountBase = 5;

/// One Count value decoded. Fields the layout lacks (or the data is too
/// short for) are empty; `note` says what could not be read.
struct UserAssistEntry {
    std::optional<int64_t> runCount;
    std::optional<int64_t> focusCount;
    std::optional<int64_t> focusMilliseconds;
    std::optional<FileTime> lastRun;  ///< empty when the data holds 0
    std::string note;
};

/// Decodes a Count value's data. `version` is the UserAssist key's Version
/// value (3 or 5) or 0 when it has none; the layout is chosen by the data's
/// size and a size that does not fit the version is noted.
UserAssistEntry decodeUserAssistEntry(std::span<const uint8_t> data, uint32_t version);

/// ROT13 of the ASCII letters; everything else unchanged (ROT13 is its own
/// inverse, so this both decodes and encodes).
std::string rot13(std::string_view text);

/// The value name as Windows meant it: ROT13-decoded, except a name that
/// is already plain (XP's NoEncrypt setting leaves "UEME_..." names as
/// they are).
std::string userAssistName(std::string_view storedName);

/// True for the control entries (UEME_CTLSESSION, UEME_CTLCUACount:ctor)
/// that count sessions rather than programs; `name` is the decoded name.
bool isUserAssistControlEntry(std::string_view name);

/// The known folder (KNOWNFOLDERID) a name starts with, e.g. "System" for
/// "{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\cmd.exe"; "" when the name does
/// not start with a GUID this table knows.
std::string_view knownFolderOfName(std::string_view name);

}  // namespace hivekit::artefacts
