// Plans: building, describing, and validation before any byte changes:
// every error names the edit, and a rejected plan changes nothing.
#include <catch2/catch.hpp>

#include "engine/EditTestSupport.h"
#include "merge/Session.h"
#include "support/HiveBuilder.h"
#include "tx/NewHive.h"

using namespace hivekit;
using namespace testsupport;
using namespace edittest;

namespace {

/// A fresh hive with A\B (B has a value "v") and A\C\D, committed.
std::string smallHive(const TempDir& dir) {
    const std::string path = dir.file("plan.hiv");
    NewHiveOptions o;
    o.timestamp = kTestClock;
    REQUIRE(createHive(path, o));
    auto s = Session::open(path);
    REQUIRE(s);
    REQUIRE((*s)->apply(Plan().createKey("A\\B").createKey("A\\C\\D").setValue("A\\B", "v", kRegDword, {1, 0, 0, 0})));
    REQUIRE((*s)->commit());
    return path;
}

/// The bytes of the log beside a hive (none when it has no log).
std::vector<uint8_t> logOf(const std::string& hive) {
    return fileExists(hive + ".LOG1") ? readFile(hive + ".LOG1") : std::vector<uint8_t>{};
}

/// Validates `plan` against the small hive; returns the error message ("" when valid).
std::string rejection(const Plan& plan) {
    TempDir dir;
    const std::string path = smallHive(dir);
    const std::vector<uint8_t> before = readFile(path);
    const std::vector<uint8_t> logBefore = logOf(path);
    auto s = Session::open(path);
    REQUIRE(s);
    auto applied = (*s)->apply(plan);
    if (applied) return "";
    // Rejected whole: nothing pending, nothing written.
    CHECK_FALSE((*s)->pending());
    CHECK(readFile(path) == before);
    CHECK(logOf(path) == logBefore);
    return applied.error().message;
}

}  // namespace

TEST_CASE("a plan describes its edits one numbered line each", "[edit][plan]") {
    Plan p;
    p.createKey("A\\B");
    p.deleteKey("A\\C", true);
    p.setValue("A", "", kRegSz, {'x', 0, 0, 0});
    p.setValue("A", "n", kRegDword, {1, 0, 0, 0}, true);
    p.deleteValue("A", "n", true);
    p.renameKey("A\\B", "E");
    p.renameValue("A", "x", "y");
    p.setClassName("A", "cls");
    p.setClassName("A", "");
    CHECK(p.describe() ==
          "1. create key \"A\\B\" (and missing parents)\n"
          "2. delete key \"A\\C\" (with its subkeys)\n"
          "3. set value (default) in \"A\": REG_SZ, 4 bytes\n"
          "4. set value \"n\" in \"A\": REG_DWORD, 4 bytes (creating the key)\n"
          "5. delete value \"n\" in \"A\" (if present)\n"
          "6. rename key \"A\\B\" to \"E\"\n"
          "7. rename value \"x\" in \"A\" to \"y\"\n"
          "8. set the class name of \"A\" to \"cls\"\n"
          "9. remove the class name of \"A\"\n");
}

TEST_CASE("a plan's shape is checked without a hive", "[edit][plan]") {
    auto error = [](const Plan& p) {
        auto r = p.validateShape();
        return r ? std::string() : r.error().message;
    };
    CHECK(error(Plan().createKey("A\\B")) == "");
    CHECK(error(Plan().createKey("A\\\\B")) ==
          "edit 1 (create key \"A\\\\B\" (and missing parents)): key path \"A\\\\B\": empty key name at character 3");
    CHECK(error(Plan().createKey("A").deleteKey("")) == "edit 2 (delete key \"\"): the root key cannot be deleted");
    CHECK(error(Plan().renameKey("", "X")) == "edit 1 (rename key \"\" to \"X\"): the root key cannot be renamed");
    CHECK(error(Plan().renameKey("A", "")) == "edit 1 (rename key \"A\" to \"\"): the new key name is empty");
    CHECK(error(Plan().renameKey("A", "x\\y")) ==
          "edit 1 (rename key \"A\" to \"x\\y\"): the new key name \"x\\y\" contains a backslash");
    CHECK(error(Plan().createKey(std::string(255, 'k'))) == "");
    CHECK(error(Plan().createKey("A\\" + std::string(256, 'k'))).find(
              "is 256 characters long; a key name holds at most 255") != std::string::npos);
    CHECK(error(Plan().setValue("A", std::string(16383, 'v'), kRegNone, {})) == "");
    CHECK(error(Plan().setValue("A", std::string(16384, 'v'), kRegNone, {})).find(
              "the value name is 16384 characters long; a value name holds at most 16383") != std::string::npos);
    CHECK(error(Plan().renameValue("A", "x", std::string(16384, 'v'))).find(
              "the new value name is 16384 characters long") != std::string::npos);
    std::string deep;
    for (int i = 0; i < 513; ++i) deep += (i ? "\\k" : "k");
    CHECK(error(Plan().createKey(deep)).find("key path is 513 levels deep; Windows allows at most 512") !=
          std::string::npos);
    CHECK(error(Plan().setClassName("A", std::string(32768, 'c'))).find(
              "the class name is 32768 characters long; the format holds at most 32767") != std::string::npos);
}

TEST_CASE("validation against the hive names the edit and rejects the whole plan", "[edit][plan]") {
    CHECK(rejection(Plan().createKey("A\\B\\New").setValue("A\\B", "w", kRegDword, {2, 0, 0, 0})) == "");
    CHECK(rejection(Plan().createKey("A\\B").deleteKey("X\\Y")) ==
          "edit 2 (delete key \"X\\Y\"): no such key: \"X\\Y\"");
    CHECK(rejection(Plan().createKey("X\\Y\\Z", false)) ==
          "edit 1 (create key \"X\\Y\\Z\"): the parent key \"X\" does not exist (and creating parents was not asked)");
    CHECK(rejection(Plan().deleteKey("A")) ==
          "edit 1 (delete key \"A\"): key \"A\" has 2 subkeys; ask for a recursive delete to remove them too");
    CHECK(rejection(Plan().setValue("Nowhere", "v", kRegDword, {1, 0, 0, 0})) ==
          "edit 1 (set value \"v\" in \"Nowhere\": REG_DWORD, 4 bytes): no such key: \"Nowhere\"");
    CHECK(rejection(Plan().deleteValue("A\\B", "missing")) ==
          "edit 1 (delete value \"missing\" in \"A\\B\"): key \"A\\B\" has no value \"missing\"");
    CHECK(rejection(Plan().renameKey("A\\B", "c")) ==
          "edit 1 (rename key \"A\\B\" to \"c\"): a key named \"c\" already exists beside \"A\\B\"");
    CHECK(rejection(Plan().setValue("A\\B", "w", kRegNone, {}).renameValue("A\\B", "v", "W")) ==
          "edit 2 (rename value \"v\" in \"A\\B\" to \"W\"): key \"A\\B\" already has a value \"W\"");
    CHECK(rejection(Plan().renameValue("A\\B", "nope", "x")) ==
          "edit 1 (rename value \"nope\" in \"A\\B\" to \"x\"): key \"A\\B\" has no value \"nope\"");
    CHECK(rejection(Plan().setClassName("A\\Q", "c")) ==
          "edit 1 (set the class name of \"A\\Q\" to \"c\"): no such key: \"A\\Q\"");
}

TEST_CASE("validation sees the effect of the plan's earlier edits", "[edit][plan]") {
    // Created earlier in the plan: exists for later edits.
    CHECK(rejection(Plan().createKey("N").setValue("N", "v", kRegNone, {}).deleteValue("N", "v")) == "");
    // Deleted earlier: gone for later edits, and may be created again.
    CHECK(rejection(Plan().deleteKey("A\\B").setValue("A\\B", "v", kRegNone, {})) ==
          "edit 2 (set value \"v\" in \"A\\B\": REG_NONE, 0 bytes): no such key: \"A\\B\"");
    CHECK(rejection(Plan().deleteKey("A\\B").createKey("A\\B").deleteValue("A\\B", "v")) ==
          "edit 3 (delete value \"v\" in \"A\\B\"): key \"A\\B\" has no value \"v\"");
    // Once its subkeys are deleted, a key deletes without "recursive".
    CHECK(rejection(Plan().deleteKey("A\\B").deleteKey("A\\C", true).deleteKey("A")) == "");
    // A renamed key answers to its new name only; a case-only rename is no clash.
    CHECK(rejection(Plan().renameKey("A\\B", "E").setValue("A\\B", "v", kRegNone, {})) ==
          "edit 2 (set value \"v\" in \"A\\B\": REG_NONE, 0 bytes): no such key: \"A\\B\"");
    CHECK(rejection(Plan().renameKey("A\\B", "E").setValue("A\\e", "x", kRegNone, {}).deleteValue("A\\E", "V")) == "");
    CHECK(rejection(Plan().renameKey("A\\B", "b")) == "");
    // Values deleted, renamed, created.
    CHECK(rejection(Plan().deleteValue("A\\B", "v").deleteValue("A\\B", "v")) ==
          "edit 2 (delete value \"v\" in \"A\\B\"): key \"A\\B\" has no value \"v\"");
    CHECK(rejection(Plan().deleteValue("A\\B", "v").deleteValue("A\\B", "v", true)) == "");
    CHECK(rejection(Plan().renameValue("A\\B", "v", "w").deleteValue("A\\B", "W")) == "");
    // "Create key" on a key that exists does nothing; the root always exists.
    CHECK(rejection(Plan().createKey("A\\B", false).createKey("")) == "");
}

TEST_CASE("the root and keys marked NO_DELETE cannot be deleted", "[edit][plan]") {
    CHECK(rejection(Plan().deleteKey("\\")) == "edit 1 (delete key \"\\\"): the root key cannot be deleted");
    // Windows marks some keys NO_DELETE; find one in SYSTEM.
    TempDir dir;
    const std::string path = copyFile(hivePath("regipy/SYSTEM"), dir.file("SYSTEM"));
    auto s = Session::open(path);
    REQUIRE(s);
    std::string protectedKey;
    TreeWalker((*s)->hive()).walk([&](const WalkedKey& k) {
        if (protectedKey.empty() && k.depth > 0 && (k.node->flags & layout::nk::FlagNoDelete)) protectedKey = *k.path;
        return protectedKey.empty();
    });
    if (protectedKey.empty()) return;
    auto r = (*s)->apply(Plan().deleteKey(protectedKey, true));
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "edit 1 (delete key \"" + protectedKey + "\" (with its subkeys)): key \"" +
                                   protectedKey + "\" is marked NO_DELETE");
}

TEST_CASE("rollback discards every pending change and leaves the file byte-identical", "[edit][plan]") {
    for (StrategyKind kind : {StrategyKind::InPlace, StrategyKind::Append, StrategyKind::Hybrid}) {
        TempDir dir;
        const std::string path = smallHive(dir);
        const std::vector<uint8_t> before = readFile(path);
        const std::vector<uint8_t> logBefore = logOf(path);
        const std::string tree = engineDump(path);
        SessionOptions o;
        o.strategy = kind;
        auto s = Session::open(path, o);
        REQUIRE(s);
        Plan p;
        p.setValue("A", "big", kRegBinary, patternBytes(100000, 1));
        p.deleteKey("A\\C", true);
        p.renameKey("A\\B", "Renamed");
        p.createKey("New\\Keys\\Here");
        REQUIRE((*s)->apply(p));
        CHECK((*s)->pending());
        CHECK((*s)->hive().binsEnd() > 4096);  // the image grew
        REQUIRE((*s)->rollback());
        CHECK_FALSE((*s)->pending());
        CHECK(readFile(path) == before);
        CHECK(logOf(path) == logBefore);
        CHECK((*s)->hive().binsEnd() == 4096);
        // The session goes on from the file's state.
        REQUIRE((*s)->apply(Plan().setValue("A\\B", "after", kRegDword, {5, 0, 0, 0})));
        REQUIRE((*s)->commit());
        DumpKey model = parseDump(tree);
        applyToModel(model, Plan().setValue("A\\B", "after", kRegDword, {5, 0, 0, 0}), 0);
        // Timestamps differ (the real clock); compare without them.
        auto strip = [](std::string dump) {
            std::string out;
            std::istringstream in(dump);
            for (std::string l; std::getline(in, l);) {
                auto f = splitTabs(l);
                if (f[0] == "K") f[2] = "";
                for (size_t i = 0; i < f.size(); ++i) out += (i ? "\t" : "") + f[i];
                out += "\n";
            }
            return out;
        };
        CHECK(strip(engineDump(path)) == strip(renderDump(model)));
        requireClean(path);
    }
}

TEST_CASE("nothing is written before commit, and a commit without changes writes nothing", "[edit][plan]") {
    TempDir dir;
    const std::string path = smallHive(dir);
    const std::vector<uint8_t> before = readFile(path);
    const std::vector<uint8_t> logBefore = logOf(path);
    auto s = Session::open(path);
    REQUIRE(s);
    REQUIRE((*s)->apply(Plan().setValue("A", "x", kRegBinary, patternBytes(5000, 1)).createKey("Z")));
    CHECK(readFile(path) == before);  // invariant (1)
    CHECK(logOf(path) == logBefore);
    REQUIRE((*s)->rollback());
    // A plan whose edits change nothing (the key exists).
    REQUIRE((*s)->apply(Plan().createKey("A\\B")));
    auto report = (*s)->commit();
    REQUIRE(report);
    CHECK_FALSE(report->wrote);
    CHECK(readFile(path) == before);
    CHECK(logOf(path) == logBefore);
}
