// The ways out of a dirty hive: File > Save Recovered Copy (what `hivectl
// recover` writes, the evidence untouched), and in the refusal to edit it,
// "recover into a copy and edit that" and "apply the logs to this file"
// (after a backup, with consent). Every question defaults to Cancel.
#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

#include "GuiTestSupport.h"
#include "app/MainWindow.h"
#include "document/DirtyHiveActions.h"
#include "document/DiskChangeBanner.h"
#include "document/HiveDocument.h"
#include "document/HiveView.h"
#include "editing/EditActions.h"
#include "editing/EditSession.h"
#include "support/TestSupport.h"

using namespace hivekit::gui;
using namespace testsupport;
using namespace guitest;

namespace {

const std::vector<std::string> kEvidence = {"UsrClass.dat", "UsrClass.dat.LOG1", "UsrClass.dat.LOG2"};

/// The dirty UsrClass.dat and its two logs, copied into `dir`; the hive's path.
std::string dirtyHive(const TempDir& dir) {
    for (const std::string& f : kEvidence) copyFile(hivePath("regipy/" + f), dir.file(f));
    return dir.file("UsrClass.dat");
}

std::vector<std::vector<uint8_t>> evidenceBytes(const TempDir& dir) {
    std::vector<std::vector<uint8_t>> bytes;
    for (const std::string& f : kEvidence) bytes.push_back(readFile(dir.file(f)));
    return bytes;
}

/// What `hivectl recover` writes for `hive`, into `out`.
void hivectlRecover(const std::string& hive, const std::string& out) {
    const ProcessResult r = hivectl({"recover", hive, out});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
}

std::string hivectlDump(const std::string& hive) {
    const ProcessResult r = hivectl({"dump", hive});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    return r.out;
}

}  // namespace

TEST_CASE("Save Recovered Copy writes what hivectl recover writes and leaves the hive and its logs unchanged") {
    TempDir dir;
    const std::string hive = dirtyHive(dir);
    const auto before = evidenceBytes(dir);
    MainWindow window;
    HiveView* view = openAndWait(window, hive);
    REQUIRE(view->hive()->recovery().wasDirty);
    QAction* save = window.dirtyHiveActions()->saveCopyAction();
    REQUIRE(save->isEnabled());
    bool inFileMenu = false;
    for (QAction* menu : window.menuBar()->actions())
        if (menu->text() == QStringLiteral("&File")) inFileMenu = menu->menu()->actions().contains(save);
    CHECK(inFileMenu);
    TempDir out;
    const std::string copy = out.file("UsrClass-recovered.dat");
    window.dirtyHiveActions()->copyPathPrompt = [&](HiveView*) { return qpath(copy); };
    save->trigger();
    INFO(window.dirtyHiveActions()->lastOutcome().message.toStdString());
    REQUIRE(window.dirtyHiveActions()->lastOutcome().ok);
    REQUIRE(fileExists(copy));

    const std::string recovered = out.file("by-hivectl.dat");
    hivectlRecover(hive, recovered);
    CHECK(hivectlDump(copy) == hivectlDump(recovered));
    CHECK(readFile(copy) == readFile(recovered));
    CHECK(evidenceBytes(dir) == before);
    // The copy is clean: it opens with nothing to replay.
    CHECK_FALSE(openHive(copy)->recovery().wasDirty);
    // A clean hive offers no recovered copy.
    HiveView* clean = openAndWait(window, hivePath("regipy/SAM"));
    REQUIRE(window.currentView() == clean);
    CHECK_FALSE(save->isEnabled());
}

TEST_CASE("Save Recovered Copy refuses to write over the hive or one of its logs") {
    TempDir dir;
    const std::string hive = dirtyHive(dir);
    const auto before = evidenceBytes(dir);
    for (const std::string& f : kEvidence) {
        const auto outcome = DirtyHiveActions::saveRecoveredCopy(qpath(hive), qpath(dir.file(f)));
        CHECK_FALSE(outcome.ok);
        CHECK(outcome.message.contains(QStringLiteral("Refusing to write over")));
    }
    CHECK(evidenceBytes(dir) == before);
}

TEST_CASE("Recover into a copy and edit opens an editable tab on the copy and leaves the dirty hive as it was") {
    TempDir dir;
    const std::string hive = dirtyHive(dir);
    const auto before = evidenceBytes(dir);
    MainWindow window;
    HiveView* view = openAndWait(window, hive);
    DirtyHiveActions* dirty = window.dirtyHiveActions();
    QString refusal;
    dirty->wayOutPrompt = [&](HiveView*, const QString& why) {
        refusal = why;
        return DirtyHiveActions::WayOut::RecoverIntoCopy;
    };
    TempDir out;
    const std::string copy = out.file("UsrClass-recovered.dat");
    dirty->copyPathPrompt = [&](HiveView*) { return qpath(copy); };
    window.editActions()->requestEditing(view);
    CHECK(refusal.contains(QStringLiteral("dirty")));
    REQUIRE(window.tabs()->count() == 2);
    auto* copyView = qobject_cast<HiveView*>(window.tabs()->currentWidget());
    REQUIRE(copyView);
    CHECK(copyView != view);
    CHECK(copyView->document()->path() == qpath(copy));
    REQUIRE(waitUntil([&] { return copyView->isEditing(); }));
    CHECK_FALSE(view->isEditing());
    CHECK_FALSE(copyView->hive()->recovery().wasDirty);
    // The copy takes edits; the evidence stays as it was.
    QString error;
    REQUIRE(copyView->editSession()->newKey(QString(), QStringLiteral("Added"), &error));
    REQUIRE(window.editActions()->commit(copyView, CommitChoice{}, true));
    CHECK(hivectl({"ls", copy, "Added"}).exitCode == 0);
    CHECK(evidenceBytes(dir) == before);
}

TEST_CASE("Apply the logs backs the original up byte for byte and leaves a clean hive hivex reads as recovered") {
    TempDir dir;
    const std::string hive = dirtyHive(dir);
    const std::vector<uint8_t> original = readFile(hive);
    TempDir out;
    const std::string recovered = out.file("by-hivectl.dat");
    hivectlRecover(hive, recovered);
    MainWindow window;
    HiveView* view = openAndWait(window, hive);
    DirtyHiveActions* dirty = window.dirtyHiveActions();
    dirty->wayOutPrompt = [](HiveView*, const QString&) { return DirtyHiveActions::WayOut::ApplyLogs; };
    QString namedHive, namedBackup;
    dirty->applyLogsConfirm = [&](const QString& hivePathText, const QString& backup) {
        namedHive = hivePathText;
        namedBackup = backup;
        return true;
    };
    window.editActions()->requestEditing(view);
    REQUIRE(waitUntil([&] { return view->isEditing(); }));
    CHECK(namedHive == qpath(hive));
    CHECK(namedBackup == qpath(hive + ".bak"));
    INFO(dirty->lastOutcome().message.toStdString());
    REQUIRE(dirty->lastOutcome().ok);
    CHECK(dirty->lastOutcome().path == namedBackup);
    CHECK(readFile(hive + ".bak") == original);
    // Clean without its logs, with the recovered content.
    CHECK_FALSE(openHive(hive, false)->recovery().wasDirty);
    CHECK(hivectlDump(hive) == hivectlDump(recovered));
    // One independent reader: libhivex reads the same keys and values as
    // from hivectl's recovered copy.
    const ProcessResult applied = run({hivexDumpScript(), hive});
    const ProcessResult expected = run({hivexDumpScript(), recovered});
    REQUIRE(applied.exitCode == 0);
    REQUIRE(expected.exitCode == 0);
    CHECK(blankKeyTimes(applied.out) == blankKeyTimes(expected.out));
    CHECK(applied.out.size() > 1000);
    // The logs are used up: a later open does not replay them.
    CHECK_FALSE(view->hive()->recovery().recovered);
    CHECK(view->diskBanner()->isHidden());
}

TEST_CASE("Every question about a dirty hive defaults to Cancel and cancelling writes nothing") {
    TempDir dir;
    const std::string hive = dirtyHive(dir);
    const auto before = evidenceBytes(dir);
    MainWindow window;
    window.show();
    HiveView* view = openAndWait(window, hive);
    DirtyHiveActions* dirty = window.dirtyHiveActions();

    auto wayOut = DirtyHiveActions::WayOut::ApplyLogs;
    const QString question = answerMessageBox(
        [&] { wayOut = dirty->wayOutPrompt(view, QStringLiteral("it is dirty")); }, Qt::Key_Return);
    CHECK(wayOut == DirtyHiveActions::WayOut::Cancel);
    CHECK(question.contains(QStringLiteral("it is dirty")));

    bool confirmed = true;
    const QString confirm = answerMessageBox(
        [&] { confirmed = dirty->applyLogsConfirm(qpath(hive), qpath(hive + ".bak")); }, Qt::Key_Return);
    CHECK_FALSE(confirmed);
    CHECK(confirm.contains(qpath(hive)));
    CHECK(confirm.contains(qpath(hive + ".bak")));

    // Through the whole refusal: Enter at the first question.
    answerMessageBox([&] { window.editActions()->requestEditing(view); }, Qt::Key_Return);
    // Apply chosen, Enter at the confirmation.
    dirty->wayOutPrompt = [](HiveView*, const QString&) { return DirtyHiveActions::WayOut::ApplyLogs; };
    answerMessageBox([&] { window.editActions()->requestEditing(view); }, Qt::Key_Return);
    QCoreApplication::processEvents();
    CHECK_FALSE(view->isEditing());
    CHECK(window.tabs()->count() == 1);
    CHECK_FALSE(fileExists(hive + ".bak"));
    CHECK(evidenceBytes(dir) == before);
}
