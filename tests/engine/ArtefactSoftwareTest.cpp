// The SOFTWARE, Amcache and BCD decoders (engine/artefacts/SoftwareDecoders,
// AmcacheDecoders, BcdDecoders) on exact values: the SOFTWARE hive the tests
// build (tests/support/SoftwareHive: the corpus has none), the corpus's
// Amcache hives and BCD store, and hives built here with damaged values.
// tests/oracle/RegRipperSoftwareTest.cpp compares the same decoders with
// RegRipper.
#include <catch2/catch.hpp>

#include "artefacts/HiveKind.h"
#include "artefacts/Registry.h"
#include "format/ValueData.h"
#include "support/HiveBuilder.h"
#include "support/SoftwareHive.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::artefacts;
using namespace testsupport;

namespace {

/// The built SOFTWARE hive, opened.
std::unique_ptr<Hive> softwareHive(const TempDir& dir) {
    auto hive = Hive::open(writeSoftwareHive(dir.file("SOFTWARE")));
    REQUIRE(hive);
    return std::move(*hive);
}

std::unique_ptr<Hive> open(const BuiltHive& built) {
    auto hive = built.open();
    REQUIRE(hive);
    return std::move(*hive);
}

}  // namespace

TEST_CASE("The built SOFTWARE hive is detected as one", "[artefacts]") {
    TempDir dir;
    CHECK(detectHiveKind(*softwareHive(dir)) == HiveKind::Software);
}

TEST_CASE("winver gives the release build and both install times of Windows 10", "[artefacts]") {
    TempDir dir;
    auto rows = artefactRows(*softwareHive(dir), "winver");
    REQUIRE(rows.size() == 1);
    const ArtefactRow& f = rows[0];
    CHECK(f.at("Product name") == "Windows 10 Pro");
    CHECK(f.at("Edition") == "Professional");
    CHECK(f.at("Release") == "21H2");  // DisplayVersion wins over ReleaseId 2009
    CHECK(f.at("Build") == "19044.1288");  // CurrentBuild.UBR
    CHECK(f.at("Build lab") == "19041.1.amd64fre.vb_release.191206-1406");
    CHECK(f.at("Install date") == "2021-10-04T11:44:03Z");           // Unix 1633347843
    CHECK(f.at("Install time") == "2021-10-04T11:44:03.1234567Z");   // FILETIME
    CHECK(f.at("Registered owner") == "user");
    CHECK(f.at("Registered organization").empty());
    CHECK(f.at("note").empty());
}

TEST_CASE("uninstall lists 64-bit and Wow6432Node programs with their key times", "[artefacts]") {
    TempDir dir;
    auto rows = artefactRows(*softwareHive(dir), "uninstall");
    REQUIRE(rows.size() == 4);
    const ArtefactRow& zip = rowWhere(rows, "Key name", "7-Zip");
    CHECK(zip.at("Display name") == "7-Zip 21.07 (x64)");
    CHECK(zip.at("Version") == "21.07");
    CHECK(zip.at("Publisher") == "Igor Pavlov");
    CHECK(zip.at("Install location") == "C:\\Program Files\\7-Zip\\");
    CHECK(zip.at("32-bit") == "false");
    CHECK(zip.at("Last write") == "2021-10-04T14:06:40Z");
    const ArtefactRow& book = rowWhere(rows, "Key name", "AddressBook");
    CHECK(book.at("Display name").empty());
    const ArtefactRow& npp = rowWhere(rows, "Key name", "Notepad++");
    CHECK(npp.at("32-bit") == "true");
    CHECK(npp.at("Install date") == "20220115");
    CHECK(npp.at("Uninstall command") == "C:\\Program Files (x86)\\Notepad++\\uninstall.exe");
}

TEST_CASE("profilelist gives each SID's profile folder and Windows 10 load and unload times", "[artefacts]") {
    TempDir dir;
    auto rows = artefactRows(*softwareHive(dir), "profilelist");
    REQUIRE(rows.size() == 4);
    CHECK(rowWhere(rows, "SID", "S-1-5-18").at("Profile path") == "%systemroot%\\system32\\config\\systemprofile");
    const ArtefactRow& user = rowWhere(rows, "SID", "S-1-5-21-3623811015-3361044348-30300820-1001");
    CHECK(user.at("Profile path") == "C:\\Users\\user");
    CHECK(user.at("Load time") == "2022-01-20T03:37:36Z");
    CHECK(user.at("Unload time") == "2022-01-19T20:41:10Z");
    CHECK(rowWhere(rows, "SID", "S-1-5-19").at("Load time").empty());
}

TEST_CASE("networklist decodes SYSTEMTIME dates and matches each signature's gateway MAC", "[artefacts]") {
    TempDir dir;
    auto rows = artefactRows(*softwareHive(dir), "networklist");
    REQUIRE(rows.size() == 2);
    const ArtefactRow& wifi = rowWhere(rows, "Profile name", "HomeWiFi");
    CHECK(wifi.at("Kind") == "wireless");
    CHECK(wifi.at("Name type") == "71");
    CHECK(wifi.at("Managed") == "false");
    CHECK(wifi.at("Created (local time)") == "2021-11-12T18:03:44Z");
    CHECK(wifi.at("Last connected (local time)") == "2022-01-19T20:41:10Z");
    CHECK(wifi.at("Gateway MAC") == "A0-63-91-12-34-56");
    CHECK(wifi.at("DNS suffix") == "<none>");
    const ArtefactRow& wired = rowWhere(rows, "Profile name", "Network");
    CHECK(wired.at("Kind") == "wired");
    CHECK(wired.at("Gateway MAC") == "00-50-56-F4-3A-1B");
    CHECK(wired.at("Profile GUID") == "{5A1A5C9B-9F24-4F0E-9B1C-0D3E2C1B7A61}");
}

TEST_CASE("machine-run lists each Run value with its key and ifeo only images with a Debugger or GlobalFlag",
          "[artefacts]") {
    TempDir dir;
    auto hive = softwareHive(dir);
    auto run = artefactRows(*hive, "machine-run");
    REQUIRE(run.size() == 3);
    CHECK(rowWhere(run, "Name", "SecurityHealth").at("Command") == "%windir%\\system32\\SecurityHealthSystray.exe");
    CHECK(rowWhere(run, "Name", "SunJavaUpdateSched").at("Key") ==
          "Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Run");
    auto ifeo = artefactRows(*hive, "ifeo");
    REQUIRE(ifeo.size() == 2);
    CHECK(rowWhere(ifeo, "Image", "sethc.exe").at("Debugger") == "C:\\Windows\\System32\\cmd.exe");
    CHECK(rowWhere(ifeo, "Image", "notepad.exe").at("Global flag") == "512");
    auto apps = artefactRows(*hive, "apppaths");
    REQUIRE(apps.size() == 2);
    CHECK(rowWhere(apps, "Executable", "7zFM.exe").at("Path") == "C:\\Program Files\\7-Zip\\7zFM.exe");
    CHECK(rowWhere(apps, "Executable", "7zFM.exe").at("Search path") == "C:\\Program Files\\7-Zip");
    auto winlogon = artefactRows(*hive, "winlogon");
    REQUIRE(winlogon.size() == 1);
    CHECK(winlogon[0].at("Shell") == "explorer.exe");
    CHECK(winlogon[0].at("Userinit") == "C:\\Windows\\system32\\userinit.exe,");
    CHECK(winlogon[0].at("Auto admin logon") == "false");
    CHECK(winlogon[0].at("Default domain name") == "DESKTOP-8K2J4QF");
}

TEST_CASE("SOFTWARE values of the wrong type or size give rows with notes", "[artefacts]") {
    HiveBuilder b;
    const size_t microsoft = b.addKey(HiveBuilder::kRoot, u"Microsoft");
    const size_t nt = b.addKey(b.addKey(microsoft, u"Windows NT"), u"CurrentVersion");
    b.addValue(nt, u"ProductName", kRegDword, dwordBytes(10));
    b.addValue(nt, u"InstallDate", kRegSz, regSzBytes(u"yesterday"));
    const size_t profile = b.addKey(b.addKey(b.addKey(nt, u"NetworkList"), u"Profiles"), u"{guid}");
    b.addValue(profile, u"ProfileName", kRegSz, regSzBytes(u"Cafe"));
    b.addValue(profile, u"DateCreated", kRegBinary, patternBytes(12));  // a SYSTEMTIME is 16
    std::vector<uint8_t> month13 = {0xE5, 0x07, 13, 0, 1, 0, 4, 0, 13, 0, 50, 0, 21, 0, 0, 0};
    b.addValue(profile, u"DateLastConnected", kRegBinary, month13);
    const size_t wl = b.addKey(nt, u"Winlogon");
    b.addValue(wl, u"AutoAdminLogon", kRegSz, regSzBytes(u"yes"));
    auto hive = open(b.build());

    auto winver = artefactRows(*hive, "winver");
    REQUIRE(winver.size() == 1);
    CHECK(winver[0].at("Product name").empty());
    CHECK(winver[0].at("Install date").empty());
    CHECK(winver[0].at("note") == "InstallDate is not a number (type 1, 20 bytes); ProductName is not a string (type 4)");
    auto networks = artefactRows(*hive, "networklist");
    REQUIRE(networks.size() == 1);
    CHECK(networks[0].at("Profile name") == "Cafe");
    CHECK(networks[0].at("Created (local time)").empty());
    CHECK(networks[0].at("note") ==
          "DateCreated is 12 bytes; a SYSTEMTIME is 16; DateLastConnected is not a valid SYSTEMTIME");
    auto winlogon = artefactRows(*hive, "winlogon");
    REQUIRE(winlogon.size() == 1);
    CHECK(winlogon[0].at("Auto admin logon").empty());
    CHECK(winlogon[0].at("note") == "AutoAdminLogon is \"yes\", neither 0 nor 1");
}

TEST_CASE("Uninstall ProfileList App Paths and IFEO values of the wrong type give rows with notes",
          "[artefacts]") {
    HiveBuilder b;
    const size_t microsoft = b.addKey(HiveBuilder::kRoot, u"Microsoft");
    const size_t cv = b.addKey(b.addKey(microsoft, u"Windows"), u"CurrentVersion");
    const size_t nt = b.addKey(b.addKey(microsoft, u"Windows NT"), u"CurrentVersion");
    const size_t program = b.addKey(b.addKey(cv, u"Uninstall"), u"Tool");
    b.addValue(program, u"DisplayName", kRegDword, dwordBytes(7));
    b.addValue(program, u"Publisher", kRegSz, regSzBytes(u"Acme"));
    const size_t app = b.addKey(b.addKey(cv, u"App Paths"), u"tool.exe");
    b.addValue(app, u"", kRegBinary, {0x43});
    const size_t profile = b.addKey(b.addKey(nt, u"ProfileList"), u"S-1-5-21-1-2-3-1001");
    b.addValue(profile, u"ProfileImagePath", kRegExpandSz, regSzBytes(u"C:\\Users\\a"));
    b.addValue(profile, u"LocalProfileLoadTimeHigh", kRegSz, regSzBytes(u"01d80daf"));
    b.addValue(profile, u"LocalProfileLoadTimeLow", kRegDword, dwordBytes(0x10D10000));
    const size_t image = b.addKey(b.addKey(nt, u"Image File Execution Options"), u"calc.exe");
    b.addValue(image, u"GlobalFlag", kRegSz, regSzBytes(u"0x2oo"));
    auto hive = open(b.build());

    auto uninstall = artefactRows(*hive, "uninstall");
    REQUIRE(uninstall.size() == 1);
    CHECK(uninstall[0].at("Publisher") == "Acme");
    CHECK(uninstall[0].at("note") == "DisplayName is not a string (type 4)");
    auto apps = artefactRows(*hive, "apppaths");
    REQUIRE(apps.size() == 1);
    CHECK(apps[0].at("note") == "the default value is not a string (type 3)");
    auto profiles = artefactRows(*hive, "profilelist");
    REQUIRE(profiles.size() == 1);
    CHECK(profiles[0].at("Profile path") == "C:\\Users\\a");
    CHECK(profiles[0].at("Load time").empty());
    CHECK(profiles[0].at("note") == "LocalProfileLoadTimeHigh is not a number (type 1, 18 bytes)");
    auto ifeo = artefactRows(*hive, "ifeo");
    REQUIRE(ifeo.size() == 1);
    CHECK(ifeo[0].at("Global flag").empty());
    CHECK(ifeo[0].at("note") == "GlobalFlag \"0x2oo\" is not a number");
}

TEST_CASE("A Run value that is not a string gives a row with a note", "[artefacts]") {
    HiveBuilder b;
    const size_t cv = b.addKey(b.addKey(b.addKey(HiveBuilder::kRoot, u"Microsoft"), u"Windows"), u"CurrentVersion");
    const size_t run = b.addKey(cv, u"Run");
    b.addValue(run, u"Updater", kRegBinary, {0x43, 0x3A});
    auto rows = artefactRows(*open(b.build()), "machine-run");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].at("Name") == "Updater");
    CHECK(rows[0].at("Command").empty());
    CHECK(rows[0].at("note") == "the value is not a string (type 3)");
}

// regipy's amcache.hve is a Windows 10 1607 hive that holds both layouts:
// InventoryApplicationFile (247 files) and InventoryApplication (74
// programs), and the older File\{volume}\{reference} (1120 files on one
// volume) and Programs (26).
TEST_CASE("amcache reads both the Windows 10 inventory and the Windows 8 File layout", "[artefacts]") {
    auto hive = Hive::open(hivePath("regipy/amcache.hve"));
    REQUIRE(hive);
    auto files = artefactRows(**hive, "amcache");
    CHECK(files.size() == 247 + 1120);
    // Windows 10: Size is text in hex ("0x7fac0") in this build; FileId is
    // "0000" + SHA-1.
    const ArtefactRow& jet = rowWhere(files, "Path",
                                 "c:\\users\\user\\appdata\\local\\jetbrains\\installations\\dotpeek08\\jetlauncher64c.exe");
    CHECK(jet.at("SHA-1") == "186fef64c415af7d11986c7254db81ef65549ebc");
    CHECK(jet.at("Size") == "522944");  // 0x7fac0
    CHECK(jet.at("Program ID") == "0000ef102566ebfe23b1eb764609c40e56b70000ffff");
    CHECK(jet.at("note").empty());
    // Windows 8 layout: 15 path, 101 SHA-1, 0 product, 1 company, 5 version,
    // 6 size, f link time (0x58cbf424 = 1489761316 s), 11/12/17 FILETIMEs.
    const ArtefactRow& setup =
        rowWhere(files, "Path", "c:\\users\\user\\appdata\\local\\temp\\vmware-user\\000052fe\\setup64.exe");
    CHECK(setup.at("SHA-1") == "e992f0c2aa48b763b5f7109ea16b8f800436c27e");
    CHECK(setup.at("Product") == "VMware Tools");
    CHECK(setup.at("Publisher") == "VMware, Inc.");
    CHECK(setup.at("Version") == "10.1.6.5214329");
    CHECK(setup.at("Size") == "57353160");
    CHECK(setup.at("Link date") == "2017-03-17T14:35:16Z");
    CHECK(setup.at("Modified") == isoTime(FileTime{131460620181197204ULL}));
    CHECK(setup.at("Created") == isoTime(FileTime{131460620177916463ULL}));
    CHECK(setup.at("Modified 2") == isoTime(FileTime{131460620128186972ULL}));
    CHECK(setup.at("key") == "Root\\File\\ccbe4c57-0000-0000-0000-100000000000\\100001605a");

    auto programs = artefactRows(**hive, "amcache-programs");
    CHECK(programs.size() == 74 + 26);
    const ArtefactRow& messaging = rowWhere(programs, "Name", "Microsoft.Messaging");
    CHECK(messaging.at("Install date") == "2016-07-16T22:55:48Z");
    CHECK(messaging.at("Source") == "AppxPackage");
    // Programs\{id}: a = 0x59807eb4 = 1501593268 s since 1970.
    const ArtefactRow& zip = rowWhere(programs, "key", "Root\\Programs\\00000931f4d8fa1b9e536d7f9acd977cfba40000ffff");
    CHECK(zip.at("Name") == "7-Zip 16.04 (x64)");
    CHECK(zip.at("Install date") == "2017-08-01T13:14:28Z");
    CHECK(zip.at("Location") == "c:\\program files\\7-zip");
    CHECK(zip.at("Uninstall key") == "HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\7-Zip");
    CHECK(zip.at("Source") == "AddRemoveProgram");
    CHECK(zip.at("Program ID") == "00000931f4d8fa1b9e536d7f9acd977cfba40000ffff");
}

TEST_CASE("amcache reads a dirty hive's replayed view", "[artefacts]") {
    // The Server 2022 Amcache.hve is dirty: its logs add six files that the
    // primary file lacks. Opened with its logs (the default), the decoder
    // sees them; opened without, it does not.
    const std::string server = hivePath("dfir/Server2022-APTSimulatorVM/Amcache.hve");
    auto replayed = Hive::open(server);
    REQUIRE(replayed);
    REQUIRE((*replayed)->recovery().recovered);
    CHECK(artefactRows(**replayed, "amcache").size() == 41);
    auto primary = Hive::open(server, OpenOptions{.useLogs = false});
    REQUIRE(primary);
    CHECK(artefactRows(**primary, "amcache").size() == 35);

    // Rathbun's (Windows 10, dirty too): the values of a current inventory.
    auto rathbun = Hive::open(hivePath("dfir/Win10-RathbunVM/Amcache.hve"));
    REQUIRE(rathbun);
    auto files = artefactRows(**rathbun, "amcache");
    CHECK(files.size() == 183);
    const ArtefactRow& viewer = rowWhere(files, "Name", "3DViewer.exe");
    CHECK(viewer.at("SHA-1") == "1b3846b00a121040b4a4b2796773ef90899f6048");
    CHECK(viewer.at("Link date") == "2021-07-07T23:06:11Z");
    CHECK(viewer.at("Size") == "19456");  // REG_QWORD here, text in 1607
    CHECK(viewer.at("Publisher") == "microsoft corporation");
    CHECK(viewer.at("Product") == "view 3d");
    CHECK(viewer.at("note").empty());
    CHECK(artefactRows(**rathbun, "amcache-programs").size() == 91);
}

TEST_CASE("Amcache values that are not what the layout says give rows with notes", "[artefacts]") {
    HiveBuilder b;
    const size_t root = b.addKey(HiveBuilder::kRoot, u"Root");
    const size_t inventory = b.addKey(b.addKey(root, u"InventoryApplicationFile"), u"a.exe|0123");
    b.addValue(inventory, u"LowerCaseLongPath", kRegSz, regSzBytes(u"c:\\a.exe"));
    b.addValue(inventory, u"FileId", kRegSz, regSzBytes(u"0000abc"));
    b.addValue(inventory, u"LinkDate", kRegSz, regSzBytes(u"13/45/2020 00:00:00"));
    const size_t file = b.addKey(b.addKey(b.addKey(root, u"File"), u"{volume}"), u"10000abc");
    b.addValue(file, u"15", kRegSz, regSzBytes(u"c:\\b.exe"));
    b.addValue(file, u"11", kRegBinary, {1, 2, 3, 4});
    auto rows = artefactRows(*open(b.build()), "amcache");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].at("Path") == "c:\\a.exe");
    CHECK(rows[0].at("SHA-1") == "0000abc");
    CHECK(rows[0].at("note") ==
          "FileId \"0000abc\" is not \"0000\" and a SHA-1; LinkDate \"13/45/2020 00:00:00\" is not a date "
          "(MM/DD/YYYY HH:MM:SS)");
    CHECK(rows[1].at("Path") == "c:\\b.exe");
    CHECK(rows[1].at("Modified").empty());
    CHECK(rows[1].at("note") == "11 is 4 bytes; a FILETIME is 8");
}

TEST_CASE("An Amcache program whose install date is not a date gives a row with a note", "[artefacts]") {
    HiveBuilder b;
    const size_t program = b.addKey(b.addKey(b.addKey(HiveBuilder::kRoot, u"Root"), u"InventoryApplication"), u"0000a");
    b.addValue(program, u"Name", kRegSz, regSzBytes(u"Tool"));
    b.addValue(program, u"InstallDate", kRegSz, regSzBytes(u"2021-10-04"));
    auto rows = artefactRows(*open(b.build()), "amcache-programs");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].at("Name") == "Tool");
    CHECK(rows[0].at("Install date").empty());
    CHECK(rows[0].at("note") == "InstallDate \"2021-10-04\" is not a date (MM/DD/YYYY HH:MM:SS)");
}

// regipy's BCD is a UEFI machine's store (Windows 10, WinRE, a Linux boot
// manager). Its bytes, as `hivectl dump` shows them, decoded by hand:
//  Objects\{9dea862c-...}\Description\Type = 02 00 10 10 = 0x10100002:
//    bits 28-31 = 1 application, 20-23 = 1 firmware image, 0-19 = 2 boot
//    manager: {bootmgr}. Its element 23000003 (class 2 application, format
//    3 object, 3 = default) is the string "{733b62e5-f608-11eb-825c-c112f60133ab}".
//  Objects\{733b62e5-...}\Description\Type = 03 00 20 10 = 0x10200003: a
//    Windows boot loader (image 2 = Windows boot application, 3 = OS loader).
//    12000004 = "Windows 10", 12000002 = "\Windows\system32\winload.efi",
//    22000002 = "\Windows", and 11000001 (88 bytes):
//      0x00 00 x16            no options object
//      0x10 06 00 00 00       device type 6: a partition
//      0x18 48 00 00 00       the record from 0x10 is 0x48 bytes
//      0x20 38 2c 0f 8e ea e4 ba 47 b7 fc 9d 8c 74 dc cf 0b
//                              partition GUID {8e0f2c38-e4ea-47ba-b7fc-9d8c74dccf0b}
//      0x34 00 00 00 00       partition style 0: GPT
//      0x38 a9 94 23 0b 5e 09 7d 48 8d 48 71 9e cd 4d 78 ca
//                              disk GUID {0b2394a9-095e-487d-8d48-719ecd4d78ca}
//  Objects\{733b62e6-...} (Windows Recovery Environment) boots from a
//    ramdisk: its device starts with the options object {733b62e7-...} and
//    its type at 0x10 is 0, not a partition, so only the raw bytes are shown.
TEST_CASE("The BCD decoder gives each entry's kind description device and path and the default", "[artefacts]") {
    auto hive = Hive::open(hivePath("regipy/BCD"));
    REQUIRE(hive);
    auto rows = artefactRows(**hive, "bcd");
    REQUIRE(rows.size() == 17);
    const ArtefactRow& manager = rowWhere(rows, "Identifier", "{9dea862c-5cdd-4e70-acc1-f32b344d4795}");
    CHECK(manager.at("Well-known name") == "{bootmgr}");
    CHECK(manager.at("Type") == "0x10100002");
    CHECK(manager.at("Kind") == "Windows boot manager");
    CHECK(manager.at("Description") == "Windows Boot Manager");
    CHECK(manager.at("Path") == "\\EFI\\Microsoft\\Boot\\bootmgfw.efi");
    CHECK(manager.at("Default") == "false");

    const ArtefactRow& windows = rowWhere(rows, "Identifier", "{733b62e5-f608-11eb-825c-c112f60133ab}");
    CHECK(windows.at("Kind") == "Windows boot loader");
    CHECK(windows.at("Type") == "0x10200003");
    CHECK(windows.at("Description") == "Windows 10");
    CHECK(windows.at("Path") == "\\Windows\\system32\\winload.efi");
    CHECK(windows.at("System root") == "\\Windows");
    CHECK(windows.at("Device") ==
          "GPT partition {8e0f2c38-e4ea-47ba-b7fc-9d8c74dccf0b} on disk {0b2394a9-095e-487d-8d48-719ecd4d78ca}");
    CHECK(windows.at("Device data").size() == 88 * 2);
    CHECK(windows.at("Default") == "true");
    CHECK(windows.at("note").empty());

    const ArtefactRow& recovery = rowWhere(rows, "Identifier", "{733b62e6-f608-11eb-825c-c112f60133ab}");
    CHECK(recovery.at("Description") == "Windows Recovery Environment");
    CHECK(recovery.at("Device").empty());
    CHECK(recovery.at("Device data").starts_with("e7623b7308f6eb11825cc112f60133ab"));
    CHECK(recovery.at("Default") == "false");

    // 0x101fffff: a firmware application (the UEFI entry of a Linux boot manager).
    CHECK(rowWhere(rows, "Description", "Linux Boot Manager").at("Kind") == "firmware application");
    // The resume application's 22000002 is its hibernation file, not a system root.
    CHECK(rowWhere(rows, "Description", "Windows Resume Application").at("System root").empty());
    CHECK(rowWhere(rows, "Well-known name", "{globalsettings}").at("Kind") == "settings (any object)");
    CHECK(rowWhere(rows, "Well-known name", "{bootloadersettings}").at("Kind") ==
          "settings (Windows boot loader)");
    CHECK(rowWhere(rows, "Identifier", "{733b62e7-f608-11eb-825c-c112f60133ab}").at("Kind") == "device options");
    size_t defaults = 0;
    for (const ArtefactRow& f : rows) defaults += f.at("Default") == "true";
    CHECK(defaults == 1);
}

namespace {

/// A BCD store with one entry whose device element is `device`.
BuiltHive bcdWithDevice(std::vector<uint8_t> device) {
    HiveBuilder b;
    b.setRootName(u"NewStoreRoot");
    b.addKey(HiveBuilder::kRoot, u"Description");
    const size_t entry = b.addKey(b.addKey(HiveBuilder::kRoot, u"Objects"), u"{11111111-2222-3333-4444-555555555555}");
    b.addValue(b.addKey(entry, u"Description"), u"Type", kRegDword, dwordBytes(0x10200003));
    const size_t elements = b.addKey(entry, u"Elements");
    b.addValue(b.addKey(elements, u"11000001"), u"Element", kRegBinary, std::move(device));
    b.addValue(b.addKey(elements, u"12000004"), u"Element", kRegSz, regSzBytes(u"Windows 7"));
    return b.build();
}

}  // namespace

TEST_CASE("A BCD device on an MBR disk gives the partition offset and disk signature", "[artefacts]") {
    // The same layout as the GPT entry above with partition style 1 (MBR):
    // the partition is its byte offset (1 MiB) and the disk its signature.
    std::vector<uint8_t> device(88, 0);
    device[0x10] = 6;
    device[0x18] = 0x48;
    device[0x22] = 0x10;  // 0x00100000 = 1048576 at 0x20
    device[0x34] = 1;
    device[0x38] = 0x78, device[0x39] = 0x56, device[0x3A] = 0x34, device[0x3B] = 0x12;
    auto rows = artefactRows(*open(bcdWithDevice(device)), "bcd");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].at("Device") == "MBR partition at offset 1048576 on disk 0x12345678");
    CHECK(rows[0].at("Description") == "Windows 7");
    CHECK(rows[0].at("Default") == "false");  // no boot manager: no default
}

TEST_CASE("A truncated BCD device element gives a row with a note", "[artefacts]") {
    std::vector<uint8_t> device(0x30, 0);  // ends inside the partition record
    device[0x10] = 6;
    auto rows = artefactRows(*open(bcdWithDevice(device)), "bcd");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].at("Device").empty());
    CHECK(rows[0].at("Device data").size() == 0x30 * 2);
    CHECK(rows[0].at("Description") == "Windows 7");
    CHECK(rows[0].at("note") == "the partition device element is 48 bytes; a partition entry needs 72");
    auto tiny = artefactRows(*open(bcdWithDevice({1, 2, 3})), "bcd");
    REQUIRE(tiny.size() == 1);
    CHECK(tiny[0].at("note") == "the device element is 3 bytes; its type is at 0x10");
}
