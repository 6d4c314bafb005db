// The README's screenshots, made by the application as it is: the main
// window in a light and a dark palette, the hex view, the layout view and
// the Artefacts dock, each at 1280x800 on regipy/SYSTEM. Every run checks
// them and writes them to the temporary folder; with HIVEKIT_SCREENSHOT_DIR
// set they are written there too (docs/screenshots is made that way).
#include <catch2/catch.hpp>

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>

#include "GuiTestSupport.h"
#include "ThemeTestSupport.h"
#include "app/MainWindow.h"
#include "artefacts/ArtefactsDock.h"
#include "common/Theme.h"
#include "document/HiveDocument.h"
#include "document/HiveView.h"
#include "hexview/CellColors.h"
#include "hexview/CellFieldModel.h"
#include "hexview/HexPane.h"
#include "layoutview/LayoutView.h"
#include "search/SearchDock.h"
#include "search/SearchJob.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::gui;
using guitest::waitUntil;

namespace {

int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

/// Saves `shot` as `name` in the temporary folder and, when asked, in
/// HIVEKIT_SCREENSHOT_DIR, compressed as far as PNG goes.
void publish(const QImage& shot, const QString& name) {
    REQUIRE(shot.save(QDir(QDir::tempPath()).filePath(QStringLiteral("hivekit-readme-") + name), "PNG", 0));
    const QByteArray dir = qgetenv("HIVEKIT_SCREENSHOT_DIR");
    if (!dir.isEmpty()) REQUIRE(shot.save(QDir(QString::fromLocal8Bit(dir)).filePath(name), "PNG", 0));
}

/// A fresh 1280x800 window on regipy/SYSTEM at Tcpip's parameters.
struct Scene {
    MainWindow window;
    HiveView* view = nullptr;

    Scene() {
        window.resize(1280, 800);
        window.show();
        view = guitest::openAndWait(window, testsupport::hivePath("regipy/SYSTEM"));
        REQUIRE(waitUntil([&] { return view->document()->checkFinished(); }, 60000));
        REQUIRE(view->goToPath(QStringLiteral("ControlSet001\\Services\\Tcpip\\Parameters")));
        view->keyTree()->expand(view->keyTree()->currentIndex());
        view->valueTable()->selectRow(2);
    }

    void search(const QString& text) {
        SearchQuery q;
        q.text = text;
        q.mode = SearchQuery::Mode::WholeWord;
        window.searchDock()->setQuery(q);
        QSignalSpy finished(window.searchDock()->job(), &SearchJob::finished);
        window.startSearch();
        REQUIRE(waitUntil([&] { return finished.count() == 1; }, 60000));
    }

    QImage shot() {
        QCoreApplication::processEvents();
        const QImage image = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
        CHECK(image.size() == QSize(1280, 800));
        CHECK(distinctColours(image) > 100);
        return image;
    }
};

}  // namespace

TEST_CASE("README screenshot: the main window in a light palette", "[gui][screenshot][readme]") {
    Scene scene;
    scene.search(QStringLiteral("Tcpip"));
    const QImage shot = scene.shot();
    // The tree's base is the light palette's.
    const QPoint inTree = scene.view->keyTree()->viewport()->mapTo(&scene.window, QPoint(2, scene.view->keyTree()->viewport()->height() - 3));
    CHECK(QColor(shot.pixel(inTree)).lightnessF() > 0.8);
    publish(shot, QStringLiteral("main-window.png"));
}

TEST_CASE("README screenshot: the main window in a dark palette", "[gui][screenshot][readme]") {
    const QPalette before = QGuiApplication::palette();
    QApplication::setPalette(guitest::fusionDarkPalette());
    {
        Scene scene;
        scene.search(QStringLiteral("Tcpip"));
        scene.view->lowerTabs()->setCurrentWidget(scene.view->hexPane());
        REQUIRE(waitUntil([&] { return scene.view->hexPane()->fieldModel()->rowCount() > 0; }));
        const QImage shot = scene.shot();
        const QPoint inTree = scene.view->keyTree()->viewport()->mapTo(&scene.window, QPoint(2, scene.view->keyTree()->viewport()->height() - 3));
        CHECK(QColor(shot.pixel(inTree)).lightnessF() < 0.25);
        // The selected value's highlight is a dark tint.
        const QPalette dark = guitest::fusionDarkPalette();
        CHECK(guitest::countColour(shot, roleTint(CellRole::Value, dark).rgb(), shot.rect()) +
                  guitest::countColour(shot, roleTint(CellRole::ValueData, dark).rgb(), shot.rect()) >
              100);
        publish(shot, QStringLiteral("main-window-dark.png"));
    }
    QApplication::setPalette(before);
}

TEST_CASE("README screenshot: the hex view with a key's cells and fields", "[gui][screenshot][readme]") {
    Scene scene;
    scene.view->lowerTabs()->setCurrentWidget(scene.view->hexPane());
    REQUIRE(waitUntil([&] { return scene.view->hexPane()->fieldModel()->rowCount() > 0; }));
    const QImage shot = scene.shot();
    const QPalette palette = scene.window.palette();
    CHECK(guitest::countColour(shot, roleTint(CellRole::Value, palette).rgb(), shot.rect()) +
              guitest::countColour(shot, roleTint(CellRole::ValueData, palette).rgb(), shot.rect()) >
          100);
    publish(shot, QStringLiteral("hex-view.png"));
}

TEST_CASE("README screenshot: the layout view of the whole file", "[gui][screenshot][readme]") {
    Scene scene;
    LayoutView* layout = scene.view->layoutView();
    QSignalSpy ready(layout, &LayoutView::mapReady);
    scene.view->lowerTabs()->setCurrentWidget(layout);
    REQUIRE(waitUntil([&] { return !layout->isMapping() && layout->fragmentation().allocatedCells > 0; }, 60000));
    const QImage shot = scene.shot();
    CHECK(guitest::countColour(shot, kindColor(CellKind::KeyNode, scene.window.palette()).rgb(), shot.rect()) > 50);
    publish(shot, QStringLiteral("layout-view.png"));
}

TEST_CASE("README screenshot: the Artefacts dock with SYSTEM's services", "[gui][screenshot][readme]") {
    Scene scene;
    ArtefactsDock* dock = scene.window.artefactsDock();
    dock->show();
    dock->raise();
    scene.window.resizeDocks({dock}, {380}, Qt::Vertical);
    REQUIRE(waitUntil([&] { return dock->isVisible() && !dock->isRunning() && !dock->tables().empty(); }, 60000));
    QCoreApplication::processEvents();
    REQUIRE(dock->view()->model()->rowCount() > 0);
    const QImage shot = scene.shot();
    publish(shot, QStringLiteral("artefacts.png"));
}
