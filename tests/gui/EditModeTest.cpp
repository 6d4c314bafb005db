// Edit mode in the main window: opening for editing, marks on the tree and
// table, the pending changes dock with undo and redo, delete confirmation,
// commit from the window, closing over pending changes, .reg import,
// export and preview.
#include <catch2/catch.hpp>

#include <QAction>
#include <QLabel>
#include <QUndoView>
#include <QFile>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextDocument>
#include <QTreeView>

#include <QSignalSpy>

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include "editing/ChangeMarks.h"
#include "editing/CommitDialog.h"
#include "editing/EditActions.h"
#include "editing/EditSession.h"
#include "GuiTestSupport.h"
#include "document/HiveDocument.h"
#include "index/Index.h"
#include "document/HiveView.h"
#include "browse/KeyTreeModel.h"
#include "app/MainWindow.h"
#include "editing/PendingChangesDock.h"
#include "editing/RegPreview.h"
#include "editing/ValueCodec.h"
#include "browse/ValueTableModel.h"
#include "format/ValueData.h"
#include "hive/CellScanner.h"
#include "support/TestSupport.h"
#include "support/CrashFileIO.h"
#include "tx/FileIO.h"
#include "tx/HiveLock.h"

using namespace hivekit;
using namespace hivekit::gui;
using namespace testsupport;
using guitest::qpath;
using guitest::openAndWait;
using guitest::waitUntil;

namespace {

int keyMark(HiveView* view, const QString& path) {
    REQUIRE(view->goToPath(path));
    return view->keyTree()->currentIndex().data(KeyTreeModel::ChangeMarkRole).toInt();
}

int valueMark(HiveView* view, const QString& keyPath, const QString& name) {
    REQUIRE(view->goToPath(keyPath));
    REQUIRE(view->selectValueByName(name));
    return view->valueTable()->currentIndex().data(ValueTableModel::ChangeMarkRole).toInt();
}

bool hasKey(HiveView* view, const QString& path) {
    return hivekit::Index(*view->hive()).findKey(path.toStdString()).has_value();
}

}  // namespace

TEST_CASE("A hive opens read-only and edits only after Open for editing, which a dirty hive refuses") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    const std::string dirty = copyFile(hivePath("regipy/amcache.hve"), dir.file("amcache.hve"));
    MainWindow window;
    EditActions* edit = window.editActions();
    HiveView* view = openAndWait(window, hive);
    CHECK_FALSE(view->isEditing());
    CHECK(edit->editModeAction()->isEnabled());
    CHECK_FALSE(edit->newKeyAction()->isEnabled());
    CHECK_FALSE(edit->deleteAction()->isEnabled());
    edit->editModeAction()->trigger();
    // Editing waits for the structural check of the hive (clean here: no question).
    REQUIRE(waitUntil([&] { return view->isEditing(); }));
    CHECK(edit->newKeyAction()->isEnabled());

    HiveView* dirtyView = openAndWait(window, dirty);
    CHECK(window.currentView() == dirtyView);
    edit->editModeAction()->trigger();
    CHECK_FALSE(dirtyView->isEditing());
    QString why;
    CHECK_FALSE(dirtyView->startEditing(&why));
    CHECK(why.contains(QStringLiteral("recover it first")));

    if (::geteuid() != 0) {
        // chmod stops everyone but root.
        const std::string readOnly = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("RO.DAT"));
        REQUIRE(::chmod(readOnly.c_str(), 0444) == 0);
        HiveView* roView = openAndWait(window, readOnly);
        CHECK_FALSE(roView->startEditing(&why));
        CHECK(why.contains(QStringLiteral("not writable")));
    }
}

TEST_CASE("Pending changes are marked in the tree and table and listed in the dock, and undo and redo follow them") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    const auto before = readFile(hive);
    MainWindow window;
    EditActions* edit = window.editActions();
    HiveView* view = openAndWait(window, hive);
    REQUIRE(view->startEditing(nullptr));
    edit->setView(view);
    EditSession* session = view->editSession();
    QTableWidget* list = edit->dock()->table();
    QString error;

    REQUIRE(session->newKey(QString(), QStringLiteral("HiveKitTest"), &error));
    REQUIRE(session->setValue(QStringLiteral("HiveKitTest"), QStringLiteral("Dw"), kRegDword,
                              ValueCodec::parseDword(QStringLiteral("7")).bytes, QString(), QStringLiteral("7"),
                              &error));
    REQUIRE(session->setValue(QStringLiteral("AppEvents\\EventLabels\\.Default"), QString(), kRegSz,
                              ValueCodec::parseString(QStringLiteral("Beep")).bytes, QStringLiteral("Default Beep"),
                              QStringLiteral("Beep"), &error));
    CHECK(list->rowCount() == 3);
    CHECK(list->item(0, 1)->text() == QStringLiteral("New key"));
    CHECK(list->item(0, 2)->text() == QStringLiteral("HiveKitTest"));
    CHECK(list->item(2, 1)->text() == QStringLiteral("Set value"));
    CHECK(list->item(2, 3)->text() == QStringLiteral("Default Beep → Beep"));

    CHECK(keyMark(view, QStringLiteral("HiveKitTest")) == static_cast<int>(ChangeMarks::Mark::Added));
    CHECK(valueMark(view, QStringLiteral("HiveKitTest"), QStringLiteral("Dw")) ==
          static_cast<int>(ChangeMarks::Mark::Added));
    CHECK(valueMark(view, QStringLiteral("AppEvents\\EventLabels\\.Default"), QString()) ==
          static_cast<int>(ChangeMarks::Mark::Changed));
    CHECK(keyMark(view, QStringLiteral("AppEvents")) == static_cast<int>(ChangeMarks::Mark::None));
    CHECK(view->keyTree()->currentIndex().data(Qt::FontRole).isNull());

    edit->undoAction()->trigger();
    edit->undoAction()->trigger();
    CHECK(list->rowCount() == 1);
    CHECK(hasKey(view, QStringLiteral("HiveKitTest")));
    edit->undoAction()->trigger();
    CHECK(list->rowCount() == 0);
    CHECK_FALSE(hasKey(view, QStringLiteral("HiveKitTest")));
    CHECK_FALSE(edit->commitAction()->isEnabled());
    edit->redoAction()->trigger();
    CHECK(list->rowCount() == 1);
    CHECK(hasKey(view, QStringLiteral("HiveKitTest")));
    CHECK(edit->commitAction()->isEnabled());
    CHECK(edit->undoAction()->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Z));
    CHECK(edit->redoAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    CHECK(edit->renameAction()->shortcut() == QKeySequence(Qt::Key_F2));
    CHECK(edit->deleteAction()->shortcut() == QKeySequence(QKeySequence::Delete));
    CHECK(readFile(hive) == before);
}

TEST_CASE("Deleting a key with subkeys asks first and deletes the subtree only when confirmed") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    MainWindow window;
    EditActions* edit = window.editActions();
    HiveView* view = openAndWait(window, hive);
    REQUIRE(view->startEditing(nullptr));
    edit->setView(view);
    QString asked;
    bool answer = false;
    edit->confirmRecursiveDelete = [&](const QString& path) {
        asked = path;
        return answer;
    };
    REQUIRE(view->goToPath(QStringLiteral("AppEvents")));
    view->keyTree()->setFocus();
    QString error;
    CHECK_FALSE(edit->deleteSelection(&error));
    CHECK(asked == QStringLiteral("AppEvents"));
    CHECK_FALSE(view->hasPendingChanges());
    answer = true;
    CHECK(edit->deleteSelection(&error));
    CHECK(view->editSession()->changes().front().edit.recursive);
    CHECK_FALSE(hasKey(view, QStringLiteral("AppEvents")));
    CHECK(keyMark(view, QString()) == static_cast<int>(ChangeMarks::Mark::Changed));
}

TEST_CASE("Closing a tab over pending changes asks, and cancel keeps it, discard drops them, commit writes them") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    const auto before = readFile(hive);
    MainWindow window;
    EditActions* edit = window.editActions();
    auto choice = EditActions::PendingChoice::Cancel;
    int asked = 0;
    edit->pendingPrompt = [&](HiveView*) {
        ++asked;
        return choice;
    };
    edit->commitPrompt = [](HiveView*) { return std::optional<CommitChoice>(CommitChoice{CommitStrategy::InPlace, false}); };
    QString error;

    HiveView* view = openAndWait(window, hive);
    REQUIRE(view->startEditing(nullptr));
    REQUIRE(view->editSession()->newKey(QString(), QStringLiteral("HiveKitTest"), &error));
    emit window.tabs()->tabCloseRequested(0);
    CHECK(asked == 1);
    CHECK(window.tabs()->count() == 1);

    choice = EditActions::PendingChoice::Discard;
    emit window.tabs()->tabCloseRequested(0);
    CHECK(asked == 2);
    CHECK(window.tabs()->count() == 0);
    CHECK(readFile(hive) == before);
    // The closed tab's editor, and with it the hive's lock, goes when the
    // event loop next runs (deleteLater), as it does between a user's clicks.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

    view = openAndWait(window, hive);
    REQUIRE(view->startEditing(nullptr));
    REQUIRE(view->editSession()->newKey(QString(), QStringLiteral("HiveKitTest"), &error));
    choice = EditActions::PendingChoice::Commit;
    emit window.tabs()->tabCloseRequested(0);
    CHECK(asked == 3);
    CHECK(window.tabs()->count() == 0);
    auto reopened = guitest::openHive(hive);
    CHECK(hivekit::Index(*reopened).findKey("HiveKitTest").has_value());
}

TEST_CASE("A commit from the window empties the pending list and reloads the view from the file") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    MainWindow window;
    EditActions* edit = window.editActions();
    HiveView* view = openAndWait(window, hive);
    REQUIRE(view->startEditing(nullptr));
    edit->setView(view);
    QString error;
    REQUIRE(view->editSession()->newKey(QString(), QStringLiteral("HiveKitTest"), &error));
    REQUIRE(edit->commit(view, {CommitStrategy::Append, true}, true));
    CHECK(edit->dock()->table()->rowCount() == 0);
    REQUIRE(waitUntil([&] { return view->isLoaded(); }));
    CHECK(view->hive() == view->document()->hive());
    CHECK(hasKey(view, QStringLiteral("HiveKitTest")));
    CHECK(keyMark(view, QStringLiteral("HiveKitTest")) == static_cast<int>(ChangeMarks::Mark::None));
    CHECK(fileExists(hive + ".bak"));
}

TEST_CASE("After a commit interrupted once the hive was written, the view shows the pending changes again and a second commit finishes them") {
    TempDir dir;
    const std::string original = hivePath("ez/NTUSER1.DAT");
    bool seen = false;
    for (uint64_t point = 1; point < 40 && !seen; ++point) {
        INFO("failing operation " << point);
        const std::string hive = copyFile(original, dir.file("NTUSER" + std::to_string(point) + ".DAT"));
        MainWindow window;
        EditActions* edit = window.editActions();
        HiveView* view = openAndWait(window, hive);
        REQUIRE(view->startEditing(nullptr));
        edit->setView(view);
        QString error;
        REQUIRE(view->editSession()->newKey(QString(), QStringLiteral("HiveKitTest"), &error));
        CrashFileIO failing(realFileIO());
        failing.failAt(point, EIO);
        view->editSession()->setFileIO(&failing);
        QString shown;
        auto c = QObject::connect(edit, &EditActions::message, [&](const QString& m) { shown = m; });
        const bool ok = edit->commit(view, {CommitStrategy::Hybrid, false}, true);
        QObject::disconnect(c);
        view->editSession()->setFileIO(nullptr);
        if (ok || !shown.contains(QStringLiteral("partly written"))) continue;
        seen = true;
        // The view reads the file again with its log, then shows the
        // pending change over it, marked.
        REQUIRE(waitUntil([&] { return view->isLoaded() && view->hive() != view->document()->hive(); }));
        CHECK(view->document()->hive()->recovery().recovered);
        CHECK(hasKey(view, QStringLiteral("HiveKitTest")));
        CHECK(keyMark(view, QStringLiteral("HiveKitTest")) == static_cast<int>(ChangeMarks::Mark::Added));
        CHECK(edit->dock()->table()->rowCount() == 1);
        REQUIRE(edit->commit(view, {CommitStrategy::Hybrid, false}, true));
        CHECK(edit->dock()->table()->rowCount() == 0);
        REQUIRE(waitUntil([&] { return view->isLoaded() && view->hive() == view->document()->hive(); }));
        CHECK_FALSE(view->document()->hive()->recovery().wasDirty);
        CHECK(hasKey(view, QStringLiteral("HiveKitTest")));
    }
    CHECK(seen);
}

TEST_CASE("A .reg file imports as one undoable pending step, and keys and the hive export as .reg") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    const std::string reg = dir.file("in.reg");
    const std::string text =
        "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\HIVE\\Imported]\r\n\"Dw\"=dword:0000002a\r\n"
        "\"S\"=\"text\"\r\n";
    writeFile(reg, std::vector<uint8_t>(text.begin(), text.end()));
    MainWindow window;
    EditActions* edit = window.editActions();
    HiveView* view = openAndWait(window, hive);
    QString error;
    CHECK_FALSE(edit->importReg(qpath(reg), &error));
    CHECK(error == QStringLiteral("Open the hive for editing first."));
    REQUIRE(view->startEditing(nullptr));
    edit->setView(view);
    // What is not a regular file is refused at once, naming it (an endless
    // device would otherwise freeze the window), and nothing is pending.
    CHECK_FALSE(edit->importReg(QStringLiteral("/dev/zero"), &error));
    CHECK(error.startsWith(QStringLiteral("/dev/zero: not a regular file")));
    CHECK(view->editSession()->undoStack()->count() == 0);
    REQUIRE(edit->importReg(qpath(reg), &error));
    CHECK(view->editSession()->undoStack()->count() == 1);
    CHECK(view->editSession()->changes().size() == 3);
    CHECK(edit->dock()->table()->item(1, 1)->text() == QStringLiteral("Set value"));
    CHECK(edit->dock()->table()->item(1, 2)->text() == QStringLiteral("Imported : Dw"));
    CHECK(edit->dock()->table()->item(1, 3)->text() == QStringLiteral("(none) → 42"));
    CHECK(hasKey(view, QStringLiteral("Imported")));
    CHECK(valueMark(view, QStringLiteral("Imported"), QStringLiteral("Dw")) ==
          static_cast<int>(ChangeMarks::Mark::Added));

    const QString preview = edit->pendingAsReg();
    CHECK(preview.contains(QStringLiteral("[HKEY_LOCAL_MACHINE\\HIVE\\Imported]")));
    CHECK(preview.contains(QStringLiteral("\"Dw\"=dword:0000002a")));

    REQUIRE(view->goToPath(QStringLiteral("Imported")));
    const std::string out = dir.file("key.reg");
    REQUIRE(edit->exportReg(qpath(out), false, &error));
    const auto bytes = readFile(out);
    REQUIRE(bytes.size() > 2);
    CHECK((bytes[0] == 0xff && bytes[1] == 0xfe));
    const QString exported = QString::fromUtf16(reinterpret_cast<const char16_t*>(bytes.data() + 2),
                                                static_cast<qsizetype>((bytes.size() - 2) / 2));
    CHECK(exported.contains(QStringLiteral("\"S\"=\"text\"")));
    CHECK_FALSE(exported.contains(QStringLiteral("AppEvents")));
    REQUIRE(edit->exportReg(qpath(dir.file("hive.reg")), true, &error));
    CHECK(readFile(dir.file("hive.reg")).size() > bytes.size());

    edit->undoAction()->trigger();
    CHECK_FALSE(view->hasPendingChanges());
    CHECK_FALSE(hasKey(view, QStringLiteral("Imported")));
}

TEST_CASE("The .reg preview writes renames as comments and the highlighter tells key lines, names and data apart") {
    Plan plan;
    plan.createKey("A").setValue("A", "n", kRegDword, {1, 0, 0, 0}).deleteValue("A", "old").renameKey("A", "B").deleteKey("C");
    const QString text = QString::fromStdString(planAsRegText(plan));
    CHECK(text.contains(QStringLiteral("[HKEY_LOCAL_MACHINE\\HIVE\\A]\r\n\"n\"=dword:00000001\r\n\"old\"=-\r\n")));
    CHECK(text.contains(QStringLiteral("; rename key")));
    CHECK(text.contains(QStringLiteral("[-HKEY_LOCAL_MACHINE\\HIVE\\C]")));
    CHECK(RegHighlighter::kindAt(QStringLiteral("[HKEY_LOCAL_MACHINE\\HIVE\\A]"), 3) == RegHighlighter::KeyLine);
    CHECK(RegHighlighter::kindAt(QStringLiteral("[-HKEY_LOCAL_MACHINE\\HIVE\\C]"), 3) == RegHighlighter::DeletedKey);
    CHECK(RegHighlighter::kindAt(QStringLiteral("\"n\"=dword:00000001"), 1) == RegHighlighter::Name);
    CHECK(RegHighlighter::kindAt(QStringLiteral("\"n\"=dword:00000001"), 5) == RegHighlighter::TypePrefix);
    CHECK(RegHighlighter::kindAt(QStringLiteral("\"n\"=dword:00000001"), 12) == -1);
    CHECK(RegHighlighter::kindAt(QStringLiteral("@=\"x\""), 3) == RegHighlighter::String);
    CHECK(RegHighlighter::kindAt(QStringLiteral("\"old\"=-"), 6) == RegHighlighter::Deletion);
    CHECK(RegHighlighter::kindAt(QStringLiteral("; note"), 2) == RegHighlighter::Comment);
    QTextDocument doc(text);
    RegHighlighter highlighter(&doc);  // runs over every block without trouble
    CHECK(doc.blockCount() > 5);
}

TEST_CASE("The commit dialog shows the hive's free space from the cell scan and returns the chosen strategy and backup") {
    auto hive = guitest::openHive(hivePath("ez/NTUSER1.DAT"));
    const CellStatistics stats = CellScanner(*hive).statistics();
    const auto freeCells = stats.count[static_cast<size_t>(CellKind::Free)];
    CommitDialog dialog(*hive, 3);
    CHECK(dialog.freeSpaceLabel()->text() == CommitDialog::freeSpaceText(*hive));
    CHECK(dialog.freeSpaceLabel()->text().contains(QStringLiteral(" in %1 free cell").arg(freeCells)));
    CHECK(dialog.choice().strategy == CommitStrategy::Hybrid);
    CHECK_FALSE(dialog.choice().backup);
    for (auto s : {CommitStrategy::InPlace, CommitStrategy::Append, CommitStrategy::Hybrid}) {
        dialog.setChoice({s, true});
        CHECK(dialog.choice().strategy == s);
        CHECK(dialog.choice().backup);
    }
}

TEST_CASE("The Edit menu's Undo History shows the undo view of the hive being edited") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    MainWindow window;
    EditActions* edit = window.editActions();
    HiveView* view = openAndWait(window, hive);
    REQUIRE(view->startEditing(nullptr));
    edit->setView(view);
    QString error;
    REQUIRE(view->editSession()->newKey(QString(), QStringLiteral("HiveKitTest"), &error));
    CHECK(edit->dock()->undoView()->stack() == view->editSession()->undoStack());
    CHECK_FALSE(edit->dock()->historyShown());
    edit->historyAction()->trigger();
    CHECK(edit->dock()->historyShown());
    CHECK(edit->dock()->undoView()->model()->rowCount() == 2);  // the empty state and one step
}

TEST_CASE("Del in the key tree deletes the selected key and Ctrl+Z brings it back") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    EditActions* edit = window.editActions();
    edit->confirmRecursiveDelete = [](const QString&) { return true; };
    HiveView* view = openAndWait(window, hive);
    edit->editModeAction()->trigger();
    REQUIRE(waitUntil([&] { return view->isEditing(); }));
    REQUIRE(view->goToPath(QStringLiteral("AppEvents")));
    view->keyTree()->setFocus();
    QTest::keyClick(view->keyTree(), Qt::Key_Delete);
    REQUIRE(view->editSession()->changes().size() == 1);
    CHECK(view->editSession()->changes().front().edit.kind == Edit::Kind::DeleteKey);
    CHECK_FALSE(hasKey(view, QStringLiteral("AppEvents")));
    QTest::keyClick(view->keyTree(), Qt::Key_Z, Qt::ControlModifier);
    CHECK_FALSE(view->hasPendingChanges());
    CHECK(hasKey(view, QStringLiteral("AppEvents")));
    // Discard all from a visible window asks; leave nothing pending.
    view->editSession()->discardAll();
}

TEST_CASE("The keys open in the tree stay open when a pending change redraws it") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    MainWindow window;
    HiveView* view = openAndWait(window, hive);
    REQUIRE(view->startEditing(nullptr));
    REQUIRE(view->goToPath(QStringLiteral("AppEvents\\EventLabels")));
    view->keyTree()->expand(view->keyTree()->currentIndex());
    REQUIRE(view->goToPath(QStringLiteral("Control Panel")));
    view->keyTree()->expand(view->keyTree()->currentIndex());
    QString error;
    REQUIRE(view->editSession()->newKey(QStringLiteral("Control Panel"), QStringLiteral("HiveKitTest"), &error));
    CHECK(view->currentKeyPath() == QStringLiteral("Control Panel"));
    for (const auto* path : {"AppEvents", "AppEvents\\EventLabels", "Control Panel"}) {
        INFO(path);
        REQUIRE(view->goToPath(QString::fromLatin1(path)));
        CHECK(view->keyTree()->isExpanded(view->keyTree()->currentIndex()));
    }
}

namespace {

/// How reglookup prints a class name: the stored UTF-16LE bytes, printable
/// ASCII as it is and every other byte as %XX.
std::string reglookupEscaped(const std::u16string& text) {
    std::string out;
    char buf[4];
    for (char16_t u : text) {
        for (unsigned b : {unsigned(u & 0xFF), unsigned(u >> 8)}) {
            if (b >= 0x20 && b < 0x7F && b != '%' && b != ',') {
                out += static_cast<char>(b);
            } else {
                std::snprintf(buf, sizeof buf, "%%%02X", b);
                out += buf;
            }
        }
    }
    return out;
}

/// The CLASS column reglookup (an independent reader) prints for `keyPath`.
std::string reglookupClass(const std::string& hive, const std::string& keyPath) {
    auto r = run({"reglookup", "-s", "-H", "-t", "KEY", "-p", keyPath, hive});
    REQUIRE(r.exitCode == 0);
    const std::string first = r.out.substr(0, r.out.find('\n'));
    REQUIRE(first.starts_with(keyPath + ","));
    return first.substr(first.rfind(',') + 1);
}

std::u16string classOf(const Hive& hive, const QString& path) {
    auto offset = hivekit::Index(hive).findKey(path.toStdString());
    REQUIRE(offset);
    auto key = hive.keyNode(*offset);
    REQUIRE(key);
    auto name = hive.className(*key);
    REQUIRE(name);
    return *name;
}

}  // namespace

TEST_CASE("Set Class Name is a pending change shown in the preview, committed for reglookup to read, and an empty name removes it") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    REQUIRE(reglookupClass(hive, "/AppEvents").empty());
    MainWindow window;
    EditActions* edit = window.editActions();
    HiveView* view = openAndWait(window, hive);
    CHECK_FALSE(edit->classNameAction()->isEnabled());  // read-only until editing
    REQUIRE(view->startEditing(nullptr));
    edit->setView(view);
    CHECK(edit->classNameAction()->isEnabled());
    REQUIRE(view->goToPath(QStringLiteral("AppEvents")));
    QString asked;
    edit->classNamePrompt = [&](const QString& path, const QString& current) -> std::optional<QString> {
        asked = path + QLatin1Char('=') + current;
        return QStringLiteral("HiveKit Clâss");
    };
    edit->classNameAction()->trigger();
    CHECK(asked == QStringLiteral("AppEvents="));
    REQUIRE(edit->dock()->table()->rowCount() == 1);
    CHECK(edit->dock()->table()->item(0, 1)->text() == QStringLiteral("Set class name"));
    CHECK(edit->dock()->table()->item(0, 2)->text() == QStringLiteral("AppEvents"));
    REQUIRE(waitUntil([&] { return view->hive() != view->document()->hive(); }));
    CHECK(classOf(*view->hive(), QStringLiteral("AppEvents")) == u"HiveKit Clâss");
    CHECK(classOf(*view->document()->hive(), QStringLiteral("AppEvents")).empty());  // the file: not yet

    REQUIRE(edit->commit(view, {CommitStrategy::Hybrid, false}, true));
    REQUIRE(waitUntil([&] { return view->isLoaded() && view->hive() == view->document()->hive(); }));
    CHECK(classOf(*view->document()->hive(), QStringLiteral("AppEvents")) == u"HiveKit Clâss");
    CHECK(reglookupClass(hive, "/AppEvents") == reglookupEscaped(u"HiveKit Clâss"));

    // The prompt offers the current name; an empty answer removes it.
    REQUIRE(view->goToPath(QStringLiteral("AppEvents")));
    edit->classNamePrompt = [&](const QString& path, const QString& current) -> std::optional<QString> {
        asked = path + QLatin1Char('=') + current;
        return QString();
    };
    edit->classNameAction()->trigger();
    CHECK(asked == QStringLiteral("AppEvents=HiveKit Clâss"));
    REQUIRE(edit->dock()->table()->rowCount() == 1);
    REQUIRE(edit->commit(view, {CommitStrategy::InPlace, false}, true));
    REQUIRE(waitUntil([&] { return view->isLoaded() && view->hive() == view->document()->hive(); }));
    CHECK(classOf(*view->document()->hive(), QStringLiteral("AppEvents")).empty());
    CHECK(reglookupClass(hive, "/AppEvents").empty());

    // Cancelling the prompt changes nothing.
    edit->classNamePrompt = [](const QString&, const QString&) -> std::optional<QString> { return std::nullopt; };
    edit->classNameAction()->trigger();
    CHECK(edit->dock()->table()->rowCount() == 0);
}

TEST_CASE("A tab open for editing holds the hive's lock: another tab or hivectl is refused, told who holds it") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    const auto before = readFile(hive);
    std::ifstream commFile("/proc/self/comm");
    std::string comm;
    std::getline(commFile, comm);
    const QString holder = qpath(hive) + QStringLiteral(" is locked by another writer, process %1 (%2)")
                                             .arg(::getpid())
                                             .arg(QString::fromStdString(comm));
    MainWindow window;
    HiveView* first = openAndWait(window, hive);
    REQUIRE(first->startEditing(nullptr));
    CHECK(HiveLock::holderOf(hive, LockKind::Exclusive).pid == ::getpid());

    // hivectl, another process, waits for none and is refused.
    auto r = hivectl({"set", hive, "", "v", "--type", "REG_DWORD", "--data", "1", "--wait", "0"});
    CHECK(r.exitCode == 5);
    CHECK(r.err == "hivectl: " + holder.toStdString() + "\n");

    // A second editor of the same file, in this process, is refused too
    // (opened by another name: the window would show the same tab again).
    const std::string link = dir.file("link.DAT");
    REQUIRE(::link(hive.c_str(), link.c_str()) == 0);
    QString why;
    HiveView* second = openAndWait(window, link);
    REQUIRE(second != first);
    CHECK_FALSE(second->startEditing(&why));
    CHECK(why == qpath(link) + holder.mid(qpath(hive).size()) + QStringLiteral(", this process"));
    CHECK(second->editSession() == nullptr);

    // The holder's own edits, previews and commit go on under its lock.
    QString error;
    REQUIRE(first->editSession()->newKey(QString(), QStringLiteral("Locked"), &error));
    REQUIRE(first->editSession()->preview());
    QSignalSpy finished(first->editSession(), &EditSession::commitFinished);
    first->editSession()->commit({});
    REQUIRE(waitUntil([&] { return finished.count() == 1; }));
    CHECK(finished.at(0).at(0).value<CommitOutcome>().ok);
    CHECK(readFile(hive) != before);
    CHECK(HiveLock::holderOf(hive, LockKind::Exclusive).pid == ::getpid());  // still editing

    // Leaving edit mode lets go of the lock.
    first->stopEditing();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    CHECK(HiveLock::holderOf(hive, LockKind::Exclusive).pid == 0);
    CHECK(second->startEditing(&why));
}
