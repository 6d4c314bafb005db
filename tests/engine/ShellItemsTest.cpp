// Shell items (engine/artefacts/ShellItems) on bytes written down here: real
// items copied from the corpus's BagMRU values, each field's offset and
// meaning given beside it (after libyal's "Windows Shell Item format"), so
// that the expected names, times and MFT references are worked out by
// hand, not taken from the code under test. In a build without libfwsi
// (HIVEKIT_WITH_LIBFWSI=OFF) the same calls must return the "need libfwsi"
// note and no items.
#include <catch2/catch.hpp>

#include <vector>

#include "artefacts/ShellItems.h"

using namespace hivekit::artefacts;

namespace {

// A root folder item: "My Computer" (ez/UsrClassDeletedBags.dat, BagMRU : 0).
const std::vector<uint8_t> kMyComputer = {
    0x14, 0x00,  // 0: item size 20
    0x1f,        // 2: class 0x1f, root folder
    0x50,        // 3: sort index 0x50, My Computer
    // 4: shell folder GUID {20d04fe0-3aea-1069-a2d8-08002b30309d}, CLSID_MyComputer
    0xe0, 0x4f, 0xd0, 0x20, 0xea, 0x3a, 0x69, 0x10, 0xa2, 0xd8, 0x08, 0x00, 0x2b, 0x30, 0x30, 0x9d};

// A volume item: "C:\" (regipy/UsrClass.dat, BagMRU\4 : 3).
const std::vector<uint8_t> kVolumeC = {
    0x19, 0x00,              // 0: item size 25
    0x2f,                    // 2: class 0x2f, volume with a drive letter
    'C', ':', '\\', 0x00,    // 3: the name, ASCII, NUL-terminated
    0, 0, 0, 0, 0, 0, 0, 0,  // 7: padding to the item's size
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

// A Windows 7 directory entry: "C:\Users" (ez/UsrClassDeletedBags.dat,
// BagMRU\0\0 : 0), extension block version 8.
const std::vector<uint8_t> kUsersWin7 = {
    0x74, 0x00,              // 0: item size 116
    0x31,                    // 2: class 0x31, file entry, directory
    0x00,                    // 3: unknown
    0x00, 0x00, 0x00, 0x00,  // 4: file size 0
    // 8: modified, FAT date 0x3f33 (2011-09-19) then time 0x83d9 (16:30:50)
    0x33, 0x3f, 0xd9, 0x83,
    0x11, 0x00,                          // 12: attributes: read-only, directory
    'U', 's', 'e', 'r', 's', 0x00,       // 14: short name, ASCII
    0x60, 0x00,                          // 20: extension block size 96 (to the item's end)
    0x08, 0x00,                          // 22: extension version 8 (Windows 7)
    0x04, 0x00, 0xef, 0xbe,              // 24: signature 0xbeef0004, file entry extension
    0xee, 0x3a, 0x85, 0x1a,              // 28: created, FAT 0x3aee 0x1a85: 2009-07-14 03:20:10
    0x33, 0x3f, 0xd9, 0x83,              // 32: accessed, 2011-09-19 16:30:50
    0x2a, 0x00, 0x00, 0x00,              // 36: identifier, unknown
    0xb5, 0x01, 0x00, 0x00, 0x00, 0x00,  // 40: NTFS file reference: MFT entry 0x1b5 = 437 (48 bits)
    0x01, 0x00,                          // 46: ... sequence number 1 (16 bits)
    0, 0, 0, 0, 0, 0, 0, 0,              // 48: unknown
    0x36, 0x00,                          // 56: long string size
    0x00, 0x00, 0x00, 0x00,              // 58: unknown
    // 62: long name, UTF-16LE, NUL-terminated: "Users"
    'U', 0, 's', 0, 'e', 0, 'r', 0, 's', 0, 0, 0,
    // 74: localized name, UTF-16LE: "@shell32.dll,-21813"
    '@', 0, 's', 0, 'h', 0, 'e', 0, 'l', 0, 'l', 0, '3', 0, '2', 0, '.', 0, 'd', 0, 'l', 0, 'l', 0, ',', 0, '-', 0,
    '2', 0, '1', 0, '8', 0, '1', 0, '3', 0, 0, 0,
    0x14, 0x00};  // 114: the extension block's offset in the item: 20

std::vector<uint8_t> listOf(std::initializer_list<const std::vector<uint8_t>*> items) {
    std::vector<uint8_t> out;
    for (const auto* item : items) out.insert(out.end(), item->begin(), item->end());
    out.push_back(0);  // the terminator: an item size of 0
    out.push_back(0);
    return out;
}

// 2011-09-19 16:30:50 UTC and 2009-07-14 03:20:10 UTC as Unix seconds.
constexpr int64_t k20110919_163050 = 1316449850;
constexpr int64_t k20090714_032010 = 1247541610;

}  // namespace

TEST_CASE("FAT date times become FILETIMEs and zero stays empty", "[artefacts]") {
    // Date 0x3f33: day 19, month 9, year 1980 + 31; time 0x83d9: 16 h, 30 min, 25 * 2 s.
    CHECK(fileTimeFromFat(0x83d93f33) == fileTimeFromUnix(k20110919_163050));
    CHECK(fileTimeFromFat(0x1a853aee) == fileTimeFromUnix(k20090714_032010));
    CHECK(fileTimeFromFat(0).ticks == 0);
    // Month 0 is no date.
    CHECK(fileTimeFromFat(0x00000001).ticks == 0);
}

TEST_CASE("Shell item names join into one path with one backslash between them", "[artefacts]") {
    CHECK(joinShellPath("My Computer", "C:\\") == "My Computer\\C:\\");
    CHECK(joinShellPath("My Computer\\C:\\", "Users") == "My Computer\\C:\\Users");
    CHECK(joinShellPath("", "Users") == "Users");
    CHECK(joinShellPath("Users", "") == "Users");
    std::vector<ShellItem> items(3);
    items[0].name = "My Computer";
    items[1].name = "C:\\";
    items[2].name = "Users";
    CHECK(joinShellPath(items) == "My Computer\\C:\\Users");
}

TEST_CASE("A Windows 7 directory entry gives its long name FAT times and MFT reference", "[artefacts]") {
    const ShellItemList list = decodeShellItemList(listOf({&kUsersWin7}));
    if (!shellItemsAvailable()) {
        CHECK(list.note == kNeedLibfwsi);
        CHECK(list.items.empty());
        return;
    }
    CHECK(list.note.empty());
    REQUIRE(list.items.size() == 1);
    const ShellItem& item = list.items[0];
    CHECK(item.classType == 0x31);
    CHECK(item.type == "file entry");
    CHECK(item.name == "Users");
    CHECK(item.modified == fileTimeFromUnix(k20110919_163050));
    CHECK(item.accessed == fileTimeFromUnix(k20110919_163050));
    CHECK(item.created == fileTimeFromUnix(k20090714_032010));
    REQUIRE(item.mftEntry);
    CHECK(*item.mftEntry == 437);
    REQUIRE(item.mftSequence);
    CHECK(*item.mftSequence == 1);
    REQUIRE(item.fileSize);
    CHECK(*item.fileSize == 0);
}

TEST_CASE("A root folder and a volume item join into My Computer and the drive", "[artefacts]") {
    const ShellItemList list = decodeShellItemList(listOf({&kMyComputer, &kVolumeC, &kUsersWin7}));
    if (!shellItemsAvailable()) {
        CHECK(list.note == kNeedLibfwsi);
        CHECK(list.items.empty());
        return;
    }
    CHECK(list.note.empty());
    REQUIRE(list.items.size() == 3);
    CHECK(list.items[0].type == "root folder");
    CHECK(list.items[0].name == "My Computer");
    CHECK(list.items[1].type == "volume");
    CHECK(list.items[1].name == "C:\\");
    CHECK(joinShellPath(list.items) == "My Computer\\C:\\Users");
    // Neither carries times.
    CHECK(list.items[0].modified.ticks == 0);
    CHECK_FALSE(list.items[1].mftEntry);
}

TEST_CASE("A shell item cut short keeps the items before it and says where it ends", "[artefacts]") {
    std::vector<uint8_t> bytes = listOf({&kMyComputer, &kUsersWin7});
    bytes.resize(kMyComputer.size() + 60);  // the file entry claims 116 bytes; 60 remain, no terminator
    const ShellItemList list = decodeShellItemList(bytes);
    if (!shellItemsAvailable()) {
        CHECK(list.note == kNeedLibfwsi);
        return;
    }
    REQUIRE(list.items.size() == 1);
    CHECK(list.items[0].name == "My Computer");
    CHECK(list.note == "the shell item at offset 20 claims 116 bytes; only 60 remain");
}

TEST_CASE("A shell item libfwsi cannot read gives a note naming it and its offset", "[artefacts]") {
    // An item of 3 bytes (size 3, class 0x31): smaller than the 4 bytes
    // every shell item starts with (size, class, one byte of data). libfwsi
    // reads what it can of longer items, but refuses this one.
    const std::vector<uint8_t> shortEntry = {0x03, 0x00, 0x31};
    const ShellItemList list = decodeShellItemList(listOf({&kMyComputer, &shortEntry}));
    if (!shellItemsAvailable()) {
        CHECK(list.note == kNeedLibfwsi);
        return;
    }
    REQUIRE(list.items.size() == 1);
    CHECK(list.note.rfind("shell item 1 at offset 20 (3 bytes) cannot be decoded: ", 0) == 0);
}

TEST_CASE("Data shorter than a terminator is no shell item list", "[artefacts]") {
    const std::vector<uint8_t> one = {0x14};
    const ShellItemList list = decodeShellItemList(one);
    CHECK(list.items.empty());
    CHECK(list.note == (shellItemsAvailable() ? std::string("the shell item list is 1 bytes; it needs at least 2")
                                              : std::string(kNeedLibfwsi)));
}
