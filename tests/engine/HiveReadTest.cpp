// Hive on the real hives of the test corpus (tests/data): the root, path and value
// lookups, inline, cell and big data, class names, and the damaged files
// (not a hive, a bad checksum, a bad hbin header, a corrupted SYSTEM).
// Expected values come from python3-hivex (an independent reader) and, where
// hivex has no accessor (class names), from the raw bytes read by hand.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "format/Layout.h"
#include "format/ValueData.h"
#include "hive/Hive.h"
#include "hive/TreeWalker.h"
#include "index/Index.h"
#include "support/HiveBuilder.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace testsupport;

namespace {

std::unique_ptr<Hive> openHive(const std::string& relative) {
    auto h = Hive::open(hivePath(relative));
    INFO(relative << ": " << (h ? std::string() : h.error().message));
    REQUIRE(h);
    return std::move(*h);
}

/// The SYSTEM hive is 11 MB: open it once for all the tests that read it.
const Hive& systemHive() {
    static std::unique_ptr<Hive> hive = openHive("regipy/SYSTEM");
    return *hive;
}

KeyNode keyAt(const Hive& hive, const std::string& path) {
    auto off = Index(hive).findKey(path);
    INFO(path << ": " << (off ? std::string() : off.error().message));
    REQUIRE(off);
    auto k = hive.keyNode(*off);
    REQUIRE(k);
    return *k;
}

ValueData valueAt(const Hive& hive, const std::string& path, const std::u16string& name) {
    const KeyNode key = keyAt(hive, path);
    auto off = Index(hive).findValue(key, name);
    REQUIRE(off);
    auto v = hive.valueRecord(*off);
    REQUIRE(v);
    auto d = hive.valueData(*v);
    REQUIRE(d);
    return std::move(*d);
}

uint64_t fnv1a64(Bytes bytes) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (uint8_t b : bytes) h = (h ^ b) * 0x100000001b3ull;
    return h;
}

}  // namespace

TEST_CASE("regipy/SYSTEM opens clean with its root key", "[hive][real]") {
    const Hive& h = systemHive();
    CHECK(h.isMapped());
    CHECK(h.bytes().size() == 11771904);
    CHECK(h.header().versionString() == "1.5");
    CHECK(h.header().checksumValid());
    CHECK(h.diagnostics().items().size() == 0);
    auto root = h.keyNode(h.rootOffset());
    REQUIRE(root);
    CHECK(root->isRoot());
    CHECK(root->nameUtf8() == "CMI-CreateHive{F10156BE-0E87-4EFB-969E-5DA29D131144}");
    auto rootByPath = Index(h).findKey("");
    REQUIRE(rootByPath);
    CHECK(*rootByPath == h.rootOffset());
}

TEST_CASE("A path is found in regipy/SYSTEM whatever its case", "[hive][real][index]") {
    const Hive& h = systemHive();
    const Index index(h);
    // hivex's node handle for this key is the cell's file offset, 3017048.
    constexpr uint32_t kParameters = 3017048 - 0x1000;
    for (const char* path : {"ControlSet001\\Services\\Tcpip\\Parameters", "controlset001\\SERVICES\\tcpip\\parameters",
                             "\\CONTROLSET001\\services\\TCPIP\\Parameters\\"}) {
        INFO(path);
        auto found = index.findKey(path);
        REQUIRE(found);
        CHECK(*found == kParameters);
    }
    auto p = index.pathOf(kParameters);
    REQUIRE(p);
    CHECK(*p == "ControlSet001\\services\\Tcpip\\Parameters");  // as stored: "services" in lower case
    auto missing = index.findKey("ControlSet001\\Services\\NoSuchService");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(missing.error().message == "no such key: \"ControlSet001\\Services\\NoSuchService\" "
                                     "(\"ControlSet001\\Services\" has no subkey \"NoSuchService\")");
}

TEST_CASE("A value is found by name whatever its case and decodes as hivex reads it", "[hive][real][index]") {
    const Hive& h = systemHive();
    const KeyNode params = keyAt(h, "ControlSet001\\Services\\Tcpip\\Parameters");
    const Index index(h);
    auto off = index.findValue(params, u"HOSTNAME");
    REQUIRE(off);
    auto v = h.valueRecord(*off);
    REQUIRE(v);
    CHECK(v->nameUtf8() == "Hostname");
    CHECK(v->type == kRegSz);
    auto d = h.valueData(*v);
    REQUIRE(d);
    CHECK(d->size() == 30);
    CHECK(d->storage == ValueData::Storage::Cell);
    CHECK(decodeValue(v->type, d->bytes()).text == "WKS-WIN732BITA");
    auto missing = index.findValue(params, u"NoSuchValue");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
}

TEST_CASE("A DWORD of regipy/SYSTEM is read from the data offset field itself", "[hive][real]") {
    const ValueData d = valueAt(systemHive(), "ControlSet001\\Services\\Tcpip\\Parameters", u"SyncDomainWithMembership");
    CHECK(d.storage == ValueData::Storage::Inline);
    CHECK(d.size() == 4);
    CHECK(decodeValue(kRegDword, d.bytes()).number == 1);
    const ValueData window = valueAt(systemHive(), "ControlSet001\\Services\\Tcpip\\Parameters", u"TcpWindowSize");
    CHECK(decodeValue(kRegDword, window.bytes()).number == 0xFAF0);
}

TEST_CASE("Big data values of regipy/SYSTEM are assembled from their db segments", "[hive][real][bigdata]") {
    // Lengths and FNV-1a 64 hashes of the bytes python3-hivex returns.
    struct Big {
        const char* path;
        const char16_t* name;
        size_t size;
        uint64_t fnv;
    };
    const Big bigs[] = {
        {"ControlSet001\\Control\\ProductOptions", u"ProductPolicy", 21428, 0xc6141fafa4a8d5d8ull},
        {"ControlSet001\\Control\\Session Manager\\AppCompatCache", u"AppCompatCache", 56256, 0x579e553b51c41debull},
        {"ControlSet001\\services\\rdyboost\\Parameters", u"BootPlan", 187028, 0x62a1b6b69d1ecde9ull},
    };
    for (const Big& b : bigs) {
        INFO(b.path);
        const ValueData d = valueAt(systemHive(), b.path, b.name);
        CHECK(d.storage == ValueData::Storage::BigData);
        CHECK_FALSE(d.shortened);
        CHECK(d.size() == b.size);
        CHECK(d.size() > 16344);
        CHECK(fnv1a64(d.bytes()) == b.fnv);
    }
}

TEST_CASE("Big data of regipy/SYSTEM equals python3-hivex's bytes", "[hive][real][bigdata][hivex]") {
    INFO("needs Debian's python3-hivex");
    REQUIRE(run({"/usr/bin/python3", "-c", "import hivex"}).exitCode == 0);
    const char* script = R"PY(
import hivex, sys
h = hivex.Hivex(sys.argv[1])
n = h.root()
for c in sys.argv[2].split("\\"):
    n = h.node_get_child(n, c)
sys.stdout.write(h.value_value(h.node_get_value(n, sys.argv[3]))[1].hex())
)PY";
    auto r = run({"/usr/bin/python3", "-c", script, hivePath("regipy/SYSTEM"),
                  "ControlSet002\\services\\rdyboost\\Parameters", "BootPlan"});
    REQUIRE(r.exitCode == 0);
    const ValueData d = valueAt(systemHive(), "ControlSet002\\services\\rdyboost\\Parameters", u"BootPlan");
    CHECK(d.size() == 197444);
    CHECK(hexBytesCompact(d.bytes()) == r.out);
}

TEST_CASE("Class names of regipy/SYSTEM are read as stored", "[hive][real]") {
    // The LSA boot key parts, read by hand from the nk's class cell.
    const std::map<std::string, std::u16string> classes = {
        {"JD", u"67cd88ed"}, {"Skew1", u"8df2db5b"}, {"GBG", u"e770d1f4"}, {"Data", u"b6cf2e27"}};
    for (const auto& [key, cls] : classes) {
        INFO(key);
        const KeyNode k = keyAt(systemHive(), "ControlSet001\\Control\\Lsa\\" + key);
        CHECK(k.classLength == 16);
        auto c = systemHive().className(k);
        REQUIRE(c);
        CHECK(*c == cls);
    }
    auto none = systemHive().className(keyAt(systemHive(), "ControlSet001\\Control\\Lsa"));
    REQUIRE(none);
    CHECK(none->empty());
}

TEST_CASE("A file that is not a hive fails with NotAHive and says so", "[hive][real][damaged]") {
    const std::string path = hivePath("ez/NotAHive");
    auto h = Hive::open(path);
    REQUIRE_FALSE(h);
    CHECK(h.error().code == ErrorCode::NotAHive);
    CHECK(h.error().message == path + ": not a hive (no \"regf\" signature at 0x0)");
    CHECK(h.error().offset == 0);
    auto fromBytes = Hive::fromBytes(readFile(path), "NotAHive");
    REQUIRE_FALSE(fromBytes);
    CHECK(fromBytes.error().code == ErrorCode::NotAHive);
    const std::string absent = corpusDir() + "/hives/ez/NoSuchFile";
    auto missing = Hive::open(absent);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::Io);
    CHECK(missing.error().message == absent + ": no such file");
}

TEST_CASE("SAN(OTHER) opens with a checksum warning and shows its whole tree", "[hive][real][damaged]") {
    auto san = openHive("ez/SAN(OTHER)");
    CHECK_FALSE(san->header().checksumValid());
    bool warned = false;
    for (const auto& d : san->diagnostics().items())
        if (d.message == "base block checksum is 0x4261a0b0, computed 0x4262a0b0: the header is damaged or was not "
                         "fully written" &&
            d.offset == 0x1FC && d.severity == Diagnostic::Severity::Warning)
            warned = true;
    CHECK(warned);
    const WalkReport r = walkEverything(*san);
    INFO(r.diagnosticsText());
    CHECK(r.diagnostics.empty());
    // Its tree is ez/SAM's: same keys, same values (it differs from SAM in
    // its header and timestamps only).
    auto sam = openHive("ez/SAM");
    const WalkReport s = walkEverything(*sam);
    CHECK(r.paths.size() == 68);
    CHECK(r.paths == s.paths);
    CHECK(r.values == 73);
    CHECK(r.valueLines == s.valueLines);
}

TEST_CASE("SAMBadHBinHeader reports the bin at 0x2000 and shows every key that does not depend on it",
          "[hive][real][damaged]") {
    auto bad = openHive("ez/SAMBadHBinHeader");
    REQUIRE_FALSE(bad->diagnostics().empty());
    const Diagnostic& first = bad->diagnostics().items().front();
    CHECK(first.severity == Diagnostic::Severity::Error);
    CHECK(first.message == "hbin at 0x2000: bad signature (expected \"hbin\")");
    CHECK(first.offset == 0x2000);
    // The damaged stretch is exactly that bin (relative 0x1000-0x2000).
    uint32_t from = 0, to = 0;
    for (const auto& b : bad->bins())
        if (!b.valid) from = b.offset, to = b.offset + b.size;
    CHECK(from == 0x1000);
    CHECK(to == 0x2000);
    auto inBin = [&](uint32_t off) { return off >= from && off < to; };

    // Which keys of the intact SAM depend on that bin: their nk, an
    // ancestor's nk or a list on the way lies in it.
    auto sam = openHive("ez/SAM");
    std::vector<bool> keyLost, listLost;
    std::vector<std::pair<std::string, bool>> expected;
    TreeWalker(*sam).walk([&](const WalkedKey& k) {
        keyLost.resize(k.depth + 1);
        listLost.resize(k.depth + 1);
        const bool lost = inBin(k.offset) || (k.depth > 0 && (keyLost[k.depth - 1] || listLost[k.depth - 1]));
        keyLost[k.depth] = lost;
        bool list = k.node->subkeyCount > 0 && inBin(k.node->subkeyList);
        if (auto l = sam->subkeyList(k.node->subkeyList); l && !l->isLeaf())
            for (size_t i = 0; i < l->count; ++i) list = list || inBin(l->offsetAt(i));
        listLost[k.depth] = list;
        expected.push_back({*k.path, lost});
        return true;
    });
    const WalkReport r = walkEverything(*bad);
    const std::set<std::string> walked(r.paths.begin(), r.paths.end());
    size_t kept = 0;
    for (const auto& [path, lost] : expected) {
        INFO(path);
        CHECK(walked.count(path) == (lost ? 0u : 1u));
        kept += !lost;
    }
    CHECK(kept == 47);
    CHECK(r.paths.size() == 47);
    CHECK(r.hasDiagnostic("key node: cell at 0x2038 lies in the damaged hbin at 0x2000", 0x2038));
    for (const auto& d : r.diagnostics.items()) {
        INFO(d.message);
        CHECK(d.offset != Error::kNoOffset);
    }
}

TEST_CASE("corrupted_system_hive shows what is reachable and reports each damaged bin", "[hive][real][damaged]") {
    auto h = openHive("regipy/corrupted_system_hive");
    // The first damage is the hbin at file offset 106496 (0x1a000).
    const auto& items = h->diagnostics().items();
    bool reported = false;
    for (const auto& d : items)
        if (d.message == "hbin at 0x1a000: bad signature (expected \"hbin\")" && d.offset == 0x1a000) reported = true;
    CHECK(reported);
    const WalkReport r = walkEverything(*h);
    CHECK(r.paths.size() >= 1687);
    CHECK(r.walked("ControlSet001\\Control"));
    CHECK(r.values > 0);
    CHECK(r.hasDiagnostic("lies in the damaged hbin at 0x1a000"));
    for (const auto& d : r.diagnostics.items()) {
        INFO(d.message);
        CHECK(d.offset != Error::kNoOffset);
    }
    // Every key walked is found again by its path.
    CHECK(r.findKeyOk == r.paths.size());
}
