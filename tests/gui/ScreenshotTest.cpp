// A screenshot of the main window with a real hive: saved as a PNG (to look
// at) and checked for non-trivial content.
#include <catch2/catch.hpp>

#include <QDir>
#include <QElapsedTimer>
#include <QTabWidget>
#include <QImage>
#include <QPixmap>
#include <QSet>
#include <QTableView>
#include <QTreeView>

#include "GuiTestSupport.h"
#include "document/HiveDocument.h"
#include "document/HiveView.h"
#include "problems/DiagnosticsDock.h"
#include "document/RecoveryBanner.h"
#include "browse/KeyTreeModel.h"
#include "deleted/DeletedDock.h"
#include "deleted/DeletedModel.h"
#include "artefacts/ArtefactsDock.h"
#include "artefacts/Artefact.h"
#include <QComboBox>
#include "app/MainWindow.h"
#include "search/SearchDock.h"
#include "search/SearchJob.h"
#include "support/TestSupport.h"

#include <QSignalSpy>

using namespace hivekit::gui;
using namespace testsupport;
using guitest::qpath;
using guitest::waitUntil;

namespace {

int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

/// The share of pixels that differ from the most common one (the background).
double inkShare(const QImage& image) {
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) ++counts[image.pixel(x, y)];
    int most = 0;
    for (int c : counts) most = std::max(most, c);
    const int all = image.width() * image.height();
    return all ? double(all - most) / all : 0.0;
}

}  // namespace

TEST_CASE("A screenshot of the main window with regipy/SYSTEM shows the tree, the values and the details", "[gui][screenshot]") {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    HiveView* view = window.openFile(qpath(hivePath("regipy/SYSTEM")));
    REQUIRE(waitUntil([&] { return view->isLoaded(); }));
    REQUIRE(view->goToPath(QStringLiteral("ControlSet001\\services\\Tcpip")));
    view->keyTree()->expand(view->keyTree()->currentIndex());
    view->valueTable()->selectRow(3);

    SearchQuery q;
    q.text = QStringLiteral("Tcpip");
    q.mode = SearchQuery::Mode::WholeWord;
    window.searchDock()->setQuery(q);
    QSignalSpy finished(window.searchDock()->job(), &SearchJob::finished);
    window.startSearch();
    REQUIRE(waitUntil([&] { return finished.count() == 1; }, 60000));
    REQUIRE(waitUntil([&] { return view->document()->checkFinished(); }, 60000));
    QCoreApplication::processEvents();

    const QImage shot = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QString file = QDir(QDir::tempPath()).filePath(QStringLiteral("hivekit-main-window.png"));
    REQUIRE(shot.save(file));
    INFO("screenshot: " << file.toStdString());
    CHECK(shot.width() == 1280);
    CHECK(shot.height() == 800);
    CHECK(distinctColours(shot) > 100);

    // The tree is on screen, with rows drawn in it.
    QTreeView* tree = view->keyTree();
    REQUIRE(tree->isVisible());
    CHECK(tree->width() > 150);
    CHECK(tree->visualRect(tree->currentIndex()).isValid());
    const QImage treeShot = tree->viewport()->grab().toImage();
    CHECK(inkShare(treeShot) > 0.02);
    CHECK(distinctColours(treeShot) > 20);
    // So is the value table.
    CHECK(view->valueTable()->isVisible());
    CHECK(inkShare(view->valueTable()->viewport()->grab().toImage()) > 0.02);
}

TEST_CASE("A screenshot of a dirty hive shows the recovery banner above the tree", "[gui][screenshot]") {
    TempDir dir;
    for (const char* f : {"UsrClass.dat", "UsrClass.dat.LOG1", "UsrClass.dat.LOG2"})
        copyFile(hivePath(std::string("regipy/") + f), dir.file(f));
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    HiveView* view = window.openFile(qpath(dir.file("UsrClass.dat")));
    REQUIRE(waitUntil([&] { return view->isLoaded() && view->document()->checkFinished(); }));
    QCoreApplication::processEvents();
    const QImage shot = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QString file = QDir(QDir::tempPath()).filePath(QStringLiteral("hivekit-dirty-hive.png"));
    REQUIRE(shot.save(file));
    // The banner's pale amber fills a band above the tree.
    int banner = 0;
    for (int y = 0; y < shot.height() / 3; ++y)
        for (int x = 0; x < shot.width(); ++x) banner += shot.pixel(x, y) == qRgb(0xff, 0xf4, 0xd6) ? 1 : 0;
    CHECK(banner > 1280 * 20);
    CHECK(view->banner()->geometry().bottom() < view->keyTree()->mapTo(view, QPoint(0, 0)).y());
}

TEST_CASE("A screenshot of a damaged hive shows its problems in the dock", "[gui][screenshot]") {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    HiveView* view = window.openFile(qpath(hivePath("regipy/corrupted_system_hive")));
    REQUIRE(waitUntil([&] { return view->isLoaded() && view->document()->checkFinished(); }));
    QCoreApplication::processEvents();
    const QImage shot = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
    REQUIRE(shot.save(QDir(QDir::tempPath()).filePath(QStringLiteral("hivekit-damaged-hive.png"))));
    QTreeView* problems = window.diagnosticsDock()->view();
    CHECK(problems->isVisible());
    CHECK(problems->model()->rowCount() > 0);
    CHECK(inkShare(problems->viewport()->grab().toImage()) > 0.02);
}

TEST_CASE("Screenshots of the hex and layout tabs show them drawn", "[gui][screenshot]") {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    HiveView* view = window.openFile(qpath(hivePath("regipy/SYSTEM")));
    REQUIRE(waitUntil([&] { return view->isLoaded(); }));
    REQUIRE(view->goToPath(QStringLiteral("ControlSet001\\services\\Tcpip")));
    view->valueTable()->selectRow(3);
    for (QWidget* page : {view->hexPage(), view->layoutPage()}) {
        view->lowerTabs()->setCurrentWidget(page);
        // The layout view maps cells on a worker thread: give it time.
        QElapsedTimer wait;
        wait.start();
        waitUntil([&] { return wait.elapsed() > 1500; }, 3000);
        const QImage shot = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const bool hex = page == view->hexPage();
        REQUIRE(shot.save(QDir(QDir::tempPath()).filePath(hex ? QStringLiteral("hivekit-hex-tab.png")
                                                                : QStringLiteral("hivekit-layout-tab.png"))));
        CHECK(page->isVisible());
        CHECK(inkShare(page->grab().toImage()) > 0.02);
    }
}

TEST_CASE("A screenshot of the Deleted dock shows the deleted keys and values of a real hive", "[gui][screenshot]") {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    HiveView* view = window.openFile(qpath(hivePath("ez/UsrClassDeletedBags.dat")));
    REQUIRE(waitUntil([&] { return view->isLoaded(); }));
    window.startDeletedScan();
    DeletedDock* dock = window.deletedDock();
    REQUIRE(waitUntil([&] { return !dock->isRunning() && dock->model()->scan(); }));
    QCoreApplication::processEvents();
    const QImage shot = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
    REQUIRE(shot.save(QDir(QDir::tempPath()).filePath(QStringLiteral("hivekit-deleted-dock.png"))));
    CHECK(dock->view()->isVisible());
    CHECK(dock->model()->rowCount() > 0);
    CHECK(inkShare(dock->view()->viewport()->grab().toImage()) > 0.02);
}

TEST_CASE("A screenshot of the Artefacts view shows the computer name table of regipy/SYSTEM", "[gui][screenshot][artefacts]") {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    HiveView* view = window.openFile(qpath(hivePath("regipy/SYSTEM")));
    REQUIRE(waitUntil([&] { return view->isLoaded(); }));
    ArtefactsDock* dock = window.artefactsDock();
    dock->show();
    dock->raise();
    REQUIRE(waitUntil([&] { return !dock->isRunning() && !dock->tables().empty(); }));
    REQUIRE(dock->showTable(QStringLiteral("computername")));
    dock->view()->selectRow(0);
    REQUIRE(waitUntil([&] { return view->document()->checkFinished(); }, 60000));
    QCoreApplication::processEvents();
    const QImage shot = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
    REQUIRE(shot.save(QDir(QDir::tempPath()).filePath(QStringLiteral("hivekit-artefacts-view.png"))));
    CHECK(dock->view()->isVisible());
    CHECK(dock->view()->model()->rowCount() == 1);
    CHECK(inkShare(dock->view()->viewport()->grab().toImage()) > 0.02);
    // The combo names the table and its row count.
    CHECK(dock->tableBox()->currentText().contains(QStringLiteral("Computer name")));
}

TEST_CASE("A screenshot of the Artefacts view of a hive without decoders shows why the view is empty", "[gui][screenshot][artefacts]") {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    HiveView* view = window.openFile(qpath(hivePath("hivex/minimal")));
    REQUIRE(waitUntil([&] { return view->isLoaded(); }));
    ArtefactsDock* dock = window.artefactsDock();
    dock->show();
    dock->raise();
    REQUIRE(waitUntil([&] { return !dock->isRunning() && dock->hiveKind() == hivekit::artefacts::HiveKind::Unknown &&
                                   !dock->emptyText().isEmpty() && !dock->statusText().isEmpty(); }));
    QCoreApplication::processEvents();
    const QImage shot = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
    REQUIRE(shot.save(QDir(QDir::tempPath()).filePath(QStringLiteral("hivekit-artefacts-empty.png"))));
    CHECK(dock->emptyText().contains(QStringLiteral("cannot tell")));
}
