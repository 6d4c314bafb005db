// The signals a user relies on: the status badge says what the tab is, the
// pending-changes prompt keeps changes on Enter, Ctrl+Y redoes, F3 steps
// through search hits, and the welcome page and About box say when a file
// is written.
#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QScreen>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include "GuiTestSupport.h"
#include "app/MainWindow.h"
#include "document/HiveView.h"
#include "editing/EditActions.h"
#include "editing/EditSession.h"
#include "search/SearchDock.h"
#include "search/SearchJob.h"
#include "search/SearchResultsModel.h"
#include "support/TestSupport.h"

using namespace hivekit::gui;
using namespace testsupport;
using namespace guitest;

namespace {

QLabel* badge(MainWindow& window) {
    auto* label = window.findChild<QLabel*>(QStringLiteral("modeBadge"));
    REQUIRE(label);
    return label;
}

}  // namespace

TEST_CASE("The status badge says whether the tab is read-only, editing, or editing with pending changes") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    MainWindow window;
    CHECK(badge(window)->isHidden());  // the welcome page: no tab, no badge
    HiveView* view = openAndWait(window, hive);
    CHECK_FALSE(badge(window)->isHidden());
    CHECK(badge(window)->text() == QStringLiteral("Read-only"));

    window.editActions()->requestEditing(view);
    REQUIRE(waitUntil([&] { return view->isEditing(); }));
    CHECK(badge(window)->text() == QStringLiteral("Editing"));

    QString error;
    REQUIRE(view->editSession()->newKey(QString(), QStringLiteral("A"), &error));
    REQUIRE(view->editSession()->newKey(QString(), QStringLiteral("B"), &error));
    // (The tests run without a translator: English plurals show as "(s)".)
    CHECK(badge(window)->text() == QStringLiteral("Editing: 2 pending change(s)"));
    window.editActions()->undoAction()->trigger();
    CHECK(badge(window)->text() == QStringLiteral("Editing: 1 pending change(s)"));

    // A second tab, read-only: the badge follows the current tab.
    HiveView* other = openAndWait(window, hivePath("regipy/SAM"));
    CHECK(window.tabs()->currentWidget() == other);
    CHECK(badge(window)->text() == QStringLiteral("Read-only"));
    window.tabs()->setCurrentWidget(view);
    CHECK(badge(window)->text() == QStringLiteral("Editing: 1 pending change(s)"));

    window.editActions()->discardAction()->trigger();
    CHECK(badge(window)->text() == QStringLiteral("Editing"));
}

TEST_CASE("Enter in the pending-changes prompt keeps the changes: Cancel is the default button") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    MainWindow window;
    window.show();
    HiveView* view = openAndWait(window, hive);
    REQUIRE(view->startEditing(nullptr));
    QString error;
    REQUIRE(view->editSession()->newKey(QString(), QStringLiteral("Keep"), &error));
    auto choice = EditActions::PendingChoice::Discard;
    const QString text =
        answerMessageBox([&] { choice = window.editActions()->pendingPrompt(view); }, Qt::Key_Return);
    CHECK(text.contains(QStringLiteral("pending changes")));
    CHECK(choice == EditActions::PendingChoice::Cancel);
    CHECK(view->hasPendingChanges());
}

TEST_CASE("Ctrl+Y redoes, as in regedit, and Ctrl+Shift+Z still does") {
    MainWindow window;
    const QList<QKeySequence> keys = window.editActions()->redoAction()->shortcuts();
    CHECK(keys.contains(QKeySequence(Qt::CTRL | Qt::Key_Y)));
    CHECK(keys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
}

TEST_CASE("The welcome page and the About box say a file is written only when the user edits and commits") {
    MainWindow window;
    window.show();
    QStringList texts;
    for (QLabel* label : window.findChildren<QLabel*>()) texts << label->text();
    const QString all = texts.join(QLatin1Char('\n'));
    CHECK_FALSE(all.contains(QStringLiteral("never written")));
    CHECK(all.contains(QStringLiteral("nothing is written until you choose Edit and commit")));
    const QString about = answerMessageBox([&] { window.showAbout(); }, Qt::Key_Return);
    CHECK(about.contains(QStringLiteral("written only when you choose Edit and commit")));
    CHECK_FALSE(about.contains(QStringLiteral("never written")));
}

TEST_CASE("F3 and Shift+F3 step through the search hits and show each in the tab") {
    MainWindow window;
    HiveView* view = openAndWait(window, hivePath("regipy/SAM"));
    SearchDock* dock = window.searchDock();
    SearchQuery q;
    q.text = QStringLiteral("Administrator");
    dock->setQuery(q);
    QSignalSpy finished(dock->job(), &SearchJob::finished);
    window.startSearch();
    REQUIRE(waitUntil([&] { return finished.count() == 1; }));
    const int hits = dock->results()->rowCount();
    REQUIRE(hits >= 2);

    REQUIRE(window.findNextAction()->isEnabled());
    window.findNextAction()->trigger();  // no current hit: the first
    CHECK(dock->resultsView()->currentIndex().row() == 0);
    CHECK(view->currentKeyPath() == dock->results()->hit(0).keyPath);
    window.findNextAction()->trigger();
    CHECK(dock->resultsView()->currentIndex().row() == 1);
    CHECK(view->currentKeyPath() == dock->results()->hit(1).keyPath);
    window.findPreviousAction()->trigger();
    CHECK(dock->resultsView()->currentIndex().row() == 0);
    window.findPreviousAction()->trigger();  // before the first: stays, says so
    CHECK(dock->resultsView()->currentIndex().row() == 0);
    CHECK(window.findNextAction()->shortcut() == QKeySequence(Qt::Key_F3));
    CHECK(window.findPreviousAction()->shortcut() == QKeySequence(Qt::SHIFT | Qt::Key_F3));
}

TEST_CASE("The window never opens larger than its screen") {
    // QT_SCALE_FACTOR=2 on a 1600x1000 screen leaves 800x500 logical pixels.
    const QRect small(0, 0, 800, 500);
    const QRect fitted = MainWindow::fittedGeometry(QRect(100, 100, 1280, 820), small);
    CHECK(small.contains(fitted));
    CHECK(fitted.width() <= 760);
    CHECK(fitted.height() <= 460);
    // A window that fits is left where it is.
    CHECK(MainWindow::fittedGeometry(QRect(50, 60, 700, 400), QRect(0, 0, 1920, 1080)) == QRect(50, 60, 700, 400));
    // A saved position on a screen that is gone comes back onto this one.
    CHECK(QRect(0, 0, 1920, 1080).contains(MainWindow::fittedGeometry(QRect(3000, 100, 800, 600),
                                                                      QRect(0, 0, 1920, 1080))));

    MainWindow window;
    window.show();
    const QRect available = window.screen()->availableGeometry();
    INFO("screen " << available.width() << "x" << available.height() << ", window " << window.width() << "x"
                   << window.height());
    CHECK(window.width() <= available.width());
    CHECK(window.height() <= available.height());
}

TEST_CASE("Go to Key accepts regedit's, reg.exe's and .reg files' paths and moves focus to the tree") {
    MainWindow window;
    window.show();
    QApplication::setActiveWindow(&window);
    HiveView* view = openAndWait(window, hivePath("regipy/SAM"));
    for (const char* typed : {"Computer\\HKEY_LOCAL_MACHINE\\SAM\\SAM\\Domains\\Account", "HKLM\\SAM\\SAM\\Domains\\Account",
                              "HKEY_LOCAL_MACHINE\\SAM\\Domains\\Account", "SAM\\Domains\\Account"}) {
        INFO(typed);
        view->goToPath(QString());  // the root first
        REQUIRE(window.goToPath(QString::fromUtf8(typed)));
        CHECK(view->currentKeyPath() == QStringLiteral("SAM\\Domains\\Account"));
        CHECK(QApplication::focusWidget() == view->keyTree());
    }
    CHECK_FALSE(window.goToPath(QStringLiteral("HKLM\\SAM\\NoSuchKey")));
}

TEST_CASE("Export proposes a .reg file in the hive's folder named after the hive or key, and adds .reg") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    MainWindow window;
    HiveView* view = openAndWait(window, hive);
    EditActions* edit = window.editActions();
    const QString folder = QFileInfo(QString::fromStdString(hive)).absolutePath();
    CHECK(edit->suggestedExportPath(true) == folder + QStringLiteral("/NTUSER.reg"));
    REQUIRE(view->goToPath(QStringLiteral("Control Panel\\Desktop")));
    CHECK(edit->suggestedExportPath(false) == folder + QStringLiteral("/Desktop.reg"));
    CHECK(edit->suggestedExportPath(true) == folder + QStringLiteral("/NTUSER.reg"));
    CHECK(EditActions::withRegSuffix(QStringLiteral("/tmp/backup")) == QStringLiteral("/tmp/backup.reg"));
    CHECK(EditActions::withRegSuffix(QStringLiteral("/tmp/backup.reg")) == QStringLiteral("/tmp/backup.reg"));
    CHECK(EditActions::withRegSuffix(QStringLiteral("/tmp/keys.txt")) == QStringLiteral("/tmp/keys.txt"));
    CHECK(EditActions::withRegSuffix(QString()).isEmpty());  // a cancelled dialog stays cancelled
}

TEST_CASE("Hex-bytes search disables Match case and the name boxes, which mean nothing there") {
    MainWindow window;
    SearchDock* dock = window.searchDock();
    auto* mode = dock->findChild<QComboBox*>();
    REQUIRE(mode);
    auto box = [&](const char* text) {
        for (QCheckBox* b : dock->findChildren<QCheckBox*>())
            if (b->text() == QString::fromUtf8(text)) return b;
        FAIL("no check box " << text);
        return static_cast<QCheckBox*>(nullptr);
    };
    CHECK(box("Match case")->isEnabled());
    mode->setCurrentIndex(mode->findData(static_cast<int>(SearchQuery::Mode::HexBytes)));
    CHECK_FALSE(box("Match case")->isEnabled());
    CHECK_FALSE(box("Key names")->isEnabled());
    CHECK_FALSE(box("Value names")->isEnabled());
    mode->setCurrentIndex(mode->findData(static_cast<int>(SearchQuery::Mode::Regex)));
    CHECK(box("Match case")->isEnabled());
    CHECK(box("Key names")->isEnabled());
}
