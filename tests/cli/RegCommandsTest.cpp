// hivectl export and import (.reg files) driven as a process, and the export
// cross-checked against an independent implementation of the format:
// hivexregedit (libwin-hivex-perl) reads our export into a hive, and our
// parser reads hivexregedit's export.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <tuple>
#include <utility>
#include <vector>

#include "format/Names.h"
#include "format/ValueData.h"
#include "merge/Session.h"
#include "regfile/RegFile.h"
#include "support/HiveBuilder.h"
#include "support/TestSupport.h"

using namespace testsupport;

namespace {

const char* kHivexRegedit = "/usr/bin/hivexregedit";

std::vector<uint8_t> bytesOf(const std::string& s) { return std::vector<uint8_t>(s.begin(), s.end()); }

/// A UTF-8 text as regedit 5.00 writes it: UTF-16LE after FF FE.
std::vector<uint8_t> utf16File(const std::string& text) {
    std::vector<uint8_t> out{0xFF, 0xFE};
    for (char16_t u : hivekit::utf8ToUtf16(text)) {
        out.push_back(static_cast<uint8_t>(u & 0xFF));
        out.push_back(static_cast<uint8_t>(u >> 8));
    }
    return out;
}

const std::string kSelectText =
    "[HKEY_LOCAL_MACHINE\\HIVE\\Select]\r\n"
    "\"Current\"=dword:00000001\r\n"
    "\"Default\"=dword:00000001\r\n"
    "\"Failed\"=dword:00000000\r\n"
    "\"LastKnownGood\"=dword:00000002\r\n"
    "\r\n";

/// hivex-dump's output with the key timestamps blanked, which an import
/// cannot (and should not) carry over.
std::string dumpWithoutTimes(const std::string& hive) {
    auto r = run({hivexDumpScript(), hive});
    REQUIRE(r.exitCode == 0);
    return blankKeyTimes(r.out);
}

/// A regedit 5.00 file (UTF-16LE, CRLF) as hivexregedit --merge wants it:
/// UTF-8 with LF line ends.
void toUtf8Lf(const std::string& from, const std::string& to) {
    auto r = run({"/usr/bin/python3", "-c",
                  "import sys; t = open(sys.argv[1], encoding='utf-16').read().replace('\\r\\n', '\\n'); "
                  "open(sys.argv[2], 'w', encoding='utf-8', newline='\\n').write(t)",
                  from, to});
    REQUIRE(r.exitCode == 0);
}

using ValueTuple = std::tuple<std::string, std::string, uint32_t, std::vector<uint8_t>>;

std::vector<ValueTuple> sortedValues(const hivekit::RegFile& file) {
    std::vector<ValueTuple> out;
    for (const auto& e : file.edits)
        if (e.kind == hivekit::RegEdit::Kind::SetValue) out.emplace_back(e.path, e.name, e.type, e.data);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("export writes regedit 5.00 in UTF-16LE with a BOM to standard output", "[cli][regfile]") {
    auto r = hivectl({"export", hivePath("regipy/SYSTEM"), "Select"});
    CHECK(r.exitCode == 0);
    CHECK(r.err.empty());
    CHECK(bytesOf(r.out) == utf16File("Windows Registry Editor Version 5.00\r\n\r\n" + kSelectText));
}

TEST_CASE("export -o FILE --regedit4 --root NAME writes REGEDIT4 in UTF-8 under that root to the file", "[cli][regfile]") {
    TempDir dir;
    auto r = hivectl({"export", hivePath("regipy/SYSTEM"), "Select", "-o", dir.file("s.reg"), "--regedit4", "--root",
                      "HKEY_LOCAL_MACHINE\\SYSTEM"});
    CHECK(r.exitCode == 0);
    CHECK(r.out.empty());
    std::string expected = "REGEDIT4\r\n\r\n" + kSelectText;
    expected.replace(expected.find("HIVE"), 4, "SYSTEM");
    CHECK(readText(dir.file("s.reg")) == expected);
}

TEST_CASE("export of a missing key or with a bad option says what is wrong", "[cli][regfile]") {
    auto missing = hivectl({"export", hivePath("regipy/SAM"), "SAM\\Nope"});
    CHECK(missing.exitCode == 1);
    CHECK(missing.out.empty());
    CHECK(missing.err == "hivectl: " + hivePath("regipy/SAM") +
                             ": no such key: \"SAM\\Nope\" (\"SAM\" has no subkey \"Nope\")\n");
    auto noValue = hivectl({"export", hivePath("regipy/SAM"), "-o"});
    CHECK(noValue.exitCode == 2);
    CHECK(noValue.err == "hivectl: option -o needs a value (see hivectl --help)\n");
    auto badRoot = hivectl({"export", hivePath("regipy/SAM"), "--root", "a]b"});
    CHECK(badRoot.exitCode == 2);
    CHECK(badRoot.err.find("root name \"a]b\" cannot begin key lines") != std::string::npos);
}

TEST_CASE("export writes what it can, reports each thing a .reg file cannot hold and exits 1", "[cli][regfile]") {
    HiveBuilder b;
    const size_t ok = b.addKey(HiveBuilder::kRoot, u"Ok");
    b.addValue(ok, u"bad\nname", hivekit::kRegDword, dwordBytes(2));
    b.addValue(ok, u"good", hivekit::kRegDword, dwordBytes(1));
    TempDir dir;
    writeFile(dir.file("hive"), b.build().bytes);
    auto r = hivectl({"export", dir.file("hive"), "--regedit4"});
    CHECK(r.exitCode == 1);
    CHECK(r.out == "REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\HIVE]\r\n\r\n[HKEY_LOCAL_MACHINE\\HIVE\\Ok]\r\n"
                   "\"good\"=dword:00000001\r\n\r\n");
    CHECK(r.err.starts_with("hivectl: warning [0x"));
    CHECK(r.err.ends_with("]: key \"Ok\", value \"bad\\nname\": its name holds a line break, which a .reg file "
                          "cannot hold; left out\n"));
}

TEST_CASE("import --dry-run prints every edit with its line and leaves the hive untouched", "[cli][regfile]") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("regipy/SAM"), dir.file("SAM"));
    const std::vector<uint8_t> before = readFile(hive);
    writeFile(dir.file("in.reg"), utf16File("Windows Registry Editor Version 5.00\r\n"
                                            "\r\n"
                                            "[HKEY_LOCAL_MACHINE\\SAM\\SAM\\New]\r\n"
                                            "\"Text\"=\"abc\"\r\n"
                                            "@=dword:2a\r\n"
                                            "\"Gone\"=-\r\n"
                                            "\r\n"
                                            "[-HKEY_LOCAL_MACHINE\\SAM\\SAM\\Old]\r\n"));
    auto r = hivectl({"import", hive, dir.file("in.reg"), "--dry-run"});
    CHECK(r.exitCode == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "line 3: create key \"SAM\\New\" (and missing parents)\n"
                   "line 4: set value \"Text\" in \"SAM\\New\": REG_SZ, 8 bytes\n"
                   "line 5: set value (default) in \"SAM\\New\": REG_DWORD, 4 bytes\n"
                   "line 6: delete value \"Gone\" in \"SAM\\New\" (if present)\n"
                   "line 8: delete key \"SAM\\Old\" (with its subkeys) (if present)\n"
                   "import: 5 edits from " + dir.file("in.reg") +
                       " (regedit 5.00, UTF-16LE, root prefix \"HKEY_LOCAL_MACHINE\\SAM\"); dry run, nothing "
                       "written\n");
    CHECK(readFile(hive) == before);

    // --root takes the prefix as given instead of detecting it.
    auto rooted = hivectl({"import", hive, dir.file("in.reg"), "--dry-run", "--root", "HKEY_LOCAL_MACHINE\\SAM\\SAM"});
    CHECK(rooted.exitCode == 0);
    CHECK(rooted.out.starts_with("line 3: create key \"New\" (and missing parents)\n"));
}

TEST_CASE("import of a malformed file lists every error with its line, exits 1 and writes nothing", "[cli][regfile]") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("regipy/SAM"), dir.file("SAM"));
    const std::vector<uint8_t> before = readFile(hive);
    writeFile(dir.file("bad.reg"), bytesOf("REGEDIT4\n"
                                           "[HKEY_LOCAL_MACHINE\\SAM\\SAM\\A]\n"
                                           "\"ok\"=dword:1\n"
                                           "\"a\"=hex:zz\n"
                                           "\"b\"=dword:1\n"
                                           "\"c\"=\"unclosed\n"));
    for (bool dryRun : {true, false}) {
        std::vector<std::string> args{"import", hive, dir.file("bad.reg")};
        if (dryRun) args.push_back("--dry-run");
        auto r = hivectl(args);
        CHECK(r.exitCode == 1);
        CHECK(r.out.empty());
        const std::string file = dir.file("bad.reg");
        CHECK(r.err == "hivectl: " + file + ": line 4: hex byte 'zz' is not hexadecimal (column 9)\n"
                       "hivectl: " + file + ": line 6: the string has no closing '\"' (column 5)\n"
                       "hivectl: " + file + ": nothing imported\n");
    }
    CHECK(readFile(hive) == before);

    auto missing = hivectl({"import", hive, dir.file("none.reg"), "--dry-run"});
    CHECK(missing.exitCode == 3);
    CHECK(missing.err == "hivectl: cannot open " + dir.file("none.reg") + ": No such file or directory\n");
    auto noFile = hivectl({"import", hive});
    CHECK(noFile.exitCode == 2);
    CHECK(noFile.err == "hivectl: import: missing FILE.reg (see hivectl --help)\n");
}

TEST_CASE("import applies a .reg file to a hive in one commit, readable by hivex and clean for check", "[cli][regfile][import]") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("regipy/SAM"), dir.file("SAM"));
    writeFile(dir.file("in.reg"), utf16File("Windows Registry Editor Version 5.00\r\n"
                                            "\r\n"
                                            "[HKEY_LOCAL_MACHINE\\SAM\\SAM\\New\\Deep]\r\n"
                                            "\"Text\"=\"abc\"\r\n"
                                            "@=dword:2a\r\n"
                                            "\"Bin\"=hex:01,02,\\\r\n"
                                            "  03\r\n"
                                            "\r\n"
                                            "[-HKEY_LOCAL_MACHINE\\SAM\\SAM\\RXACT]\r\n"
                                            "[-HKEY_LOCAL_MACHINE\\SAM\\SAM\\NotThere]\r\n"
                                            "[HKEY_LOCAL_MACHINE\\SAM\\SAM\\LastSkuUpgrade]\r\n"
                                            "\"NotThere\"=-\r\n"));
    auto r = hivectl({"import", hive, dir.file("in.reg"), "--strategy", "append"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out == "import: 8 edits from " + dir.file("in.reg") +
                       " (regedit 5.00, UTF-16LE, root prefix \"HKEY_LOCAL_MACHINE\\SAM\"): 5 changed, committed "
                       "(append)\n");
    CHECK(hivectl({"ls", hive, "SAM\\New\\Deep"}).out == "Text\tREG_SZ\t8\n(Default)\tREG_DWORD\t4\nBin\tREG_BINARY\t3\n");
    CHECK(hivectl({"get", hive, "SAM\\New\\Deep"}).out == "0x0000002a (42)\n");  // the default value
    CHECK(hivectl({"get", hive, "SAM\\New\\Deep", "Bin"}).out == "01 02 03\n");
    CHECK(hivectl({"ls", hive, "SAM"}).out.find("RXACT") == std::string::npos);
    CHECK(hivectl({"check", hive}).exitCode == 0);
    const std::string dump = dumpWithoutTimes(hive);
    CHECK(dump.find("V\tSAM\\New\\Deep\tBin\t3\t010203\n") != std::string::npos);
    CHECK(dump.find("SAM\\RXACT") == std::string::npos);
}

TEST_CASE("import refuses edits the hive or the format refuses, naming the line, and writes nothing", "[cli][regfile][import]") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("regipy/SAM"), dir.file("SAM"));
    const std::vector<uint8_t> before = readFile(hive);
    std::string deep = "[HKEY_LOCAL_MACHINE\\SAM";
    for (int i = 0; i < 513; ++i) deep += "\\k";
    writeFile(dir.file("deep.reg"), bytesOf("REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\SAM\\SAM]\n\"a\"=dword:1\n" + deep + "]\n"));
    for (bool dryRun : {true, false}) {
        std::vector<std::string> args{"import", hive, dir.file("deep.reg")};
        if (dryRun) args.push_back("--dry-run");
        auto r = hivectl(args);
        CHECK(r.exitCode == 1);
        CHECK(r.out.empty());
        CHECK(r.err.starts_with("hivectl: " + dir.file("deep.reg") + ": line 5: edit 3 (create key \"k\\k\\"));
        CHECK(r.err.find("key path is 513 levels deep; Windows allows at most 512\n") != std::string::npos);
        CHECK(r.err.ends_with("hivectl: " + dir.file("deep.reg") + ": nothing imported\n"));
    }
    auto bogus = hivectl({"import", hive, dir.file("deep.reg"), "--strategy", "bogus"});
    CHECK(bogus.exitCode == 2);
    CHECK(bogus.err == "hivectl: import: unknown strategy \"bogus\" (expected inplace, append or hybrid)\n");
    CHECK(readFile(hive) == before);
}

// ---------------------------------------------------------------------------
// Cross-checks with hivexregedit, an independent reader and writer of .reg

TEST_CASE("hivexregedit merges our export into an empty hive and gets the original tree back", "[cli][regfile][oracle]") {
    INFO("needs hivexregedit (Debian package libwin-hivex-perl)");
    REQUIRE(fileExists(kHivexRegedit));
    const char* hiveName = GENERATE("ez/NTUSER1.DAT", "regipy/SAM");
    INFO(hiveName);
    TempDir dir;
    auto e = hivectl({"export", hivePath(hiveName), "-o", dir.file("x.reg")});
    REQUIRE(e.exitCode == 0);
    toUtf8Lf(dir.file("x.reg"), dir.file("x-utf8.reg"));
    // hivex/minimal is a hive of one empty root key.
    const std::string target = copyFile(hivePath("hivex/minimal"), dir.file("merged"));
    // hivexregedit reads its input as bytes unless Perl is told the files
    // are UTF-8; without that, the string "U+0221" that regipy/SAM holds
    // would be stored as the two units C8 A1.
    auto m = run({"/usr/bin/env", "PERL_UNICODE=SD", kHivexRegedit, "--merge", "--prefix", "HKEY_LOCAL_MACHINE\\HIVE",
                  target, dir.file("x-utf8.reg")});
    INFO(m.err);
    REQUIRE(m.exitCode == 0);
    CHECK(dumpWithoutTimes(target) == dumpWithoutTimes(hivePath(hiveName)));
}

TEST_CASE("Our parser reads hivexregedit's export and finds the values of our own export", "[cli][regfile][oracle]") {
    INFO("needs hivexregedit (Debian package libwin-hivex-perl)");
    REQUIRE(fileExists(kHivexRegedit));
    const char* hiveName = GENERATE("ez/NTUSER1.DAT", "regipy/SAM", "regipy/BCD");
    INFO(hiveName);
    TempDir dir;
    auto theirs = run({kHivexRegedit, "--export", hivePath(hiveName), "\\"});
    REQUIRE(theirs.exitCode == 0);
    auto ours = hivectl({"export", hivePath(hiveName)});
    REQUIRE(ours.exitCode == 0);

    auto theirsParsed = hivekit::parseRegFile(bytesOf(theirs.out));
    INFO((theirsParsed ? std::string() : theirsParsed.error().message.substr(0, 2000)));
    REQUIRE(theirsParsed);
    CHECK(theirsParsed->rootPrefix.empty());  // hivexregedit writes the root as [\]
    auto oursParsed = hivekit::parseRegFile(bytesOf(ours.out));
    REQUIRE(oursParsed);
    const auto a = sortedValues(*theirsParsed);
    const auto b = sortedValues(*oursParsed);
    CHECK(a.size() == b.size());
    CHECK(a == b);
}

// ---------------------------------------------------------------------------
// Import into a fresh hive made by `hivectl new-hive`.

TEST_CASE("An export imported into a fresh hive gives the original tree back", "[cli][regfile][import]") {
    const char* hiveName = GENERATE("ez/NTUSER1.DAT", "regipy/SAM", "hivex/special");
    INFO(hiveName);
    TempDir dir;
    auto created = hivectl({"new-hive", dir.file("fresh")});
    REQUIRE(created.exitCode == 0);
    auto e = hivectl({"export", hivePath(hiveName), "-o", dir.file("x.reg")});
    // hivex/special's key "zero\0key" cannot be a .reg key line (the parser
    // refuses a NUL in a key path, as regedit does): left out with a warning
    // (exit 1), and deleted from the reference the import is compared with.
    const bool special = std::string(hiveName) == "hivex/special";
    std::string reference = hivePath(hiveName);
    if (special) {
        CHECK(e.err == "hivectl: warning [0x11b8]: key \"zero\\0key\": its name holds a NUL character, which a .reg "
                       "key line cannot hold; left out with its subtree\n");
        reference = copyFile(reference, dir.file("reference"));
        auto session = hivekit::Session::open(reference);
        REQUIRE(session);
        REQUIRE((*session)->apply(hivekit::Plan().deleteKey(std::string("zero\0key", 8), true)));
        REQUIRE((*session)->commit());
    }
    REQUIRE(e.exitCode == (special ? 1 : 0));
    auto i = hivectl({"import", dir.file("fresh"), dir.file("x.reg")});
    INFO(i.err);
    REQUIRE(i.exitCode == 0);
    CHECK(dumpWithoutTimes(dir.file("fresh")) == dumpWithoutTimes(reference));
    auto check = hivectl({"check", dir.file("fresh")});
    CHECK(check.exitCode == 0);
}

// ---------------------------------------------------------------------------
// Hostile input: files that never end, endless lines, NUL characters

namespace {

/// A new hive made by hivectl itself (no shared hive needed).
std::string newHive(const TempDir& dir) {
    const std::string path = dir.file("hostile.hiv");
    auto r = hivectl({"new-hive", path});
    REQUIRE(r.exitCode == 0);
    REQUIRE(hivectl({"mkkey", path, "SYSTEM"}).exitCode == 0);
    return path;
}

/// Every file of a directory with its bytes.
std::vector<std::pair<std::string, std::vector<uint8_t>>> filesIn(const std::string& dir) {
    std::vector<std::pair<std::string, std::vector<uint8_t>>> out;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.is_regular_file()) out.emplace_back(e.path().filename().string(), readFile(e.path().string()));
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("import refuses a device, a FIFO and a file over 1 GiB at once, exits 3 and leaves the hive byte-identical", "[cli][regfile][hostile]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    const std::string fifo = dir.file("fifo.reg");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const std::string huge = dir.file("huge.reg");
    writeFile(huge, bytesOf("REGEDIT4\n"));
    std::filesystem::resize_file(huge, (uint64_t{1} << 30) + 1);  // sparse: costs no disk
    const auto before = filesIn(dir.path());

    auto zero = hivectl({"import", hive, "/dev/zero"});
    CHECK(zero.exitCode == 3);
    CHECK(zero.out.empty());
    CHECK(zero.err ==
          "hivectl: /dev/zero: not a regular file (a character device); a .reg file is read only from a regular file\n");
    auto fromFifo = hivectl({"import", hive, fifo, "--dry-run"});
    CHECK(fromFifo.exitCode == 3);
    CHECK(fromFifo.err ==
          "hivectl: " + fifo + ": not a regular file (a FIFO); a .reg file is read only from a regular file\n");
    auto tooLarge = hivectl({"import", hive, huge});
    CHECK(tooLarge.exitCode == 3);
    CHECK(tooLarge.err == "hivectl: " + huge + ": 1073741825 bytes; a .reg file may have at most 1073741824 bytes\n");
    // No timed assertion: reading /dev/zero or opening the FIFO (no writer)
    // would never end, which the test's timeout catches.
    CHECK(filesIn(dir.path()) == before);
}

TEST_CASE("import of a file with an endless first line stops at the line limit, exits 1 and writes nothing", "[cli][regfile][hostile]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    const std::string zeros = dir.file("zeros.reg");
    writeFile(zeros, std::vector<uint8_t>(5 << 20, 0));  // 5 MiB of NULs, no line end
    const std::string longLine = dir.file("long.reg");
    writeFile(longLine, bytesOf("REGEDIT4\n[HKEY_LOCAL_MACHINE\\SYSTEM\\A]\n\"v\"=\"" + std::string(4194304, 'x') + "\"\n"));
    const auto before = filesIn(dir.path());
    auto r = hivectl({"import", hive, zeros});
    CHECK(r.exitCode == 1);
    CHECK(r.err == "hivectl: " + zeros +
                       ": line 1: the line is longer than 4194304 characters, the most a line of a .reg file may hold; "
                       "parsing stopped\n"
                       "hivectl: " + zeros + ": nothing imported\n");
    r = hivectl({"import", hive, longLine});
    CHECK(r.exitCode == 1);
    CHECK(r.err == "hivectl: " + longLine +
                       ": line 3: the line is longer than 4194304 characters, the most a line of a .reg file may hold; "
                       "parsing stopped\n"
                       "hivectl: " + longLine + ": nothing imported\n");
    CHECK(filesIn(dir.path()) == before);
}

TEST_CASE("import refuses a key path holding a NUL, in UTF-8 and UTF-16LE, with its line and column, and writes nothing", "[cli][regfile][hostile]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    const std::string text = "Windows Registry Editor Version 5.00\r\n\r\n"
                             "[HKEY_LOCAL_MACHINE\\SYSTEM\\a" + std::string(1, '\0') + "b]\r\n"
                             "\"v\"=dword:00000001\r\n";
    writeFile(dir.file("nul8.reg"), bytesOf(text));
    writeFile(dir.file("nul16.reg"), utf16File(text));
    const auto before = filesIn(dir.path());
    for (const char* name : {"nul8.reg", "nul16.reg"}) {
        INFO(name);
        const std::string file = dir.file(name);
        for (bool dryRun : {false, true}) {
            std::vector<std::string> args{"import", hive, file};
            if (dryRun) args.push_back("--dry-run");
            auto r = hivectl(args);
            CHECK(r.exitCode == 1);
            CHECK(r.out.empty());
            CHECK(r.err == "hivectl: " + file +
                               ": line 3: the key path holds a NUL character (U+0000), which no key name in a .reg "
                               "file may hold (column 29)\n"
                               "hivectl: " + file + ": nothing imported\n");
        }
    }
    CHECK(filesIn(dir.path()) == before);

    // A NUL in a value name is the registry's to hold: imported as written.
    writeFile(dir.file("value.reg"),
              bytesOf("REGEDIT4\n[HKEY_LOCAL_MACHINE\\SYSTEM\\A]\n\"a" + std::string(1, '\0') + "b\"=dword:2\n"));
    auto r = hivectl({"import", hive, dir.file("value.reg")});
    INFO(r.err);
    CHECK(r.exitCode == 0);
    // (HKEY_LOCAL_MACHINE\SYSTEM is the root prefix: the key is "A".)
    CHECK(hivectl({"ls", hive, "A"}).out.find("a" + std::string(1, '\0') + "b") != std::string::npos);
}
