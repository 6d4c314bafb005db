#include "artefacts/ShellItems.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "format/ByteReader.h"

#ifdef HIVEKIT_HAVE_LIBFWSI
#include <libfwsi.h>
#endif

namespace hivekit::artefacts {

FileTime fileTimeFromFat(uint32_t fatDateTime) {
    if (fatDateTime == 0) return {};
    const unsigned date = fatDateTime & 0xffff, time = fatDateTime >> 16;
    const unsigned day = date & 0x1f, month = (date >> 5) & 0x0f, year = 1980 + (date >> 9);
    const unsigned second = (time & 0x1f) * 2, minute = (time >> 5) & 0x3f, hour = time >> 11;
    // A SYSTEMTIME is the one validated date conversion we have: reuse it.
    const uint16_t fields[8] = {uint16_t(year), uint16_t(month), 0, uint16_t(day), uint16_t(hour),
                                uint16_t(minute), uint16_t(second), 0};
    uint8_t bytes[16];
    for (int i = 0; i < 8; ++i) storeU16(bytes + 2 * i, fields[i]);
    return fileTimeFromSystemTime(bytes).value_or(FileTime{});
}

std::string joinShellPath(std::string_view parent, std::string_view name) {
    if (name.empty()) return std::string(parent);
    if (parent.empty()) return std::string(name);
    std::string out(parent);
    if (out.back() != '\\') out += '\\';
    out += name;
    return out;
}

std::string joinShellPath(std::span<const ShellItem> items) {
    std::string path;
    for (const ShellItem& item : items) path = joinShellPath(path, item.name);
    return path;
}

#ifndef HIVEKIT_HAVE_LIBFWSI

bool shellItemsAvailable() { return false; }

ShellItemList decodeShellItemList(std::span<const uint8_t> /*bytes*/) {
    ShellItemList list;
    list.note = std::string(kNeedLibfwsi);
    return list;
}

#else

namespace {

/// libfwsi's error as text, and the error freed.
std::string takeError(libfwsi_error_t*& error) {
    if (!error) return "libfwsi gave no reason";
    char text[512] = {};
    libfwsi_error_sprint(error, text, sizeof text);
    libfwsi_error_free(&error);
    std::string out(text);
    // libfwsi's messages are a backtrace, one call per line: the first line is the cause.
    const size_t newline = out.find('\n');
    if (newline != std::string::npos) out.resize(newline);
    return out;
}

/// A GUID from its 16 on-disk bytes, in the registry's "{...}" form.
std::string guidText(const uint8_t* g) {
    char text[40];
    std::snprintf(text, sizeof text, "{%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x}", loadU32(g), loadU16(g + 4),
                  loadU16(g + 6), g[8], g[9], g[10], g[11], g[12], g[13], g[14], g[15]);
    return text;
}

/// Folders libfwsi's table does not name that Windows 10 shows under
/// "This PC" and in Explorer's navigation pane (Microsoft's KNOWNFOLDERID
/// list and the shell's CLSIDs), lower case as guidText writes them.
constexpr std::pair<std::string_view, std::string_view> kKnownFolders[] = {
    {"{b4bfcc3a-db2c-424c-b029-7fe99a87c641}", "Desktop"},
    {"{fdd39ad0-238f-46af-adb4-6c85480369c7}", "Documents"},
    {"{d3162b92-9365-467a-956b-92703aca08af}", "Documents"},
    {"{374de290-123f-4565-9164-39c4925e467b}", "Downloads"},
    {"{088e3905-0323-4b02-9826-5d99428e115f}", "Downloads"},
    {"{4bd8d571-6d19-48d3-be97-422220080e43}", "Music"},
    {"{3dfdf296-dbec-4fb4-81d1-6a3438bcf4de}", "Music"},
    {"{33e28130-4e1e-4676-835a-98395c3bc3bb}", "Pictures"},
    {"{24ad3ad4-a569-4530-98e1-ab02f9417aa8}", "Pictures"},
    {"{18989b1d-99b5-455b-841c-ab7c74e4ddfc}", "Videos"},
    {"{f86fa3ab-70d2-4fc7-9c99-fcbf05467f3a}", "Videos"},
    {"{0db7e03f-fc29-4dc6-9020-ff41b59e513a}", "3D Objects"},
    {"{031e4825-7b94-4dc3-b131-e946b44c8dd5}", "Libraries"},
    {"{679f85cb-0220-4080-b29b-5540cc05aab6}", "Quick access"},
    {"{018d5c66-4533-4307-9b53-224de2ed1fe6}", "OneDrive"},
};

/// A known folder's name from libfwsi's table or ours, else its GUID.
std::string folderName(const uint8_t* guid) {
    const char* known = libfwsi_shell_folder_identifier_get_name(guid);
    if (known && *known && std::string_view(known) != "Unknown") return known;
    const std::string text = guidText(guid);
    for (const auto& [id, name] : kKnownFolders)
        if (id == text) return std::string(name);
    return text;
}

/// Reads a UTF-8 string through one of libfwsi's size/get function pairs;
/// "" when the item does not hold it.
template <typename Handle, typename SizeFn, typename GetFn>
std::string utf8String(Handle* handle, SizeFn sizeFn, GetFn getFn) {
    libfwsi_error_t* error = nullptr;
    size_t size = 0;
    if (sizeFn(handle, &size, &error) != 1 || size == 0) {
        if (error) libfwsi_error_free(&error);
        return {};
    }
    std::string text(size, '\0');
    if (getFn(handle, reinterpret_cast<uint8_t*>(text.data()), size, &error) != 1) {
        if (error) libfwsi_error_free(&error);
        return {};
    }
    if (!text.empty() && text.back() == '\0') text.pop_back();
    return text;
}

std::string_view typeName(int type) {
    switch (type) {
        case LIBFWSI_ITEM_TYPE_CDBURN: return "CD burn";
        case LIBFWSI_ITEM_TYPE_COMPRESSED_FOLDER: return "compressed folder";
        case LIBFWSI_ITEM_TYPE_CONTROL_PANEL: return "control panel";
        case LIBFWSI_ITEM_TYPE_CONTROL_PANEL_CATEGORY: return "control panel category";
        case LIBFWSI_ITEM_TYPE_CONTROL_PANEL_CPL_FILE: return "control panel CPL file";
        case LIBFWSI_ITEM_TYPE_DELEGATE: return "delegate";
        case LIBFWSI_ITEM_TYPE_FILE_ENTRY: return "file entry";
        case LIBFWSI_ITEM_TYPE_GAME_FOLDER: return "game folder";
        case LIBFWSI_ITEM_TYPE_MTP_FILE_ENTRY: return "MTP file entry";
        case LIBFWSI_ITEM_TYPE_MTP_VOLUME: return "MTP volume";
        case LIBFWSI_ITEM_TYPE_NETWORK_LOCATION: return "network location";
        case LIBFWSI_ITEM_TYPE_ROOT_FOLDER: return "root folder";
        case LIBFWSI_ITEM_TYPE_URI: return "URI";
        case LIBFWSI_ITEM_TYPE_URI_SUB_VALUES: return "URI sub-values";
        case LIBFWSI_ITEM_TYPE_USERS_PROPERTY_VIEW: return "users property view";
        case LIBFWSI_ITEM_TYPE_VOLUME: return "volume";
        case LIBFWSI_ITEM_TYPE_UNKNOWN_0x74: return "delegate (0x74)";
        default: return "unknown";
    }
}

/// The file entry extension block (signature 0xbeef0004): times, file
/// reference, long name.
void readFileEntryExtension(libfwsi_item_t* item, ShellItem& out) {
    libfwsi_error_t* error = nullptr;
    int blocks = 0;
    if (libfwsi_item_get_number_of_extension_blocks(item, &blocks, &error) != 1) {
        libfwsi_error_free(&error);
        return;
    }
    for (int i = 0; i < blocks; ++i) {
        libfwsi_extension_block_t* block = nullptr;  // owned by the item
        uint32_t signature = 0;
        if (libfwsi_item_get_extension_block(item, i, &block, &error) != 1 ||
            libfwsi_extension_block_get_signature(block, &signature, &error) != 1) {
            libfwsi_error_free(&error);
            continue;
        }
        if (signature != 0xbeef0004) continue;
        uint32_t fat = 0;
        if (libfwsi_file_entry_extension_get_creation_time(block, &fat, &error) == 1) out.created = fileTimeFromFat(fat);
        if (error) libfwsi_error_free(&error);
        if (libfwsi_file_entry_extension_get_access_time(block, &fat, &error) == 1) out.accessed = fileTimeFromFat(fat);
        if (error) libfwsi_error_free(&error);
        uint64_t reference = 0;
        if (libfwsi_file_entry_extension_get_file_reference(block, &reference, &error) == 1 && reference != 0) {
            out.mftEntry = reference & 0xffff'ffff'ffffULL;
            out.mftSequence = static_cast<uint16_t>(reference >> 48);
        }
        if (error) libfwsi_error_free(&error);
        std::string longName = utf8String(block, libfwsi_file_entry_extension_get_utf8_long_name_size,
                                          libfwsi_file_entry_extension_get_utf8_long_name);
        if (!longName.empty()) out.name = std::move(longName);
    }
}

ShellItem readItem(libfwsi_item_t* item) {
    ShellItem out;
    libfwsi_error_t* error = nullptr;
    int type = LIBFWSI_ITEM_TYPE_UNKNOWN;
    if (libfwsi_item_get_type(item, &type, &error) != 1) libfwsi_error_free(&error);
    uint8_t classType = 0;
    if (libfwsi_item_get_class_type(item, &classType, &error) != 1) libfwsi_error_free(&error);
    out.classType = classType;
    out.type = std::string(typeName(type));
    switch (type) {
        case LIBFWSI_ITEM_TYPE_ROOT_FOLDER: {
            uint8_t guid[16];
            if (libfwsi_root_folder_get_shell_folder_identifier(item, guid, sizeof guid, &error) == 1)
                out.name = folderName(guid);
            else
                libfwsi_error_free(&error);
            break;
        }
        case LIBFWSI_ITEM_TYPE_VOLUME: {
            out.name = utf8String(item, libfwsi_volume_get_utf8_name_size, libfwsi_volume_get_utf8_name);
            uint8_t guid[16] = {};
            if (out.name.empty()) {
                if (libfwsi_volume_get_shell_folder_identifier(item, guid, sizeof guid, &error) != 1)
                    libfwsi_error_free(&error);
                else if (std::any_of(guid, guid + 16, [](uint8_t b) { return b != 0; }))
                    out.name = folderName(guid);
            }
            break;
        }
        case LIBFWSI_ITEM_TYPE_FILE_ENTRY: {
            out.name = utf8String(item, libfwsi_file_entry_get_utf8_name_size, libfwsi_file_entry_get_utf8_name);
            uint32_t fat = 0, size = 0;
            if (libfwsi_file_entry_get_modification_time(item, &fat, &error) == 1) out.modified = fileTimeFromFat(fat);
            if (error) libfwsi_error_free(&error);
            if (libfwsi_file_entry_get_file_size(item, &size, &error) == 1) out.fileSize = size;
            if (error) libfwsi_error_free(&error);
            readFileEntryExtension(item, out);
            break;
        }
        case LIBFWSI_ITEM_TYPE_NETWORK_LOCATION:
            out.name = utf8String(item, libfwsi_network_location_get_utf8_location_size,
                                  libfwsi_network_location_get_utf8_location);
            break;
        default: break;
    }
    return out;
}

std::optional<ShellItem> decodeItem(std::span<const uint8_t> bytes, std::string& why, int depth);

/// Items that libfwsi reads without giving their name: the name (and, for
/// a delegate's file entry, its times) from the layouts in libyal's
/// "Windows Shell Item format" documentation.
void completeFromBytes(std::span<const uint8_t> bytes, ShellItem& out, int depth) {
    if (!out.name.empty() || depth > 4) return;
    ByteReader r(bytes, 0, "shell item");
    std::string ignored;
    // A known folder as a volume-class item (Windows 10's "This PC\Desktop"):
    // class 0x2e, the folder's GUID at offset 4.
    if (r.u8(2) == 0x2e && r.has(4, 16) && r.size() >= 20) {
        out.name = folderName(bytes.data() + 4);
        out.type = "known folder";
        return;
    }
    // A root folder wrapping a drive (removable media): signature 0xf5a6b710
    // at offset 6, then the volume item (its own 16-bit size first) at 10.
    if (r.u32(6) == 0xf5a6b710 && r.ok()) {
        const uint16_t size = r.u16(10);
        if (r.has(10, size) && size >= 3)
            if (auto inner = decodeItem(bytes.subspan(10, size), ignored, depth + 1)) out.name = inner->name;
        if (out.name.empty() && r.has(13, 3)) {
            // The drive letter as text ("D:\") when the inner item is too short for libfwsi.
            for (size_t i = 13; i < bytes.size() && bytes[i] >= 0x20 && bytes[i] < 0x7f; ++i)
                out.name += static_cast<char>(bytes[i]);
        }
        return;
    }
    // A delegate item (class 0x74, "CFSF" at offset 6): at 4 the size of
    // the data from offset 6 to the two class GUIDs (32 bytes); at 10 the
    // size of a file entry's body that follows at 12 (without its extension
    // blocks); after the GUIDs, that file entry's extension blocks to the
    // end. Joined back into one file entry item, libfwsi reads it whole.
    if (r.u8(2) == 0x74 && r.has(6, 4) && std::memcmp(bytes.data() + 6, "CFSF", 4) == 0) {
        const size_t bodySize = r.u16(10);
        const size_t extensions = size_t{r.u16(4)} + 6 + 32;
        if (bodySize < 2 || !r.has(12, bodySize) || extensions > bytes.size()) return;
        std::vector<uint8_t> joined(2);
        joined.insert(joined.end(), bytes.begin() + 12, bytes.begin() + 12 + static_cast<std::ptrdiff_t>(bodySize));
        joined.insert(joined.end(), bytes.begin() + static_cast<std::ptrdiff_t>(extensions), bytes.end());
        storeU16(joined.data(), static_cast<uint16_t>(joined.size()));
        // An extension block's last 16 bits give its own offset in the item: now 2 + bodySize.
        if (extensions + 2 <= bytes.size() && joined.size() >= 2)
            storeU16(joined.data() + joined.size() - 2, static_cast<uint16_t>(2 + bodySize));
        if (auto inner = decodeItem(joined, ignored, depth + 1)) {
            const uint8_t classType = out.classType;
            out = std::move(*inner);
            out.type = "delegate " + out.type;
            out.classType = classType;
        }
        return;
    }
    // A users property view with a known folder: size 0x1a at offset 4, its
    // GUID at offset 14.
    if (r.u16(4) == 0x1a && r.has(14, 16)) out.name = guidText(bytes.data() + 14);
}

std::optional<ShellItem> decodeItem(std::span<const uint8_t> bytes, std::string& why, int depth) {
    libfwsi_item_t* item = nullptr;
    libfwsi_error_t* error = nullptr;
    if (libfwsi_item_initialize(&item, &error) != 1) {
        why = "libfwsi: " + takeError(error);
        return std::nullopt;
    }
    std::optional<ShellItem> out;
    if (libfwsi_item_copy_from_byte_stream(item, bytes.data(), bytes.size(), LIBFWSI_CODEPAGE_WINDOWS_1252, &error) ==
        1)
        out = readItem(item);
    else
        why = takeError(error);
    libfwsi_item_free(&item, &error);
    if (error) libfwsi_error_free(&error);
    if (out) {
        completeFromBytes(bytes, *out, depth);
        // NTFS never gives an entry in use sequence number 0: such a
        // "reference" is what a FAT or exFAT volume leaves in the field.
        if (out->mftSequence && *out->mftSequence == 0) out->mftEntry.reset(), out->mftSequence.reset();
        if (out->name.empty()) out->name = "[" + out->type + "]";
    }
    return out;
}

/// The bytes of each item (its 16-bit size first) up to the terminator.
std::vector<std::span<const uint8_t>> itemSpans(std::span<const uint8_t> bytes) {
    std::vector<std::span<const uint8_t>> spans;
    ByteReader r(bytes, 0, "shell item list");
    size_t at = 0;
    while (r.has(at, 2)) {
        const uint16_t size = r.u16(at);
        if (size < 2 || !r.has(at, size)) break;
        spans.push_back(bytes.subspan(at, size));
        at += size;
    }
    return spans;
}

}  // namespace

bool shellItemsAvailable() { return true; }

ShellItemList decodeShellItemList(std::span<const uint8_t> bytes) {
    ShellItemList list;
    if (bytes.size() < 2) {
        list.note = "the shell item list is " + std::to_string(bytes.size()) + " bytes; it needs at least 2";
        return list;
    }
    // One item at a time, so that a bad item keeps the ones before it.
    const auto spans = itemSpans(bytes);
    size_t consumed = 0;
    for (size_t i = 0; i < spans.size(); ++i) {
        std::string why;
        auto item = decodeItem(spans[i], why, 0);
        if (!item) {
            list.note = "shell item " + std::to_string(i) + " at offset " + std::to_string(consumed) + " (" +
                        std::to_string(spans[i].size()) + " bytes) cannot be decoded: " + why;
            return list;
        }
        list.items.push_back(std::move(*item));
        consumed += spans[i].size();
    }
    // What follows the items must be the 16-bit terminator.
    ByteReader r(bytes, 0, "shell item list");
    if (!r.has(consumed, 2))
        list.note = "the shell item list ends at offset " + std::to_string(consumed) + " without its terminator";
    else if (r.u16(consumed) != 0)
        list.note = "the shell item at offset " + std::to_string(consumed) + " claims " +
                    std::to_string(r.u16(consumed)) + " bytes; only " + std::to_string(bytes.size() - consumed) +
                    " remain";
    return list;
}

#endif

}  // namespace hivekit::artefacts
