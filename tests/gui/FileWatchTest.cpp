// The file changing on disk under an open tab: the banner that says so
// (not for HiveKit's own commit), Reload (F5) keeping the selection, the
// open keys and the pending changes (dropping and naming those that no
// longer apply), and the question before a commit over a changed file.
#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <filesystem>

#include "GuiTestSupport.h"
#include "app/MainWindow.h"
#include "browse/KeyTreeModel.h"
#include "browse/ValueTableModel.h"
#include "document/DiskChangeBanner.h"
#include "document/DiskChangeWatcher.h"
#include "document/HiveDocument.h"
#include "document/HiveView.h"
#include "editing/EditActions.h"
#include "editing/EditSession.h"
#include "support/TestSupport.h"

using namespace hivekit::gui;
using namespace testsupport;
using namespace guitest;

namespace {

const QString kChangedText = QStringLiteral("The file changed on disk since it was opened.");

/// Runs the event loop for `ms` milliseconds.
void settle(int ms) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

void runHivectl(const std::vector<std::string>& args) {
    const ProcessResult r = hivectl(args);
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
}

/// The names in the value table.
QStringList valueNames(HiveView* view) {
    QStringList names;
    for (int row = 0; row < view->valueModel()->rowCount(); ++row)
        names << view->valueModel()->index(row, 0).data(ValueTableModel::ValueNameRole).toString();
    return names;
}

/// The names of the subkeys of the selected key shown in the tree.
QStringList childNames(HiveView* view) {
    QStringList names;
    const QModelIndex current = view->keyTree()->currentIndex();
    view->keyTree()->expand(current);
    for (int row = 0; row < view->keyModel()->rowCount(current); ++row)
        names << view->keyModel()->index(row, 0, current).data().toString();
    return names;
}

/// Another program saves the hive the way many do: a new file renamed over
/// it. `change` edits the new file (with hivectl) first.
void replaceByRename(const std::string& hive, const std::vector<std::vector<std::string>>& changes) {
    TempDir elsewhere;
    const std::string copy = copyFile(hive, elsewhere.file("NTUSER.DAT"));
    for (auto args : changes) {
        for (auto& a : args)
            if (a == "HIVE") a = copy;
        runHivectl(args);
    }
    std::filesystem::rename(copy, hive);
}

}  // namespace

TEST_CASE("A value set by hivectl while the tab is open shows the changed-on-disk banner with Reload and Dismiss") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    MainWindow window;
    HiveView* view = openAndWait(window, hive);
    CHECK(view->diskBanner()->isHidden());
    CHECK_FALSE(view->diskWatcher()->changedOnDisk());
    runHivectl({"set", hive, "Software\\Mine", "Outside", "--type", "REG_DWORD", "--data", "7"});
    REQUIRE(waitUntil([&] { return !view->diskBanner()->isHidden(); }, 5000));
    CHECK(view->diskBanner()->text().contains(kChangedText));
    CHECK(view->diskWatcher()->changedOnDisk());
    CHECK_FALSE(view->diskBanner()->reloadButton()->isHidden());
    CHECK_FALSE(view->diskBanner()->dismissButton()->isHidden());
    // Dismiss hides the note; the file is still known to differ.
    view->diskBanner()->dismissButton()->click();
    CHECK(view->diskBanner()->isHidden());
    CHECK(view->diskWatcher()->changedOnDisk());
}

TEST_CASE("A file replaced by rename is still watched and its next change is reported too") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    MainWindow window;
    HiveView* view = openAndWait(window, hive);
    replaceByRename(hive, {{"set", "HIVE", "Software\\Mine", "First", "--type", "REG_DWORD", "--data", "1"}});
    REQUIRE(waitUntil([&] { return view->diskWatcher()->changedOnDisk(); }, 5000));
    view->reload();
    REQUIRE(waitUntil([&] { return view->isLoaded() && !view->diskWatcher()->changedOnDisk(); }));
    CHECK(view->diskBanner()->isHidden());
    // The watcher dropped the replaced file; the new one is watched again.
    runHivectl({"set", hive, "Software\\Mine", "Second", "--type", "REG_DWORD", "--data", "2"});
    REQUIRE(waitUntil([&] { return !view->diskBanner()->isHidden(); }, 5000));
    CHECK(view->diskBanner()->text().contains(kChangedText));
}

TEST_CASE("A commit by HiveKit itself does not show the changed-on-disk banner") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    MainWindow window;
    HiveView* view = openAndWait(window, hive);
    REQUIRE(view->startEditing(nullptr));
    QString error;
    REQUIRE(view->editSession()->newKey(QString(), QStringLiteral("Ours"), &error));
    const auto before = FileFingerprint::of(qpath(hive));
    REQUIRE(window.editActions()->commit(view, CommitChoice{}, true));
    REQUIRE(waitUntil([&] { return view->isLoaded(); }));
    CHECK_FALSE(FileFingerprint::of(qpath(hive)) == before);  // the file did change
    settle(800);  // the file system's notices arrive and settle
    CHECK(view->diskBanner()->isHidden());
    CHECK_FALSE(view->diskWatcher()->changedOnDisk());
    CHECK(view->goToPath(QStringLiteral("Ours")));
}

TEST_CASE("Reload shows the key and value another program added and keeps the selected key and the open keys") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    HiveView* view = openAndWait(window, hive);
    REQUIRE(view->goToPath(QStringLiteral("Control Panel")));
    view->keyTree()->expand(view->keyTree()->currentIndex());
    REQUIRE(view->goToPath(QStringLiteral("Software\\Mine")));
    CHECK_FALSE(valueNames(view).contains(QStringLiteral("Outside")));
    runHivectl({"set", hive, "Software\\Mine", "Outside", "--type", "REG_SZ", "--data", "from hivectl"});
    runHivectl({"set", hive, "Software\\Mine\\Fresh", "Inner", "--type", "REG_DWORD", "--data", "5", "-p"});
    REQUIRE(waitUntil([&] { return view->diskWatcher()->changedOnDisk(); }, 5000));
    // Stale until reloaded.
    CHECK_FALSE(valueNames(view).contains(QStringLiteral("Outside")));

    QSignalSpy reloaded(view, &HiveView::reloaded);
    view->diskBanner()->reloadButton()->click();
    REQUIRE(waitUntil([&] { return reloaded.count() == 1; }));
    CHECK(view->currentKeyPath() == QStringLiteral("Software\\Mine"));
    CHECK(valueNames(view).contains(QStringLiteral("Outside")));
    CHECK(childNames(view).contains(QStringLiteral("Fresh")));
    CHECK(view->goToPath(QStringLiteral("Software\\Mine\\Fresh")));
    // The key opened before the reload is open again.
    REQUIRE(view->goToPath(QStringLiteral("Control Panel")));
    CHECK(view->keyTree()->isExpanded(view->keyTree()->currentIndex()));
    CHECK(view->diskBanner()->isHidden());
    CHECK_FALSE(view->diskWatcher()->changedOnDisk());
}

TEST_CASE("F5 reloads the current tab also when the file did not change") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    HiveView* view = openAndWait(window, hive);
    REQUIRE(view->goToPath(QStringLiteral("Software\\Mine")));
    CHECK(window.reloadAction()->shortcut() == QKeySequence(Qt::Key_F5));
    bool inViewMenu = false;
    for (QAction* menu : window.menuBar()->actions())
        if (menu->text() == QStringLiteral("&View")) inViewMenu = menu->menu()->actions().contains(window.reloadAction());
    CHECK(inViewMenu);
    QSignalSpy reloaded(view, &HiveView::reloaded);
    view->keyTree()->setFocus();
    QTest::keyClick(view->keyTree(), Qt::Key_F5);
    REQUIRE(waitUntil([&] { return reloaded.count() == 1; }));
    CHECK(reloaded.front().front().toStringList().isEmpty());
    CHECK(view->currentKeyPath() == QStringLiteral("Software\\Mine"));
}

TEST_CASE("Reload keeps the pending changes pending and names the one that no longer applies") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    MainWindow window;
    HiveView* view = openAndWait(window, hive);
    REQUIRE(view->startEditing(nullptr));
    EditSession* session = view->editSession();
    QString error;
    REQUIRE(session->newKey(QString(), QStringLiteral("Kept"), &error));
    REQUIRE(session->setValue(QStringLiteral("Software\\Mine"), QStringLiteral("Doomed"), 4, {1, 0, 0, 0}, QString(),
                              QStringLiteral("1"), &error));
    REQUIRE(session->setValue(QStringLiteral("Console"), QStringLiteral("AlsoKept"), 4, {2, 0, 0, 0}, QString(),
                              QStringLiteral("2"), &error));
    REQUIRE(session->changes().size() == 3);
    // Another program (not HiveKit, which would wait for the lock) deletes
    // the key an edit sets a value in, and adds a value elsewhere.
    replaceByRename(hive, {{"delete-key", "HIVE", "Software\\Mine", "-r"},
                           {"set", "HIVE", "Console", "Outside", "--type", "REG_DWORD", "--data", "9"}});
    REQUIRE(waitUntil([&] { return view->diskWatcher()->changedOnDisk(); }, 5000));

    QSignalSpy reloaded(view, &HiveView::reloaded);
    window.reloadAction()->trigger();
    REQUIRE(waitUntil([&] { return reloaded.count() == 1; }));
    const QStringList dropped = reloaded.front().front().toStringList();
    REQUIRE(dropped.size() == 1);
    CHECK(dropped.front().contains(QStringLiteral("Software\\Mine")));
    CHECK(dropped.front().contains(QStringLiteral("Doomed")));
    CHECK_FALSE(view->diskBanner()->isHidden());
    CHECK(view->diskBanner()->text().contains(QStringLiteral("no longer apply")));
    CHECK(view->diskBanner()->text().contains(QStringLiteral("Doomed")));
    // The others are still pending and shown over the new file.
    REQUIRE(view->isEditing());
    const auto changes = view->editSession()->changes();
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].path == QStringLiteral("Kept"));
    CHECK(changes[1].path.contains(QStringLiteral("AlsoKept")));
    CHECK(view->goToPath(QStringLiteral("Kept")));
    REQUIRE(view->goToPath(QStringLiteral("Console")));
    CHECK(valueNames(view).contains(QStringLiteral("Outside")));
    CHECK(valueNames(view).contains(QStringLiteral("AlsoKept")));
    // And they commit onto the file as it is now.
    REQUIRE(window.editActions()->commit(view, CommitChoice{}, true));
    CHECK(hivectl({"get", hive, "Console", "AlsoKept"}).exitCode == 0);
    CHECK(hivectl({"get", hive, "Software\\Mine"}).exitCode != 0);
    CHECK(hivectl({"get", hive, "Console", "Outside"}).exitCode == 0);
    CHECK(hivectl({"ls", hive, "Kept"}).exitCode == 0);
}

TEST_CASE("Committing over a file changed on disk asks first where Enter cancels and Commit Anyway writes") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    MainWindow window;
    window.show();
    HiveView* view = openAndWait(window, hive);
    REQUIRE(view->startEditing(nullptr));
    QString error;
    REQUIRE(view->editSession()->newKey(QString(), QStringLiteral("Mine2"), &error));
    replaceByRename(hive, {{"set", "HIVE", "Console", "Outside", "--type", "REG_DWORD", "--data", "9"}});
    const std::vector<uint8_t> changed = readFile(hive);

    // The question comes even before the file system's notice arrived.
    bool committed = true;
    const QString text = answerMessageBox(
        [&] { committed = window.editActions()->commit(view, CommitChoice{}, true); }, Qt::Key_Return);
    CHECK(text.contains(QStringLiteral("changed on disk")));
    CHECK(text.contains(QStringLiteral("NTUSER.DAT")));
    CHECK_FALSE(committed);
    CHECK(readFile(hive) == changed);
    CHECK(view->hasPendingChanges());

    QString asked;
    view->commitOverChangePrompt = [&](HiveView*, const QString& change) {
        asked = change;
        return true;
    };
    REQUIRE(window.editActions()->commit(view, CommitChoice{}, true));
    CHECK_FALSE(asked.isEmpty());
    CHECK(hivectl({"ls", hive, "Mine2"}).exitCode == 0);
    CHECK(hivectl({"get", hive, "Console", "Outside"}).exitCode == 0);
    // Not asked again once committed: the file as written is the one shown.
    asked.clear();
    REQUIRE(waitUntil([&] { return view->isLoaded(); }));
    REQUIRE(view->editSession()->newKey(QString(), QStringLiteral("Mine3"), &error));
    REQUIRE(window.editActions()->commit(view, CommitChoice{}, true));
    CHECK(asked.isEmpty());
}

TEST_CASE("A screenshot of the changed-on-disk banner shows it above the tree", "[gui][screenshot]") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    HiveView* view = openAndWait(window, hive);
    REQUIRE(view->goToPath(QStringLiteral("Software\\Mine")));
    runHivectl({"set", hive, "Software\\Mine", "Outside", "--type", "REG_DWORD", "--data", "7"});
    REQUIRE(waitUntil([&] { return !view->diskBanner()->isHidden(); }, 5000));
    QCoreApplication::processEvents();
    const QImage shot = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QString file = QDir(QDir::tempPath()).filePath(QStringLiteral("hivekit-changed-on-disk.png"));
    REQUIRE(shot.save(file));
    // The banner's pale blue fills a band above the tree.
    int banner = 0;
    for (int y = 0; y < shot.height() / 3; ++y)
        for (int x = 0; x < shot.width(); ++x) banner += shot.pixel(x, y) == qRgb(0xdc, 0xeb, 0xfb) ? 1 : 0;
    CHECK(banner > 1280 * 20);
    CHECK(view->diskBanner()->geometry().bottom() < view->keyTree()->mapTo(view, QPoint(0, 0)).y());
}
