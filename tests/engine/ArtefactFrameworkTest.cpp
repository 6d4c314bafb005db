// The artefact framework (engine/artefacts): hive kinds, the registry, the
// time conversions and the CSV/JSON writers; and every decoder on every
// hive of the corpus.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include "artefacts/HiveKind.h"
#include "artefacts/Registry.h"
#include "artefacts/TableWriter.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::artefacts;
using namespace testsupport;

namespace {

HiveKind kindOf(const std::string& relative) {
    auto hive = Hive::open(hivePath(relative));
    REQUIRE(hive);
    return detectHiveKind(**hive);
}

}  // namespace

TEST_CASE("The hive kind comes from the root key's subkeys") {
    CHECK(kindOf("regipy/SYSTEM") == HiveKind::System);
    CHECK(kindOf("regipy/corrupted_system_hive") == HiveKind::System);
    CHECK(kindOf("regipy/SAM") == HiveKind::Sam);
    CHECK(kindOf("ez/SAM") == HiveKind::Sam);
    CHECK(kindOf("regipy/SECURITY") == HiveKind::Security);
    CHECK(kindOf("regipy/NTUSER.DAT") == HiveKind::NtUser);
    CHECK(kindOf("regipy/NTUSER_with_winscp.DAT") == HiveKind::NtUser);
    CHECK(kindOf("ez/NTUSER1.DAT") == HiveKind::NtUser);
    CHECK(kindOf("regipy/UsrClass.dat") == HiveKind::UsrClass);
    CHECK(kindOf("ez/UsrClassDeletedBags.dat") == HiveKind::UsrClass);
    CHECK(kindOf("regipy/amcache.hve") == HiveKind::Amcache);
    CHECK(kindOf("dfir/Win10-RathbunVM/Amcache.hve") == HiveKind::Amcache);
    CHECK(kindOf("regipy/BCD") == HiveKind::Bcd);
    CHECK(kindOf("hivex/minimal") == HiveKind::Unknown);
}

TEST_CASE("A SYSTEM hive's current control set is the one Select names") {
    auto hive = Hive::open(hivePath("regipy/SYSTEM"));
    REQUIRE(hive);
    DecodeContext context(**hive, HiveKind::System);
    CHECK(context.currentControlSet() == "ControlSet001");
    CHECK(context.resolve("{ControlSet}\\Services") == "ControlSet001\\Services");
    CHECK(context.key("{ControlSet}\\Services"));
    CHECK_FALSE(context.key("{ControlSet}\\NoSuchKey"));
}

TEST_CASE("Times are written as UTC ISO 8601") {
    // 2012-04-04 15:52:45 UTC is 1333554765 s after 1970.
    CHECK(isoTime(fileTimeFromUnix(1333554765)) == "2012-04-04T15:52:45Z");
    CHECK(isoTime(FileTime{fileTimeFromUnix(1333554765).ticks + 1234567}) == "2012-04-04T15:52:45.1234567Z");
    CHECK(isoTime(FileTime{0}) == "1601-01-01T00:00:00Z");
    // SYSTEMTIME 2012-04-04 (a Wednesday) 15:52:45.250.
    const uint8_t st[16] = {0xDC, 0x07, 4, 0, 3, 0, 4, 0, 15, 0, 52, 0, 45, 0, 0xFA, 0};
    auto t = fileTimeFromSystemTime(st);
    REQUIRE(t);
    CHECK(isoTime(*t) == "2012-04-04T15:52:45.2500000Z");
    const uint8_t badMonth[16] = {0xDC, 0x07, 13, 0, 3, 0, 4, 0, 15, 0, 52, 0, 45, 0, 0, 0};
    CHECK_FALSE(fileTimeFromSystemTime(badMonth));
    const uint8_t feb29[16] = {0xDB, 0x07, 2, 0, 0, 0, 29, 0, 0, 0, 0, 0, 0, 0, 0, 0};  // 2011: no 29th
    CHECK_FALSE(fileTimeFromSystemTime(feb29));
    CHECK_FALSE(fileTimeFromSystemTime(std::span<const uint8_t>(st, 10)));
}

TEST_CASE("Every decoder has a unique lower-case name and declares its table") {
    std::set<std::string> names;
    REQUIRE_FALSE(allDecoders().empty());
    for (const Decoder* d : allDecoders()) {
        const std::string name(d->name());
        INFO(name);
        CHECK(names.insert(name).second);
        CHECK_FALSE(name.empty());
        CHECK(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos);
        CHECK_FALSE(d->title().empty());
        CHECK_FALSE(d->description().empty());
        CHECK_FALSE(d->columns().empty());
        CHECK_FALSE(d->keyPaths().empty());
        CHECK(findDecoder(name) == d);
    }
    CHECK(findDecoder("COMPUTERNAME") == findDecoder("computername"));
    CHECK(findDecoder("no-such-decoder") == nullptr);
}

TEST_CASE("Every decoder runs on every corpus hive with a field per column") {
    size_t tablesWithRows = 0;
    for (const std::string& file : corpusFiles()) {
        if (file.find(".LOG") != std::string::npos || file.find(".log") != std::string::npos) continue;
        auto hive = Hive::open(hivePath(file));
        if (!hive) continue;  // NotAHive and friends: refused at open, tested elsewhere
        const HiveKind kind = detectHiveKind(**hive);
        DecodeContext context(**hive, kind);
        // Every decoder, applicable or not: one that does not apply must
        // still give rows or nothing, never crash.
        for (const Decoder* d : allDecoders()) {
            INFO(file << " " << d->name());
            ArtefactTable table = runDecoder(*d, context);
            CHECK(table.error.empty());
            for (const Row& row : table.rows) CHECK(row.fields.size() == table.columns.size());
            if (d->appliesTo(kind) && !table.rows.empty()) ++tablesWithRows;
        }
    }
    CHECK(tablesWithRows > 0);
}

namespace {

/// A decoder of fixed rows, for the writers' tests.
class FixedDecoder final : public Decoder {
public:
    std::string_view name() const override { return "fixed"; }
    std::string_view title() const override { return "Fixed"; }
    std::string_view description() const override { return "Rows for tests."; }
    std::vector<HiveKind> kinds() const override { return {HiveKind::NtUser}; }
    std::vector<std::string> keyPaths() const override { return {"A"}; }
    std::vector<Column> columns() const override {
        return {{"Name", ColumnType::Text}, {"Count", ColumnType::Integer}, {"When", ColumnType::FileTime},
                {"Data", ColumnType::Bytes}, {"On", ColumnType::Boolean}};
    }
    void decode(const DecodeContext&, std::vector<Row>&) const override {}
};

ArtefactTable fixedTable(const FixedDecoder& d) {
    ArtefactTable t;
    t.decoder = &d;
    t.columns = d.columns();
    Row a;
    a.fields = {std::string("comma, \"quoted\"\nline"), int64_t{-5}, fileTimeFromUnix(0),
                std::vector<uint8_t>{0x00, 0xAB}, true};
    a.source = {"Software\\X", "val", true, 0x20, 0x40};
    Row b;
    b.fields = {std::string("plain"), std::monostate{}, std::monostate{}, std::monostate{}, false};
    b.source = {"Software\\Y", "", false, 0x60, kNoCell};
    b.note = "too short";
    t.rows = {a, b};
    return t;
}

}  // namespace

TEST_CASE("CSV quotes what needs quoting and ends lines with CRLF") {
    FixedDecoder d;
    std::ostringstream out;
    writeCsv(fixedTable(d), out);
    CHECK(out.str() ==
          "Name,Count,When,Data,On,key,value,note\r\n"
          "\"comma, \"\"quoted\"\"\nline\",-5,1970-01-01T00:00:00Z,00ab,true,Software\\X,val,\r\n"
          "plain,,,,false,Software\\Y,,too short\r\n");
}

TEST_CASE("JSON rows are objects keyed by column name with typed values") {
    FixedDecoder d;
    std::ostringstream out;
    writeJson("h\\ive", HiveKind::NtUser, {fixedTable(d)}, out);
    const std::string json = out.str();
    CHECK(json.starts_with("{\"hive\": \"h\\\\ive\", \"kind\": \"NTUSER.DAT\", \"artefacts\": ["));
    CHECK(json.find("{\"name\": \"Count\", \"type\": \"integer\"}") != std::string::npos);
    CHECK(json.find("\"Name\": \"comma, \\\"quoted\\\"\\nline\", \"Count\": -5, \"When\": "
                    "\"1970-01-01T00:00:00Z\", \"Data\": \"00ab\", \"On\": true, \"_key\": \"Software\\\\X\", "
                    "\"_value\": \"val\", \"_note\": null}") != std::string::npos);
    CHECK(json.find("\"Count\": null, \"When\": null, \"Data\": null, \"On\": false, \"_key\": \"Software\\\\Y\", "
                    "\"_value\": null, \"_note\": \"too short\"}") != std::string::npos);
}

TEST_CASE("A row with the wrong number of fields becomes the table's error") {
    class Broken final : public Decoder {
    public:
        std::string_view name() const override { return "broken"; }
        std::string_view title() const override { return "Broken"; }
        std::string_view description() const override { return "A decoder with a bug."; }
        std::vector<HiveKind> kinds() const override { return {}; }
        std::vector<std::string> keyPaths() const override { return {""}; }
        std::vector<Column> columns() const override { return {{"A", ColumnType::Text}, {"B", ColumnType::Text}}; }
        void decode(const DecodeContext&, std::vector<Row>& rows) const override {
            rows.push_back(Row{{std::string("only one")}, {}, {}});
        }
    } broken;
    auto hive = Hive::open(hivePath("hivex/minimal"));
    REQUIRE(hive);
    DecodeContext context(**hive, HiveKind::Unknown);
    ArtefactTable t = runDecoder(broken, context);
    CHECK(t.error == "broken: row 0 has 1 fields for 2 columns");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].fields.size() == 2);
    CHECK(broken.appliesTo(HiveKind::Sam));  // no kinds: any hive
}
