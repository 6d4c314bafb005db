// Search results as a user keeps them: copied (Ctrl+C, one column from the
// context menu), exported as RFC 4180 CSV, continued past the hit limit
// without repeats, and kept per tab.
#include <catch2/catch.hpp>

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGuiApplication>
#include <QLocale>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <tuple>

#include "GuiTestSupport.h"
#include "app/MainWindow.h"
#include "document/HiveView.h"
#include "search/SearchDock.h"
#include "search/SearchJob.h"
#include "search/SearchResultsModel.h"
#include "support/TestSupport.h"

using namespace hivekit::gui;
using guitest::qpath;
using guitest::waitUntil;

namespace {

SearchHit keyHit(const QString& path, const QString& context, uint32_t nk) {
    SearchHit h;
    h.where = SearchHit::Where::KeyName;
    h.keyPath = path;
    h.keyOffset = nk;
    h.context = context;
    return h;
}

SearchHit valueHit(SearchHit::Where where, const QString& path, const QString& name, const QString& context,
                   uint32_t nk, uint32_t vk) {
    SearchHit h;
    h.where = where;
    h.keyPath = path;
    h.valueName = name;
    h.keyOffset = nk;
    h.valueOffset = vk;
    h.context = context;
    return h;
}

/// Hits with what CSV and pasting must survive: commas, quotes, line
/// breaks, tabs, non-ASCII, the root key and the default value.
QList<SearchHit> awkwardHits() {
    return {keyHit(QStringLiteral("ControlSet001\\Services\\Tcpip"), QStringLiteral("Tcpip"), 0x1020),
            valueHit(SearchHit::Where::ValueName, QStringLiteral("Software\\A,B"), QStringLiteral("Say \"hi\""),
                     QStringLiteral("Say \"hi\""), 0x2000, 0x2100),
            valueHit(SearchHit::Where::ValueData, QStringLiteral("Software\\Caf\u00e9"), QString(),
                     QStringLiteral("line one\nline\ttwo"), 0x3000, 0x3188),
            keyHit(QString(), QStringLiteral("ROOT"), 0x20)};
}

/// The (key, value, where) of every hit listed, which a repeat would share.
using HitId = std::tuple<uint32_t, uint32_t, int, QString>;

}  // namespace

TEST_CASE("Search hits copy as tab-separated rows exactly as the table shows them", "[gui][search][results]") {
    SearchResultsModel model;
    model.append(awkwardHits());
    CHECK(model.rowsAsText({0, 1, 2, 3}) ==
          QStringLiteral("ControlSet001\\Services\\Tcpip\tKey name\t\tTcpip\n"
                         "Software\\A,B\tValue name\tSay \"hi\"\tSay \"hi\"\n"
                         "Software\\Caf\u00e9\tValue data\t(Default)\tline one line two\n"
                         "(root key)\tKey name\t\tROOT\n"));
    CHECK(model.columnAsText({2, 0}, SearchResultsModel::KeyColumn) ==
          QStringLiteral("Software\\Caf\u00e9\nControlSet001\\Services\\Tcpip\n"));
    CHECK(model.columnAsText({1, 2}, SearchResultsModel::ValueColumn) == QStringLiteral("Say \"hi\"\n(Default)\n"));
    CHECK(model.columnAsText({2}, SearchResultsModel::ContextColumn) == QStringLiteral("line one line two\n"));
}

TEST_CASE("Search hits export as RFC 4180 CSV in UTF-8 with CRLF line ends", "[gui][search][results]") {
    SearchResultsModel model;
    model.append(awkwardHits());
    const QByteArray expected = QStringLiteral(
                                    "key_path,found_in,value_name,match,key_cell,value_cell\r\n"
                                    "ControlSet001\\Services\\Tcpip,key_name,,Tcpip,0x1020,\r\n"
                                    "\"Software\\A,B\",value_name,\"Say \"\"hi\"\"\",\"Say \"\"hi\"\"\",0x2000,0x2100\r\n"
                                    "Software\\Caf\u00e9,value_data,,\"line one\nline\ttwo\",0x3000,0x3188\r\n"
                                    ",key_name,,ROOT,0x20,\r\n")
                                    .toUtf8();
    CHECK(model.toCsv() == expected);
    // UTF-8: é is two bytes.
    CHECK(model.toCsv().contains(QByteArray("Caf\xc3\xa9")));

    SearchDock dock;
    dock.results()->append(awkwardHits());
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("hits.csv"));
    QString error;
    REQUIRE(dock.exportCsv(file, &error));
    QFile in(file);
    REQUIRE(in.open(QIODevice::ReadOnly));
    CHECK(in.readAll() == expected);
    // A file that cannot be written says so.
    CHECK_FALSE(dock.exportCsv(dir.filePath(QStringLiteral("no/such/folder/hits.csv")), &error));
    CHECK(error.contains(QStringLiteral("hits.csv")));
}

TEST_CASE("Ctrl+C in the search results copies the selected hits of a real search", "[gui][search][results]") {
    auto hive = guitest::openHive(testsupport::hivePath("regipy/SYSTEM"));
    SearchDock dock;
    SearchQuery q;
    q.text = QStringLiteral("Tcpip");
    q.mode = SearchQuery::Mode::WholeWord;
    q.valueNames = false;
    q.valueData = false;
    dock.setQuery(q);
    QWidget target;
    dock.show();
    QSignalSpy finished(dock.job(), &SearchJob::finished);
    dock.search(hive, &target);
    REQUIRE(waitUntil([&] { return finished.count() == 1; }));
    REQUIRE(dock.results()->rowCount() >= 3);
    CHECK(dock.statusText().startsWith(QLocale().toString(dock.results()->rowCount()) + QStringLiteral(" hit")));

    QTreeView* view = dock.resultsView();
    view->setFocus();
    view->selectionModel()->select(dock.results()->index(0, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(dock.results()->index(2, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    const SearchHit& first = dock.results()->hit(0);
    const SearchHit& third = dock.results()->hit(2);
    CHECK(QGuiApplication::clipboard()->text() ==
          first.keyPath + QStringLiteral("\tKey name\t\t") + first.context + QLatin1Char('\n') + third.keyPath +
              QStringLiteral("\tKey name\t\t") + third.context + QLatin1Char('\n'));
    dock.copySelectedColumn(SearchResultsModel::KeyColumn);
    CHECK(QGuiApplication::clipboard()->text() == first.keyPath + QLatin1Char('\n') + third.keyPath + QLatin1Char('\n'));
}

TEST_CASE("Show more continues the search where it stopped, with no hit listed twice", "[gui][search][results]") {
    auto hive = guitest::openHive(testsupport::hivePath("regipy/SYSTEM"));
    SearchDock dock;
    SearchQuery q;
    q.text = QStringLiteral("service");
    dock.setQuery(q);
    dock.setHitLimit(25);
    QWidget target;
    QSignalSpy finished(dock.job(), &SearchJob::finished);
    dock.search(hive, &target);
    REQUIRE(waitUntil([&] { return finished.count() == 1; }));
    REQUIRE(dock.results()->rowCount() == 25);
    std::vector<HitId> firstPage;
    for (int row = 0; row < 25; ++row) {
        const SearchHit& h = dock.results()->hit(row);
        firstPage.emplace_back(h.keyOffset, h.valueOffset, static_cast<int>(h.where), h.context);
    }
    int pages = 1;
    while (dock.moreButton()->isVisibleTo(&dock)) {
        const int before = finished.count();
        dock.moreButton()->click();
        REQUIRE(waitUntil([&] { return finished.count() == before + 1; }));
        ++pages;
    }
    CHECK(pages > 3);
    // The first page stays as it was, and no hit comes twice.
    QSet<QString> seen;
    for (int row = 0; row < dock.results()->rowCount(); ++row) {
        const SearchHit& h = dock.results()->hit(row);
        if (row < 25) CHECK(firstPage[static_cast<size_t>(row)] == HitId(h.keyOffset, h.valueOffset, static_cast<int>(h.where), h.context));
        const QString id = QStringLiteral("%1/%2/%3/%4").arg(h.keyOffset).arg(h.valueOffset).arg(static_cast<int>(h.where)).arg(h.context);
        CHECK_FALSE(seen.contains(id));
        seen.insert(id);
    }
    CHECK_FALSE(dock.statusText().contains(QStringLiteral("limit")));
}

TEST_CASE("Hex-bytes mode disables Match case and the name boxes, other modes enable them", "[gui][search][results]") {
    SearchDock dock;
    QComboBox* mode = dock.findChild<QComboBox*>();
    REQUIRE(mode);
    QCheckBox* matchCase = nullptr;
    QCheckBox* keyNames = nullptr;
    QCheckBox* valueNames = nullptr;
    for (QCheckBox* box : dock.findChildren<QCheckBox*>()) {
        if (box->text() == QStringLiteral("Match case")) matchCase = box;
        if (box->text() == QStringLiteral("Key names")) keyNames = box;
        if (box->text() == QStringLiteral("Value names")) valueNames = box;
    }
    REQUIRE(matchCase);
    REQUIRE(keyNames);
    REQUIRE(valueNames);
    mode->setCurrentIndex(mode->findData(static_cast<int>(SearchQuery::Mode::HexBytes)));
    CHECK_FALSE(matchCase->isEnabled());
    CHECK_FALSE(keyNames->isEnabled());
    CHECK_FALSE(valueNames->isEnabled());
    mode->setCurrentIndex(mode->findData(static_cast<int>(SearchQuery::Mode::Regex)));
    CHECK(matchCase->isEnabled());
    CHECK(keyNames->isEnabled());
    CHECK(valueNames->isEnabled());
}

TEST_CASE("Each hive tab keeps its own search results and status", "[gui][search][results]") {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    HiveView* system = guitest::openAndWait(window, testsupport::hivePath("regipy/SYSTEM"));
    SearchDock* dock = window.searchDock();

    SearchQuery q;
    q.text = QStringLiteral("Tcpip");
    q.mode = SearchQuery::Mode::WholeWord;
    dock->setQuery(q);
    {
        QSignalSpy finished(dock->job(), &SearchJob::finished);
        window.startSearch();
        REQUIRE(waitUntil([&] { return finished.count() == 1; }, 60000));
    }
    const int systemHits = dock->results()->rowCount();
    REQUIRE(systemHits > 0);
    const QString systemStatus = dock->statusText();
    const QString systemFirst = dock->results()->hit(0).keyPath;

    HiveView* sam = guitest::openAndWait(window, testsupport::hivePath("regipy/SAM"));
    REQUIRE(window.currentView() == sam);
    // A new tab starts with no results and no status.
    CHECK(dock->results()->rowCount() == 0);
    CHECK(dock->statusText().isEmpty());
    CHECK_FALSE(dock->moreButton()->isVisibleTo(dock));

    q.text = QStringLiteral("Users");
    q.mode = SearchQuery::Mode::Plain;
    dock->setQuery(q);
    {
        QSignalSpy finished(dock->job(), &SearchJob::finished);
        window.startSearch();
        REQUIRE(waitUntil([&] { return finished.count() == 1; }, 60000));
    }
    const int samHits = dock->results()->rowCount();
    REQUIRE(samHits > 0);
    const QString samStatus = dock->statusText();
    CHECK(dock->results()->hit(0).keyPath.contains(QStringLiteral("Users")));

    // Back to SYSTEM: its hits and status, as they were.
    QTabWidget* tabs = window.tabs();
    tabs->setCurrentWidget(system);
    CHECK(dock->results()->rowCount() == systemHits);
    CHECK(dock->results()->hit(0).keyPath == systemFirst);
    CHECK(dock->statusText() == systemStatus);
    CHECK(dock->resultsView()->model() == dock->results());
    // A hit still leads into its own tab.
    QSignalSpy activated(dock, &SearchDock::hitActivated);
    REQUIRE(dock->showNeighbourHit(1));
    REQUIRE(activated.count() == 1);
    CHECK(activated.front().front().value<QWidget*>() == system);

    tabs->setCurrentWidget(sam);
    CHECK(dock->results()->rowCount() == samHits);
    CHECK(dock->statusText() == samStatus);

    // Closing a tab forgets its search; the other keeps its own.
    tabs->setCurrentWidget(system);
    emit tabs->tabCloseRequested(tabs->indexOf(sam));
    REQUIRE(waitUntil([&] { return tabs->count() == 1; }));
    CHECK(dock->results()->rowCount() == systemHits);
}
