// The Deleted dock: a scan of the free cells off the GUI thread, deleted
// keys with their paths and values, values without a known key, a click
// that shows the record in the hex view, and a hive left untouched.
#include <catch2/catch.hpp>

#include <QAction>
#include <QSignalSpy>
#include <QTreeView>

#include "deleted/DeletedDock.h"
#include "deleted/DeletedModel.h"
#include "common/Display.h"
#include "GuiTestSupport.h"
#include "document/HiveDocument.h"
#include "document/HiveView.h"
#include "app/MainWindow.h"
#include "format/Layout.h"
#include "format/ValueData.h"
#include "merge/Plan.h"
#include "merge/Session.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::gui;
using namespace testsupport;
using guitest::BusyThreadPool;
using guitest::qpath;
using guitest::openAndWait;
using guitest::waitUntil;

namespace {

std::vector<uint8_t> utf16z(const char* ascii) {
    std::vector<uint8_t> out;
    for (const char* p = ascii; *p; ++p) out.insert(out.end(), {static_cast<uint8_t>(*p), 0});
    out.insert(out.end(), {0, 0});
    return out;
}

void commitPlan(const std::string& hive, const Plan& plan) {
    SessionOptions options;
    options.strategy = StrategyKind::InPlace;  // frees what it replaces and deletes
    options.tx.flush = FlushMode::None;
    auto session = Session::open(hive, options);
    REQUIRE(session);
    REQUIRE((*session)->apply(plan));
    REQUIRE((*session)->commit());
}

/// A copy of a real hive in which a key with two values was created, then
/// deleted, and a value was deleted from a key that lives on.
std::string hiveWithDeletedData(TempDir& dir) {
    const std::string hive = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    Plan create;
    create.createKey("HiveKitDeleted")
        .setValue("HiveKitDeleted", "Evidence", kRegSz, utf16z("left behind in a free cell"))
        .setValue("HiveKitDeleted", "Count", kRegDword, {42, 0, 0, 0})
        .createKey("HiveKitKept")
        .setValue("HiveKitKept", "Gone", kRegSz, utf16z("a value deleted from a live key"));
    commitPlan(hive, create);
    Plan remove;
    remove.deleteKey("HiveKitDeleted", true).deleteValue("HiveKitKept", "Gone");
    commitPlan(hive, remove);
    return hive;
}

QModelIndex findRow(const QAbstractItemModel& model, const QString& text, const QModelIndex& parent = {}) {
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, DeletedModel::NameColumn, parent);
        if (index.data().toString() == text) return index;
    }
    return {};
}

}  // namespace

TEST_CASE("Find Deleted scans off the GUI thread and lists a deleted key with its path, values and data") {
    TempDir dir;
    const std::string hive = hiveWithDeletedData(dir);
    const auto before = readFile(hive);
    MainWindow window;
    HiveView* view = openAndWait(window, hive);
    DeletedDock* dock = window.deletedDock();
    REQUIRE(window.findDeletedAction()->isEnabled());
    window.findDeletedAction()->trigger();
    REQUIRE(waitUntil([&] { return !dock->isRunning() && dock->model()->scan(); }));
    INFO(dock->statusText().toStdString());
    CHECK(dock->statusText().contains(QStringLiteral("deleted key")));

    const DeletedModel& model = *dock->model();
    const QModelIndex key = findRow(model, QStringLiteral("HiveKitDeleted"));
    REQUIRE(key.isValid());
    CHECK(key.data(DeletedModel::KindRole).toString() == QStringLiteral("key"));
    CHECK(model.index(key.row(), DeletedModel::WrittenColumn).data().toString().startsWith(QStringLiteral("20")));
    REQUIRE(model.rowCount(key) == 2);
    const QModelIndex evidence = findRow(model, QStringLiteral("Evidence"), key);
    REQUIRE(evidence.isValid());
    CHECK(model.index(evidence.row(), DeletedModel::TypeColumn, key).data().toString() == QStringLiteral("REG_SZ"));
    CHECK(model.index(evidence.row(), DeletedModel::DataColumn, key).data().toString() ==
          QStringLiteral("left behind in a free cell"));
    const QModelIndex count = findRow(model, QStringLiteral("Count"), key);
    REQUIRE(count.isValid());
    CHECK(model.index(count.row(), DeletedModel::DataColumn, key).data().toString().contains(QStringLiteral("42")));

    // The value deleted from a key that lives on has no deleted key: it is
    // in the last group.
    REQUIRE(model.orphanCount() >= 1);
    const QModelIndex group = model.index(model.rowCount() - 1, 0);
    CHECK(group.data(DeletedModel::KindRole).toString() == QStringLiteral("group"));
    const QModelIndex gone = findRow(model, QStringLiteral("Gone"), group);
    REQUIRE(gone.isValid());
    CHECK(model.index(gone.row(), DeletedModel::DataColumn, group).data().toString() ==
          QStringLiteral("a value deleted from a live key"));

    // A click shows the record's cell in the hex view of the scanned tab.
    QSignalSpy status(view, &HiveView::statusMessage);
    const quint64 offset = key.data(DeletedModel::FileOffsetRole).toULongLong();
    CHECK(offset >= layout::kBaseBlockSize);
    emit dock->view()->clicked(key);
    REQUIRE(status.count() >= 1);
    CHECK(status.last().at(0).toString().contains(hexOffsetText(offset)));

    // Scanning reads: the file is as it was.
    CHECK(readFile(hive) == before);
}

TEST_CASE("The Deleted dock forgets a closed tab's results, and a scan without a hive says so") {
    TempDir dir;
    const std::string hive = hiveWithDeletedData(dir);
    MainWindow window;
    HiveView* view = openAndWait(window, hive);
    DeletedDock* dock = window.deletedDock();
    window.startDeletedScan();
    REQUIRE(waitUntil([&] { return !dock->isRunning() && dock->model()->scan(); }));
    CHECK(dock->model()->rowCount() > 0);
    emit window.tabs()->tabCloseRequested(window.tabs()->indexOf(view));
    REQUIRE(waitUntil([&] { return window.tabs()->count() == 0; }));
    CHECK(dock->model()->rowCount() == 0);
    CHECK_FALSE(window.findDeletedAction()->isEnabled());
    dock->scan(nullptr, nullptr);
    CHECK(dock->statusText().contains(QStringLiteral("Open a hive")));
}

TEST_CASE("A deleted-data scan that is stopped says so and shows nothing") {
    TempDir dir;
    const std::string hive = hiveWithDeletedData(dir);
    MainWindow window;
    HiveView* view = openAndWait(window, hive);
    DeletedDock* dock = window.deletedDock();
    // Every worker thread busy: the scan is queued, and stopped before it
    // can start.
    BusyThreadPool pool;
    dock->scan(view->document()->hive(), view);
    CHECK(dock->isRunning());
    dock->cancel();
    pool.release();
    dock->waitForFinished();
    REQUIRE(waitUntil([&] { return !dock->isRunning() && dock->statusText().contains(QStringLiteral("Stopped")); }));
    CHECK(dock->model()->scan() == nullptr);
    CHECK(dock->model()->rowCount() == 0);
    // A new scan after a stop runs to the end.
    window.startDeletedScan();
    REQUIRE(waitUntil([&] { return !dock->isRunning() && dock->model()->scan(); }));
    CHECK(dock->model()->rowCount() > 0);
}

TEST_CASE("Export to .reg from the Deleted dock writes the file hivectl deleted --reg writes") {
    TempDir dir;
    const std::string hive = hiveWithDeletedData(dir);
    MainWindow window;
    openAndWait(window, hive);
    DeletedDock* dock = window.deletedDock();
    const QString file = qpath(dir.file("dock.reg"));
    QString error;
    CHECK_FALSE(dock->exportReg(file, &error));  // nothing scanned yet
    CHECK_FALSE(error.isEmpty());
    window.startDeletedScan();
    REQUIRE(waitUntil([&] { return !dock->isRunning() && dock->model()->scan(); }));
    REQUIRE(dock->exportReg(file, &error));
    const std::string fromCli = dir.file("cli.reg");
    ProcessResult r = hivectl({"deleted", hive, "--reg", "-o", fromCli});
    REQUIRE(r.exitCode == 0);
    const std::vector<uint8_t> ours = readFile(dir.file("dock.reg"));
    CHECK(ours == readFile(fromCli));
    CHECK(ours.size() > 200);
}

TEST_CASE("The Deleted dock says where each record was found") {
    TempDir dir;
    const std::string hive = hiveWithDeletedData(dir);
    MainWindow window;
    openAndWait(window, hive);
    DeletedDock* dock = window.deletedDock();
    window.startDeletedScan();
    REQUIRE(waitUntil([&] { return !dock->isRunning() && dock->model()->scan(); }));
    DeletedModel* model = dock->model();
    CHECK(model->headerData(DeletedModel::FoundInColumn, Qt::Horizontal).toString() == QStringLiteral("Found in"));
    bool sawKey = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex name = model->index(row, DeletedModel::NameColumn);
        if (name.data().toString() != QStringLiteral("HiveKitDeleted")) continue;
        sawKey = true;
        const QModelIndex where = model->index(row, DeletedModel::FoundInColumn);
        CHECK(where.data().toString() == foundInText(dock->model()->scan()->keys[size_t(row)].foundIn));
        CHECK_FALSE(where.data(Qt::ToolTipRole).toString().isEmpty());
    }
    CHECK(sawKey);
}
