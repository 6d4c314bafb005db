// The log history view (gui/loghistory): opened from the recovery banner's
// "History…" button, its entries as replay meets them, the changes of the
// selected entry, a change activated showing its key and value in the tab,
// and a screenshot to look at.
#include <catch2/catch.hpp>

#include <QDir>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QTableView>

#include "GuiTestSupport.h"
#include "app/MainWindow.h"
#include "document/HiveView.h"
#include "document/RecoveryBanner.h"
#include "loghistory/LogHistoryView.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::gui;
using namespace testsupport;
using guitest::openAndWait;
using guitest::waitUntil;

namespace {

/// transactions_NTUSER.DAT and its two logs, copied to `dir`; returns the hive.
std::string stageNtUser(const TempDir& dir) {
    for (const char* f : {"transactions_NTUSER.DAT", "transactions_ntuser.dat.log1", "transactions_ntuser.dat.log2"})
        copyFile(hivePath(std::string("regipy/") + f), dir.file(f));
    return dir.file("transactions_NTUSER.DAT");
}

/// Clicks the banner's History… button and waits for the view's result.
LogHistoryView* openHistory(HiveView* view) {
    REQUIRE(view->banner()->isVisible());
    REQUIRE(view->banner()->historyButton()->isVisible());
    view->banner()->historyButton()->click();
    auto* history = view->findChild<LogHistoryView*>();
    REQUIRE(history);
    REQUIRE(waitUntil([&] { return !history->isRunning() && history->entriesModel()->rowCount() > 0; }));
    return history;
}

/// The row of applied entry `step`.
int rowOfStep(const LogEntriesModel& model, uint32_t step) {
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.entryAt(row)->step == step) return row;
    FAIL("no row for step " << step);
    return -1;
}

/// The row of the change of `kind` at `path` (and value `name`), or -1.
int rowOfChange(const EntryChangesModel& model, DiffKind kind, const std::string& path, const std::u16string& name = {}) {
    for (int row = 0; row < model.rowCount(); ++row) {
        const Difference* d = model.changeAt(row);
        if (d->kind == kind && d->path == path && d->valueName == name) return row;
    }
    return -1;
}

}  // namespace

TEST_CASE("The recovery banner's History button opens the log history which lists the entries replay meets",
          "[gui][loghistory]") {
    TempDir dir;
    MainWindow window;
    window.show();
    HiveView* view = openAndWait(window, stageNtUser(dir));
    LogHistoryView* history = openHistory(view);
    CHECK(history->isVisible());
    const LogEntriesModel& model = *history->entriesModel();
    // 23 entries of log1 applied (566-588), then log2's, older than the hive, listed unapplied.
    int applied = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const HistoryEntry* e = model.entryAt(row);
        if (e->step) {
            ++applied;
            CHECK(e->step == static_cast<uint32_t>(row + 1));
            CHECK(e->entry.sequence == 565 + e->step);
            CHECK(model.data(model.index(row, LogEntriesModel::Log)).toString() ==
                  QStringLiteral("transactions_ntuser.dat.log1"));
        } else {
            CHECK(e->entry.log == "transactions_ntuser.dat.log2");
            CHECK(model.data(model.index(row, LogEntriesModel::Status)).toString().startsWith(QStringLiteral("not applied")));
        }
    }
    CHECK(applied == 23);
    CHECK(model.rowCount() > 23);
    CHECK(model.data(model.index(0, LogEntriesModel::Sequence)).toUInt() == 566);
    CHECK(model.data(model.index(0, LogEntriesModel::Pages)).toULongLong() == 24);
    CHECK(history->statusText().contains(QStringLiteral("applied by replay: 23 of the 24 listed")));
    // A second click raises the same view.
    view->banner()->historyButton()->click();
    CHECK(view->findChildren<LogHistoryView*>().size() == 1);
}

TEST_CASE("Selecting an entry lists its changes and activating one selects its key and value in the tab",
          "[gui][loghistory]") {
    TempDir dir;
    MainWindow window;
    window.show();
    HiveView* view = openAndWait(window, stageNtUser(dir));
    LogHistoryView* history = openHistory(view);
    const EntryChangesModel& changes = *history->changesModel();

    history->entriesView()->selectRow(rowOfStep(*history->entriesModel(), 2));
    const int thinPrint = rowOfChange(changes, DiffKind::KeyAdded, "Software\\ThinPrint");
    REQUIRE(thinPrint >= 0);
    CHECK(changes.data(changes.index(thinPrint, EntryChangesModel::Change)).toString() == QStringLiteral("key added"));
    const int printer = rowOfChange(changes, DiffKind::ValueAdded, "Software\\ThinPrint\\TPAutoConnect", u"DefaultPrinter");
    REQUIRE(printer >= 0);
    CHECK(changes.data(changes.index(printer, EntryChangesModel::New)).toString().contains(QStringLiteral("Microsoft Print to PDF")));
    emit history->changesView()->activated(changes.index(thinPrint, 0));
    CHECK(view->currentKeyPath() == QStringLiteral("Software\\ThinPrint"));

    history->entriesView()->selectRow(rowOfStep(*history->entriesModel(), 3));
    const int max = rowOfChange(changes, DiffKind::ValueChanged, "Control Panel\\Desktop", u"MaxVirtualDesktopDimension");
    REQUIRE(max >= 0);
    CHECK(changes.data(changes.index(max, EntryChangesModel::Old)).toString().contains(QStringLiteral("2048")));
    CHECK(changes.data(changes.index(max, EntryChangesModel::New)).toString().contains(QStringLiteral("2880")));
    emit history->changesView()->activated(changes.index(max, 0));
    CHECK(view->currentKeyPath() == QStringLiteral("Control Panel\\Desktop"));
    CHECK(view->currentValueOffset() != 0xffffffffu);

    // Shown without its logs, the tab lacks what only the logs hold.
    view->banner()->switchButton()->click();
    REQUIRE(waitUntil([&] { return view->isLoaded() && !view->hive()->recovery().logsConsidered; }));
    history->entriesView()->selectRow(rowOfStep(*history->entriesModel(), 2));
    emit history->changesView()->activated(changes.index(rowOfChange(changes, DiffKind::KeyAdded, "Software\\ThinPrint"), 0));
    bool told = false;
    for (QLabel* label : history->findChildren<QLabel*>())
        told = told || label->text().contains(QStringLiteral("does not hold"));
    CHECK(told);
}

TEST_CASE("A screenshot of the log history shows the entries and the changes of the selected one",
          "[gui][screenshot][loghistory]") {
    TempDir dir;
    MainWindow window;
    window.show();
    HiveView* view = openAndWait(window, stageNtUser(dir));
    LogHistoryView* history = openHistory(view);
    history->resize(1100, 700);
    history->entriesView()->selectRow(rowOfStep(*history->entriesModel(), 2));
    QCoreApplication::processEvents();
    const QImage shot = history->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QString file = QDir(QDir::tempPath()).filePath(QStringLiteral("hivekit-log-history.png"));
    REQUIRE(shot.save(file));
    INFO("screenshot: " << file.toStdString());
    CHECK(history->changesModel()->rowCount() > 0);
    // Both tables hold text: more than the background shows in each.
    for (QTableView* table : {history->entriesView(), history->changesView()}) {
        const QImage part = table->viewport()->grab().toImage();
        QHash<QRgb, int> counts;
        for (int y = 0; y < part.height(); ++y)
            for (int x = 0; x < part.width(); ++x) ++counts[part.pixel(x, y)];
        CHECK(counts.size() > 10);
    }
}
