#include "artefacts/UserAssist.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "format/ByteReader.h"

namespace hivekit::artefacts {

namespace {

constexpr size_t kXpCount = 0x04;
constexpr size_t kXpLastRun = 0x08;
constexpr size_t kWin7RunCount = 0x04;
constexpr size_t kWin7FocusCount = 0x08;
constexpr size_t kWin7FocusTime = 0x0C;
constexpr size_t kWin7LastRun = 0x3C;

std::optional<FileTime> timeOrEmpty(uint64_t ticks) {
    if (ticks == 0) return std::nullopt;
    return FileTime{ticks};
}

/// The KNOWNFOLDERID values UserAssist names start with (Microsoft's
/// KNOWNFOLDERID reference; the name is the constant without FOLDERID_).
struct KnownFolder {
    std::string_view guid;  // upper case, with braces
    std::string_view name;
};
constexpr std::array kKnownFolders = {
    KnownFolder{"{0139D44E-6AFE-49F2-8690-3DAFCAE6FFB8}", "CommonPrograms"},
    KnownFolder{"{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}", "System"},
    KnownFolder{"{374DE290-123F-4565-9164-39C4925E467B}", "Downloads"},
    KnownFolder{"{3EB685DB-65F9-4CF6-A03A-E3EF65729F3D}", "RoamingAppData"},
    KnownFolder{"{5E6C858F-0E22-4760-9AFE-EA3317B67173}", "Profile"},
    KnownFolder{"{62AB5D82-FDC1-4DC3-A9DD-070D1D495D97}", "ProgramData"},
    KnownFolder{"{625B53C3-AB48-4EC1-BA1F-A1EF4146FC19}", "StartMenu"},
    KnownFolder{"{6365D5A7-0F0D-45E5-87F6-0DA56B6A4F7D}", "ProgramFilesCommonX64"},
    KnownFolder{"{6D809377-6AF0-444B-8957-A3773F02200E}", "ProgramFilesX64"},
    KnownFolder{"{7C5A40EF-A0FB-4BFC-874A-C0F2E0B9FA8E}", "ProgramFilesX86"},
    KnownFolder{"{82A5EA35-D9CD-47C5-9629-E15D2F714E6E}", "CommonStartup"},
    KnownFolder{"{905E63B6-C1BF-494E-B29C-65B732D3D21A}", "ProgramFiles"},
    KnownFolder{"{9E3995AB-1F9C-4F13-B827-48B24B6C7174}", "UserPinned"},
    KnownFolder{"{A4115719-D62E-491D-AA7C-E74B8BE3B067}", "CommonStartMenu"},
    KnownFolder{"{A520A1A4-1780-4FF6-BD18-167343C5AF16}", "LocalAppDataLow"},
    KnownFolder{"{A77F5D77-2E2B-44C3-A6A2-ABA601054A51}", "Programs"},
    KnownFolder{"{B4BFCC3A-DB2C-424C-B029-7FE99A87C641}", "Desktop"},
    KnownFolder{"{B97D20BB-F46A-4C97-BA10-5E3608430854}", "Startup"},
    KnownFolder{"{C4AA340D-F20F-4863-AFEF-F87EF2E6BA25}", "PublicDesktop"},
    KnownFolder{"{D65231B0-B2F1-4857-A4CE-A8E7C6EA7D27}", "SystemX86"},
    KnownFolder{"{DE974D24-D9C6-4D3E-BF91-F4455120B917}", "ProgramFilesCommonX86"},
    KnownFolder{"{DFDF76A2-C82A-4D63-906A-5644AC457385}", "Public"},
    KnownFolder{"{F1B32785-6FBA-4FCF-9D55-7B8E7F157091}", "LocalAppData"},
    KnownFolder{"{F38BF404-1D43-42F2-9305-67DE0B28FC23}", "Windows"},
    KnownFolder{"{F7F1ED05-9F6D-47A2-AAAE-29D317C6F066}", "ProgramFilesCommon"},
    KnownFolder{"{FDD39AD0-238F-46AF-ADB4-6C85480369C7}", "Documents"},
};
constexpr size_t kGuidTextSize = 38;  // "{8-4-4-4-12}"

}  // namespace

UserAssistEntry decodeUserAssistEntry(std::span<const uint8_t> data, uint32_t version) {
    UserAssistEntry entry;
    ByteReader reader(data, 0, "UserAssist entry");
    if (data.size() == kUserAssistWin7Size) {
        entry.runCount = reader.u32(kWin7RunCount);
        entry.focusCount = reader.u32(kWin7FocusCount);
        entry.focusMilliseconds = reader.u32(kWin7FocusTime);
        entry.lastRun = timeOrEmpty(reader.u64(kWin7LastRun));
        if (version == 3) entry.note = "a 72-byte (version 5) entry under a version 3 key";
        return entry;
    }
    if (data.size() == kUserAssistXpSize) {
        const uint32_t stored = reader.u32(kXpCount);
        if (stored >= kUserAssistXpCountBase) {
            entry.runCount = stored - kUserAssistXpCountBase;
        } else {
            entry.runCount = stored;
            entry.note = "run count " + std::to_string(stored) + " is below the 5 Windows XP starts at";
        }
        entry.lastRun = timeOrEmpty(reader.u64(kXpLastRun));
        if (version == 5) entry.note = "a 16-byte (version 3) entry under a version 5 key";
        return entry;
    }
    // Neither layout: read what the expected one allows, and say so.
    const bool win7 = version != 3;
    const size_t expected = win7 ? kUserAssistWin7Size : kUserAssistXpSize;
    entry.note = "data is " + std::to_string(data.size()) + " bytes; a " +
                 (win7 ? std::string("Windows 7 (version 5)") : std::string("Windows XP (version 3)")) +
                 " entry needs " + std::to_string(expected);
    if (win7) {
        if (reader.has(kWin7RunCount, 4)) entry.runCount = reader.u32(kWin7RunCount);
        if (reader.has(kWin7FocusCount, 4)) entry.focusCount = reader.u32(kWin7FocusCount);
        if (reader.has(kWin7FocusTime, 4)) entry.focusMilliseconds = reader.u32(kWin7FocusTime);
        if (reader.has(kWin7LastRun, 8)) entry.lastRun = timeOrEmpty(reader.u64(kWin7LastRun));
    } else {
        if (reader.has(kXpCount, 4)) {
            const uint32_t stored = reader.u32(kXpCount);
            entry.runCount = stored >= kUserAssistXpCountBase ? stored - kUserAssistXpCountBase : stored;
        }
        if (reader.has(kXpLastRun, 8)) entry.lastRun = timeOrEmpty(reader.u64(kXpLastRun));
    }
    return entry;
}

std::string rot13(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>('a' + (c - 'a' + 13) % 26);
        else if (c >= 'A' && c <= 'Z')
            c = static_cast<char>('A' + (c - 'A' + 13) % 26);
    }
    return out;
}

std::string userAssistName(std::string_view storedName) {
    // ROT13 of "UEME_" is "HRZR_": a stored name starting with "UEME_" was
    // never encoded.
    if (storedName.starts_with("UEME_")) return std::string(storedName);
    return rot13(storedName);
}

bool isUserAssistControlEntry(std::string_view name) {
    return name.starts_with("UEME_CTL");
}

std::string_view knownFolderOfName(std::string_view name) {
    if (name.size() < kGuidTextSize || name.front() != '{') return {};
    std::string guid(name.substr(0, kGuidTextSize));
    std::transform(guid.begin(), guid.end(), guid.begin(),
                   [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
    for (const KnownFolder& folder : kKnownFolders)
        if (folder.guid == guid) return folder.name;
    return {};
}

}  // namespace hivekit::artefacts
