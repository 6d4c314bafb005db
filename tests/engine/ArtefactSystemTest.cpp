// The SYSTEM and SAM decoders on data the corpus does not hold: ShimCache
// values of every Windows layout written down byte by byte (the corpus has
// only a Windows 7 32-bit one), malformed values in hives built here, and
// the damaged SYSTEM hive of the corpus. The agreement with RegRipper on
// real hives is in tests/oracle/RegRipperSystemTest.cpp and
// RegRipperSamTest.cpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "artefacts/HiveKind.h"
#include "artefacts/Registry.h"
#include "artefacts/ShimCache.h"
#include "artefacts/TableWriter.h"
#include "format/ValueData.h"
#include "support/HiveBuilder.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::artefacts;
using namespace testsupport;

namespace {

/// Little-endian bytes written field by field, so that each test's data
/// reads as the layout it follows.
struct LayoutBytes {
    std::vector<uint8_t> b;
    size_t size() const { return b.size(); }
    LayoutBytes& u16(uint16_t v) { for (int i = 0; i < 2; ++i) b.push_back(uint8_t(v >> (8 * i))); return *this; }
    LayoutBytes& u32(uint32_t v) { for (int i = 0; i < 4; ++i) b.push_back(uint8_t(v >> (8 * i))); return *this; }
    LayoutBytes& u64(uint64_t v) { for (int i = 0; i < 8; ++i) b.push_back(uint8_t(v >> (8 * i))); return *this; }
    LayoutBytes& utf16(std::string_view ascii) { for (char c : ascii) u16(uint8_t(c)); return *this; }
    LayoutBytes& zeros(size_t n) { b.insert(b.end(), n, 0); return *this; }
    LayoutBytes& padTo(size_t n) { if (b.size() < n) zeros(n - b.size()); return *this; }
    LayoutBytes& ascii(std::string_view s) { b.insert(b.end(), s.begin(), s.end()); return *this; }
    void put32(size_t at, uint32_t v) { for (int i = 0; i < 4; ++i) b[at + i] = uint8_t(v >> (8 * i)); }
};

// 2012-04-04T15:52:45Z and 2009-07-14T01:14:19Z as FILETIMEs
// ((unix seconds + 11644473600) * 10^7).
constexpr uint64_t kTimeA = 0x01CD127AF9CEC480ULL;
constexpr uint64_t kTimeB = (1247534059ULL + 11644473600ULL) * 10000000ULL;

ArtefactTable decodeBuilt(const BuiltHive& built, const char* decoder) {
    auto hive = built.open();
    REQUIRE(hive);
    DecodeContext context(**hive, detectHiveKind(**hive));
    const Decoder* d = findDecoder(decoder);
    REQUIRE(d);
    return runDecoder(*d, context);
}

ArtefactTable decodeCorpus(const std::string& relative, const char* decoder) {
    auto hive = Hive::open(hivePath(relative));
    REQUIRE(hive);
    DecodeContext context(**hive, detectHiveKind(**hive));
    const Decoder* d = findDecoder(decoder);
    REQUIRE(d);
    return runDecoder(*d, context);
}

/// The text of a row's field by column name.
std::string cell(const ArtefactTable& table, const Row& row, std::string_view column) {
    for (size_t i = 0; i < table.columns.size(); ++i)
        if (table.columns[i].name == column) return fieldText(row.fields.at(i));
    FAIL("no column " << column);
    return {};
}

/// A SYSTEM hive: Select\Current = 1, ControlSet001, and the keys a test adds.
struct SystemHive {
    HiveBuilder builder;
    size_t controlSet;
    size_t mountedDevices;
    SystemHive() {
        const size_t select = builder.addKey(HiveBuilder::kRoot, u"Select");
        builder.addValue(select, u"Current", kRegDword, dwordBytes(1));
        controlSet = builder.addKey(HiveBuilder::kRoot, u"ControlSet001");
        mountedDevices = builder.addKey(HiveBuilder::kRoot, u"MountedDevices");
    }
    /// The key at the path under ControlSet001, adding what is missing.
    size_t path(std::initializer_list<const char16_t*> names) {
        size_t at = controlSet;
        std::u16string walked;
        for (const char16_t* n : names) {
            walked += u"\\" + std::u16string(n);
            auto found = added.find(walked);
            at = found != added.end() ? found->second : (added[walked] = builder.addKey(at, n));
        }
        return at;
    }
    std::map<std::u16string, size_t> added;
};

}  // namespace

TEST_CASE("ShimCache XP entries give path last-modified time file size and update time", "[artefacts]") {
    // XP (Mandiant 2012): a 400-byte header (0xDEADBEEF, entry count, LRU
    // list), then 552-byte entries: the path, UTF-16 NUL-terminated, in
    // 528 bytes; at 528 last modified; 536 file size (u64); 544 last update.
    LayoutBytes v;
    v.u32(0xDEADBEEF).u32(2).padTo(400);
    v.utf16("C:\\WINDOWS\\system32\\notepad.exe").padTo(400 + 528).u64(kTimeB).u64(69120).u64(kTimeA);
    v.utf16("C:\\x.exe").padTo(400 + 552 + 528).u64(kTimeA).u64(4).u64(0);
    const ShimCache cache = parseShimCache(v.b);
    CHECK(cache.format == ShimCacheFormat::WindowsXp);
    CHECK(cache.note.empty());
    REQUIRE(cache.entries.size() == 2);
    CHECK(cache.entries[0].path == "C:\\WINDOWS\\system32\\notepad.exe");
    CHECK(cache.entries[0].lastModified == kTimeB);
    CHECK(cache.entries[0].fileSize == 69120u);
    CHECK(cache.entries[0].lastUpdate == kTimeA);
    CHECK_FALSE(cache.entries[0].executed);
    CHECK(cache.entries[1].position == 1);
    CHECK(cache.entries[1].path == "C:\\x.exe");
    CHECK(cache.entries[1].fileSize == 4u);
}

TEST_CASE("ShimCache Server 2003 entries give the file size and Vista entries the executed flag", "[artefacts]") {
    // 0xBADC0FFE: an 8-byte header (signature, count), then 24-byte 32-bit
    // entries: UNICODE_STRING (length, maximum length, buffer offset from
    // the value's start), last modified, then 8 bytes: Server 2003's file
    // size, or Vista's insert flags and shim flags (0x2: executed).
    LayoutBytes v;
    v.u32(0xBADC0FFE).u32(2);
    const std::string_view a = "\\??\\C:\\a.exe", b = "\\??\\C:\\b.exe";
    const uint32_t pathA = 8 + 2 * 24, pathB = pathA + uint32_t(a.size() * 2);
    v.u16(uint16_t(a.size() * 2)).u16(uint16_t(a.size() * 2 + 2)).u32(pathA).u64(kTimeA).u64(123456);
    v.u16(uint16_t(b.size() * 2)).u16(uint16_t(b.size() * 2 + 2)).u32(pathB).u64(kTimeB).u32(0x2).u32(0);
    v.utf16(a).utf16(b);
    const ShimCache cache = parseShimCache(v.b);
    CHECK(cache.format == ShimCacheFormat::Windows2003);
    CHECK_FALSE(cache.is64Bit);
    REQUIRE(cache.entries.size() == 2);
    CHECK(cache.entries[0].path == "\\??\\C:\\a.exe");
    CHECK(cache.entries[0].lastModified == kTimeA);
    CHECK(cache.entries[0].fileSize == 123456u);
    CHECK_FALSE(cache.entries[0].executed);
    CHECK(cache.entries[1].path == "\\??\\C:\\b.exe");
    CHECK(cache.entries[1].executed == true);
    CHECK_FALSE(cache.entries[1].fileSize);
}

TEST_CASE("ShimCache Windows 7 64-bit entries give path time executed flag and data size", "[artefacts]") {
    // 0xBADC0FEE: a 128-byte header (signature, count at 4), then 48-byte
    // 64-bit entries: length, maximum length, 4 bytes of padding, buffer
    // offset (u64), last modified, insert flags, shim flags, data size
    // (u64), data offset (u64). The zero padding is what marks 64-bit.
    LayoutBytes v;
    v.u32(0xBADC0FEE).u32(2).padTo(128);
    const std::string_view a = "\\??\\C:\\Windows\\system32\\cmd.exe", b = "\\??\\C:\\tools\\x.dll";
    const uint64_t pathA = 128 + 2 * 48, pathB = pathA + a.size() * 2;
    v.u16(uint16_t(a.size() * 2)).u16(uint16_t(a.size() * 2 + 2)).u32(0).u64(pathA).u64(kTimeA);
    v.u32(0x2).u32(0).u64(16).u64(0);
    v.u16(uint16_t(b.size() * 2)).u16(uint16_t(b.size() * 2 + 2)).u32(0).u64(pathB).u64(kTimeB);
    v.u32(0).u32(0).u64(0).u64(0);
    v.utf16(a).utf16(b);
    const ShimCache cache = parseShimCache(v.b);
    CHECK(cache.format == ShimCacheFormat::Windows7);
    CHECK(cache.is64Bit);
    CHECK(cache.declaredEntries == 2);
    CHECK(cache.note.empty());
    REQUIRE(cache.entries.size() == 2);
    CHECK(cache.entries[0].path == a);
    CHECK(cache.entries[0].lastModified == kTimeA);
    CHECK(cache.entries[0].executed == true);
    CHECK(cache.entries[0].dataSize == 16u);
    CHECK(cache.entries[1].path == b);
    CHECK(cache.entries[1].executed == false);
    CHECK(cache.entries[1].dataSize == 0u);
}

namespace {

/// A Windows 8.x entry: tag, a dword, the size of the rest; path length
/// and path; package length and package; insert flags; shim flags; last
/// modified; data size; data.
void win8Entry(LayoutBytes& v, std::string_view tag, std::string_view path, std::string_view package,
               uint32_t insertFlags, uint64_t modified, size_t dataSize) {
    const size_t body = 2 + path.size() * 2 + 2 + package.size() * 2 + 4 + 4 + 8 + 4 + dataSize;
    v.ascii(tag).u32(0x12345678).u32(uint32_t(body));
    v.u16(uint16_t(path.size() * 2)).utf16(path).u16(uint16_t(package.size() * 2)).utf16(package);
    v.u32(insertFlags).u32(0).u64(modified).u32(uint32_t(dataSize)).zeros(dataSize);
}

/// A Windows 10 entry: tag, a dword, the size of the rest; path length and
/// path; last modified; data size; data.
void win10Entry(LayoutBytes& v, std::string_view path, uint64_t modified, size_t dataSize) {
    const size_t body = 2 + path.size() * 2 + 8 + 4 + dataSize;
    v.ascii("10ts").u32(0x9ABCDEF0).u32(uint32_t(body));
    v.u16(uint16_t(path.size() * 2)).utf16(path).u64(modified).u32(uint32_t(dataSize)).zeros(dataSize);
}

}  // namespace

TEST_CASE("ShimCache Windows 8 and 8.1 entries are read past their package name", "[artefacts]") {
    // Both start with a 0x80-byte header whose first dword is its size.
    LayoutBytes v8;
    v8.u32(0x80).padTo(0x80);
    win8Entry(v8, "00ts", "SYSVOL\\Windows\\System32\\svchost.exe", "", 0x2, kTimeA, 0);
    win8Entry(v8, "00ts", "SYSVOL\\Program Files\\app.exe", "Microsoft.App_1.0_x64", 0x0, kTimeB, 12);
    const ShimCache c8 = parseShimCache(v8.b);
    CHECK(c8.format == ShimCacheFormat::Windows8);
    CHECK(c8.note.empty());
    REQUIRE(c8.entries.size() == 2);
    CHECK(c8.entries[0].path == "SYSVOL\\Windows\\System32\\svchost.exe");
    CHECK(c8.entries[0].executed == true);
    CHECK(c8.entries[0].lastModified == kTimeA);
    CHECK(c8.entries[1].path == "SYSVOL\\Program Files\\app.exe");
    CHECK(c8.entries[1].executed == false);
    CHECK(c8.entries[1].lastModified == kTimeB);
    CHECK(c8.entries[1].dataSize == 12u);

    LayoutBytes v81;
    v81.u32(0x80).padTo(0x80);
    win8Entry(v81, "10ts", "C:\\Windows\\explorer.exe", "", 0x2, kTimeB, 4);
    const ShimCache c81 = parseShimCache(v81.b);
    CHECK(c81.format == ShimCacheFormat::Windows81);
    REQUIRE(c81.entries.size() == 1);
    CHECK(c81.entries[0].path == "C:\\Windows\\explorer.exe");
    CHECK(c81.entries[0].lastModified == kTimeB);
    CHECK(c81.entries[0].dataSize == 4u);
}

TEST_CASE("ShimCache Windows 10 entries of both header sizes give path time and data size", "[artefacts]") {
    for (uint32_t header : {0x30u, 0x34u}) {
        INFO("header " << header);
        // The header's first dword is its size; the rest (counts) is not read.
        LayoutBytes v;
        v.u32(header).u32(0).u32(2).padTo(header);
        win10Entry(v, "C:\\Windows\\System32\\calc.exe", kTimeA, 0);
        win10Entry(v, "C:\\Users\\x\\evil.exe", kTimeB, 40);
        const ShimCache cache = parseShimCache(v.b);
        CHECK(cache.format == ShimCacheFormat::Windows10);
        CHECK(cache.note.empty());
        REQUIRE(cache.entries.size() == 2);
        CHECK(cache.entries[0].path == "C:\\Windows\\System32\\calc.exe");
        CHECK(cache.entries[0].lastModified == kTimeA);
        CHECK_FALSE(cache.entries[0].executed);  // Windows 10 has no such flag
        CHECK(cache.entries[1].position == 1);
        CHECK(cache.entries[1].path == "C:\\Users\\x\\evil.exe");
        CHECK(cache.entries[1].lastModified == kTimeB);
        CHECK(cache.entries[1].dataSize == 40u);
    }
}

TEST_CASE("A cut ShimCache value keeps the entries before the cut and says where it stopped", "[artefacts]") {
    // Windows 7 32-bit (32-byte entries: length, maximum length, offset,
    // last modified, insert flags, shim flags, data size, data offset): the
    // header counts 3 entries, the value holds 1.
    LayoutBytes v7;
    v7.u32(0xBADC0FEE).u32(3).padTo(128);
    v7.u16(8).u16(10).u32(128 + 32).u64(kTimeA).u32(0x2).u32(0).u32(0).u32(0);
    v7.utf16("a.sh");
    const ShimCache c7 = parseShimCache(v7.b);
    CHECK_FALSE(c7.is64Bit);
    REQUIRE(c7.entries.size() == 1);
    CHECK(c7.entries[0].path == "a.sh");
    CHECK(c7.note == "the header counts 3 entries; entry 1 at 0x000000A0 needs 32 bytes and the value ends at "
                     "0x000000A8");

    // Windows 10: the second entry declares 40 bytes of data, 10 remain.
    LayoutBytes v10;
    v10.u32(0x34).padTo(0x34);
    win10Entry(v10, "C:\\a.exe", kTimeA, 0);
    win10Entry(v10, "C:\\b.exe", kTimeB, 40);
    v10.b.resize(v10.b.size() - 30);
    const ShimCache c10 = parseShimCache(v10.b);
    REQUIRE(c10.entries.size() == 2);
    CHECK(c10.entries[0].note.empty());
    CHECK(c10.entries[1].path == "C:\\b.exe");
    CHECK(c10.entries[1].lastModified == kTimeB);
    CHECK(c10.entries[1].note == "entry 1 at 0x0000005E declares 70 bytes; the value has 40 left");

    // A path whose offset points past the end.
    LayoutBytes bad;
    bad.u32(0xBADC0FEE).u32(1).padTo(128);
    bad.u16(8).u16(10).u32(0x1000).u64(kTimeA).u32(0).u32(0).u32(0).u32(0);
    const ShimCache cb = parseShimCache(bad.b);
    REQUIRE(cb.entries.size() == 1);
    CHECK(cb.entries[0].lastModified == kTimeA);
    CHECK(cb.entries[0].note == "the path (8 bytes at 0x00001000) lies outside the value (160 bytes)");

    CHECK(parseShimCache(LayoutBytes{}.u32(0x34).u32(0).b).note == "the value is 8 bytes: shorter than its 52-byte header");
    CHECK(parseShimCache(std::vector<uint8_t>{0xEF, 0xBE}).note == "the value is 2 bytes: too short for a signature");
    const ShimCache unknown = parseShimCache(LayoutBytes{}.u32(0x12345678).u32(0).b);
    CHECK(unknown.format == ShimCacheFormat::Unknown);
    CHECK(unknown.note == "unknown signature 0x12345678");
}

TEST_CASE("The shimcache decoder gives a row per entry in cache order and a row for a cut", "[artefacts]") {
    SystemHive h;
    const size_t key = h.path({u"Control", u"Session Manager", u"AppCompatCache"});
    LayoutBytes v;
    v.u32(0x34).padTo(0x34);
    win10Entry(v, "C:\\first.exe", kTimeA, 0);
    win10Entry(v, "C:\\second.exe", kTimeB, 0);
    v.ascii("10ts");  // a third entry cut after its tag
    h.builder.addValue(key, u"AppCompatCache", kRegBinary, v.b);
    const ArtefactTable t = decodeBuilt(h.builder.build(), "shimcache");
    CHECK(t.error.empty());
    REQUIRE(t.rows.size() == 3);
    CHECK(cell(t, t.rows[0], "Position") == "0");
    CHECK(cell(t, t.rows[0], "Path") == "C:\\first.exe");
    CHECK(cell(t, t.rows[0], "Last modified") == "2012-04-04T15:52:45Z");
    CHECK(cell(t, t.rows[1], "Path") == "C:\\second.exe");
    CHECK(cell(t, t.rows[1], "Last modified") == "2009-07-14T01:14:19Z");
    CHECK(cell(t, t.rows[1], "Format") == "Windows 10/11");
    CHECK(cell(t, t.rows[1], "Executed") == "");
    CHECK(t.rows[1].source.keyPath == "ControlSet001\\Control\\Session Manager\\AppCompatCache");
    CHECK(t.rows[1].source.valueName == "AppCompatCache");
    CHECK(cell(t, t.rows[2], "Path") == "");
    CHECK(t.rows[2].note == "the value ends 4 bytes into entry 2's 12-byte head at 0x0000009A");
}

TEST_CASE("Malformed SYSTEM values give rows with notes", "[artefacts]") {
    SystemHive h;
    h.builder.addValue(h.path({u"Control", u"Windows"}), u"ShutdownTime", kRegBinary, {1, 2, 3, 4});
    h.builder.addValue(h.mountedDevices, u"\\DosDevices\\Z:", kRegBinary, {1, 2, 3, 4, 5});
    const size_t user = h.path({u"Services", u"bam", u"State", u"UserSettings", u"S-1-5-21-1-2-3-1001"});
    h.builder.addValue(user, u"\\Device\\HarddiskVolume2\\x.exe", kRegBinary, {9, 9, 9, 9});
    h.builder.addValue(h.path({u"Control", u"TimeZoneInformation"}), u"Bias", kRegSz, regSzBytes(u"300"));
    h.builder.addValue(h.path({u"Control", u"Session Manager", u"AppCompatCache"}), u"AppCompatCache", kRegBinary,
                       {0xEE, 0x0F});
    const BuiltHive built = h.builder.build();

    const ArtefactTable shutdown = decodeBuilt(built, "shutdown");
    REQUIRE(shutdown.rows.size() == 1);
    CHECK(cell(shutdown, shutdown.rows[0], "Shutdown time") == "");
    CHECK(shutdown.rows[0].note == "ShutdownTime is 4 bytes; a FILETIME is 8");

    const ArtefactTable mounted = decodeBuilt(built, "mounteddevices");
    REQUIRE(mounted.rows.size() == 1);
    CHECK(cell(mounted, mounted.rows[0], "Mount point") == "\\DosDevices\\Z:");
    CHECK(mounted.rows[0].note ==
          "data of 5 bytes is neither an MBR signature and offset (12), a GPT GUID (24) nor a UTF-16 path");

    const ArtefactTable bam = decodeBuilt(built, "bam");
    REQUIRE(bam.rows.size() == 1);
    CHECK(cell(bam, bam.rows[0], "SID") == "S-1-5-21-1-2-3-1001");
    CHECK(cell(bam, bam.rows[0], "Executable") == "\\Device\\HarddiskVolume2\\x.exe");
    CHECK(bam.rows[0].note == "data is 4 bytes; the last-execution FILETIME needs 8");

    const ArtefactTable tz = decodeBuilt(built, "timezone");
    REQUIRE(tz.rows.size() == 1);
    CHECK(tz.rows[0].note == "the key has no numeric Bias value");

    const ArtefactTable shim = decodeBuilt(built, "shimcache");
    REQUIRE(shim.rows.size() == 1);
    CHECK(shim.rows[0].note == "the value is 2 bytes: too short for a signature");
}

TEST_CASE("Mounted devices tell MBR GPT and device-path volumes apart", "[artefacts]") {
    SystemHive h;
    // MBR: disk signature 0x3EA0BE5C, partition at 1 MiB (0x100000).
    h.builder.addValue(h.mountedDevices, u"\\DosDevices\\C:", kRegBinary, {0x5C, 0xBE, 0xA0, 0x3E, 0, 0, 0x10, 0, 0, 0, 0, 0});
    // GPT: "DMIO:ID:" then the partition GUID {01234567-89ab-cdef-0123-456789abcdef}
    // (Data1-3 little-endian, Data4 as stored).
    std::vector<uint8_t> gpt = {'D', 'M', 'I', 'O', ':', 'I', 'D', ':', 0x67, 0x45, 0x23, 0x01, 0xAB, 0x89,
                                0xEF, 0xCD, 0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF};
    h.builder.addValue(h.mountedDevices, u"\\??\\Volume{aaaaaaaa-0000-0000-0000-000000000000}", kRegBinary, gpt);
    LayoutBytes device;
    device.utf16("_??_USBSTOR#Disk&Ven_X&Prod_Y#123&0#{53f56307-b6bf-11d0-94f2-00a0c91efb8b}");
    h.builder.addValue(h.mountedDevices, u"\\DosDevices\\E:", kRegBinary, device.b);
    const ArtefactTable t = decodeBuilt(h.builder.build(), "mounteddevices");
    REQUIRE(t.rows.size() == 3);
    CHECK(cell(t, t.rows[0], "Kind") == "MBR");
    CHECK(cell(t, t.rows[0], "Disk signature") == "3EA0BE5C");
    CHECK(cell(t, t.rows[0], "Partition offset") == "1048576");
    CHECK(cell(t, t.rows[1], "Kind") == "GPT");
    CHECK(cell(t, t.rows[1], "Partition GUID") == "{01234567-89ab-cdef-0123-456789abcdef}");
    CHECK(cell(t, t.rows[2], "Kind") == "Device path");
    CHECK(cell(t, t.rows[2], "Device") ==
          "_??_USBSTOR#Disk&Ven_X&Prod_Y#123&0#{53f56307-b6bf-11d0-94f2-00a0c91efb8b}");
}

TEST_CASE("The decoders read what the damaged SYSTEM hive still holds", "[artefacts]") {
    // regipy's corrupted_system_hive: hbins overwritten, so some keys are
    // gone; what remains must still be decoded, with no table error.
    const std::string file = "regipy/corrupted_system_hive";
    size_t rowsFound = 0;
    for (const char* name : {"select", "timezone", "shutdown", "services", "usbstor", "usbdevices",
                             "mounteddevices", "shimcache", "bam", "nic", "computername"}) {
        INFO(name);
        const ArtefactTable t = decodeCorpus(file, name);
        CHECK(t.error.empty());
        rowsFound += t.rows.size();
    }
    const ArtefactTable select = decodeCorpus(file, "select");
    REQUIRE(select.rows.size() == 1);
    CHECK(cell(select, select.rows[0], "Current") == "1");
    const ArtefactTable services = decodeCorpus(file, "services");
    CHECK(services.rows.size() > 100);
    CHECK(rowsFound > 200);
}

TEST_CASE("Malformed SAM records give rows with notes", "[artefacts]") {
    HiveBuilder b;
    const size_t sam = b.addKey(HiveBuilder::kRoot, u"SAM");
    const size_t domains = b.addKey(sam, u"Domains");
    const size_t account = b.addKey(domains, u"Account");
    const size_t users = b.addKey(account, u"Users");
    b.addKey(users, u"Names");
    // RID 0x3E9 (1001): a V shorter than its 0xCC-byte header, no F.
    const size_t shortV = b.addKey(users, u"000003E9");
    b.addValue(shortV, u"V", kRegBinary, std::vector<uint8_t>(40, 0));
    // RID 0x3EA: a V whose user name points past its end, an F of 16 bytes.
    const size_t badName = b.addKey(users, u"000003EA");
    LayoutBytes v;
    v.zeros(0x0C).u32(0x100).u32(10).padTo(0xCC);
    b.addValue(badName, u"V", kRegBinary, v.b);
    b.addValue(badName, u"F", kRegBinary, std::vector<uint8_t>(16, 0));
    const ArtefactTable t = decodeBuilt(b.build(), "samusers");
    CHECK(t.error.empty());
    REQUIRE(t.rows.size() == 2);
    CHECK(cell(t, t.rows[0], "RID") == "1001");
    CHECK(t.rows[0].note == "V is 40 bytes; its header needs 204");
    CHECK(cell(t, t.rows[1], "RID") == "1002");
    CHECK(cell(t, t.rows[1], "User name") == "");
    CHECK(t.rows[1].note == "the user name (10 bytes at 460) lies past the record's end (204 bytes)");
}

TEST_CASE("A SAM user's F and V fields land in their columns and Names must map the RID", "[artefacts]") {
    // F (80 bytes): 0x08 last logon, 0x18 password last set, 0x20 account
    // expires, 0x28 last failed logon (FILETIMEs), 0x30 RID, 0x38 account
    // flags (ACB_*), 0x40 failed logon count, 0x42 logon count (u16 each).
    LayoutBytes f;
    f.zeros(8).u64(kTimeA).zeros(8).u64(kTimeB).u64(0x7FFFFFFFFFFFFFFFULL).u64(kTimeB + 10000000).u32(1001);
    f.zeros(4).u16(0x0001 | 0x0010 | 0x0400).zeros(6).u16(3).u16(42).padTo(0x50);
    // V: a 0xCC-byte header of (offset from 0xCC, length, unknown) triples:
    // 0x0C user name, 0x18 full name, 0x24 comment, 0x48 home directory.
    const std::string_view name = "alice", fullName = "Alice Liddell", comment = "test account",
                           home = "\\\\server\\home\\alice";
    LayoutBytes v;
    v.zeros(0x0C).u32(0).u32(uint32_t(name.size() * 2)).u32(0);
    v.u32(uint32_t(name.size() * 2)).u32(uint32_t(fullName.size() * 2)).u32(0);
    v.u32(uint32_t((name.size() + fullName.size()) * 2)).u32(uint32_t(comment.size() * 2)).u32(0);
    v.padTo(0x48).u32(uint32_t((name.size() + fullName.size() + comment.size()) * 2)).u32(uint32_t(home.size() * 2));
    v.padTo(0xCC).utf16(name).utf16(fullName).utf16(comment).utf16(home);

    HiveBuilder b;
    const size_t domains = b.addKey(b.addKey(HiveBuilder::kRoot, u"SAM"), u"Domains");
    const size_t account = b.addKey(domains, u"Account");
    // The machine SID's subauthorities end Account's V.
    LayoutBytes accountV;
    accountV.zeros(16).u32(111).u32(222).u32(333);
    b.addValue(account, u"V", kRegBinary, accountV.b);
    const size_t users = b.addKey(account, u"Users");
    const size_t user = b.addKey(users, u"000003E9");
    b.addValue(user, u"F", kRegBinary, f.b);
    b.addValue(user, u"V", kRegBinary, v.b);
    // Names\alice's default value has the RID as its type; this one is wrong.
    b.addValue(b.addKey(b.addKey(users, u"Names"), u"alice"), u"", 1002, {});
    // Builtin\Aliases\00000220 (Administrators): a C record with one member.
    const size_t aliases = b.addKey(b.addKey(domains, u"Builtin"), u"Aliases");
    LayoutBytes c;
    const std::string_view group = "Administrators";
    c.zeros(0x10).u32(0).u32(uint32_t(group.size() * 2)).u32(0);            // 0x10 name
    c.u32(uint32_t(group.size() * 2)).u32(0).u32(0);                         // 0x1C comment (empty)
    c.u32(uint32_t(group.size() * 2)).u32(28).u32(1);                        // 0x28 members, 0x30 count
    c.padTo(0x34).utf16(group);
    // S-1-5-21-111-222-333-1001: revision 1, 5 subauthorities, authority 5.
    c.b.insert(c.b.end(), {1, 5, 0, 0, 0, 0, 0, 5});
    c.u32(21).u32(111).u32(222).u32(333).u32(1001);
    b.addValue(b.addKey(aliases, u"00000220"), u"C", kRegBinary, c.b);

    const BuiltHive built = b.build();
    const ArtefactTable t = decodeBuilt(built, "samusers");
    REQUIRE(t.rows.size() == 1);
    const Row& row = t.rows[0];
    CHECK(cell(t, row, "RID") == "1001");
    CHECK(cell(t, row, "User name") == "alice");
    CHECK(cell(t, row, "Full name") == "Alice Liddell");
    CHECK(cell(t, row, "Comment") == "test account");
    CHECK(cell(t, row, "Home directory") == "\\\\server\\home\\alice");
    CHECK(cell(t, row, "SID") == "S-1-5-21-111-222-333-1001");
    CHECK(cell(t, row, "Last logon") == "2012-04-04T15:52:45Z");
    CHECK(cell(t, row, "Password last set") == "2009-07-14T01:14:19Z");
    CHECK(cell(t, row, "Account expires") == "");  // 0x7FFF...: never
    CHECK(cell(t, row, "Last failed logon") == "2009-07-14T01:14:20Z");
    CHECK(cell(t, row, "Failed logons") == "3");
    CHECK(cell(t, row, "Logon count") == "42");
    CHECK(cell(t, row, "Flags") == "Account disabled; Normal user account; Account auto-locked");
    CHECK(cell(t, row, "Groups") == "Administrators");
    CHECK(row.note == "Names\\alice maps to RID 1002");

    const ArtefactTable g = decodeBuilt(built, "samgroups");
    REQUIRE(g.rows.size() == 1);
    CHECK(cell(g, g.rows[0], "RID") == "544");
    CHECK(cell(g, g.rows[0], "Member count") == "1");
    CHECK(cell(g, g.rows[0], "Members") == "S-1-5-21-111-222-333-1001");
}
