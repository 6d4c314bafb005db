// The edit side's core: value editors' parsers (ValueCodec), pending changes
// on an undo stack (EditSession), their preview, and commits through each
// strategy checked by our checker and by hivex-dump.
#include <catch2/catch.hpp>

#include <QSignalSpy>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <functional>
#include <sys/stat.h>
#include <unistd.h>
#include <set>
#include <sstream>

#include "editing/EditSession.h"
#include "GuiTestSupport.h"
#include "browse/KeyTreeModel.h"
#include "editing/ValueCodec.h"
#include "browse/ValueTableModel.h"
#include "format/ValueData.h"
#include "hive/Checker.h"
#include "index/Index.h"
#include "support/TestSupport.h"
#include "support/CrashFileIO.h"
#include "tx/FileIO.h"

using namespace hivekit;
using namespace hivekit::gui;
using namespace testsupport;

namespace {

std::vector<uint8_t> bytes(std::initializer_list<int> list) {
    std::vector<uint8_t> out;
    for (int b : list) out.push_back(static_cast<uint8_t>(b));
    return out;
}

PendingChange change(Edit edit, const char* operation) {
    PendingChange c;
    c.operation = QString::fromLatin1(operation);
    c.path = QString::fromStdString(edit.path);
    c.edit = std::move(edit);
    return c;
}

Edit firstEdit(const Plan& plan) { return plan.edits().front(); }

/// Every row of the key tree (all columns, fetched to the bottom) and, for
/// each key, every cell of its value table: the view as the user sees it.
QStringList viewSnapshot(const std::shared_ptr<const Hive>& hive) {
    KeyTreeModel tree;
    ValueTableModel table;
    tree.setHive(hive);
    table.setHive(hive);
    QStringList out;
    std::function<void(const QModelIndex&)> visit = [&](const QModelIndex& index) {
        QStringList row;
        for (int c = 0; c < tree.columnCount(index.parent()); ++c) {
            row << tree.data(index.siblingAtColumn(c)).toString();
        }
        out << row.join(QLatin1Char('|'));
        table.setKey(tree.offsetOf(index));
        for (int r = 0; r < table.rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < table.columnCount(); ++c) cells << table.data(table.index(r, c)).toString();
            out << QStringLiteral("  ") + cells.join(QLatin1Char('|'));
        }
        tree.fetchAll(index);
        for (int r = 0; r < tree.rowCount(index); ++r) visit(tree.index(r, 0, index));
    };
    visit(tree.rootIndex());
    return out;
}

/// hivex-dump's lines with each key's timestamp blanked, sorted.
std::vector<std::string> hivexLines(const std::string& hive) {
    auto r = run({hivexDumpScript(), hive});
    REQUIRE(r.exitCode == 0);
    std::vector<std::string> out;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("K\t")) {
            const size_t a = line.find('\t', 2);
            const size_t b = line.find('\t', a + 1);
            line = line.substr(0, a + 1) + "-" + line.substr(b);
        }
        out.push_back(line);
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool underTestKey(const std::string& line) {
    return line.find("\tHiveKitTest") != std::string::npos || line.starts_with("K\t\t");
}

}  // namespace

TEST_CASE("The DWORD editor takes decimal hex and negative decimal and refuses out-of-range and non-numbers") {
    CHECK(ValueCodec::parseDword(QStringLiteral("42")).bytes == bytes({42, 0, 0, 0}));
    CHECK(ValueCodec::parseDword(QStringLiteral("0xdeadBEEF")).bytes == bytes({0xef, 0xbe, 0xad, 0xde}));
    CHECK(ValueCodec::parseDword(QStringLiteral("4294967295")).bytes == bytes({0xff, 0xff, 0xff, 0xff}));
    // As hivectl set: a negative DWORD is stored as its two's complement.
    CHECK(ValueCodec::parseDword(QStringLiteral("-1")).bytes == bytes({0xff, 0xff, 0xff, 0xff}));
    CHECK(ValueCodec::parseDword(QStringLiteral("-2147483648")).bytes == bytes({0, 0, 0, 0x80}));
    auto big = ValueCodec::parseDword(QStringLiteral("4294967296"));
    CHECK_FALSE(big.ok());
    CHECK(big.error == QStringLiteral("A DWORD out of range: 4294967296 is not between -2147483648 and 4294967295."));
    CHECK(ValueCodec::parseDword(QStringLiteral("0x100000000")).error.contains(QStringLiteral("out of range")));
    CHECK(ValueCodec::parseDword(QStringLiteral("-2147483649")).error.contains(QStringLiteral("out of range")));
    CHECK(ValueCodec::parseDword(QStringLiteral("12z")).error ==
          QStringLiteral("\"12z\" is not a number (decimal, or hex with 0x)."));
    CHECK(ValueCodec::parseDword(QString()).error == QStringLiteral("Enter a number (decimal, or hex with 0x)."));
}

TEST_CASE("The QWORD editor takes the full 64-bit range and refuses one more") {
    CHECK(ValueCodec::parseQword(QStringLiteral("0x1122334455667788")).bytes ==
          bytes({0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11}));
    CHECK(ValueCodec::parseQword(QStringLiteral("18446744073709551615")).ok());
    CHECK(ValueCodec::parseQword(QStringLiteral("-1")).bytes == bytes({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}));
    CHECK(ValueCodec::parseQword(QStringLiteral("18446744073709551616")).error ==
          QStringLiteral("A QWORD out of range: 18446744073709551616 is not between -9223372036854775808 and "
                         "18446744073709551615."));
}

TEST_CASE("The hex editor reads the engine's hex grammar and names the position of what it refuses") {
    CHECK(ValueCodec::parseHex(QStringLiteral("de ad,be:ef\n01-02")).bytes == bytes({0xde, 0xad, 0xbe, 0xef, 1, 2}));
    CHECK(ValueCodec::parseHex(QStringLiteral("0xde,0xa 0102")).bytes == bytes({0xde, 0x0a, 1, 2}));
    CHECK(ValueCodec::parseHex(QStringLiteral("")).ok());
    CHECK(ValueCodec::parseHex(QStringLiteral("abc")).error ==
          QStringLiteral("Odd number of hex digits in \"abc\" at position 1: each byte takes two (or one alone)."));
    CHECK(ValueCodec::parseHex(QStringLiteral("00 0g")).error ==
          QStringLiteral("\"g\" at position 5 is not a hex digit."));
    CHECK(ValueCodec::parseHex(QStringLiteral("00\n01 0g")).error ==
          QStringLiteral("\"g\" at line 2, position 5 is not a hex digit."));
    CHECK(ValueCodec::parseHex(QStringLiteral("01 0x")).error ==
          QStringLiteral("\"0x\" at position 4 has no hex digits after it."));
}

TEST_CASE("The string editors store UTF-16 with terminators and the multi-string editor keeps an empty line") {
    CHECK(ValueCodec::parseString(QStringLiteral("hé")).bytes == bytes({'h', 0, 0xe9, 0, 0, 0}));
    CHECK(ValueCodec::parseString(QString(QChar(0))).error ==
          QStringLiteral("A string cannot hold a NUL character (use the raw editor)."));
    CHECK(ValueCodec::parseMultiString(QStringLiteral("a\nb\n")).bytes == bytes({'a', 0, 0, 0, 'b', 0, 0, 0, 0, 0}));
    // As hivectl set: an empty line is an empty string of the list.
    CHECK(ValueCodec::parseMultiString(QStringLiteral("a\n\nb")).bytes ==
          bytes({'a', 0, 0, 0, 0, 0, 'b', 0, 0, 0, 0, 0}));
    CHECK(ValueCodec::format(kRegMultiSz, ValueCodec::parseMultiString(QStringLiteral("x\ny")).bytes) ==
          QStringLiteral("x\ny"));
    CHECK(ValueCodec::format(kRegMultiSz, ValueCodec::parseMultiString(QStringLiteral("x\n\ny")).bytes) ==
          QStringLiteral("x\n\ny"));
    CHECK(ValueCodec::format(kRegDword, bytes({42, 0, 0, 0})) == QStringLiteral("42"));
    CHECK(ValueCodec::format(kRegBinary, bytes({0xde, 0xad})) == QStringLiteral("de ad"));
    // Data its type's editor cannot hold exactly is shown as hex.
    CHECK(ValueCodec::isExact(kRegDword, bytes({42, 0, 0, 0})));
    CHECK_FALSE(ValueCodec::isExact(kRegDword, bytes({42, 0, 0})));
    CHECK(ValueCodec::format(kRegDword, bytes({42, 0, 0})) == QStringLiteral("2a 00 00"));
    CHECK(ValueCodec::expansionPreview(QStringLiteral("%SystemRoot%\\x;%TEMP%"))
              .contains(QStringLiteral("variables left as text: %SystemRoot%, %TEMP%")));
    CHECK(ValueCodec::expansionPreview(QStringLiteral("plain")).isEmpty());
    uint32_t type = 0;
    QString error;
    CHECK(ValueCodec::parseTypeNumber(QStringLiteral("0x20"), &type, &error));
    CHECK(type == 0x20);
    CHECK_FALSE(ValueCodec::parseTypeNumber(QStringLiteral("0x1ffffffff"), &type, &error));
    CHECK_FALSE(ValueCodec::parseTypeNumber(QStringLiteral("-1"), &type, &error));
    CHECK(error == QStringLiteral("A type number out of range: -1 is not between 0 and 4294967295."));
}

TEST_CASE("A read-only or missing file cannot be opened for editing") {
    TempDir dir;
    CHECK(EditSession::editBlocker(guitest::qpath(dir.file("none")), nullptr).contains(QStringLiteral("does not exist")));
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    CHECK(EditSession::editBlocker(guitest::qpath(hive), guitest::openHive(hive).get()).isEmpty());
    CHECK(EditSession::editWarning(guitest::qpath(hive)).isEmpty());
    if (::geteuid() != 0) {
        // Permissions stop everyone but root.
        REQUIRE(::chmod(dir.path().c_str(), 0555) == 0);
        CHECK(EditSession::editWarning(guitest::qpath(hive)).contains(QStringLiteral("transaction log")));
        REQUIRE(::chmod(dir.path().c_str(), 0755) == 0);
    }
}

TEST_CASE("A change the hive refuses is not pushed and the error says why") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    EditSession session(guitest::qpath(hive));
    QString error;
    CHECK_FALSE(session.push(change(firstEdit(Plan().deleteValue("NoSuchKey", "x")), "Delete value"), &error));
    CHECK_FALSE(error.isEmpty());
    CHECK(session.undoStack()->count() == 0);
}

TEST_CASE("Undo and redo of every operation restore the exact prior view") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    EditSession session(guitest::qpath(hive));
    std::vector<PendingChange> script = {
        change(firstEdit(Plan().createKey("HiveKitTest")), "New key"),
        change(firstEdit(Plan().setValue("HiveKitTest", "S", kRegSz, ValueCodec::parseString(QStringLiteral("x")).bytes)), "New value"),
        change(firstEdit(Plan().setValue("HiveKitTest", "S", kRegSz, ValueCodec::parseString(QStringLiteral("yy")).bytes)), "Edit value"),
        change(firstEdit(Plan().renameValue("HiveKitTest", "S", "T")), "Rename value"),
        change(firstEdit(Plan().deleteValue("HiveKitTest", "T")), "Delete value"),
        change(firstEdit(Plan().createKey("HiveKitTest\\Sub")), "New key"),
        change(firstEdit(Plan().renameKey("HiveKitTest\\Sub", "Other")), "Rename key"),
        change(firstEdit(Plan().deleteKey("HiveKitTest", true)), "Delete key"),
        change(firstEdit(Plan().setValue("AppEvents", "", kRegDword, bytes({1, 0, 0, 0}))), "Edit value"),
    };
    std::vector<QStringList> views;
    auto previewed = session.preview();
    REQUIRE(previewed);
    views.push_back(viewSnapshot(*previewed));
    for (auto& c : script) {
        QString error;
        INFO(c.operation.toStdString() << ": " << error.toStdString());
        REQUIRE(session.push(c, &error));
        auto p = session.preview();
        REQUIRE(p);
        views.push_back(viewSnapshot(*p));
        CHECK(views.back() != views[views.size() - 2]);
    }
    for (size_t i = script.size(); i-- > 0;) {
        session.undoStack()->undo();
        auto p = session.preview();
        REQUIRE(p);
        INFO("after undoing step " << i + 1);
        CHECK(viewSnapshot(*p) == views[i]);
    }
    for (size_t i = 1; i <= script.size(); ++i) {
        session.undoStack()->redo();
        auto p = session.preview();
        REQUIRE(p);
        INFO("after redoing step " << i);
        CHECK(viewSnapshot(*p) == views[i]);
    }
    CHECK(session.changes().size() == script.size());
    session.discardAll();
    CHECK_FALSE(session.hasPending());
    CHECK(viewSnapshot(*session.preview()) == views[0]);
}

TEST_CASE("A scripted session committed with each strategy leaves the expected tree for the checker, hivex-dump, reglookup and regfexport") {
    for (auto strategy : {CommitStrategy::InPlace, CommitStrategy::Append, CommitStrategy::Hybrid}) {
        INFO("strategy " << static_cast<int>(strategy));
        TempDir dir;
        const std::string original = hivePath("ez/NTUSER1.DAT");
        const std::string hive = copyFile(original, dir.file("NTUSER.DAT"));
        EditSession session(guitest::qpath(hive));
        const std::vector<Edit> edits = Plan()
            .createKey("HiveKitTest")
            .setValue("HiveKitTest", "Str", kRegSz, ValueCodec::parseString(QStringLiteral("hello")).bytes)
            .setValue("HiveKitTest", "Exp", kRegExpandSz, ValueCodec::parseString(QStringLiteral("%SystemRoot%")).bytes)
            .setValue("HiveKitTest", "Multi", kRegMultiSz, ValueCodec::parseMultiString(QStringLiteral("a\nb")).bytes)
            .setValue("HiveKitTest", "Dw", kRegDword, ValueCodec::parseDword(QStringLiteral("0x2a")).bytes)
            .setValue("HiveKitTest", "Qw", kRegQword, ValueCodec::parseQword(QStringLiteral("0x1122334455667788")).bytes)
            .setValue("HiveKitTest", "Bin", kRegBinary, ValueCodec::parseHex(QStringLiteral("de ad be ef")).bytes)
            .setValue("HiveKitTest", "Raw", 0x20, ValueCodec::parseHex(QStringLiteral("01")).bytes)
            .createKey("HiveKitTest\\Sub")
            .renameValue("HiveKitTest", "Str", "Text")
            .deleteValue("HiveKitTest", "Bin")
            .renameKey("HiveKitTest\\Sub", "Child")
            .createKey("HiveKitTest\\Gone")
            .deleteKey("HiveKitTest\\Gone")
            .setValue("HiveKitTest", "Undone", kRegDword, bytes({1, 0, 0, 0}))
            .edits();
        for (const auto& e : edits) {
            QString error;
            REQUIRE(session.push(change(e, "edit"), &error));
        }
        session.undoStack()->undo();  // the last one: "Undone" is not written
        QSignalSpy finished(&session, &EditSession::commitFinished);
        session.commit({strategy, true});
        REQUIRE(guitest::waitUntil([&] { return finished.count() == 1; }));
        const auto outcome = finished.at(0).at(0).value<CommitOutcome>();
        INFO(outcome.message.toStdString());
        REQUIRE(outcome.ok);
        CHECK_FALSE(session.hasPending());
        CHECK(fileExists(hive + ".bak"));

        auto reopened = guitest::openHive(hive);
        const auto report = checkHive(*reopened);
        CHECK(report.errors() == 0);
        CHECK(report.warnings() == checkHive(*guitest::openHive(original)).warnings());

        std::vector<std::string> before, after, added;
        for (const auto& l : hivexLines(original)) if (!underTestKey(l)) before.push_back(l);
        for (const auto& l : hivexLines(hive)) (underTestKey(l) ? added : after).push_back(l);
        CHECK(before == after);
        const std::vector<std::string> expected = {
            "K\t\t-\t11\t0",
            "K\tHiveKitTest\t-\t1\t6",
            "K\tHiveKitTest\\Child\t-\t0\t0",
            "V\tHiveKitTest\tDw\t4\t2a000000",
            "V\tHiveKitTest\tExp\t2\t2500530079007300740065006d0052006f006f0074002500" "0000",
            "V\tHiveKitTest\tMulti\t7\t6100000062000000" "0000",
            "V\tHiveKitTest\tQw\t11\t8877665544332211",
            "V\tHiveKitTest\tRaw\t32\t01",
            "V\tHiveKitTest\tText\t1\t680065006c006c006f000000",
        };
        CHECK(added == expected);

        // Two more readers: reglookup (libregfi) lists the same subtree, and
        // regfexport (libregf) reads the whole file without an error.
        auto looked = run({"/usr/bin/reglookup", "-p", "/HiveKitTest", hive});
        CHECK(looked.exitCode == 0);
        std::vector<std::string> lookedLines;
        std::istringstream lookedIn(looked.out);
        for (std::string line; std::getline(lookedIn, line);) {
            if (line.starts_with("PATH,")) continue;
            lookedLines.push_back(line.substr(0, line.rfind(',')));  // without MTIME
        }
        std::sort(lookedLines.begin(), lookedLines.end());
        const std::vector<std::string> lookedExpected = {
            "/HiveKitTest,KEY,",
            "/HiveKitTest/Child,KEY,",
            "/HiveKitTest/Dw,DWORD,0x0000002A",
            "/HiveKitTest/Exp,EXPAND_SZ,%25SystemRoot%25",
            "/HiveKitTest/Multi,MULTI_SZ,a|b",
            "/HiveKitTest/Qw,QWORD,0x1122334455667788",
            "/HiveKitTest/Raw,0x00000020,%01",
            "/HiveKitTest/Text,SZ,hello",
        };
        CHECK(lookedLines == lookedExpected);
        auto exported = run({"/usr/bin/regfexport", hive});
        CHECK(exported.exitCode == 0);
        CHECK(exported.out.find("\\HiveKitTest\\Child\n") != std::string::npos);
        CHECK(exported.out.find("\\HiveKitTest\\Gone") == std::string::npos);
    }
}

TEST_CASE("A failing commit keeps the pending list and leaves the file untouched") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    const auto before = readFile(hive);
    EditSession session(guitest::qpath(hive));
    QString error;
    REQUIRE(session.push(change(firstEdit(Plan().createKey("HiveKitTest")), "New key"), &error));
    // chmod does not stop root: the crash-simulating FileIO refuses every
    // open as a read-only file would.
    REQUIRE(::chmod(hive.c_str(), 0444) == 0);
    CrashFileIO failing(realFileIO());
    failing.failOpens(EACCES);
    session.setFileIO(&failing);
    QSignalSpy finished(&session, &EditSession::commitFinished);
    session.commit({CommitStrategy::Hybrid, false});
    REQUIRE(guitest::waitUntil([&] { return finished.count() == 1; }));
    const auto outcome = finished.at(0).at(0).value<CommitOutcome>();
    CHECK_FALSE(outcome.ok);
    CHECK_FALSE(outcome.message.isEmpty());
    CHECK(session.hasPending());
    CHECK(session.changes().size() == 1);
    CHECK(readFile(hive) == before);
}

namespace {

/// A new key under the root and a DWORD in it, previewed; what that took.
EditSession::PreviewWork previewTwoChanges(const std::string& original, const TempDir& dir, std::string* copy,
                                           std::vector<uint8_t>* image) {
    *copy = copyFile(original, dir.file(std::filesystem::path(original).filename().string()));
    EditSession session(guitest::qpath(*copy));
    QString error;
    REQUIRE(session.newKey(QString(), QStringLiteral("HiveKitTest"), &error));
    REQUIRE(session.setValue(QStringLiteral("HiveKitTest"), QStringLiteral("v"), kRegDword, bytes({1, 0, 0, 0}),
                             QString(), QStringLiteral("1"), &error));
    auto preview = session.preview();
    REQUIRE(preview);
    REQUIRE(Index(**preview).findKey("HiveKitTest"));
    const Bytes b = (*preview)->bytes();
    image->assign(b.begin(), b.end());
    return session.lastPreviewWork();
}

}  // namespace

// The timing is the hidden benchmark's (GuiBenchTest, "[.bench]"); here,
// what makes a preview fast: it applies the pending edits to the file's
// image, so its work is per change, not per key.
TEST_CASE("A preview of pending changes writes per change not per key of the hive") {
    TempDir dir;
    std::string smallCopy, largeCopy;
    std::vector<uint8_t> smallImage, largeImage;
    const auto small = previewTwoChanges(hivePath("ez/NTUSER1.DAT"), dir, &smallCopy, &smallImage);
    const auto large = previewTwoChanges(hivePath("regipy/SYSTEM"), dir, &largeCopy, &largeImage);
    INFO("small hive: " << small.recordsWritten << " records, " << small.dirtyPages << " of " << small.imagePages
                        << " pages; large hive: " << large.recordsWritten << " records, " << large.dirtyPages
                        << " of " << large.imagePages << " pages");
    REQUIRE(large.imagePages > 2000);
    // The same two changes write as many records in an 11 MiB hive of
    // 30,000 keys as in a small one, and change a handful of pages.
    CHECK(small.recordsWritten > 0);
    CHECK(large.recordsWritten == small.recordsWritten);
    CHECK(large.dirtyPages <= small.dirtyPages + 2);
    CHECK(large.dirtyPages * 100 < large.imagePages);
    // The image is the file's with those pages changed (and the base
    // block): nothing else was rewritten.
    const std::vector<uint8_t> file = readFile(largeCopy);
    REQUIRE(largeImage.size() >= file.size());
    uint64_t differing = 0;
    for (size_t page = 4096; page < file.size(); page += 4096) {
        const size_t n = std::min<size_t>(4096, file.size() - page);
        if (!std::equal(file.begin() + page, file.begin() + page + n, largeImage.begin() + page)) ++differing;
    }
    CHECK(differing <= large.dirtyPages);
}

namespace {

/// A session on a copy of `original` with `plan` pending, whose commit
/// fails at file operation `point`; true when that failure came after the
/// hive file was written (the case these tests are about).
bool interruptCommit(EditSession& session, const Plan& plan, uint64_t point, CommitOutcome& outcome) {
    QString error;
    for (const auto& e : plan.edits()) REQUIRE(session.push(change(e, "edit"), &error));
    CrashFileIO failing(realFileIO());
    failing.failAt(point, EIO);
    session.setFileIO(&failing);
    QSignalSpy finished(&session, &EditSession::commitFinished);
    session.commit({});
    REQUIRE(guitest::waitUntil([&] { return finished.count() == 1; }));
    session.setFileIO(nullptr);
    outcome = finished.at(0).at(0).value<CommitOutcome>();
    return !outcome.ok && outcome.partlyWritten;
}

bool hasKey(const Hive& hive, const std::string& path) { return static_cast<bool>(Index(hive).findKey(path)); }

CommitOutcome commitNow(EditSession& session) {
    QSignalSpy finished(&session, &EditSession::commitFinished);
    session.commit({});
    REQUIRE(guitest::waitUntil([&] { return finished.count() == 1; }));
    return finished.at(0).at(0).value<CommitOutcome>();
}

}  // namespace

TEST_CASE("EditSession commits through the engine: an interrupted commit keeps the pending list and committing again finishes it") {
    // The workflow itself (every failure point, the retry, the refusals) is
    // tested in the engine (tests/engine/CommitWorkflowTest.cpp); here, that
    // EditSession hands its undo stack to it and translates what it says.
    TempDir dir;
    const std::string original = hivePath("ez/NTUSER1.DAT");
    Plan plan;
    plan.createKey("HiveKitTest").setValue("HiveKitTest", "v", kRegDword, bytes({1, 0, 0, 0}));
    plan.setValue("HiveKitTest", "text", kRegSz, bytes({'h', 0, 'i', 0, 0, 0}));
    bool seen = false;
    for (uint64_t point = 1; point < 40 && !seen; ++point) {
        const std::string hive = copyFile(original, dir.file("retry" + std::to_string(point) + ".DAT"));
        EditSession session(guitest::qpath(hive));
        CommitOutcome first;
        if (!interruptCommit(session, plan, point, first)) continue;
        seen = true;
        CHECK(first.message.contains(QStringLiteral("Committing again finishes the interrupted commit")));
        REQUIRE(first.interrupted);
        CHECK(first.interrupted->edits == 3);
        // Still pending, and the preview (the log replayed, nothing more
        // applied) shows the changes instead of failing on them.
        CHECK(session.changes().size() == 3);
        auto preview = session.preview();
        REQUIRE(preview);
        CHECK(hasKey(**preview, "HiveKitTest"));

        const CommitOutcome second = commitNow(session);
        INFO(second.message.toStdString());
        REQUIRE(second.ok);
        CHECK(second.message.startsWith(QStringLiteral("3 edit(s) committed")));
        CHECK_FALSE(session.hasPending());
        auto reopened = guitest::openHive(hive);
        REQUIRE(reopened);
        CHECK_FALSE(reopened->recovery().wasDirty);  // written out, not left to the log
        CHECK(checkHive(*reopened).errors() == 0);
        CHECK(hasKey(*reopened, "HiveKitTest"));
    }
    CHECK(seen);
}

TEST_CASE("After an interrupted commit, a new change commits together with the interrupted ones") {
    TempDir dir;
    const std::string original = hivePath("ez/NTUSER1.DAT");
    Plan plan;
    // A rename cannot be applied twice: re-applying the whole list to the
    // replayed hive would fail on it.
    plan.createKey("HiveKitTest").setValue("HiveKitTest", "v", kRegDword, bytes({1, 0, 0, 0}));
    plan.renameValue("HiveKitTest", "v", "w");
    bool seen = false;
    for (uint64_t point = 1; point < 40 && !seen; ++point) {
        const std::string hive = copyFile(original, dir.file("more" + std::to_string(point) + ".DAT"));
        EditSession session(guitest::qpath(hive));
        CommitOutcome first;
        if (!interruptCommit(session, plan, point, first)) continue;
        seen = true;
        QString error;
        // Validated against the file with its log replayed plus the
        // pending list: a key under the interrupted one is valid.
        REQUIRE(session.newKey(QStringLiteral("HiveKitTest"), QStringLiteral("Child"), &error));
        REQUIRE(session.changes().size() == 4);
        const CommitOutcome second = commitNow(session);
        INFO(second.message.toStdString());
        REQUIRE(second.ok);
        auto reopened = guitest::openHive(hive);
        REQUIRE(reopened);
        CHECK(checkHive(*reopened).errors() == 0);
        CHECK(hasKey(*reopened, "HiveKitTest\\Child"));
        const auto lines = hivexLines(hive);
        CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) {
                  return l.starts_with("V\tHiveKitTest\t");
              }) == 1);
        CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& l) {
            return l.starts_with("V\tHiveKitTest\tw\t4\t01000000");
        }));
    }
    CHECK(seen);
}

TEST_CASE("After an interrupted commit, undoing one of its changes is refused by name, and discarding keeps the hive's replayed state") {
    TempDir dir;
    const std::string original = hivePath("ez/NTUSER1.DAT");
    Plan plan;
    plan.createKey("HiveKitTest").setValue("HiveKitTest", "v", kRegDword, bytes({1, 0, 0, 0}));
    bool seen = false;
    for (uint64_t point = 1; point < 40 && !seen; ++point) {
        const std::string hive = copyFile(original, dir.file("undo" + std::to_string(point) + ".DAT"));
        EditSession session(guitest::qpath(hive));
        CommitOutcome first;
        if (!interruptCommit(session, plan, point, first)) continue;
        seen = true;
        const auto afterFailure = readFile(hive);
        session.undoStack()->undo();  // the value goes; the file has it
        auto preview = session.preview();
        REQUIRE_FALSE(preview);
        CHECK(preview.error().message.find("interrupted commit") != std::string::npos);
        const CommitOutcome refused = commitNow(session);
        CHECK_FALSE(refused.ok);
        CHECK(refused.message.contains(QStringLiteral("interrupted commit")));
        CHECK(readFile(hive) == afterFailure);  // nothing written
        // Redo restores the prefix: the preview works again.
        session.undoStack()->redo();
        CHECK(session.preview());
        // Discarding: nothing pending, and the hive as every session
        // opens it holds the interrupted changes (its log replays them).
        session.discardAll();
        CHECK_FALSE(session.hasPending());
        auto kept = session.preview();
        REQUIRE(kept);
        CHECK(hasKey(**kept, "HiveKitTest"));
        QString error;
        CHECK(session.newKey(QStringLiteral("HiveKitTest"), QStringLiteral("After"), &error));
        const CommitOutcome last = commitNow(session);
        INFO(last.message.toStdString());
        CHECK(last.ok);
        auto reopened = guitest::openHive(hive);
        REQUIRE(reopened);
        CHECK(hasKey(*reopened, "HiveKitTest\\After"));
        CHECK(checkHive(*reopened).errors() == 0);
    }
    CHECK(seen);
}

TEST_CASE("After an interrupted commit whose log is gone, preview and commit are refused and the file stays as it is") {
    TempDir dir;
    const std::string original = hivePath("ez/NTUSER1.DAT");
    Plan plan;
    plan.createKey("HiveKitTest").setValue("HiveKitTest", "v", kRegDword, bytes({1, 0, 0, 0}));
    bool seen = false;
    for (uint64_t point = 1; point < 40 && !seen; ++point) {
        const std::string hive = copyFile(original, dir.file("nolog" + std::to_string(point) + ".DAT"));
        EditSession session(guitest::qpath(hive));
        CommitOutcome first;
        if (!interruptCommit(session, plan, point, first)) continue;
        auto reopened = guitest::openHive(hive, false);
        if (!reopened->recovery().wasDirty) continue;  // failed after the header: nothing to replay
        seen = true;
        std::filesystem::remove(hive + ".LOG1");
        const auto afterFailure = readFile(hive);
        auto preview = session.preview();
        REQUIRE_FALSE(preview);
        CHECK(preview.error().message.find("could not be replayed") != std::string::npos);
        const CommitOutcome refused = commitNow(session);
        CHECK_FALSE(refused.ok);
        CHECK(refused.message.contains(QStringLiteral("could not be replayed")));
        CHECK(readFile(hive) == afterFailure);
        CHECK(session.changes().size() == 2);
    }
    CHECK(seen);
}
