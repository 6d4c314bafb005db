// The main window: tabs, status bar, copy, go to path, bookmarks, recent
// files, drag and drop, dirty and damaged hives, state kept between runs.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QUrl>

#include "app/BookmarkStore.h"
#include "browse/DetailsPane.h"
#include "problems/DiagnosticsDock.h"
#include "problems/DiagnosticsModel.h"
#include "GuiTestSupport.h"
#include "document/HiveDocument.h"
#include "index/Index.h"
#include "document/HiveView.h"
#include "browse/KeyTreeModel.h"
#include "app/MainWindow.h"
#include "app/RecentFiles.h"
#include "document/RecoveryBanner.h"
#include "search/SearchDock.h"
#include "search/SearchJob.h"
#include "search/SearchResultsModel.h"
#include "browse/ValueTableModel.h"
#include "support/TestSupport.h"

using namespace hivekit::gui;
using namespace testsupport;
using guitest::qpath;
using guitest::openAndWait;
using guitest::waitUntil;

namespace {

int rowOfValue(HiveView* view, const QString& name) {
    QAbstractItemModel* m = view->valueTable()->model();
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, 0).data().toString() == name) return r;
    return -1;
}

}  // namespace

TEST_CASE("Opening a hive shows its root at once, selected, with the path in the status bar", "[gui][window]") {
    MainWindow window;
    window.show();
    HiveView* view = window.openFile(qpath(hivePath("regipy/SYSTEM")));
    // The file is opened on a worker thread: openFile returns before it is loaded.
    CHECK_FALSE(view->isLoaded());
    REQUIRE(waitUntil([&] { return view->isLoaded(); }));
    const QModelIndex root = view->keyModel()->rootIndex();
    CHECK(view->keyTree()->currentIndex() == root);
    CHECK(view->keyTree()->isExpanded(root));
    CHECK(view->keyModel()->rowCount(root) == 8);
    CHECK(window.statusPath() == QStringLiteral("(root key)"));
    CHECK(window.windowTitle().contains(QStringLiteral("SYSTEM")));

    REQUIRE(window.goToPath(QStringLiteral("ControlSet001\\services\\Tcpip")));
    CHECK(window.statusPath() == QStringLiteral("ControlSet001\\services\\Tcpip"));
    CHECK(view->valueModel()->rowCount() == 11);
    CHECK(view->details()->toPlainText().contains(QStringLiteral("Last written")));
    CHECK_FALSE(window.goToPath(QStringLiteral("ControlSet001\\NoSuchKey")));
    CHECK(window.statusPath() == QStringLiteral("ControlSet001\\services\\Tcpip"));
}

TEST_CASE("Go to key takes any letter case and the root key's name and names the missing key", "[gui][window]") {
    MainWindow window;
    HiveView* view = openAndWait(window, hivePath("regipy/SYSTEM"));
    const uint32_t tcpip = *hivekit::Index(*view->hive()).findKey("ControlSet001\\services\\Tcpip");
    REQUIRE(view->goToPath(QStringLiteral("\\controlset001\\SERVICES\\tcpip")));
    CHECK(view->currentKeyOffset() == tcpip);
    view->keyTree()->setCurrentIndex(view->keyModel()->rootIndex());
    const QString rootName = QString::fromStdString(view->hive()->keyNode(view->hive()->rootOffset())->nameUtf8());
    REQUIRE(view->goToPath(rootName + QStringLiteral("\\ControlSet001\\services\\Tcpip ")));
    CHECK(view->currentKeyOffset() == tcpip);
    // Values by name as Windows compares them.
    REQUIRE(view->selectValueByName(QStringLiteral("IMAGEPATH")));
    CHECK(view->currentValueName() == QStringLiteral("ImagePath"));
    CHECK_FALSE(view->selectValueByName(QStringLiteral("NoSuchValue")));
    QString error;
    CHECK_FALSE(view->goToPath(QStringLiteral("ControlSet001\\NoSuchKey\\Below"), &error));
    CHECK(error == QStringLiteral("no such key: \"ControlSet001\\NoSuchKey\\Below\" "
                                  "(\"ControlSet001\" has no subkey \"NoSuchKey\")"));
    CHECK(view->currentKeyOffset() == tcpip);
}

TEST_CASE("Copy key path, copy value and copy data put the selection on the clipboard", "[gui][window]") {
    MainWindow window;
    HiveView* view = openAndWait(window, hivePath("regipy/SYSTEM"));
    REQUIRE(view->goToPath(QStringLiteral("ControlSet001\\services\\Tcpip")));
    window.copyKeyPathAction()->trigger();
    CHECK(QApplication::clipboard()->text() == QStringLiteral("ControlSet001\\services\\Tcpip"));

    const int row = rowOfValue(view, QStringLiteral("ImagePath"));
    REQUIRE(row >= 0);
    view->valueTable()->selectRow(row);
    window.copyDataAction()->trigger();
    CHECK(QApplication::clipboard()->text() == QStringLiteral("System32\\drivers\\tcpip.sys"));
    window.copyValueAction()->trigger();
    CHECK(QApplication::clipboard()->text() == QStringLiteral("ImagePath\tREG_EXPAND_SZ\tSystem32\\drivers\\tcpip.sys"));
    // Selecting a value shows it in the details.
    CHECK(view->details()->toPlainText().contains(QStringLiteral("REG_EXPAND_SZ")));
    CHECK(view->details()->toPlainText().contains(QStringLiteral("System32\\drivers\\tcpip.sys")));
}

TEST_CASE("Key details show the last-write time, class, counts, offset and the security descriptor", "[gui][window]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    auto chain = hivekit::Index(*hive).findKeyChain("ControlSet001\\services\\Tcpip");
    REQUIRE(chain);
    DetailsPane pane;
    pane.showKey(*hive, chain->back(), QStringLiteral("ControlSet001\\services\\Tcpip"));
    const QString text = pane.toPlainText();
    CHECK(text.contains(QStringLiteral("Last written")));
    CHECK(text.contains(QStringLiteral(" UTC")));
    CHECK(text.contains(QStringLiteral("Class name")));
    CHECK(text.contains(QStringLiteral("Subkeys")));
    CHECK(text.contains(QStringLiteral("0x%1").arg(chain->back() + 0x1000, 0, 16)));
    CHECK(text.contains(QStringLiteral("SDDL")));
    CHECK(text.contains(QStringLiteral("O:")));
    CHECK(text.contains(QStringLiteral("D:")));
    CHECK(text.contains(QStringLiteral("Owner")));
    CHECK(text.contains(QStringLiteral("Allow")));

    QSignalSpy offsets(&pane, &DetailsPane::offsetActivated);
    emit pane.anchorClicked(QUrl(QStringLiteral("offset:4128")));
    REQUIRE(offsets.count() == 1);
    CHECK(offsets.at(0).at(0).toULongLong() == 4128);
}

TEST_CASE("Several hives open in tabs, and opening one again shows its tab", "[gui][window]") {
    MainWindow window;
    HiveView* a = openAndWait(window, hivePath("regipy/SYSTEM"));
    HiveView* b = openAndWait(window, hivePath("regipy/NTUSER.DAT"));
    CHECK(window.tabs()->count() == 2);
    CHECK(window.currentView() == b);
    CHECK(window.openFile(qpath(hivePath("regipy/SYSTEM"))) == a);
    CHECK(window.tabs()->count() == 2);
    CHECK(window.currentView() == a);
    // The recent files list has both, newest first.
    const QStringList recent = RecentFiles::files();
    REQUIRE(recent.size() >= 2);
    CHECK(recent.at(0).endsWith(QStringLiteral("NTUSER.DAT")));
    CHECK(recent.at(1).endsWith(QStringLiteral("SYSTEM")));
}

TEST_CASE("Dropping hive files on the window opens them", "[gui][window]") {
    MainWindow window;
    window.show();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(qpath(hivePath("ez/SAM"))), QUrl::fromLocalFile(qpath(hivePath("regipy/BCD")))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    CHECK(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    CHECK(window.tabs()->count() == 2);
    CHECK(window.tabs()->tabText(0) == QStringLiteral("SAM"));
    CHECK(window.tabs()->tabText(1) == QStringLiteral("BCD"));
}

TEST_CASE("Bookmarks are kept per hive file and lead back to the key", "[gui][window]") {
    const QString system = qpath(hivePath("regipy/SYSTEM"));
    const QString ntuser = qpath(hivePath("regipy/NTUSER.DAT"));
    BookmarkStore::remove(system, QStringLiteral("ControlSet001\\services\\Tcpip"));
    {
        MainWindow window;
        HiveView* view = openAndWait(window, hivePath("regipy/SYSTEM"));
        REQUIRE(view->goToPath(QStringLiteral("ControlSet001\\services\\Tcpip")));
        const auto actions = window.findChildren<QAction*>();
        QAction* add = nullptr;
        for (QAction* a : actions)
            if (a->text() == QStringLiteral("&Bookmark This Key")) add = a;
        REQUIRE(add);
        add->trigger();
    }
    CHECK(BookmarkStore::bookmarks(system).contains(QStringLiteral("ControlSet001\\services\\Tcpip")));
    CHECK_FALSE(BookmarkStore::bookmarks(ntuser).contains(QStringLiteral("ControlSet001\\services\\Tcpip")));
    // Keyed by the file, whatever the spelling of its path.
    CHECK(BookmarkStore::contains(QFileInfo(system).absolutePath() + QStringLiteral("/../regipy/./SYSTEM"),
                                  QStringLiteral("ControlSet001\\services\\Tcpip")));

    MainWindow again;
    HiveView* view = openAndWait(again, hivePath("regipy/SYSTEM"));
    CHECK(again.goToPath(BookmarkStore::bookmarks(system).front()));
    CHECK(view->currentKeyPath() == QStringLiteral("ControlSet001\\services\\Tcpip"));
    BookmarkStore::remove(system, QStringLiteral("ControlSet001\\services\\Tcpip"));
    CHECK_FALSE(BookmarkStore::contains(system, QStringLiteral("ControlSet001\\services\\Tcpip")));
}

TEST_CASE("A dirty hive shows a banner naming the replayed logs, and a switch to the primary file without them", "[gui][window]") {
    TempDir dir;
    for (const char* f : {"UsrClass.dat", "UsrClass.dat.LOG1", "UsrClass.dat.LOG2"})
        copyFile(hivePath(std::string("regipy/") + f), dir.file(f));
    MainWindow window;
    window.show();
    HiveView* view = openAndWait(window, dir.file("UsrClass.dat"));
    CHECK(view->banner()->isVisible());
    CHECK(view->hive()->recovery().recovered);
    CHECK(view->banner()->text().contains(QStringLiteral("replayed")));
    CHECK(view->banner()->text().contains(QStringLiteral("LOG1")));
    CHECK(window.withoutLogsAction()->isEnabled());
    CHECK_FALSE(window.withoutLogsAction()->isChecked());

    view->banner()->switchButton()->click();
    REQUIRE(waitUntil([&] { return view->isLoaded() && !view->hive()->recovery().logsConsidered; }));
    CHECK(view->banner()->isVisible());
    CHECK(view->banner()->text().contains(QStringLiteral("without")));
    CHECK(window.withoutLogsAction()->isChecked());
    CHECK(view->keyModel()->rootIndex().isValid());

    window.withoutLogsAction()->trigger();  // back to the recovered state
    REQUIRE(waitUntil([&] { return view->isLoaded() && view->hive()->recovery().logsConsidered; }));
    CHECK(view->hive()->recovery().recovered);
}

TEST_CASE("A dirty hive without logs says that no logs were found", "[gui][window]") {
    TempDir dir;
    copyFile(hivePath("regipy/NTUSER_with_winscp.DAT"), dir.file("NTUSER.DAT"));
    MainWindow window;
    window.show();
    HiveView* view = openAndWait(window, dir.file("NTUSER.DAT"));
    CHECK(view->banner()->isVisible());
    CHECK(view->banner()->text().contains(QStringLiteral("no usable transaction logs")));

    HiveView* clean = openAndWait(window, hivePath("regipy/SYSTEM"));
    CHECK_FALSE(clean->banner()->isVisible());
    CHECK_FALSE(window.withoutLogsAction()->isEnabled());
}

TEST_CASE("A damaged hive opens with its problems in the dock, and clicking one goes to its offset", "[gui][window]") {
    MainWindow window;
    window.show();
    HiveView* view = openAndWait(window, hivePath("regipy/corrupted_system_hive"));
    REQUIRE(waitUntil([&] { return view->document()->checkFinished(); }));
    DiagnosticsModel* problems = view->document()->diagnostics();
    REQUIRE(window.diagnosticsDock()->model() == problems);
    CHECK(problems->count(hivekit::Diagnostic::Severity::Error) > 0);
    bool mentionsBadBin = false;
    for (int r = 0; r < problems->rowCount(); ++r)
        mentionsBadBin |= problems->index(r, DiagnosticsModel::OffsetColumn).data().toString() == QStringLiteral("0x1a000");
    CHECK(mentionsBadBin);  // file offset 106496
    CHECK(view->keyModel()->rootIndex().isValid());

    QSignalSpy offsets(window.diagnosticsDock(), &DiagnosticsDock::offsetActivated);
    QTreeView* list = window.diagnosticsDock()->view();
    window.diagnosticsDock()->raise();
    QCoreApplication::processEvents();
    int row = -1;
    for (int r = 0; r < list->model()->rowCount() && row < 0; ++r)
        if (list->model()->index(r, 0).data(DiagnosticsModel::FileOffsetRole).isValid()) row = r;
    REQUIRE(row >= 0);
    const QModelIndex cell = list->model()->index(row, DiagnosticsModel::MessageColumn);
    list->scrollTo(cell);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(cell).center());
    REQUIRE(offsets.count() == 1);
    CHECK(offsets.at(0).at(0).toULongLong() == cell.data(DiagnosticsModel::FileOffsetRole).toULongLong());
}

TEST_CASE("A file that is not a hive opens as a tab that says why", "[gui][window]") {
    MainWindow window;
    HiveView* view = window.openFile(qpath(hivePath("ez/NotAHive")));
    QSignalSpy failed(view, &HiveView::loadFailed);
    REQUIRE(waitUntil([&] { return failed.count() == 1; }));
    CHECK(failed.at(0).at(0).toString().contains(QStringLiteral("not a hive")));
    CHECK_FALSE(view->isLoaded());
}

TEST_CASE("Splitter positions and the window's state are saved and restored", "[gui][window]") {
    QList<int> sizes;
    {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        HiveView* view = openAndWait(window, hivePath("regipy/SYSTEM"));
        auto* splitter = view->findChild<QSplitter*>(QStringLiteral("mainSplitter"));
        REQUIRE(splitter);
        splitter->setSizes({500, 700});
        sizes = splitter->sizes();
        view->saveLayout();
        window.close();
    }
    QSettings settings;
    CHECK(settings.contains(QStringLiteral("window/geometry")));
    CHECK(settings.contains(QStringLiteral("window/state")));
    CHECK(settings.contains(QStringLiteral("layout/mainSplitter")));
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    HiveView* view = openAndWait(window, hivePath("regipy/SYSTEM"));
    CHECK(view->findChild<QSplitter*>(QStringLiteral("mainSplitter"))->sizes() == sizes);
}

TEST_CASE("Clicking a search hit selects its key, and its value for a value hit", "[gui][window]") {
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    HiveView* view = openAndWait(window, hivePath("regipy/SYSTEM"));
    SearchQuery q;
    q.text = QStringLiteral("drivers\\tcpip.sys");
    window.searchDock()->setQuery(q);
    QSignalSpy finished(window.searchDock()->job(), &SearchJob::finished);
    window.startSearch();
    REQUIRE(waitUntil([&] { return finished.count() == 1; }, 60000));
    SearchResultsModel* results = window.searchDock()->results();
    int row = -1;
    for (int r = 0; r < results->rowCount() && row < 0; ++r)
        if (results->hit(r).keyPath == QStringLiteral("ControlSet001\\services\\Tcpip")) row = r;
    REQUIRE(row >= 0);
    QTreeView* list = window.searchDock()->resultsView();
    const QModelIndex cell = results->index(row, SearchResultsModel::KeyColumn);
    list->scrollTo(cell);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(cell).center());
    CHECK(view->currentKeyPath() == QStringLiteral("ControlSet001\\services\\Tcpip"));
    CHECK(view->currentValueOffset() == results->hit(row).valueOffset);
    CHECK(view->valueTable()->selectionModel()->currentIndex().data().toString() == QStringLiteral("ImagePath"));
    CHECK(window.statusPath() == QStringLiteral("ControlSet001\\services\\Tcpip"));
}

TEST_CASE("The welcome page offers to open a hive and lists the recent files", "[gui][window]") {
    RecentFiles::add(qpath(hivePath("regipy/SYSTEM")));
    MainWindow window;
    window.resize(1000, 700);
    window.show();
    QCoreApplication::processEvents();
    QWidget* welcome = window.findChild<QWidget*>(QStringLiteral("welcomePage"));
    REQUIRE(welcome);
    CHECK(welcome->isVisible());
    bool openButton = false;
    for (QPushButton* b : welcome->findChildren<QPushButton*>()) openButton |= b->text().contains(QStringLiteral("Open"));
    CHECK(openButton);
    bool listsSystem = false;
    for (QLabel* l : welcome->findChildren<QLabel*>()) listsSystem |= l->text().contains(QStringLiteral(">SYSTEM<"));
    CHECK(listsSystem);
    REQUIRE(window.grab().save(QDir(QDir::tempPath()).filePath(QStringLiteral("hivekit-welcome.png"))));
    // Closing the last tab brings the welcome page back.
    HiveView* view = openAndWait(window, hivePath("regipy/SYSTEM"));
    CHECK_FALSE(welcome->isVisible());
    window.tabs()->tabCloseRequested(window.tabs()->indexOf(view));
    CHECK(window.tabs()->count() == 0);
    CHECK(welcome->isVisible());
}
