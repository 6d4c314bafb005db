// View > Show Deleted Keys: the deleted keys a scan recovers, merged into the
// key tree under their parents (or under "Orphaned deleted keys"), in a
// style of their own, read-only, their recovered values in the value table.
#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFont>
#include <QImage>
#include <QItemSelectionModel>
#include <QAbstractItemModelTester>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTreeView>

#include <algorithm>
#include <functional>
#include <set>

#include "GuiTestSupport.h"
#include "common/Display.h"
#include "ThemeTestSupport.h"
#include "app/MainWindow.h"
#include "browse/DetailsPane.h"
#include "browse/KeyTreeModel.h"
#include "browse/ValueTableModel.h"
#include "common/Theme.h"
#include "deleted/DeletedDock.h"
#include "deleted/DeletedKeysInTree.h"
#include "deleted/DeletedModel.h"
#include "deleted/DeletedStyle.h"
#include "document/HiveDocument.h"
#include "document/HiveView.h"
#include "editing/EditActions.h"
#include "editing/EditSession.h"
#include "format/ValueData.h"
#include "hexview/HexPane.h"
#include "merge/Plan.h"
#include "merge/Session.h"
#include "support/HiveBuilder.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::gui;
using namespace testsupport;
using guitest::openAndWait;
using guitest::qpath;
using guitest::waitUntil;

namespace {

void commitInPlace(const std::string& hive, const Plan& plan) {
    SessionOptions options;
    options.strategy = StrategyKind::InPlace;  // frees the cells of what it deletes
    options.tx.flush = FlushMode::None;
    auto session = Session::open(hive, options);
    REQUIRE(session);
    REQUIRE((*session)->apply(plan));
    REQUIRE((*session)->commit());
}

/// A copy of a corpus hive where HiveKit created the key "GoneKey" (two
/// values, one subkey "Inner") under the root and then deleted it.
std::string hiveWithDeletedKey(TempDir& dir) {
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    Plan create;
    create.createKey("GoneKey")
        .setValue("GoneKey", "Evidence", kRegSz, regSzBytes(u"found in a free cell"))
        .setValue("GoneKey", "Count", kRegDword, {7, 0, 0, 0})
        .createKey("GoneKey\\Inner");
    commitInPlace(hive, create);
    Plan remove;
    remove.deleteKey("GoneKey", true);
    commitInPlace(hive, remove);
    return hive;
}

/// The child of `parent` shown as `name` (fetching every child first).
QModelIndex childNamed(KeyTreeModel& model, const QModelIndex& parent, const QString& name) {
    model.fetchAll(parent);
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex child = model.index(row, 0, parent);
        if (child.data().toString() == name) return child;
    }
    return {};
}

/// Every recovered key in the tree, with its depth below its live or
/// synthetic parent.
void collectRecovered(KeyTreeModel& model, const QModelIndex& parent, std::vector<QModelIndex>& out) {
    model.fetchAll(parent);
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex child = model.index(row, 0, parent);
        if (model.isRecovered(child)) out.push_back(child);
        collectRecovered(model, child, out);
    }
}

/// Shows or hides the deleted keys and waits until the tab's tree has them.
void showDeletedKeys(MainWindow& window, HiveView* view, bool shown) {
    window.showDeletedKeysAction()->setChecked(shown);
    DeletedKeysInTree* keys = DeletedKeysInTree::of(view);
    REQUIRE(keys);
    REQUIRE(keys->isShown() == shown);
    if (shown) REQUIRE(waitUntil([&] { return view->keyModel()->recoveredScan() != nullptr; }));
}

void selectKey(HiveView* view, const QModelIndex& index) {
    view->keyTree()->setCurrentIndex(index);
    QCoreApplication::processEvents();
}

QStringList valueNames(const HiveView* view) {
    QStringList names;
    const auto* model = view->valueModel();
    for (int row = 0; row < model->rowCount(); ++row)
        names << model->index(row, ValueTableModel::NameColumn).data().toString();
    names.sort();
    return names;
}

/// Which hive a DeletedKeysTab opens: hiveWithDeletedKey's, or a copy of
/// regipy/UsrClass.dat (94 deleted keys, some orphaned).
enum class TabHive { WithDeletedKey, UsrClass };

/// View > Show Deleted Keys forgotten (a member before the window: the
/// window reads the setting when it is built).
struct ShowDeletedKeysForgotten {
    ShowDeletedKeysForgotten() { QSettings().remove(QStringLiteral("view/showDeletedKeys")); }
};

/// A main window with a copy of a hive open in a tab, Show Deleted Keys
/// off as at a first start.
struct DeletedKeysTab {
    explicit DeletedKeysTab(TabHive which)
        : hive(which == TabHive::UsrClass ? copyFile(hivePath("regipy/UsrClass.dat"), dir.file("UsrClass.dat"))
                                          : hiveWithDeletedKey(dir)),
          view(openAndWait(window, hive)) {}

    ShowDeletedKeysForgotten forgotten;
    TempDir dir;
    std::string hive;
    MainWindow window;
    HiveView* view;
};

}  // namespace

TEST_CASE("Show Deleted Keys lists a recovered key under its live parent with its name and values",
          "[gui][deletedtree]") {
    DeletedKeysTab tab(TabHive::WithDeletedKey);
    MainWindow& window = tab.window;
    HiveView* view = tab.view;
    REQUIRE_FALSE(window.showDeletedKeysAction()->isChecked());
    showDeletedKeys(window, view, true);

    KeyTreeModel& model = *view->keyModel();
    const QModelIndex gone = childNamed(model, model.rootIndex(), QStringLiteral("GoneKey"));
    REQUIRE(gone.isValid());
    CHECK(model.isRecovered(gone));
    CHECK(gone.data(KeyTreeModel::RecoveredRole).toBool());
    CHECK(gone.data(KeyTreeModel::PathRole).toString() == QStringLiteral("GoneKey"));
    // Its deleted subkey hangs under it, not under the root.
    const QModelIndex inner = childNamed(model, gone, QStringLiteral("Inner"));
    REQUIRE(inner.isValid());
    CHECK(model.isRecovered(inner));
    CHECK(model.pathOf(inner) == QStringLiteral("GoneKey\\Inner"));
    CHECK_FALSE(childNamed(model, model.rootIndex(), QStringLiteral("Inner")).isValid());
    // The tooltip: where it was found, its offset, its last write time.
    const DeletedKey* key = model.recoveredKey(gone);
    REQUIRE(key);
    const QString tip = gone.data(Qt::ToolTipRole).toString();
    CHECK(tip.contains(QStringLiteral("Found in:")));
    CHECK(tip.contains(hexOffsetText(key->fileOffset())));
    CHECK(tip.contains(QStringLiteral("Last written: 20")));

    // Selected: its recovered values, read-only, and its nk cell in the hex view.
    selectKey(view, gone);
    CHECK(view->currentKeyIsRecovered());
    CHECK(valueNames(view) == QStringList({QStringLiteral("Count"), QStringLiteral("Evidence")}));
    const ValueTableModel& values = *view->valueModel();
    for (int row = 0; row < values.rowCount(); ++row) {
        const QModelIndex name = values.index(row, ValueTableModel::NameColumn);
        CHECK(name.data(ValueTableModel::RecoveredRole).toBool());
        CHECK_FALSE(values.flags(name).testFlag(Qt::ItemIsEditable));
        const QString data = values.index(row, ValueTableModel::DataColumn).data().toString();
        if (name.data().toString() == QStringLiteral("Evidence")) {
            CHECK(data == QStringLiteral("found in a free cell"));
            CHECK(values.index(row, ValueTableModel::TypeColumn).data().toString().contains(QStringLiteral("REG_SZ")));
        } else {
            CHECK(data.contains(QStringLiteral("7")));
        }
    }
    CHECK(view->hexPane()->currentCell() == key->cellOffset);
    // A recovered value selected: its vk cell in the hex view, its place in the details.
    REQUIRE(values.rowCount() > 0);
    QTableView* table = view->valueTable();
    const QModelIndex first = table->model()->index(0, 0);  // through the sorting proxy
    const uint32_t vk = first.data(ValueTableModel::OffsetRole).toUInt();
    table->selectionModel()->clear();
    table->selectionModel()->setCurrentIndex(first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCoreApplication::processEvents();
    CHECK(view->hexPane()->currentCell() == vk);
    CHECK(view->details()->toPlainText().contains(QStringLiteral("Deleted value, recovered")));

    // No bookmark: the key has no place in the live tree to come back to.
    int bookmarkActions = 0;
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->text() != QStringLiteral("&Bookmark This Key")) continue;
        ++bookmarkActions;
        CHECK_FALSE(action->isEnabled());
    }
    CHECK(bookmarkActions == 1);
    // Copy Key Path copies the recovered path.
    QApplication::clipboard()->clear();
    REQUIRE(window.copyKeyPathAction()->isEnabled());
    window.copyKeyPathAction()->trigger();
    CHECK(QApplication::clipboard()->text() == QStringLiteral("GoneKey"));
}

TEST_CASE("The recovered keys in the tree are the keys scanDeleted finds, each once", "[gui][deletedtree]") {
    DeletedKeysTab tab(TabHive::UsrClass);
    MainWindow& window = tab.window;
    HiveView* view = tab.view;
    showDeletedKeys(window, view, true);
    KeyTreeModel& model = *view->keyModel();

    std::vector<QModelIndex> shown;
    collectRecovered(model, {}, shown);
    auto scan = scanDeleted(*view->document()->hive());
    REQUIRE(scan);
    REQUIRE(scan->keys.size() > 50);
    std::multiset<std::string> expected;
    for (const DeletedKey& key : scan->keys) expected.insert(key.path);
    std::multiset<std::string> got;
    for (const QModelIndex& index : shown) got.insert(model.pathOf(index).toStdString());
    CHECK(got == expected);
    // Each shown under the node its path names: its parent's path and its name.
    for (const QModelIndex& index : shown) {
        const QModelIndex parent = index.parent();
        if (model.isOrphanGroup(parent)) continue;
        CHECK(model.pathOf(index) ==
              (model.pathOf(parent).isEmpty() ? QString() : model.pathOf(parent) + QLatin1Char('\\')) +
                  index.data().toString());
    }
}

TEST_CASE("Every deleted key reglookup-recover finds in a corpus hive is in the tree with its name",
          "[gui][deletedtree]") {
    DeletedKeysTab tab(TabHive::UsrClass);
    MainWindow& window = tab.window;
    HiveView* view = tab.view;
    QProcess tool;
    tool.start(QStringLiteral("/usr/bin/reglookup-recover"), {qpath(tab.hive)});
    REQUIRE(tool.waitForFinished(60000));
    REQUIRE(tool.exitCode() == 0);
    // OFFSET,REC_LENGTH,REC_TYPE,PATH,NAME,...: the file offset of each KEY record and its name.
    QHash<quint64, QString> theirs;
    for (const QString& line : QString::fromUtf8(tool.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        const QStringList fields = line.split(QLatin1Char(','));
        if (fields.size() < 5 || fields[2] != QStringLiteral("KEY")) continue;
        bool ok = false;
        const quint64 offset = fields[0].toULongLong(&ok, 16);
        if (ok) theirs.insert(offset, fields[4]);
    }
    REQUIRE(theirs.size() > 50);

    showDeletedKeys(window, view, true);
    KeyTreeModel& model = *view->keyModel();
    std::vector<QModelIndex> shown;
    collectRecovered(model, {}, shown);
    QHash<quint64, QString> ours;
    for (const QModelIndex& index : shown)
        ours.insert(model.recoveredKey(index)->fileOffset().value, index.data().toString());
    for (auto it = theirs.constBegin(); it != theirs.constEnd(); ++it) {
        INFO("reglookup-recover key at " << it.key() << " " << it.value().toStdString());
        // A name mostly of control characters is refused by design (plausibleRecordName).
        int characters = 0;
        int controls = 0;
        const QString& name = it.value();
        for (qsizetype i = 0; i < name.size(); ++i, ++characters) {
            bool hex = false;
            const int code =
                name[i] == QLatin1Char('%') && i + 2 < name.size() ? name.mid(i + 1, 2).toInt(&hex, 16) : -1;
            if (hex) {
                i += 2;
                if (code < 0x20 || code == 0x7f) ++controls;
            }
        }
        if (characters > 0 && controls * 2 >= characters) continue;
        CHECK(ours.contains(it.key()));
        // reglookup-recover escapes unusual characters as %XX: compare plain names only.
        if (!it.value().contains(QLatin1Char('%'))) CHECK(ours.value(it.key()) == it.value());
    }
}

TEST_CASE("Recovered keys whose parent is lost go under the Orphaned deleted keys node after the root",
          "[gui][deletedtree]") {
    DeletedKeysTab tab(TabHive::UsrClass);
    MainWindow& window = tab.window;
    HiveView* view = tab.view;
    showDeletedKeys(window, view, true);
    KeyTreeModel& model = *view->keyModel();

    REQUIRE(model.rowCount() == 2);
    const QModelIndex group = model.orphanGroupIndex();
    REQUIRE(group.isValid());
    CHECK(group.row() == 1);
    CHECK(group.data().toString() == QStringLiteral("Orphaned deleted keys"));
    CHECK(model.isOrphanGroup(group));
    CHECK_FALSE(model.isRecovered(group));
    // Its children: the keys whose path starts over at "?\" (their parent
    // is neither live nor recovered); a recovered parent keeps its own.
    auto scan = scanDeleted(*view->document()->hive());
    REQUIRE(scan);
    std::multiset<QString> expected;
    for (const DeletedKey& key : scan->keys)
        if (key.path == "?\\" + key.name) expected.insert(toQString(key.name));
    REQUIRE_FALSE(expected.empty());
    std::multiset<QString> got;
    model.fetchAll(group);
    for (int row = 0; row < model.rowCount(group); ++row) got.insert(model.index(row, 0, group).data().toString());
    CHECK(got == expected);
    const QModelIndex nested = childNamed(
        model,
        childNamed(model, group, QStringLiteral("microsoft.windowslive.mail.AppXg2p5z7txjp6y39148m6jdzh9nmnk7d9p.mca")),
        QStringLiteral("CustomProperties"));
    CHECK(nested.isValid());

    // Selecting the group shows no values and edits nothing.
    selectKey(view, group);
    CHECK(view->valueModel()->rowCount() == 0);
    CHECK(view->currentKeyIsRecovered());
}

TEST_CASE("Recovered keys in a cycle of Parent fields are shown once each under the orphans", "[gui][deletedtree]") {
    std::shared_ptr<const Hive> shared = guitest::openHive(hivePath("hivex/minimal"));
    REQUIRE(shared);
    auto scan = std::make_shared<DeletedScan>();
    // A and B name each other as parent; C names A; D has a live parent
    // that the hive does not have.
    auto add = [&](uint32_t cell, uint32_t parent, const char* name, const char* path, bool parentLive) {
        DeletedKey key;
        key.cellOffset = cell;
        key.node.parent = parent;
        key.name = name;
        key.path = path;
        key.parentLive = parentLive;
        scan->keys.push_back(key);
    };
    add(0x1000, 0x2000, "A", "?\\A", false);
    add(0x2000, 0x1000, "B", "?\\A\\B", false);
    add(0x3000, 0x1000, "C", "?\\A\\C", false);
    add(0x4000, shared->rootOffset(), "D", "NoSuchKey\\D", true);
    KeyTreeModel model;
    model.setHive(shared);
    model.setRecoveredKeys(shared, scan);
    const QModelIndex group = model.orphanGroupIndex();
    REQUIRE(group.isValid());
    QStringList top;
    model.fetchAll(group);
    for (int row = 0; row < model.rowCount(group); ++row) top << model.index(row, 0, group).data().toString();
    CHECK(top == QStringList({QStringLiteral("D"), QStringLiteral("A")}));
    const QModelIndex a = model.index(1, 0, group);
    model.fetchAll(a);
    QStringList underA;
    for (int row = 0; row < model.rowCount(a); ++row) underA << model.index(row, 0, a).data().toString();
    CHECK(underA == QStringList({QStringLiteral("B"), QStringLiteral("C")}));
    const QModelIndex b = model.index(0, 0, a);
    model.fetchAll(b);
    CHECK(model.rowCount(b) == 0);  // B's child A is shown already: no endless tree
}

TEST_CASE("With Show Deleted Keys off the key tree is as it was and the toggle is remembered",
          "[gui][deletedtree]") {
    QSettings().remove(QStringLiteral("view/showDeletedKeys"));
    TempDir dir;
    const std::string hive = hiveWithDeletedKey(dir);
    {
        MainWindow window;
        HiveView* view = openAndWait(window, hive);
        KeyTreeModel& model = *view->keyModel();
        model.fetchAll(model.rootIndex());
        const int topBefore = model.rowCount();
        const int rootBefore = model.rowCount(model.rootIndex());
        view->keyTree()->expand(model.rootIndex());

        showDeletedKeys(window, view, true);
        CHECK(model.rowCount(model.rootIndex()) == rootBefore + 1);  // GoneKey
        CHECK(QSettings().value(QStringLiteral("view/showDeletedKeys")).toBool());
        CHECK(view->keyTree()->isExpanded(model.rootIndex()));  // rows inserted in place

        showDeletedKeys(window, view, false);
        CHECK(model.rowCount() == topBefore);
        CHECK(model.rowCount(model.rootIndex()) == rootBefore);
        std::vector<QModelIndex> recovered;
        collectRecovered(model, {}, recovered);
        CHECK(recovered.empty());
        CHECK_FALSE(childNamed(model, model.rootIndex(), QStringLiteral("GoneKey")).isValid());
        CHECK_FALSE(QSettings().value(QStringLiteral("view/showDeletedKeys")).toBool());
        window.showDeletedKeysAction()->setChecked(true);
    }
    // A new window starts with the toggle as it was left.
    MainWindow again;
    CHECK(again.showDeletedKeysAction()->isChecked());
    HiveView* view = openAndWait(again, hive);
    REQUIRE(waitUntil([&] { return view->keyModel()->recoveredScan() != nullptr; }));
    CHECK(childNamed(*view->keyModel(), view->keyModel()->rootIndex(), QStringLiteral("GoneKey")).isValid());
    again.showDeletedKeysAction()->setChecked(false);
}

TEST_CASE("A recovered key is italic in a colour of its own that reads on light and dark palettes",
          "[gui][deletedtree]") {
    for (const QPalette& palette : {guitest::lightPalette(), guitest::fusionDarkPalette(),
                                    guitest::breezeDarkPalette(), guitest::adwaitaDarkPalette()}) {
        const QColor colour = recoveredKeyColor(palette);
        CHECK(theme::contrastRatio(colour, palette.color(QPalette::Base)) >= theme::kTextContrast);
        CHECK(theme::contrastRatio(colour, palette.color(QPalette::AlternateBase)) >= theme::kTextContrast);
        CHECK(colour != palette.color(QPalette::Text));
    }
    CHECK(recoveredKeyColor(guitest::lightPalette()) != recoveredKeyColor(guitest::fusionDarkPalette()));

    DeletedKeysTab tab(TabHive::WithDeletedKey);
    MainWindow& window = tab.window;
    HiveView* view = tab.view;
    showDeletedKeys(window, view, true);
    KeyTreeModel& model = *view->keyModel();
    const QModelIndex gone = childNamed(model, model.rootIndex(), QStringLiteral("GoneKey"));
    REQUIRE(gone.isValid());
    const QModelIndex live = model.index(0, 0, model.rootIndex());
    REQUIRE_FALSE(model.isRecovered(live));
    CHECK(gone.data(Qt::FontRole).value<QFont>().italic());
    CHECK_FALSE(live.data(Qt::FontRole).value<QFont>().italic());
    CHECK(gone.data(Qt::ForegroundRole).value<QBrush>().color() == recoveredKeyColor(QGuiApplication::palette()));
    CHECK_FALSE(live.data(Qt::ForegroundRole).isValid());
    const QImage goneIcon = gone.data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).toImage();
    const QImage liveIcon = live.data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).toImage();
    CHECK_FALSE(goneIcon.isNull());
    CHECK(goneIcon.convertToFormat(QImage::Format_ARGB32) != liveIcon.convertToFormat(QImage::Format_ARGB32));
    // Its values too.
    selectKey(view, gone);
    REQUIRE(view->valueModel()->rowCount() > 0);
    const QModelIndex value = view->valueModel()->index(0, ValueTableModel::NameColumn);
    CHECK(value.data(Qt::FontRole).value<QFont>().italic());
    CHECK(value.data(Qt::ForegroundRole).value<QBrush>().color() == recoveredKeyColor(QGuiApplication::palette()));
}

TEST_CASE("Edit actions are disabled on a recovered deleted key and a live edit keeps the deleted keys",
          "[gui][deletedtree]") {
    DeletedKeysTab tab(TabHive::WithDeletedKey);
    MainWindow& window = tab.window;
    HiveView* view = tab.view;
    EditActions* edit = window.editActions();
    edit->editModeAction()->trigger();
    // Editing waits for the structural check of the hive.
    REQUIRE(waitUntil([&] { return view->isEditing(); }));
    showDeletedKeys(window, view, true);
    KeyTreeModel& model = *view->keyModel();

    // A live key: the edit actions are there.
    selectKey(view, model.rootIndex());
    CHECK(edit->newKeyAction()->isEnabled());
    CHECK(edit->newValueAction()->isEnabled());

    const QModelIndex gone = childNamed(model, model.rootIndex(), QStringLiteral("GoneKey"));
    REQUIRE(gone.isValid());
    selectKey(view, gone);
    for (QAction* action : {edit->newKeyAction(), edit->newValueAction(), edit->editValueAction(),
                            edit->renameAction(), edit->classNameAction(), edit->deleteAction()})
        CHECK_FALSE(action->isEnabled());
    CHECK_FALSE(model.flags(gone).testFlag(Qt::ItemIsEditable));
    CHECK(model.isRenamable());  // live keys are renamable in this tab
    CHECK_FALSE(model.flags(model.index(0, 0, model.rootIndex())) == Qt::NoItemFlags);
    REQUIRE(view->valueModel()->rowCount() > 0);
    CHECK_FALSE(view->valueModel()->flags(view->valueModel()->index(0, 0)).testFlag(Qt::ItemIsEditable));
    // Even if one were triggered: refused with a reason, nothing pending.
    QString refused;
    edit->errorPrompt = [&refused](const QString& text, const QString&) { refused = text; };
    for (QAction* action : {edit->deleteAction(), edit->renameAction(), edit->newKeyAction()}) {
        refused.clear();
        action->setEnabled(true);
        action->trigger();
        CHECK(refused.contains(QStringLiteral("read-only")));
    }
    CHECK_FALSE(view->hasPendingChanges());

    // A pending change rebuilds the tree over the preview: the deleted key stays.
    QString error;
    REQUIRE(view->editSession()->newKey(QString(), QStringLiteral("FreshKey"), &error));
    REQUIRE(view->hasPendingChanges());
    const QModelIndex fresh = childNamed(model, model.rootIndex(), QStringLiteral("FreshKey"));
    CHECK(fresh.isValid());
    CHECK_FALSE(model.isRecovered(fresh));
    const QModelIndex stillThere = childNamed(model, model.rootIndex(), QStringLiteral("GoneKey"));
    REQUIRE(stillThere.isValid());
    CHECK(model.isRecovered(stillThere));
    CHECK(childNamed(model, stillThere, QStringLiteral("Inner")).isValid());
}

TEST_CASE("Turning Show Deleted Keys on and off keeps the key tree model consistent", "[gui][deletedtree]") {
    DeletedKeysTab tab(TabHive::WithDeletedKey);
    MainWindow& window = tab.window;
    HiveView* view = tab.view;
    KeyTreeModel& model = *view->keyModel();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    view->keyTree()->expand(model.rootIndex());
    for (int round = 0; round < 2; ++round) {
        showDeletedKeys(window, view, true);
        const QModelIndex gone = childNamed(model, model.rootIndex(), QStringLiteral("GoneKey"));
        REQUIRE(gone.isValid());
        view->keyTree()->expand(gone);
        REQUIRE(childNamed(model, gone, QStringLiteral("Inner")).isValid());
        selectKey(view, gone);
        showDeletedKeys(window, view, false);
        // The selection left the recovered key with its row.
        CHECK_FALSE(view->currentKeyIsRecovered());
        CHECK_FALSE(childNamed(model, model.rootIndex(), QStringLiteral("GoneKey")).isValid());
    }
}

TEST_CASE("Show Deleted Keys takes the Deleted dock's scan of the tab instead of scanning again",
          "[gui][deletedtree]") {
    DeletedKeysTab tab(TabHive::WithDeletedKey);
    MainWindow& window = tab.window;
    HiveView* view = tab.view;
    window.startDeletedScan();
    DeletedDock* dock = window.deletedDock();
    REQUIRE(waitUntil([&] { return !dock->isRunning() && dock->model()->scan() != nullptr; }));
    window.showDeletedKeysAction()->setChecked(true);
    DeletedKeysInTree* keys = DeletedKeysInTree::of(view);
    REQUIRE(keys);
    CHECK_FALSE(keys->isScanning());
    CHECK(view->keyModel()->recoveredScan().get() == dock->model()->scan());
    CHECK(childNamed(*view->keyModel(), view->keyModel()->rootIndex(), QStringLiteral("GoneKey")).isValid());
    window.showDeletedKeysAction()->setChecked(false);
}
