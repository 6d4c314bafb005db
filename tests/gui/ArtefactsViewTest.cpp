// The Artefacts view (gui/artefacts): the table model (display and sort by
// column type, filter, notes, copy), the job that decodes off the GUI
// thread, and the dock in the main window: its tables, double-click to the
// key and value, exports equal to hivectl's, and the empty state.
#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QThread>

#include "GuiTestSupport.h"
#include "app/MainWindow.h"
#include "artefacts/ArtefactTableModel.h"
#include "artefacts/ArtefactsDock.h"
#include "artefacts/ArtefactsJob.h"
#include "artefacts/HiveKind.h"
#include "artefacts/Registry.h"
#include "artefacts/TableWriter.h"
#include "document/HiveDocument.h"
#include "document/HiveView.h"
#include "hexview/HexPane.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::gui;
using namespace testsupport;
using artefacts::ColumnType;
using artefacts::FileTime;
using guitest::openAndWait;
using guitest::qpath;
using guitest::waitUntil;

namespace {

constexpr const char* kComputerNameKey = "ControlSet001\\Control\\ComputerName\\ComputerName";

/// 2012-04-04 15:52:45 UTC plus `extraTicks` (100 ns each).
FileTime april2012(int64_t extraTicks = 0) {
    return FileTime{static_cast<uint64_t>(static_cast<int64_t>(artefacts::fileTimeFromUnix(1333554765).ticks) + extraTicks)};
}

/// A table as a decoder could give it: one column of each type, rows whose
/// text order differs from their order by value (9 < 10 < 100 as numbers,
/// "10" < "100" < "9" as text), one row with empty fields and a note.
std::shared_ptr<const artefacts::ArtefactTable> sampleTable() {
    auto t = std::make_shared<artefacts::ArtefactTable>();
    t->columns = {{"Name", ColumnType::Text},    {"Written", ColumnType::FileTime}, {"Count", ColumnType::Integer},
                  {"Data", ColumnType::Bytes},   {"Seen", ColumnType::Boolean},     {"Program", ColumnType::Path}};
    auto row = [&](std::string name, artefacts::Field time, artefacts::Field count, bool seen, std::string note) {
        artefacts::Row r;
        r.fields = {std::move(name), std::move(time), std::move(count), std::vector<uint8_t>{0xde, 0xad, 0x01},
                    seen, std::string("C:\\Windows\\") + "notepad.exe"};
        r.source.keyPath = "Software\\Sample\\" + std::get<std::string>(r.fields[0]);
        r.source.valueName = "Data";
        r.source.hasValue = true;
        r.source.keyOffset = 0x20;
        r.source.valueOffset = 0x80;
        r.note = std::move(note);
        t->rows.push_back(std::move(r));
    };
    row("alpha", april2012(1234567), int64_t{100}, true, "");
    row("beta", april2012(-int64_t{86400} * 10000000), int64_t{9}, false, "");  // a day earlier
    row("gamma", std::monostate{}, std::monostate{}, false, "data is 12 bytes; a Windows 7 entry needs 72");
    row("delta", april2012(int64_t{3600} * 10000000), int64_t{10}, true, "");  // an hour later
    return t;
}

QStringList columnAfterSort(QSortFilterProxyModel& proxy, int column, Qt::SortOrder order) {
    proxy.sort(column, order);
    QStringList names;
    for (int r = 0; r < proxy.rowCount(); ++r) names << proxy.index(r, 0).data().toString();
    return names;
}

/// Shows the Artefacts dock of `window` and waits for its tables.
ArtefactsDock* showArtefacts(MainWindow& window) {
    ArtefactsDock* dock = window.artefactsDock();
    dock->show();
    dock->raise();
    REQUIRE(waitUntil([&] { return dock->isVisible() && !dock->isRunning() && !dock->statusText().isEmpty() &&
                                   !dock->statusText().startsWith(ArtefactsDock::tr("Decoding the artefacts…")); }));
    return dock;
}

std::string absolute(const std::string& path) { return QFileInfo(qpath(path)).absoluteFilePath().toStdString(); }

}  // namespace

TEST_CASE("The artefact table model shows each field by its column type", "[gui][artefacts]") {
    ArtefactTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setTable(sampleTable());
    REQUIRE(model.rowCount() == 4);
    // The decoder's six columns, then the key and the value.
    REQUIRE(model.columnCount() == 8);
    CHECK(model.headerData(1, Qt::Horizontal).toString() == QStringLiteral("Written"));
    CHECK(model.headerData(model.keyColumn(), Qt::Horizontal).toString() == QStringLiteral("Key"));
    CHECK(model.headerData(model.valueColumn(), Qt::Horizontal).toString() == QStringLiteral("Value"));

    // Times in UTC whatever the zone, the fraction in the tooltip's ISO text.
    CHECK(model.index(0, 1).data().toString() == QStringLiteral("2012-04-04 15:52:45"));
    CHECK(model.index(0, 1).data(Qt::ToolTipRole).toString() == QStringLiteral("2012-04-04T15:52:45.1234567Z"));
    CHECK(model.index(0, 2).data().toString() == QStringLiteral("100"));
    CHECK(model.index(0, 2).data(Qt::TextAlignmentRole).toInt() == int(Qt::AlignRight | Qt::AlignVCenter));
    CHECK(model.index(0, 3).data().toString() == QStringLiteral("de ad 01"));
    CHECK(model.index(0, 4).data().toString() == QStringLiteral("yes"));
    CHECK(model.index(1, 4).data().toString() == QStringLiteral("no"));
    CHECK(model.index(0, 5).data().toString() == QStringLiteral("C:\\Windows\\notepad.exe"));
    CHECK(model.index(0, model.keyColumn()).data().toString() == QStringLiteral("Software\\Sample\\alpha"));
    CHECK(model.index(0, model.valueColumn()).data().toString() == QStringLiteral("Data"));
    CHECK(model.index(0, 0).data(ArtefactTableModel::ValueOffsetRole).toUInt() == 0x80u);
    // An empty field shows empty, not 0 or 1601-01-01.
    CHECK(model.index(2, 1).data().toString().isEmpty());
    CHECK(model.index(2, 2).data().toString().isEmpty());

    model.clear();
    CHECK(model.rowCount() == 0);
    CHECK(model.columnCount() == 0);
}

TEST_CASE("The artefact table sorts a time as a time and an integer as a number", "[gui][artefacts]") {
    ArtefactTableModel model;
    model.setTable(sampleTable());
    QSortFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    proxy.setSortRole(ArtefactTableModel::SortRole);
    // Empty fields first, then by value (text order would be 10, 100, 9).
    CHECK(columnAfterSort(proxy, 2, Qt::AscendingOrder) ==
          QStringList({QStringLiteral("gamma"), QStringLiteral("beta"), QStringLiteral("delta"), QStringLiteral("alpha")}));
    // beta is a day before alpha, delta an hour after.
    CHECK(columnAfterSort(proxy, 1, Qt::AscendingOrder) ==
          QStringList({QStringLiteral("gamma"), QStringLiteral("beta"), QStringLiteral("alpha"), QStringLiteral("delta")}));
    CHECK(columnAfterSort(proxy, 1, Qt::DescendingOrder).front() == QStringLiteral("delta"));
    CHECK(columnAfterSort(proxy, 0, Qt::AscendingOrder) ==
          QStringList({QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("delta"), QStringLiteral("gamma")}));
}

TEST_CASE("The artefact filter matches any column of a row", "[gui][artefacts]") {
    ArtefactTableModel model;
    model.setTable(sampleTable());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterKeyColumn(-1);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterFixedString(QStringLiteral("DELTA"));  // the name and the key column hold it
    REQUIRE(proxy.rowCount() == 1);
    CHECK(proxy.index(0, 0).data().toString() == QStringLiteral("delta"));
    proxy.setFilterFixedString(QStringLiteral("2012-04-03"));  // the time as shown
    REQUIRE(proxy.rowCount() == 1);
    CHECK(proxy.index(0, 0).data().toString() == QStringLiteral("beta"));
    proxy.setFilterFixedString(QStringLiteral("100"));  // a number as shown
    REQUIRE(proxy.rowCount() == 1);
    CHECK(proxy.index(0, 0).data().toString() == QStringLiteral("alpha"));
    proxy.setFilterFixedString(QString());
    CHECK(proxy.rowCount() == 4);
}

TEST_CASE("A row with a note shows a warning marker and the note as its tooltip", "[gui][artefacts]") {
    ArtefactTableModel model;
    model.setTable(sampleTable());
    CHECK(model.index(2, 0).data(Qt::DecorationRole).value<QIcon>().isNull() == false);
    CHECK(model.index(0, 0).data(Qt::DecorationRole).isNull());
    const QString note = QStringLiteral("data is 12 bytes; a Windows 7 entry needs 72");
    CHECK(model.index(2, 0).data(ArtefactTableModel::NoteRole).toString() == note);
    for (int c = 0; c < model.columnCount(); ++c)
        CHECK(model.index(2, c).data(Qt::ToolTipRole).toString().contains(note));
    CHECK(model.index(0, 0).data(Qt::ToolTipRole).isNull());
}

TEST_CASE("Copied artefact rows are a header line and tab-separated fields in export form", "[gui][artefacts]") {
    ArtefactTableModel model;
    model.setTable(sampleTable());
    const QString text = model.rowsText({0, 2});
    const QStringList lines = text.split(QLatin1Char('\n'));
    REQUIRE(lines.size() == 4);  // header, two rows, and the final line break
    CHECK(lines[0] == QStringLiteral("Name\tWritten\tCount\tData\tSeen\tProgram\tKey\tValue\tNote"));
    CHECK(lines[1] == QStringLiteral("alpha\t2012-04-04T15:52:45.1234567Z\t100\tdead01\ttrue\tC:\\Windows\\notepad.exe\t"
                                     "Software\\Sample\\alpha\tData\t"));
    CHECK(lines[2] == QStringLiteral("gamma\t\t\tdead01\tfalse\tC:\\Windows\\notepad.exe\tSoftware\\Sample\\gamma\tData\t"
                                     "data is 12 bytes; a Windows 7 entry needs 72"));
    CHECK(lines[3].isEmpty());
    CHECK(model.rowsText({}).isNull());
}

TEST_CASE("The artefacts job decodes regipy/SYSTEM off the GUI thread and delivers the computer name table",
          "[gui][artefacts]") {
    ArtefactsJob job;
    QSignalSpy finished(&job, &ArtefactsJob::finished);
    job.start(guitest::openHive(hivePath("regipy/SYSTEM")));
    REQUIRE(waitUntil([&] { return finished.count() == 1; }));
    const auto outcome = finished.front().front().value<ArtefactsOutcome>();
    CHECK(outcome.thread != nullptr);
    CHECK(outcome.thread != QCoreApplication::instance()->thread());
    CHECK(outcome.kind == artefacts::HiveKind::System);
    // Every decoder that applies, in the registry's order.
    const auto expected = artefacts::decodersFor(artefacts::HiveKind::System);
    REQUIRE(outcome.tables.size() == expected.size());
    std::shared_ptr<const artefacts::ArtefactTable> computerName;
    for (size_t i = 0; i < expected.size(); ++i) {
        CHECK(outcome.tables[i]->decoder == expected[i]);
        if (outcome.tables[i]->decoder->name() == "computername") computerName = outcome.tables[i];
    }
    REQUIRE(computerName);
    REQUIRE(computerName->rows.size() == 1);
    CHECK(std::get<std::string>(computerName->rows[0].fields[0]) == "WKS-WIN732BITA");
    CHECK(computerName->rows[0].source.keyPath == kComputerNameKey);
}

TEST_CASE("A newer artefacts run supersedes the one before: only its tables arrive", "[gui][artefacts]") {
    ArtefactsJob job;
    QSignalSpy finished(&job, &ArtefactsJob::finished);
    job.start(guitest::openHive(hivePath("regipy/SYSTEM")));
    job.start(guitest::openHive(hivePath("regipy/SAM")));
    REQUIRE(waitUntil([&] { return finished.count() == 1 && !job.isRunning(); }));
    QTest::qWait(100);  // a late delivery of the first run would come now
    REQUIRE(finished.count() == 1);
    CHECK(finished.front().front().value<ArtefactsOutcome>().kind == artefacts::HiveKind::Sam);

    // A cancelled run delivers nothing.
    job.start(guitest::openHive(hivePath("regipy/SYSTEM")));
    job.cancel();
    job.waitForFinished();
    QTest::qWait(100);
    CHECK(finished.count() == 1);
}

TEST_CASE("A double-click on an artefact row selects its key and value and shows the value's cell in hex",
          "[gui][artefacts]") {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    HiveView* view = openAndWait(window, hivePath("regipy/SYSTEM"));
    ArtefactsDock* dock = showArtefacts(window);
    REQUIRE(dock->showTable(QStringLiteral("computername")));
    QTableView* table = dock->view();
    REQUIRE(table->model()->rowCount() == 1);
    CHECK(table->model()->index(0, 0).data().toString() == QStringLiteral("WKS-WIN732BITA"));

    const QRect cell = table->visualRect(table->model()->index(0, 0));
    REQUIRE(cell.isValid());
    QSignalSpy row(dock, &ArtefactsDock::rowActivated);
    // An item view takes a double-click on the index its press chose.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    CHECK(row.count() == 1);
    CHECK(view->currentKeyPath() == QString::fromLatin1(kComputerNameKey));
    CHECK(view->currentValueName() == QStringLiteral("ComputerName"));
    CHECK(view->lowerTabs()->currentWidget() == view->hexPage());
    // The value cell the row names is the one the tab selected.
    CHECK(view->currentValueOffset() == dock->model()->rowAt(0).source.valueOffset);
}

TEST_CASE("Artefact exports equal hivectl artefacts --csv and --json", "[gui][artefacts]") {
    TempDir dir;
    const std::string hive = absolute(hivePath("regipy/SYSTEM"));
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    openAndWait(window, hive);
    ArtefactsDock* dock = showArtefacts(window);
    REQUIRE(dock->showTable(QStringLiteral("computername")));

    QString error;
    REQUIRE(dock->exportCsv(qpath(dir.file("computername.csv")), &error));
    const ProcessResult csv = hivectl({"artefacts", hive, "computername", "--csv"});
    REQUIRE(csv.exitCode == 0);
    CHECK(readText(dir.file("computername.csv")) == csv.out);
    CHECK(csv.out.find("WKS-WIN732BITA") != std::string::npos);

    REQUIRE(dock->exportJson(qpath(dir.file("artefacts.json")), &error));
    const ProcessResult json = hivectl({"artefacts", hive, "--json"});
    REQUIRE(json.exitCode == 0);
    CHECK(readText(dir.file("artefacts.json")) == json.out);

    // A file that cannot be written is refused with the reason.
    CHECK_FALSE(dock->exportCsv(qpath(dir.file("no-such-dir/x.csv")), &error));
    CHECK_FALSE(error.isEmpty());
}

TEST_CASE("Copy Rows in the Artefacts view puts the selected rows on the clipboard", "[gui][artefacts]") {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    openAndWait(window, hivePath("regipy/SYSTEM"));
    ArtefactsDock* dock = showArtefacts(window);
    REQUIRE(dock->showTable(QStringLiteral("computername")));
    CHECK(dock->selectedRowsText().isNull());
    dock->view()->selectAll();
    const QString text = dock->selectedRowsText();
    CHECK(text == QStringLiteral("Computer name\tControl set\tLast write\tKey\tValue\tNote\n"
                                 "WKS-WIN732BITA\tControlSet001\t2010-11-10T17:18:08.7187500Z\t") +
                      QString::fromLatin1(kComputerNameKey) + QStringLiteral("\tComputerName\t\n"));
    QApplication::clipboard()->clear();
    dock->view()->setFocus();
    QTest::keyClick(dock->view(), Qt::Key_C, Qt::ControlModifier);
    CHECK(QApplication::clipboard()->text() == text);
}

TEST_CASE("The Artefacts view filters the shown table and says how many rows are left", "[gui][artefacts]") {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    openAndWait(window, hivePath("regipy/SYSTEM"));
    ArtefactsDock* dock = showArtefacts(window);
    REQUIRE(dock->showTable(QStringLiteral("computername")));
    dock->filterEdit()->setText(QStringLiteral("no such text"));
    CHECK(dock->view()->model()->rowCount() == 0);
    // (The tests run without a translator: English plurals show as "(s)".)
    CHECK(dock->statusText().contains(QStringLiteral("0 of 1 row(s) shown")));
    dock->filterEdit()->setText(QStringLiteral("wks-win7"));
    CHECK(dock->view()->model()->rowCount() == 1);
}

TEST_CASE("A computer name that is not a string gives an artefact row with a note in the view", "[gui][artefacts]") {
    // A copy of regipy/SYSTEM whose ComputerName value was rewritten as a
    // DWORD by hivectl: the decoder keeps the row and says why it is short.
    TempDir dir;
    const std::string hive = copyFile(hivePath("regipy/SYSTEM"), dir.file("SYSTEM"));
    REQUIRE(hivectl({"set", hive, kComputerNameKey, "ComputerName", "--type", "REG_DWORD", "--data", "7"}).exitCode ==
            0);
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    openAndWait(window, hive);
    ArtefactsDock* dock = showArtefacts(window);
    REQUIRE(dock->showTable(QStringLiteral("computername")));
    REQUIRE(dock->model()->rowCount() == 1);
    const QModelIndex first = dock->model()->index(0, 0);
    CHECK(first.data().toString().isEmpty());
    const QString note = first.data(ArtefactTableModel::NoteRole).toString();
    CHECK_FALSE(note.isEmpty());
    CHECK(first.data(Qt::ToolTipRole).toString().contains(note));
    CHECK_FALSE(first.data(Qt::DecorationRole).value<QIcon>().isNull());
    CHECK(dock->statusText().contains(QStringLiteral("1 row(s) with a note")));
}

TEST_CASE("The Artefacts view of regipy/NTUSER.DAT lists the decoders that apply or says that none does",
          "[gui][artefacts]") {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    openAndWait(window, hivePath("regipy/NTUSER.DAT"));
    ArtefactsDock* dock = showArtefacts(window);
    CHECK(dock->hiveKind() == artefacts::HiveKind::NtUser);
    const auto expected = artefacts::decodersFor(artefacts::HiveKind::NtUser);
    CHECK(dock->tables().size() == expected.size());
    CHECK(dock->tableBox()->count() == static_cast<int>(expected.size()));
    if (expected.empty()) {
        CHECK(dock->emptyText().contains(QStringLiteral("no artefact decoders for NTUSER.DAT hives yet")));
        CHECK_FALSE(dock->tableBox()->isEnabled());
    } else {
        CHECK(dock->emptyText().isEmpty());
        CHECK(dock->view()->isVisible());
    }
}

TEST_CASE("The Artefacts view follows the current tab and forgets a closed one", "[gui][artefacts]") {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    openAndWait(window, hivePath("regipy/SYSTEM"));
    ArtefactsDock* dock = showArtefacts(window);
    CHECK(dock->hiveKind() == artefacts::HiveKind::System);
    openAndWait(window, hivePath("regipy/SAM"));
    REQUIRE(waitUntil([&] { return !dock->isRunning() && dock->hiveKind() == artefacts::HiveKind::Sam; }));
    window.tabs()->setCurrentIndex(0);
    REQUIRE(waitUntil([&] { return !dock->isRunning() && dock->hiveKind() == artefacts::HiveKind::System; }));
    while (window.tabs()->count() > 0) emit window.tabs()->tabCloseRequested(0);
    CHECK(dock->tables().empty());
    CHECK(dock->emptyText() == QStringLiteral("Open a hive to see its artefacts."));
}

TEST_CASE("The Artefacts view decodes a dirty hive as the tab shows it with its logs replayed or the primary as it is",
          "[gui][artefacts]") {
    TempDir dir;
    for (const char* f : {"UsrClass.dat", "UsrClass.dat.LOG1", "UsrClass.dat.LOG2"})
        copyFile(hivePath(std::string("regipy/") + f), dir.file(f));
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    HiveView* view = openAndWait(window, dir.file("UsrClass.dat"));
    ArtefactsDock* dock = showArtefacts(window);
    REQUIRE(dock->decodedHive() == view->document()->hive());
    CHECK(dock->decodedHive()->recovery().wasDirty);
    CHECK(dock->decodedHive()->recovery().logsConsidered);
    CHECK(dock->hiveKind() == artefacts::HiveKind::UsrClass);

    // "Show Primary File Without Logs": the tab reopens, the view decodes again.
    window.withoutLogsAction()->trigger();
    REQUIRE(waitUntil([&] {
        return view->isLoaded() && !dock->isRunning() && dock->decodedHive() == view->document()->hive() &&
               !dock->decodedHive()->recovery().logsConsidered;
    }));
    CHECK(dock->hiveKind() == artefacts::HiveKind::UsrClass);
}
