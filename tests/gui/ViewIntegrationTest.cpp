// The hex view and the layout view inside the main window: they follow the
// tree's selection, and clicks in them select keys and values in the tree.
// (The widgets themselves are tested in HexViewTest and LayoutViewTest.)
#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>

#include "browse/DetailsPane.h"
#include "GuiTestSupport.h"
#include "document/HiveDocument.h"
#include "document/HiveView.h"
#include "browse/KeyTreeModel.h"
#include "app/MainWindow.h"
#include "hexview/HexPane.h"
#include "hexview/HexView.h"
#include "index/Index.h"
#include "layoutview/LayoutView.h"
#include "support/TestSupport.h"

using namespace hivekit::gui;
using namespace testsupport;
using guitest::qpath;
using guitest::openAndWait;
using guitest::waitUntil;

namespace {

uint32_t keyAt(const hivekit::Hive& hive, const char* path) {
    auto k = hivekit::Index(hive).findKey(path);
    REQUIRE(k);
    return *k;
}

}  // namespace

TEST_CASE("The lower tabs hold the details, the hex view showing the open hive at its root key, and the layout view",
          "[gui][views]") {
    MainWindow window;
    window.show();
    HiveView* view = openAndWait(window, hivePath("regipy/SYSTEM"));
    QTabWidget* tabs = view->lowerTabs();
    REQUIRE(tabs->count() == 3);
    CHECK(tabs->widget(0) == static_cast<QWidget*>(view->details()));
    REQUIRE(tabs->widget(1) == static_cast<QWidget*>(view->hexPane()));
    REQUIRE(tabs->widget(2) == static_cast<QWidget*>(view->layoutView()));
    CHECK(view->hexPage() == tabs->widget(1));
    CHECK(view->layoutPage() == tabs->widget(2));
    // The hex view reads the hive the tree shows, and marks the cell of
    // the key selected at open: the root key.
    CHECK(view->hexPane()->hive() == view->hive());
    CHECK(view->currentKeyOffset() == view->hive()->rootOffset());
    CHECK(view->hexPane()->currentCell() == view->hive()->rootOffset());
}

TEST_CASE("The hex view shows the selected key's and value's cells and goes to offsets", "[gui][views]") {
    MainWindow window;
    window.show();
    HiveView* view = openAndWait(window, hivePath("regipy/SYSTEM"));
    HexPane* pane = view->hexPane();
    CHECK(pane->hive() == view->hive());
    REQUIRE(view->goToPath(QStringLiteral("ControlSet001\\services\\Tcpip")));
    const uint32_t tcpip = keyAt(*view->hive(), "ControlSet001\\services\\Tcpip");
    CHECK(pane->currentCell() == tcpip);
    view->valueTable()->selectRow(0);
    CHECK(pane->currentCell() == view->currentValueOffset());

    view->showOffset(0x1020);
    CHECK(view->lowerTabs()->currentWidget() == pane);
    CHECK(pane->hexView()->cursorOffset() == 0x1020);
}

TEST_CASE("A key or value reached in the hex view is selected in the tree", "[gui][views]") {
    MainWindow window;
    HiveView* view = openAndWait(window, hivePath("regipy/SYSTEM"));
    HexPane* pane = view->hexPane();
    const auto hive = view->hive();
    const uint32_t params = keyAt(*hive, "ControlSet001\\services\\Tcpip\\Parameters");
    emit pane->keyRequested(params);
    CHECK(view->currentKeyPath() == QStringLiteral("ControlSet001\\services\\Tcpip\\Parameters"));

    // A value of another key: found through the check's owner map.
    REQUIRE(waitUntil([&] { return view->document()->checkFinished(); }));
    const uint32_t tcpip = keyAt(*hive, "ControlSet001\\services\\Tcpip");
    const uint32_t imagePath = *hivekit::Index(*hive).findValue(*hive->keyNode(tcpip), u"ImagePath");
    emit pane->valueRequested(imagePath);
    CHECK(view->currentKeyPath() == QStringLiteral("ControlSet001\\services\\Tcpip"));
    CHECK(view->currentValueOffset() == imagePath);
}

TEST_CASE("Clicking a problem shows its offset in the hex view", "[gui][views]") {
    MainWindow window;
    window.show();
    HiveView* view = openAndWait(window, hivePath("regipy/corrupted_system_hive"));
    HexPane* pane = view->hexPane();
    view->showOffset(106496);
    CHECK(view->lowerTabs()->currentWidget() == pane);
    CHECK(pane->hexView()->cursorOffset() == 106496);
}

TEST_CASE("The layout view maps the hive when its tab is shown, and a click on a cell selects its key or value", "[gui][views]") {
    MainWindow window;
    window.show();
    HiveView* view = openAndWait(window, hivePath("regipy/SYSTEM"));
    LayoutView* layout = view->layoutView();
    CHECK_FALSE(layout->isMapping());
    CHECK(layout->cellMap() == nullptr);  // not mapped until looked at
    view->lowerTabs()->setCurrentWidget(layout);
    REQUIRE(waitUntil([&] { return layout->cellMap() != nullptr; }, 60000));

    const auto hive = view->hive();
    REQUIRE(waitUntil([&] { return view->document()->checkFinished(); }));
    const uint32_t tcpip = keyAt(*hive, "ControlSet001\\services\\Tcpip");
    emit layout->cellSelected(tcpip, hivekit::CellKind::KeyNode);
    CHECK(view->currentKeyPath() == QStringLiteral("ControlSet001\\services\\Tcpip"));
    const uint32_t start = *hivekit::Index(*hive).findValue(*hive->keyNode(tcpip), u"Start");
    REQUIRE(view->goToPath(QStringLiteral("Select")));
    emit layout->cellSelected(start, hivekit::CellKind::Value);
    CHECK(view->currentKeyPath() == QStringLiteral("ControlSet001\\services\\Tcpip"));
    CHECK(view->currentValueOffset() == start);
    CHECK(view->lowerTabs()->currentWidget() == layout);  // the picture stays on show
}
