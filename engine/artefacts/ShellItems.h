// Shell items: the binary names Explorer gives folders and files (in
// shellbags, ComDlg32 MRUs, LNK files). A small wrapper over libyal's libfwsi
// when HiveKit is built with it (HIVEKIT_WITH_LIBFWSI); without it every
// decode returns the note kNeedLibfwsi and no items. Pure C++, no Qt, no
// libfwsi types in this header.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "artefacts/Artefact.h"

namespace hivekit::artefacts {

/// The note of every decode in a build without libfwsi.
inline constexpr std::string_view kNeedLibfwsi = "shell items need libfwsi (HiveKit was built without it)";

/// True when this build decodes shell items (built with libfwsi).
bool shellItemsAvailable();

/// One shell item as far as it could be read.
struct ShellItem {
    uint8_t classType = 0;  ///< the byte at offset 2 (0x1f root folder, 0x2f volume, 0x31 folder, ...)
    std::string type;       ///< "root folder", "volume", "file entry", "network location", ...
    /// What the item names: a known folder's name or its GUID, "C:\", a file
    /// entry's long name (its short name when it has no extension block), a
    /// network location; "[type]" (e.g. "[users property view]") when the
    /// item holds no name HiveKit can read.
    std::string name;
    FileTime modified;  ///< file entries: the item's FAT time (0 when absent)
    FileTime accessed;  ///< file entries: the extension block's (0 when absent)
    FileTime created;   ///< file entries: the extension block's (0 when absent)
    std::optional<uint64_t> mftEntry;     ///< the NTFS file reference's entry (48 bits)
    std::optional<uint16_t> mftSequence;  ///< and its sequence number
    std::optional<uint32_t> fileSize;     ///< file entries: the size the item records
};

/// A decoded item list: its items in order, and a note saying what could
/// not be decoded (empty when everything was).
struct ShellItemList {
    std::vector<ShellItem> items;
    std::string note;
};

/// Decodes a shell item list (items each with its 16-bit size, ended by a
/// size of 0), as a BagMRU value (one item) or a PIDL (ComDlg32) holds it.
/// Never throws; bad data gives the items before it and a note.
ShellItemList decodeShellItemList(std::span<const uint8_t> bytes);

/// The items' names joined by '\' into a path ("My Computer\C:\Users"): a
/// name that already ends in '\' gets no second one; nameless items are
/// skipped.
std::string joinShellPath(std::span<const ShellItem> items);
std::string joinShellPath(std::string_view parent, std::string_view name);

/// A FAT date and time (date in the low 16 bits, time in the high 16, as
/// shell items store them) as a FileTime; 0 for a zero or invalid value.
FileTime fileTimeFromFat(uint32_t fatDateTime);

}  // namespace hivekit::artefacts
