// The NTUSER.DAT decoders (engine/artefacts/NtUserDecoders.cpp,
// UserAssist.cpp) on bytes written down here and on hives built in memory:
// the layouts field by field, and what damaged data gives (a row with a
// note, never a dropped table). tests/oracle/RegRipperNtUserTest.cpp
// compares the same decoders with RegRipper on real hives.
#include <catch2/catch.hpp>

#include <map>

#include "artefacts/Registry.h"
#include "artefacts/TableWriter.h"
#include "artefacts/UserAssist.h"
#include "format/ValueData.h"
#include "support/HiveBuilder.h"

using namespace hivekit;
using namespace hivekit::artefacts;
using namespace testsupport;

namespace {

/// A HiveBuilder that creates the keys of a backslash path on demand.
class PathBuilder {
public:
    size_t key(const std::u16string& path) {
        size_t parent = HiveBuilder::kRoot;
        std::u16string sofar;
        size_t start = 0;
        while (start <= path.size()) {
            size_t end = path.find(u'\\', start);
            if (end == std::u16string::npos) end = path.size();
            const std::u16string part = path.substr(start, end - start);
            sofar += (sofar.empty() ? u"" : u"\\") + part;
            auto it = ids_.find(sofar);
            if (it == ids_.end()) it = ids_.emplace(sofar, builder.addKey(parent, part)).first;
            parent = it->second;
            start = end + 1;
        }
        return parent;
    }
    void value(const std::u16string& path, const std::u16string& name, uint32_t type, std::vector<uint8_t> data) {
        builder.addValue(key(path), name, type, std::move(data));
    }
    HiveBuilder builder;

private:
    std::map<std::u16string, size_t> ids_;
};

const std::u16string kExplorer = u"Software\\Microsoft\\Windows\\CurrentVersion\\Explorer";

/// The decoder's table on the built hive (the hive stays open meanwhile).
ArtefactTable decodeBuilt(const PathBuilder& built, std::string_view decoder) {
    auto hive = built.builder.build().open();
    REQUIRE(hive);
    DecodeContext context(**hive, HiveKind::NtUser);
    const Decoder* d = findDecoder(decoder);
    REQUIRE(d != nullptr);
    ArtefactTable table = runDecoder(*d, context);
    REQUIRE(table.error.empty());
    return table;
}

std::string text(const Row& row, size_t column) { return fieldText(row.fields.at(column)); }

std::vector<uint8_t> utf16z(const std::u16string& s) { return regSzBytes(s); }

void put32(std::vector<uint8_t>& b, size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) b[at + i] = uint8_t(v >> (8 * i));
}
void put64(std::vector<uint8_t>& b, size_t at, uint64_t v) {
    put32(b, at, uint32_t(v));
    put32(b, at + 4, uint32_t(v >> 32));
}

// 2012-04-04 15:52:45 UTC = 1333554765 s after 1970 = FILETIME
// (1333554765 + 11644473600) * 10^7.
constexpr uint64_t kApril4 = (1333554765ULL + 11644473600ULL) * 10000000ULL;

/// A Windows 7 UserAssist entry (72 bytes), fields as documented in
/// UserAssist.h.
std::vector<uint8_t> win7Entry(uint32_t runs, uint32_t focus, uint32_t focusMs, uint64_t lastRun) {
    std::vector<uint8_t> b(72, 0);
    put32(b, 0x00, 0);        // session id
    put32(b, 0x04, runs);     // run count
    put32(b, 0x08, focus);    // focus count
    put32(b, 0x0C, focusMs);  // focus time, ms
    for (size_t f = 0x10; f < 0x38; f += 4) put32(b, f, 0xBF800000);  // r0 scores: -1.0f, as Windows writes
    put32(b, 0x38, 0xFFFFFFFF);
    put64(b, 0x3C, lastRun);  // last run FILETIME
    return b;
}

}  // namespace

TEST_CASE("A Windows 7 UserAssist entry gives its run and focus counts, focus time and last run", "[artefacts]") {
    // Bytes of the regipy NTUSER.DAT's cmd.exe entry: session 0, 2 runs,
    // 2 focus, 0x000954EA = 611562 ms focus, FILETIME 0x01CD127AF9DDB8A0.
    const std::vector<uint8_t> data = {
        0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0xea, 0x54, 0x09, 0x00,
        0x00, 0x00, 0x80, 0xbf, 0x00, 0x00, 0x80, 0xbf, 0x00, 0x00, 0x80, 0xbf, 0x00, 0x00, 0x80, 0xbf,
        0x00, 0x00, 0x80, 0xbf, 0x00, 0x00, 0x80, 0xbf, 0x00, 0x00, 0x80, 0xbf, 0x00, 0x00, 0x80, 0xbf,
        0x00, 0x00, 0x80, 0xbf, 0x00, 0x00, 0x80, 0xbf, 0xff, 0xff, 0xff, 0xff, 0xa0, 0xb8, 0xdd, 0xf9,
        0x7a, 0x12, 0xcd, 0x01, 0x00, 0x00, 0x00, 0x00};
    UserAssistEntry e = decodeUserAssistEntry(data, 5);
    CHECK(e.runCount == 2);
    CHECK(e.focusCount == 2);
    CHECK(e.focusMilliseconds == 611562);
    REQUIRE(e.lastRun);
    CHECK(isoTime(*e.lastRun) == "2012-04-04T15:52:45.0980000Z");
    CHECK(e.note.empty());
}

TEST_CASE("A Windows XP UserAssist entry's run count starts at 5", "[artefacts]") {
    // 16 bytes: 0x00 session 1, 0x04 count 7 (two runs: Windows XP starts
    // at 5), 0x08 last run FILETIME.
    std::vector<uint8_t> data(16, 0);
    put32(data, 0x00, 1);
    put32(data, 0x04, 7);
    put64(data, 0x08, kApril4);
    UserAssistEntry e = decodeUserAssistEntry(data, 3);
    CHECK(e.runCount == 2);
    CHECK_FALSE(e.focusCount);
    CHECK_FALSE(e.focusMilliseconds);
    REQUIRE(e.lastRun);
    CHECK(isoTime(*e.lastRun) == "2012-04-04T15:52:45Z");
    CHECK(e.note.empty());

    put32(data, 0x04, 3);  // below the base: kept as stored, and said
    e = decodeUserAssistEntry(data, 3);
    CHECK(e.runCount == 3);
    CHECK(e.note == "run count 3 is below the 5 Windows XP starts at");

    put64(data, 0x08, 0);  // never run: no time rather than 1601
    CHECK_FALSE(decodeUserAssistEntry(data, 3).lastRun);
}

TEST_CASE("A UserAssist entry of neither size gives what fits and a note", "[artefacts]") {
    std::vector<uint8_t> data = win7Entry(9, 4, 1000, kApril4);
    data.resize(12);  // session, run count, focus count: no focus time, no last run
    UserAssistEntry e = decodeUserAssistEntry(data, 5);
    CHECK(e.runCount == 9);
    CHECK(e.focusCount == 4);
    CHECK_FALSE(e.focusMilliseconds);
    CHECK_FALSE(e.lastRun);
    CHECK(e.note == "data is 12 bytes; a Windows 7 (version 5) entry needs 72");
    CHECK(decodeUserAssistEntry(std::span<const uint8_t>(), 3).note ==
          "data is 0 bytes; a Windows XP (version 3) entry needs 16");
    CHECK(decodeUserAssistEntry(win7Entry(1, 1, 1, 1), 3).note == "a 72-byte (version 5) entry under a version 3 key");
}

TEST_CASE("UserAssist names are ROT13 unless already plain and keep their known-folder GUID", "[artefacts]") {
    CHECK(rot13("HRZR_PGYFRFFVBA") == "UEME_CTLSESSION");
    CHECK(rot13(rot13("C:\\Program Files\\x-1.exe")) == "C:\\Program Files\\x-1.exe");
    CHECK(userAssistName("{1NP14R77-02R7-4R5Q-O744-2RO1NR5198O7}\\pzq.rkr") ==
          "{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\\cmd.exe");
    CHECK(userAssistName("UEME_RUNPATH:C:\\x.exe") == "UEME_RUNPATH:C:\\x.exe");  // XP's NoEncrypt
    CHECK(isUserAssistControlEntry("UEME_CTLSESSION"));
    CHECK(isUserAssistControlEntry("UEME_CTLCUACount:ctor"));
    CHECK_FALSE(isUserAssistControlEntry("UEME_RUNPATH:C:\\x.exe"));
    CHECK(knownFolderOfName("{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\\cmd.exe") == "System");
    CHECK(knownFolderOfName("{7c5a40ef-a0fb-4bfc-874a-c0f2e0b9fa8e}\\x.exe") == "ProgramFilesX86");
    CHECK(knownFolderOfName("{00000000-0000-0000-0000-000000000000}\\x.exe").empty());
    CHECK(knownFolderOfName("Microsoft.Windows.Explorer").empty());
}

TEST_CASE("The userassist decoder keeps every GUID and marks the control entries", "[artefacts]") {
    PathBuilder b;
    const std::u16string exe = kExplorer + u"\\UserAssist\\{CEBFF5CD-ACE2-4F4F-9178-9926F41749EA}";
    const std::u16string other = kExplorer + u"\\UserAssist\\{9E04CAB2-CC14-11DF-BB8C-A2F1DED72085}";
    b.value(exe, u"Version", kRegDword, dwordBytes(5));
    b.value(exe + u"\\Count", u"HRZR_PGYFRFFVBA", kRegBinary, std::vector<uint8_t>(1612, 0));
    b.value(exe + u"\\Count", u"{1NP14R77-02R7-4R5Q-O744-2RO1NR5198O7}\\pzq.rkr", kRegBinary,
            win7Entry(3, 5, 61000, kApril4));
    b.value(exe + u"\\Count", u"Zvpebfbsg.Jvaqbjf.Rkcybere", kRegBinary, std::vector<uint8_t>(12, 1));
    b.value(other, u"Version", kRegDword, dwordBytes(5));
    b.value(other + u"\\Count", u"cnvag.rkr", kRegBinary, win7Entry(1, 0, 0, 0));
    b.key(kExplorer + u"\\UserAssist\\Settings");  // no Count: no rows

    ArtefactTable t = decodeBuilt(b, "userassist");
    // GUID subkeys in the hive's order (sorted by upcased name: {9E04...}
    // before {CEBF...}), values in theirs.
    REQUIRE(t.rows.size() == 4);
    // GUID, Name, Known folder, Run count, Focus count, Focus time, Last run, Version, Control entry
    const Row& paint = t.rows[0];
    CHECK(text(paint, 0) == "{9E04CAB2-CC14-11DF-BB8C-A2F1DED72085}");
    CHECK(text(paint, 1) == "paint.exe");
    CHECK(text(paint, 3) == "1");
    CHECK(text(paint, 6).empty());  // never run: no time
    const Row& session = t.rows[1];
    CHECK(text(session, 1) == "UEME_CTLSESSION");
    CHECK(text(session, 3).empty());
    CHECK(text(session, 8) == "true");
    CHECK(session.note.empty());
    const Row& cmd = t.rows[2];
    CHECK(text(cmd, 0) == "{CEBFF5CD-ACE2-4F4F-9178-9926F41749EA}");
    CHECK(text(cmd, 1) == "{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\\cmd.exe");
    CHECK(text(cmd, 2) == "System");
    CHECK(text(cmd, 3) == "3");
    CHECK(text(cmd, 4) == "5");
    CHECK(text(cmd, 5) == "61000");
    CHECK(text(cmd, 6) == "2012-04-04T15:52:45Z");
    CHECK(text(cmd, 7) == "5");
    CHECK(text(cmd, 8) == "false");
    CHECK(cmd.source.valueName == "{1NP14R77-02R7-4R5Q-O744-2RO1NR5198O7}\\pzq.rkr");
    const Row& truncated = t.rows[3];
    CHECK(text(truncated, 1) == "Microsoft.Windows.Explorer");
    CHECK(text(truncated, 3) == std::to_string(0x01010101));
    CHECK(truncated.note == "data is 12 bytes; a Windows 7 (version 5) entry needs 72");
}

TEST_CASE("RecentDocs rows follow MRUListEx and take the name before the shell item", "[artefacts]") {
    PathBuilder b;
    const std::u16string rd = kExplorer + u"\\RecentDocs";
    // MRUListEx: entries 1 then 0, then the 0xFFFFFFFF end marker.
    b.value(rd, u"MRUListEx", kRegBinary, {1, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff});
    // Entry data: the UTF-16LE file name with its NUL, then a shell item
    // (here a stand-in: its size 4 and two bytes) that is not ours to decode.
    std::vector<uint8_t> first = utf16z(u"report.docx");
    first.insert(first.end(), {0x04, 0x00, 0x32, 0x00});
    b.value(rd, u"0", kRegBinary, first);
    b.value(rd, u"1", kRegBinary, utf16z(u"notes.txt"));
    b.value(rd, u"7", kRegBinary, utf16z(u"orphan.txt"));  // not in the list
    // .txt: a list cut short (6 bytes) and a name without its NUL.
    b.value(rd + u"\\.txt", u"MRUListEx", kRegBinary, {0, 0, 0, 0, 0xff, 0xff});
    std::vector<uint8_t> unterminated = utf16z(u"notes.txt");
    unterminated.resize(unterminated.size() - 2);
    b.value(rd + u"\\.txt", u"0", kRegBinary, unterminated);

    ArtefactTable t = decodeBuilt(b, "recentdocs");
    REQUIRE(t.rows.size() == 5);
    // Extension, Position, Value, File name, Last write
    CHECK(text(t.rows[0], 1) == "0");
    CHECK(text(t.rows[0], 2) == "1");
    CHECK(text(t.rows[0], 3) == "notes.txt");
    CHECK_FALSE(text(t.rows[0], 4).empty());  // the key's last write: when position 0 was opened
    CHECK(text(t.rows[1], 2) == "0");
    CHECK(text(t.rows[1], 3) == "report.docx");
    CHECK(text(t.rows[1], 4).empty());
    CHECK(text(t.rows[2], 1).empty());
    CHECK(text(t.rows[2], 3) == "orphan.txt");
    CHECK(t.rows[2].note == "not in the MRU list");
    CHECK(text(t.rows[3], 0) == ".txt");
    CHECK(text(t.rows[3], 2) == "MRUListEx");
    CHECK(t.rows[3].note == "MRUListEx is 6 bytes, not a multiple of 4");
    CHECK(text(t.rows[4], 1) == "0");
    CHECK(text(t.rows[4], 3) == "notes.txt");
    CHECK(t.rows[4].note == "the file name has no terminating NUL within the 18 bytes");
}

TEST_CASE("RunMRU follows MRUList and strips the trailing backslash-one", "[artefacts]") {
    PathBuilder b;
    const std::u16string run = kExplorer + u"\\RunMRU";
    b.value(run, u"a", kRegSz, utf16z(u"cmd\\1"));
    b.value(run, u"b", kRegSz, utf16z(u"\\\\server\\share\\1"));
    b.value(run, u"c", kRegDword, dwordBytes(1));
    b.value(run, u"MRUList", kRegSz, utf16z(u"bac"));
    ArtefactTable t = decodeBuilt(b, "runmru");
    REQUIRE(t.rows.size() == 3);
    CHECK(text(t.rows[0], 1) == "b");
    CHECK(text(t.rows[0], 2) == "\\\\server\\share");
    CHECK(text(t.rows[1], 2) == "cmd");
    CHECK(text(t.rows[2], 0) == "2");
    CHECK(text(t.rows[2], 2).empty());
    CHECK(t.rows[2].note == "c is not a string (type 4)");
}

TEST_CASE("TypedURLs joins each url with its TypedURLsTime and notes a time too short", "[artefacts]") {
    PathBuilder b;
    const std::u16string ie = u"Software\\Microsoft\\Internet Explorer";
    b.value(ie + u"\\TypedURLs", u"url2", kRegSz, utf16z(u"http://example.org/"));
    b.value(ie + u"\\TypedURLs", u"url1", kRegSz, utf16z(u"http://example.com/"));
    b.value(ie + u"\\TypedURLsTime", u"url1", kRegBinary, qwordBytes(kApril4));
    b.value(ie + u"\\TypedURLsTime", u"url2", kRegBinary, dwordBytes(7));  // 4 bytes: not a FILETIME
    b.value(ie + u"\\TypedURLsTime", u"url3", kRegBinary, qwordBytes(kApril4 + 10000000));
    ArtefactTable t = decodeBuilt(b, "typedurls");
    REQUIRE(t.rows.size() == 3);
    // Value, URL, Typed, Last write
    CHECK(text(t.rows[0], 0) == "url1");
    CHECK(text(t.rows[0], 1) == "http://example.com/");
    CHECK(text(t.rows[0], 2) == "2012-04-04T15:52:45Z");
    CHECK(t.rows[0].note.empty());
    CHECK(text(t.rows[1], 0) == "url2");
    CHECK(text(t.rows[1], 2).empty());
    CHECK(t.rows[1].note == "TypedURLsTime\\url2 is 4 bytes; a FILETIME needs 8");
    CHECK(text(t.rows[2], 0) == "url3");
    CHECK(text(t.rows[2], 1).empty());
    CHECK(text(t.rows[2], 2) == "2012-04-04T15:52:46Z");
    CHECK(t.rows[2].note == "TypedURLs has no url3");
}

TEST_CASE("WordWheelQuery notes a list without its end marker and a term without its NUL", "[artefacts]") {
    PathBuilder b;
    const std::u16string w = kExplorer + u"\\WordWheelQuery";
    b.value(w, u"MRUListEx", kRegBinary, {1, 0, 0, 0, 0, 0, 0, 0});
    b.value(w, u"0", kRegBinary, utf16z(u"invoice"));
    std::vector<uint8_t> cut = utf16z(u"secret");
    cut.resize(cut.size() - 2);
    b.value(w, u"1", kRegBinary, cut);
    ArtefactTable t = decodeBuilt(b, "wordwheelquery");
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0].note == "MRUListEx has no 0xFFFFFFFF end marker");
    CHECK(text(t.rows[1], 2) == "secret");
    CHECK(t.rows[1].note == "the search term has no terminating NUL");
    CHECK(text(t.rows[2], 0) == "1");
    CHECK(text(t.rows[2], 2) == "invoice");
    CHECK(t.rows[2].note.empty());
}

TEST_CASE("User Run keys list Run RunOnce and the policy Run key but not an empty default", "[artefacts]") {
    PathBuilder b;
    const std::u16string cv = u"Software\\Microsoft\\Windows\\CurrentVersion";
    b.value(cv + u"\\Run", u"", kRegSz, utf16z(u""));
    b.value(cv + u"\\Run", u"Updater", kRegSz, utf16z(u"C:\\Users\\a\\AppData\\upd.exe"));
    b.value(cv + u"\\RunOnce", u"Once", kRegExpandSz, utf16z(u"%TEMP%\\x.exe /q"));
    b.value(cv + u"\\Policies\\Explorer\\Run", u"1", kRegSz, utf16z(u"C:\\p.exe"));
    b.value(cv + u"\\Policies\\Explorer\\Run", u"2", kRegBinary, {1, 2});
    ArtefactTable t = decodeBuilt(b, "user-run");
    REQUIRE(t.rows.size() == 4);
    CHECK(text(t.rows[0], 0) == "Run");
    CHECK(text(t.rows[0], 1) == "Updater");
    CHECK(text(t.rows[1], 0) == "RunOnce");
    CHECK(text(t.rows[1], 2) == "%TEMP%\\x.exe /q");
    CHECK(text(t.rows[2], 0) == "Policies\\Explorer\\Run");
    CHECK(text(t.rows[3], 2).empty());
    CHECK(t.rows[3].note == "2 is not a string (type 3)");
}

TEST_CASE("MountPoints2 tells volumes drives and shares apart and spells a share as a UNC path", "[artefacts]") {
    PathBuilder b;
    const std::u16string mp = kExplorer + u"\\MountPoints2";
    b.key(mp + u"\\##fileserver#Finance$");
    b.value(mp + u"\\{656b1715-ecf6-11df-92e6-806e6f6e6963}", u"_LabelFromReg", kRegSz, utf16z(u"BACKUP"));
    b.key(mp + u"\\E");
    ArtefactTable t = decodeBuilt(b, "mountpoints2");
    REQUIRE(t.rows.size() == 3);
    // Subkeys in the hive's order (sorted by upcased name).
    CHECK(text(t.rows[0], 0) == "network share");
    CHECK(text(t.rows[0], 2) == "\\\\fileserver\\Finance$");
    CHECK(text(t.rows[1], 0) == "drive");
    CHECK(text(t.rows[2], 0) == "volume");
    CHECK(text(t.rows[2], 3) == "BACKUP");
    CHECK(text(t.rows[2], 4) == "2020-10-13T22:47:01.5768566Z");  // HiveBuilder's key time
}

TEST_CASE("Terminal Server Client rows give the MRU in number order and each server's user name hint",
          "[artefacts]") {
    PathBuilder b;
    const std::u16string ts = u"Software\\Microsoft\\Terminal Server Client";
    b.value(ts + u"\\Default", u"MRU1", kRegSz, utf16z(u"10.0.0.5"));
    b.value(ts + u"\\Default", u"MRU0", kRegSz, utf16z(u"jump01.corp.example"));
    b.value(ts + u"\\Servers\\jump01.corp.example", u"UsernameHint", kRegSz, utf16z(u"CORP\\alice"));
    b.key(ts + u"\\Servers\\10.0.0.5");
    ArtefactTable t = decodeBuilt(b, "tsclient");
    REQUIRE(t.rows.size() == 4);
    CHECK(text(t.rows[0], 1) == "MRU0");
    CHECK(text(t.rows[0], 2) == "jump01.corp.example");
    CHECK_FALSE(text(t.rows[0], 4).empty());
    CHECK(text(t.rows[1], 2) == "10.0.0.5");
    CHECK(text(t.rows[1], 4).empty());
    CHECK(text(t.rows[2], 2) == "10.0.0.5");
    CHECK(text(t.rows[2], 3).empty());
    CHECK(text(t.rows[3], 2) == "jump01.corp.example");
    CHECK(text(t.rows[3], 3) == "CORP\\alice");
}

TEST_CASE("The NTUSER decoders give no rows on a hive without their keys", "[artefacts]") {
    PathBuilder b;
    b.key(u"Software\\Microsoft\\Windows\\CurrentVersion");
    for (const char* name : {"userassist", "recentdocs", "runmru", "typedpaths", "typedurls", "wordwheelquery",
                             "user-run", "mountpoints2", "tsclient"}) {
        INFO(name);
        CHECK(decodeBuilt(b, name).rows.empty());
    }
}
