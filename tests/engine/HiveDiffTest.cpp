// diff/HiveDiff: two hives walked in step, every difference reported once,
// names matched under the Windows upcase rules; diff/DiffReg: the .reg text
// that turns one into the other.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "diff/DiffReg.h"
#include "diff/HiveDiff.h"
#include "format/Layout.h"
#include "format/Names.h"
#include "format/ValueData.h"
#include "hive/Hive.h"
#include "support/HiveBuilder.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace testsupport;
namespace L = hivekit::layout;

namespace {

/// "value changed Software\Run a" per difference, in report order.
std::vector<std::string> differences(const Hive& a, const Hive& b, const DiffOptions& options = {},
                                     DiffSummary* summaryOut = nullptr) {
    std::vector<std::string> found;
    auto summary = diffHives(a, b, options, [&](const Difference& d) {
        std::string line = std::string(diffKindName(d.kind)) + " " + d.path;
        if (!d.isKey()) line += " " + utf16ToUtf8(d.valueName);
        if (d.descendant) line += " (below)";
        found.push_back(line);
        return true;
    });
    REQUIRE(summary);
    if (summaryOut) *summaryOut = *summary;
    return found;
}

std::unique_ptr<Hive> open(const BuiltHive& built) {
    auto hive = built.open();
    REQUIRE(hive);
    return std::move(*hive);
}

std::unique_ptr<Hive> openFile(const std::string& path) {
    auto hive = Hive::open(path);
    REQUIRE(hive);
    return std::move(*hive);
}

/// ROOT
/// +- Software        (class "Cls")
/// |  +- Run          values a (DWORD 1), b (SZ "x"), keep (DWORD 7)
/// +- Old
///    +- Sub          value v (BINARY 01 02)
///       +- Deeper
struct BaseTree {
    HiveBuilder b{5};
    size_t software, run, old, sub, deeper;
    BaseTree() {
        b.setRootName(u"ROOT");
        software = b.addKey(HiveBuilder::kRoot, u"Software");
        b.setClassName(software, u"Cls");
        run = b.addKey(software, u"Run");
        b.addValue(run, u"a", kRegDword, dwordBytes(1));
        b.addValue(run, u"b", kRegSz, regSzBytes(u"x"));
        b.addValue(run, u"keep", kRegDword, dwordBytes(7));
        old = b.addKey(HiveBuilder::kRoot, u"Old");
        sub = b.addKey(old, u"Sub");
        b.addValue(sub, u"v", kRegBinary, {1, 2});
        deeper = b.addKey(sub, u"Deeper");
    }
};

/// ROOT\Software (class "Cls")\Run, as BaseTree starts, without values:
/// the "after" side that a test fills with its changes. Software is key 1,
/// Run key 2.
HiveBuilder baseKeys() {
    HiveBuilder b{5};
    b.setRootName(u"ROOT");
    const size_t software = b.addKey(HiveBuilder::kRoot, u"Software");
    b.setClassName(software, u"Cls");
    b.addKey(software, u"Run");
    return b;
}

}  // namespace

TEST_CASE("Identical hives give no difference") {
    BaseTree one;
    BaseTree two;
    auto a = open(one.b.build());
    auto b = open(two.b.build());
    DiffSummary summary;
    CHECK(differences(*a, *b, {}, &summary).empty());
    CHECK(summary.keysCompared == 6);
    CHECK(summary.differences() == 0);
    CHECK(summary.problems.empty());
}

TEST_CASE("A corpus hive compared with itself gives no difference and compares every key") {
    auto a = openFile(hivePath("ez/NTUSER1.DAT"));
    auto b = openFile(hivePath("ez/NTUSER1.DAT"));
    DiffSummary summary;
    CHECK(differences(*a, *b, {}, &summary).empty());
    CHECK(summary.keysCompared == 595);  // what libhivex walks (tests/data/README.md)
}

TEST_CASE("Each kind of key and value difference is found on a built pair") {
    BaseTree before;
    HiveBuilder after = baseKeys();
    const size_t run = 2;  // baseKeys' id of Run
    after.addValue(run, u"keep", kRegDword, dwordBytes(7));
    after.addValue(run, u"a", kRegDword, dwordBytes(2));        // data changed
    after.addValue(run, u"b", kRegExpandSz, regSzBytes(u"x"));  // type changed
    after.addValue(run, u"c", kRegSz, regSzBytes(u"new"));      // added
    const size_t fresh = after.addKey(HiveBuilder::kRoot, u"New");
    after.addValue(fresh, u"n", kRegDword, dwordBytes(3));
    after.addKey(fresh, u"Child");
    auto a = open(before.b.build());
    auto b = open(after.build());
    CHECK(differences(*a, *b) == std::vector<std::string>{
                                     "key added New",
                                     "key removed Old",
                                     "value changed Software\\Run a",
                                     "value changed Software\\Run b",
                                     "value added Software\\Run c",
                                 });
    SECTION("and the old and new type and data of a changed value") {
        std::vector<std::vector<std::u16string>> changed;
        REQUIRE(diffHives(*a, *b, {}, [&](const Difference& d) {
            if (d.kind == DiffKind::ValueChanged) changed.push_back(d.names);
            if (d.kind == DiffKind::ValueChanged && d.valueName == u"b") {
                CHECK(d.oldValue.type == kRegSz);
                CHECK(d.newValue.type == kRegExpandSz);
                CHECK(d.oldValue.data == d.newValue.data);
            }
            if (d.kind == DiffKind::ValueChanged && d.valueName == u"a") {
                CHECK(d.oldValue.data == dwordBytes(1));
                CHECK(d.newValue.data == dwordBytes(2));
                CHECK(d.oldValue.present);
                CHECK(d.newValue.present);
            }
            if (d.kind == DiffKind::ValueAdded) {
                CHECK_FALSE(d.oldValue.present);
                CHECK(d.newValue.data == regSzBytes(u"new"));
            }
            return true;
        }));
        CHECK(changed.size() == 2);
        CHECK(changed.at(0) == std::vector<std::u16string>{u"Software", u"Run"});
    }
}

TEST_CASE("Keys and values are matched case-insensitively under the Windows upcase rules") {
    HiveBuilder one{5};
    const size_t x = one.addKey(HiveBuilder::kRoot, u"Software");
    one.addValue(x, u"\u00E4pfel", kRegDword, dwordBytes(1));  // äpfel
    one.addKey(x, u"\u017Fchloss");                             // ſchloss (long s)
    HiveBuilder two{5};
    const size_t y = two.addKey(HiveBuilder::kRoot, u"SOFTWARE");
    two.addValue(y, u"\u00C4PFEL", kRegDword, dwordBytes(1));  // ÄPFEL
    two.addKey(y, u"SCHLOSS");  // Windows does not upcase the long s to S: another key
    auto a = open(one.build());
    auto b = open(two.build());
    CHECK(differences(*a, *b) == std::vector<std::string>{"key added SOFTWARE\\SCHLOSS",
                                                          "key removed SOFTWARE\\\u017Fchloss"});
}

TEST_CASE("A removed subtree is reported once at its top unless every descendant is asked for") {
    BaseTree before;
    HiveBuilder after = baseKeys();
    const size_t run = 2;  // baseKeys' id of Run
    after.addValue(run, u"a", kRegDword, dwordBytes(1));
    after.addValue(run, u"b", kRegSz, regSzBytes(u"x"));
    after.addValue(run, u"keep", kRegDword, dwordBytes(7));
    auto a = open(before.b.build());
    auto b = open(after.build());
    CHECK(differences(*a, *b) == std::vector<std::string>{"key removed Old"});
    DiffOptions every;
    every.listDescendants = true;
    DiffSummary summary;
    CHECK(differences(*a, *b, every, &summary) ==
          std::vector<std::string>{"key removed Old", "key removed Old\\Sub (below)",
                                   "value removed Old\\Sub v (below)", "key removed Old\\Sub\\Deeper (below)"});
    CHECK(summary.keysRemoved == 3);
    CHECK(summary.valuesRemoved == 1);
    SECTION("and an added one the same way, the other way round") {
        CHECK(differences(*b, *a) == std::vector<std::string>{"key added Old"});
        CHECK(differences(*b, *a, every).size() == 4);
    }
}

TEST_CASE("A class name change is flagged with both class names") {
    BaseTree before;
    BaseTree after;
    after.b.setClassName(after.run, u"NewClass");
    after.b.setClassName(after.software, u"Other");
    auto a = open(before.b.build());
    auto b = open(after.b.build());
    size_t found = 0;
    REQUIRE(diffHives(*a, *b, {}, [&](const Difference& d) {
        CHECK(d.kind == DiffKind::KeyChanged);
        CHECK(d.keyChanges == kKeyClassName);
        if (d.path == "Software") {
            CHECK(d.oldKey.className == u"Cls");
            CHECK(d.newKey.className == u"Other");
        } else {
            CHECK(d.path == "Software\\Run");
            CHECK_FALSE(d.oldKey.hasClassName);
            CHECK(d.newKey.hasClassName);
            CHECK(d.newKey.className == u"NewClass");
        }
        ++found;
        return true;
    }));
    CHECK(found == 2);
}

TEST_CASE("A security descriptor change is flagged with both descriptors") {
    BaseTree before;
    BaseTree after;
    BuiltHive changed = after.b.build();
    const uint64_t descriptorAt = BuiltHive::dataFileOffsetOf(changed.security) + L::sk::Descriptor;
    const uint32_t size = changed.peek32(BuiltHive::dataFileOffsetOf(changed.security) + L::sk::DescriptorSize);
    REQUIRE(size >= 8);
    // The last 4 bytes of the descriptor (inside its last SID or ACE).
    changed.poke32(descriptorAt + size - 4, changed.peek32(descriptorAt + size - 4) ^ 0x01010101u);
    auto a = open(before.b.build());
    auto b = open(changed);
    size_t flagged = 0;
    REQUIRE(diffHives(*a, *b, {}, [&](const Difference& d) {
        CHECK(d.kind == DiffKind::KeyChanged);
        CHECK(d.keyChanges == kKeySecurity);
        CHECK(d.oldKey.security.size() == size);
        CHECK(d.newKey.security.size() == size);
        CHECK(d.oldKey.security != d.newKey.security);
        ++flagged;
        return true;
    }));
    CHECK(flagged == 6);  // every key shares the one sk cell
}

TEST_CASE("A last-write time difference is reported unless times are ignored") {
    BaseTree before;
    BaseTree after;
    BuiltHive changed = after.b.build();
    changed.poke32(BuiltHive::dataFileOffsetOf(changed.key(after.deeper).nk) + L::nk::LastWritten, 0x12345678);
    auto a = open(before.b.build());
    auto b = open(changed);
    std::vector<uint32_t> flags;
    REQUIRE(diffHives(*a, *b, {}, [&](const Difference& d) {
        CHECK(d.path == "Old\\Sub\\Deeper");
        CHECK(d.oldKey.lastWritten != d.newKey.lastWritten);
        flags.push_back(d.keyChanges);
        return true;
    }));
    CHECK(flags == std::vector<uint32_t>{kKeyLastWritten});
    DiffOptions options;
    options.ignoreTimes = true;
    CHECK(differences(*a, *b, options).empty());
}

TEST_CASE("The comparison ends when the sink returns false") {
    BaseTree before;
    HiveBuilder after{5};
    auto a = open(before.b.build());
    auto b = open(after.build());
    size_t calls = 0;
    auto summary = diffHives(*a, *b, {}, [&](const Difference&) { return ++calls < 1; });
    REQUIRE(summary);
    CHECK(calls == 1);
    CHECK(summary->stopped);
}

TEST_CASE("Differences between a corpus hive and a copy edited by hivectl are exactly the edits") {
    TempDir dir;
    const std::string edited = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("edited.DAT"));
    auto runOk = [](const std::vector<std::string>& args) {
        const ProcessResult r = hivectl(args);
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
    };
    runOk({"set", edited, "Control Panel\\Desktop", "WallpaperStyle", "--type", "REG_SZ", "--data", "2"});
    runOk({"set", edited, "Software\\HiveKitTest", "Added", "--type", "REG_DWORD", "--data", "5", "-p"});
    runOk({"delete-key", edited, "Printers", "-r"});
    runOk({"delete-value", edited, "Control Panel\\Desktop", "ScreenSaveActive"});
    auto a = openFile(hivePath("ez/NTUSER1.DAT"));
    auto b = openFile(edited);
    DiffOptions options;
    options.ignoreTimes = true;
    CHECK(differences(*a, *b, options) == std::vector<std::string>{
                                              "value removed Control Panel\\Desktop ScreenSaveActive",
                                              "value changed Control Panel\\Desktop WallpaperStyle",
                                              "key removed Printers",
                                              "key added Software\\HiveKitTest",
                                          });
    SECTION("and with times the edited keys' parents' last-write times too") {
        const std::vector<std::string> timed = differences(*a, *b);
        CHECK(std::find(timed.begin(), timed.end(), "key changed Control Panel\\Desktop") != timed.end());
        CHECK(std::find(timed.begin(), timed.end(), "key changed Software") != timed.end());
    }
}

TEST_CASE("The .reg text of a comparison deletes removed keys and values and writes added ones in full") {
    BaseTree before;
    HiveBuilder after = baseKeys();
    const size_t run = 2;  // baseKeys' id of Run
    after.addValue(run, u"a", kRegDword, dwordBytes(2));
    after.addValue(run, u"keep", kRegDword, dwordBytes(7));
    const size_t fresh = after.addKey(HiveBuilder::kRoot, u"New");
    after.addValue(fresh, u"", kRegSz, regSzBytes(u"q\"uote"));
    after.addKey(fresh, u"Child");
    auto a = open(before.b.build());
    auto b = open(after.build());
    DiffOptions options;
    options.listDescendants = true;
    DiffRegWriter writer;
    REQUIRE(diffHives(*a, *b, options, [&](const Difference& d) {
        writer.add(d);
        return true;
    }));
    CHECK(writer.takeText() ==
          "Windows Registry Editor Version 5.00\r\n\r\n"
          "[HKEY_LOCAL_MACHINE\\HIVE\\New]\r\n"
          "@=\"q\\\"uote\"\r\n"
          "\r\n"
          "[HKEY_LOCAL_MACHINE\\HIVE\\New\\Child]\r\n"
          "\r\n"
          "[-HKEY_LOCAL_MACHINE\\HIVE\\Old]\r\n"
          "\r\n"
          "[HKEY_LOCAL_MACHINE\\HIVE\\Software\\Run]\r\n"
          "\"a\"=dword:00000002\r\n"
          "\"b\"=-\r\n");
    CHECK(writer.problems().empty());
    CHECK(writer.takeText().empty());
}

TEST_CASE("The .reg text leaves out a key whose name a key line cannot hold and says so") {
    HiveBuilder one{5};
    HiveBuilder two{5};
    const size_t odd = two.addKey(HiveBuilder::kRoot, u"a\\b");
    two.addValue(odd, u"v", kRegDword, dwordBytes(1));
    two.addKey(HiveBuilder::kRoot, u"fine");
    auto a = open(one.build());
    auto b = open(two.build());
    DiffOptions options;
    options.listDescendants = true;
    DiffRegWriter writer;
    REQUIRE(diffHives(*a, *b, options, [&](const Difference& d) {
        writer.add(d);
        return true;
    }));
    CHECK(writer.takeText() == "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\HIVE\\fine]\r\n");
    REQUIRE(writer.problems().items().size() == 1);
    CHECK(writer.problems().items()[0].message ==
          "key \"a\\b\": its name holds a backslash or a line break, which a .reg key line cannot hold; left out "
          "with its subtree");
}

TEST_CASE("mergeSubkeys and mergeValues pair a key's subkeys and values from both hives in name order") {
    BaseTree before;
    HiveBuilder after{5};
    after.setRootName(u"ROOT");
    const size_t software = after.addKey(HiveBuilder::kRoot, u"SOFTWARE");
    const size_t run = after.addKey(software, u"Run");
    after.addValue(run, u"A", kRegDword, dwordBytes(1));  // same data, other case
    after.addValue(run, u"b", kRegSz, regSzBytes(u"changed"));
    after.addValue(run, u"c", kRegDword, dwordBytes(3));
    after.addKey(HiveBuilder::kRoot, u"New");
    auto a = open(before.b.build());
    auto b = open(after.build());
    const std::vector<MergedKey> keys = mergeSubkeys(*a, a->rootOffset(), *b, b->rootOffset());
    REQUIRE(keys.size() == 3);
    CHECK(keys[0].name == u"New");
    CHECK(keys[0].aKey == L::kNoCell);
    CHECK(keys[1].name == u"Old");
    CHECK(keys[1].bKey == L::kNoCell);
    CHECK(keys[2].name == u"SOFTWARE");  // B's spelling
    CHECK(keys[2].aKey != L::kNoCell);
    CHECK(keys[2].bKey != L::kNoCell);
    const std::vector<MergedKey> runs = mergeSubkeys(*a, keys[2].aKey, *b, keys[2].bKey);
    REQUIRE(runs.size() == 1);
    const std::vector<MergedValue> values = mergeValues(*a, runs[0].aKey, *b, runs[0].bKey);
    REQUIRE(values.size() == 4);
    CHECK(values[0].name == u"A");
    CHECK(values[0].same);
    CHECK(values[1].name == u"b");
    CHECK_FALSE(values[1].same);
    CHECK(values[1].newValue.data == regSzBytes(u"changed"));
    CHECK(values[2].name == u"c");
    CHECK(values[2].kind == DiffKind::ValueAdded);
    CHECK_FALSE(values[2].oldValue.present);
    CHECK(values[3].name == u"keep");
    CHECK(values[3].kind == DiffKind::ValueRemoved);
    SECTION("and a key in one hive only gives its own, each marked as one side's") {
        const std::vector<MergedValue> only = mergeValues(*a, runs[0].aKey, *b, L::kNoCell);
        REQUIRE(only.size() == 3);
        for (const MergedValue& v : only) CHECK(v.kind == DiffKind::ValueRemoved);
        CHECK(mergeSubkeys(*a, keys[1].aKey, *b, L::kNoCell).size() == 1);
    }
}

TEST_CASE("Key names are escaped in paths as the options ask and given unescaped in names") {
    HiveBuilder one{5};
    HiveBuilder two{5};
    const size_t tab = two.addKey(HiveBuilder::kRoot, u"a\tb");
    two.addKey(tab, u"c");
    auto a = open(one.build());
    auto b = open(two.build());
    DiffOptions options;
    options.listDescendants = true;
    options.escapeName = [](const std::string& name) {
        std::string out;
        for (char c : name) out += c == '\t' ? std::string("\\t") : std::string(1, c);
        return out;
    };
    std::vector<std::string> paths;
    std::vector<std::vector<std::u16string>> names;
    REQUIRE(diffHives(*a, *b, options, [&](const Difference& d) {
        paths.push_back(d.path);
        names.push_back(d.names);
        return true;
    }));
    CHECK(paths == std::vector<std::string>{"a\\tb", "a\\tb\\c"});
    CHECK(names.back() == std::vector<std::u16string>{u"a\tb", u"c"});
}

TEST_CASE("Nothing is claimed added or removed from a list that could not be read whole") {
    BaseTree before;
    BaseTree after;
    BuiltHive damaged = after.b.build();
    // Run's first value ("a") points outside the hive in B.
    damaged.pokeField32(damaged.key(after.run).valueList, 0, 0x7FFFFFF0);
    // Old's subkey list points nowhere in B: its subkey Sub cannot be read.
    damaged.pokeField32(damaged.key(after.old).nk, L::nk::SubkeyList, 0x7FFFFFF0);
    auto a = open(before.b.build());
    auto b = open(damaged);
    DiffSummary summary;
    CHECK(differences(*a, *b, {}, &summary).empty());
    CHECK(summary.problems.count(Diagnostic::Severity::Error) >= 2);
    for (const Diagnostic& d : summary.problems.items()) CHECK(d.message.rfind("B: ", 0) == 0);
}
