// The window as it first opens: at 1280x800 the value table has room, the
// docks start tabbed and low, the field panel's Meaning column and the
// pending-changes Path column show their text whole without scrolling
// sideways.
#include <catch2/catch.hpp>

#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPixmap>
#include <QProcess>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeView>

#include "GuiTestSupport.h"
#include "app/MainWindow.h"
#include "document/HiveView.h"
#include "editing/EditActions.h"
#include "editing/EditSession.h"
#include "editing/PendingChangesDock.h"
#include "editing/ValueCodec.h"
#include "format/ValueData.h"
#include "hexview/CellFieldModel.h"
#include "hexview/HexPane.h"
#include "hexview/HexView.h"
#include "search/SearchDock.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::gui;
using guitest::waitUntil;

namespace {

/// A first start: no saved window, dock or splitter layout.
void forgetLayout() {
    QSettings settings;
    for (const char* key : {"window/geometry", "window/state", "layout/mainSplitter", "layout/rightSplitter"})
        settings.remove(QString::fromLatin1(key));
}

/// Room a view's item needs besides its text (margins of the style).
constexpr int kCellPadding = 12;

}  // namespace

TEST_CASE("At 1280x800 the value table has room and the docks start tabbed and low", "[gui][layout]") {
    forgetLayout();
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    HiveView* view = guitest::openAndWait(window, testsupport::hivePath("regipy/SYSTEM"));
    REQUIRE(view->goToPath(QStringLiteral("ControlSet001\\Services\\Tcpip\\Parameters")));
    QCoreApplication::processEvents();

    // Every bottom dock shares one tabbed area with the search dock.
    const auto tabbed = window.tabifiedDockWidgets(window.searchDock());
    for (QDockWidget* dock : window.findChildren<QDockWidget*>()) {
        if (dock == window.searchDock() || dock->isFloating() || !dock->isVisible()) continue;
        INFO(dock->objectName().toStdString());
        CHECK(tabbed.contains(dock));
    }
    // Low: the docks take at most a quarter of the window's height. The
    // tallest minimum among them decides how low they can start.
    std::string minimums;
    for (QDockWidget* dock : window.findChildren<QDockWidget*>())
        minimums += dock->objectName().toStdString() + " " + std::to_string(dock->minimumSizeHint().height()) + "; ";
    INFO("dock minimum heights: " << minimums);
    CHECK(window.searchDock()->height() <= window.height() / 4);
    // The value table shows at least nine rows at once (its height at 1280x800).
    QTableView* table = view->valueTable();
    const int rowHeight = table->verticalHeader()->defaultSectionSize();
    const int visibleRows = table->viewport()->height() / rowHeight;
    INFO("value table " << table->width() << "x" << table->height() << ", rows " << visibleRows << ", search dock "
                        << window.searchDock()->height());
    CHECK(visibleRows >= 9);
    // And it is wider than the tree.
    CHECK(table->width() > view->keyTree()->width());
}

TEST_CASE("At 1280x800 the field panel's Meaning column shows the meanings of a key's fields whole", "[gui][layout]") {
    forgetLayout();
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    HiveView* view = guitest::openAndWait(window, testsupport::hivePath("regipy/SYSTEM"));
    REQUIRE(view->goToPath(QStringLiteral("ControlSet001\\Services\\Tcpip")));
    view->lowerTabs()->setCurrentWidget(view->hexPane());
    REQUIRE(waitUntil([&] { return view->hexPane()->fieldModel()->rowCount() > 0; }));
    QCoreApplication::processEvents();

    QTreeView* fields = view->hexPane()->fieldView();
    const CellFieldModel* model = view->hexPane()->fieldModel();
    const QModelIndex nk = model->index(0, 0);
    REQUIRE(model->rowCount(nk) > 5);
    const int meaningWidth = fields->header()->sectionSize(CellFieldModel::MeaningColumn);
    INFO("pane " << view->hexPane()->width() << "x" << view->hexPane()->height() << ", placement "
                 << (view->hexPane()->fieldsPlacement() == Qt::Horizontal ? "beside" : "beneath")
                 << ", Meaning column " << meaningWidth);
    const QFontMetrics fm(fields->font());
    int fit = 0;
    int widest = 0;
    for (int row = 0; row < model->rowCount(nk); ++row) {
        const QString meaning = model->index(row, CellFieldModel::MeaningColumn, nk).data().toString();
        const int need = fm.horizontalAdvance(meaning) + kCellPadding;
        widest = std::max(widest, need);
        if (need <= meaningWidth) ++fit;
    }
    INFO("widest meaning " << widest);
    // Every meaning of the key's nk fits.
    CHECK(fit == model->rowCount(nk));
    CHECK_FALSE(fields->horizontalScrollBar()->isVisible());
    // The hex stays whole too.
    CHECK_FALSE(view->hexPane()->hexView()->horizontalScrollBar()->isVisible());
}

TEST_CASE("At 1280x800 the pending-changes Path column shows a deep path whole", "[gui][layout]") {
    forgetLayout();
    testsupport::TempDir dir;
    const std::string hive = testsupport::copyFile(testsupport::hivePath("regipy/SYSTEM"), dir.file("SYSTEM"));
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    HiveView* view = guitest::openAndWait(window, hive);
    REQUIRE(view->startEditing(nullptr));
    window.editActions()->setView(view);
    const QString path = QStringLiteral("ControlSet001\\Services\\Tcpip\\Parameters\\Interfaces");
    QString error;
    REQUIRE(view->editSession()->setValue(path, QStringLiteral("HiveKitTest"), kRegDword,
                                          ValueCodec::parseDword(QStringLiteral("7")).bytes, QString(),
                                          QStringLiteral("7"), &error));
    PendingChangesDock* dock = window.editActions()->dock();
    dock->show();
    dock->raise();
    QCoreApplication::processEvents();

    QTableWidget* list = dock->table();
    REQUIRE(list->rowCount() == 1);
    const QString shown = list->item(0, 2)->text();
    REQUIRE(shown.contains(QStringLiteral("Interfaces")));
    const int need = list->fontMetrics().horizontalAdvance(shown) + kCellPadding;
    INFO("Path column " << list->horizontalHeader()->sectionSize(2) << ", path needs " << need);
    CHECK(list->horizontalHeader()->sectionSize(2) >= need);
    CHECK_FALSE(list->horizontalScrollBar()->isVisible());
    view->editSession()->undoStack()->clear();
}
