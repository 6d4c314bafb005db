// The compare view (gui/compare): the merged tree's statuses, the "only
// differences" filter, the value table's old and new data, the byte
// difference's marks, colours that read in light and dark palettes, the job
// off the GUI thread, and a screenshot. The pair: ez/NTUSER1.DAT and a copy
// edited by hivectl.
#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTextEdit>
#include <QThread>
#include <QTreeView>

#include "GuiTestSupport.h"
#include "compare/ByteDiff.h"
#include "compare/CompareColors.h"
#include "compare/CompareJob.h"
#include "compare/CompareModel.h"
#include "compare/CompareValueModel.h"
#include "compare/CompareWindow.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::gui::compare;
using namespace testsupport;
using guitest::qpath;
using guitest::waitUntil;

namespace {

void ok(const std::vector<std::string>& args) {
    const ProcessResult r = hivectl(args);
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
}

/// A: NTUSER1.DAT. B: a copy with WallpaperStyle changed ("10" to "2"),
/// ScreenSaveActive deleted, Printers deleted, Software\HiveKit added and
/// Control Panel's class name set.
struct Pair {
    TempDir dir;
    std::string a = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("A.DAT"));
    std::string b = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("B.DAT"));
    Pair() {
        ok({"set", b, "Control Panel\\Desktop", "WallpaperStyle", "--type", "REG_SZ", "--data", "2"});
        ok({"delete-value", b, "Control Panel\\Desktop", "ScreenSaveActive"});
        ok({"delete-key", b, "Printers", "-r"});
        ok({"set", b, "Software\\HiveKit", "x", "--type", "REG_DWORD", "--data", "1", "-p"});
        ok({"set-class", b, "Control Panel", "Cls"});
    }
    CompareOutcome compare(bool ignoreTimes = true) const {
        return CompareJob::compare(guitest::openHive(a), guitest::openHive(b), ignoreTimes);
    }
};

/// The row called `name` under `parent`, or an invalid index.
QModelIndex child(const QAbstractItemModel& model, const QModelIndex& parent, const QString& name) {
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        if (i.data().toString() == name) return i;
    }
    return {};
}

QStringList childNames(const QAbstractItemModel& model, const QModelIndex& parent) {
    QStringList names;
    for (int r = 0; r < model.rowCount(parent); ++r) names << model.index(r, 0, parent).data().toString();
    return names;
}

int valueRow(const CompareValueModel& model, const QString& name) {
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, CompareValueModel::NameColumn).data().toString() == name) return r;
    return -1;
}

}  // namespace

TEST_CASE("The merged tree gives each key its status added removed changed or same", "[gui][compare]") {
    Pair pair;
    CompareModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setOutcome(pair.compare());
    REQUIRE(model.rowCount() == 1);
    const QModelIndex root = model.index(0, 0);
    CHECK(model.status(root) == RowStatus::Same);
    CHECK(root.data(CompareModel::ChangedBelowRole).toBool());
    CHECK(model.index(0, CompareModel::StatusColumn).data().toString() == QStringLiteral("differences below"));
    const QModelIndex controlPanel = child(model, root, QStringLiteral("Control Panel"));
    CHECK(model.status(controlPanel) == RowStatus::Changed);  // its class name
    CHECK(model.status(child(model, controlPanel, QStringLiteral("Desktop"))) == RowStatus::Changed);
    CHECK(model.status(child(model, controlPanel, QStringLiteral("Mouse"))) == RowStatus::Same);
    const QModelIndex printers = child(model, root, QStringLiteral("Printers"));
    CHECK(model.status(printers) == RowStatus::Removed);
    CHECK(model.bKey(printers) == 0xFFFFFFFFu);
    CHECK(model.rowCount(printers) > 0);  // its subtree, removed too
    CHECK(model.status(model.index(0, 0, printers)) == RowStatus::Removed);
    const QModelIndex software = child(model, root, QStringLiteral("Software"));
    CHECK(model.status(software) == RowStatus::Same);
    const QModelIndex added = child(model, software, QStringLiteral("HiveKit"));
    CHECK(model.status(added) == RowStatus::Added);
    CHECK(model.aKey(added) == 0xFFFFFFFFu);
    CHECK(model.path(added) == QStringLiteral("Software\\HiveKit"));
    CHECK(model.index(added.row(), CompareModel::StatusColumn, software).data().toString() == QStringLiteral("added"));
    CHECK(model.status(child(model, root, QStringLiteral("Environment"))) == RowStatus::Same);
    SECTION("and with times every key the edits wrote is changed too") {
        model.setOutcome(pair.compare(false));
        CHECK(model.status(model.index(0, 0)) == RowStatus::Changed);
        CHECK(model.status(child(model, model.index(0, 0), QStringLiteral("Software"))) == RowStatus::Changed);
    }
}

TEST_CASE("Only differences hides the keys that are the same and keeps those above a difference", "[gui][compare]") {
    Pair pair;
    CompareModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setOutcome(pair.compare());
    const int all = model.rowCount(model.index(0, 0));
    model.setOnlyDifferences(true);
    const QModelIndex root = model.index(0, 0);
    CHECK(childNames(model, root) ==
          QStringList{QStringLiteral("Control Panel"), QStringLiteral("Printers"), QStringLiteral("Software")});
    CHECK(all == 10);
    CHECK(childNames(model, child(model, root, QStringLiteral("Control Panel"))) ==
          QStringList{QStringLiteral("Desktop")});
    CHECK(childNames(model, child(model, root, QStringLiteral("Software"))) == QStringList{QStringLiteral("HiveKit")});
    model.setOnlyDifferences(false);
    CHECK(model.rowCount(model.index(0, 0)) == all);
}

TEST_CASE("The value table shows old and new type and data side by side with a status per row", "[gui][compare]") {
    Pair pair;
    const CompareOutcome outcome = pair.compare();
    CompareModel tree;
    tree.setOutcome(outcome);
    const QModelIndex desktop =
        child(tree, child(tree, tree.index(0, 0), QStringLiteral("Control Panel")), QStringLiteral("Desktop"));
    REQUIRE(desktop.isValid());
    CompareValueModel values;
    QAbstractItemModelTester tester(&values, QAbstractItemModelTester::FailureReportingMode::Fatal);
    values.setHives(outcome.a, outcome.b);
    values.setKey(tree.aKey(desktop), tree.bKey(desktop));
    const int changed = valueRow(values, QStringLiteral("WallpaperStyle"));
    REQUIRE(changed >= 0);
    CHECK(values.status(changed) == RowStatus::Changed);
    CHECK(values.index(changed, CompareValueModel::StatusColumn).data().toString() == QStringLiteral("changed"));
    CHECK(values.index(changed, CompareValueModel::OldTypeColumn).data().toString() == QStringLiteral("REG_SZ"));
    CHECK(values.index(changed, CompareValueModel::OldDataColumn).data().toString() == QStringLiteral("10"));
    CHECK(values.index(changed, CompareValueModel::NewDataColumn).data().toString() == QStringLiteral("2"));
    const int removed = valueRow(values, QStringLiteral("ScreenSaveActive"));
    REQUIRE(removed >= 0);
    CHECK(values.status(removed) == RowStatus::Removed);
    CHECK(values.index(removed, CompareValueModel::OldDataColumn).data().toString() == QStringLiteral("1"));
    CHECK(values.index(removed, CompareValueModel::NewTypeColumn).data().toString().isEmpty());
    const int same = valueRow(values, QStringLiteral("DragHeight"));
    REQUIRE(same >= 0);
    CHECK(values.status(same) == RowStatus::Same);
    CHECK(values.index(same, CompareValueModel::OldDataColumn).data() ==
          values.index(same, CompareValueModel::NewDataColumn).data());
    CHECK_FALSE(values.index(changed, 0).data(Qt::ForegroundRole).isNull());
    CHECK(values.index(same, 0).data(Qt::ForegroundRole).isNull());
    values.setOnlyDifferences(true);
    CHECK(values.rowCount() == 2);
}

TEST_CASE("The byte difference marks exactly the bytes that differ on each side", "[gui][compare]") {
    const std::vector<uint8_t> oldData = {0x31, 0x00, 0x30, 0x00, 0x00, 0x00};  // "10"
    const std::vector<uint8_t> newData = {0x32, 0x00, 0x00, 0x00};              // "2"
    const auto oldLines = byteDiffLines(oldData, newData);
    REQUIRE(oldLines.size() == 1);
    CHECK(oldLines[0].differs == 0b110101);  // bytes 0, 2 and the two past B's end
    const auto newLines = byteDiffLines(newData, oldData);
    CHECK(newLines[0].differs == 0b0101);
    std::vector<uint8_t> long1(40, 0xAA);
    std::vector<uint8_t> long2 = long1;
    long2[17] = 0xAB;
    const auto lines = byteDiffLines(long1, long2);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].differs == 0);
    CHECK(lines[1].offset == 16);
    CHECK(lines[1].differs == 0b10);
    CHECK(lines[2].bytes.size() == 8);

    ByteDiffView view;
    view.setData(oldData, true, newData, true);
    CHECK(view.markedOld() == 4);
    CHECK(view.markedNew() == 2);
    CHECK(view.oldPane()->toPlainText().startsWith(QStringLiteral("00000000  31 00 30 00 00 00 ")));
    // The first byte carries the mark's background in the document itself.
    QTextCursor cursor(view.newPane()->document());
    cursor.setPosition(11);  // inside "32"
    CHECK(cursor.charFormat().background().color() == CompareColors::forPalette(view.newPane()->palette()).byteMark);
    view.setData({}, false, newData, true);
    CHECK(view.markedNew() == 4);  // nothing on the other side: every byte is new
    CHECK(view.oldPane()->toPlainText() == QStringLiteral("(no such value on this side)"));
}

TEST_CASE("The compare colours stand apart from the base colour in light and dark palettes", "[gui][compare]") {
    for (const QColor& base : {QColor(Qt::white), QColor(0xf0, 0xf0, 0xf0), QColor(0x1e, 0x1e, 0x1e), QColor(Qt::black)}) {
        INFO(base.name().toStdString());
        QPalette palette;
        palette.setColor(QPalette::Base, base);
        palette.setColor(QPalette::Text, base.lightness() < 128 ? QColor(Qt::white) : QColor(Qt::black));
        const CompareColors c = CompareColors::forPalette(palette);
        for (const QColor& text : {c.added, c.removed, c.changed}) {
            INFO(text.name().toStdString());
            CHECK(std::abs(text.lightness() - base.lightness()) >= 90);
        }
        // The mark is a background: the palette's text must read on it.
        CHECK(std::abs(c.byteMark.lightness() - palette.color(QPalette::Text).lightness()) >= 90);
        CHECK(c.added != c.removed);
        CHECK(c.removed != c.changed);
    }
}

TEST_CASE("The compare window compares off the GUI thread and shows the tree, the values and a screenshot",
          "[gui][compare][screenshot]") {
    Pair pair;
    CompareWindow window;
    QSignalSpy finished(window.job(), &CompareJob::finished);
    window.ignoreTimesBox()->setChecked(true);
    window.start(nullptr, qpath(pair.a), qpath(pair.b));
    REQUIRE(waitUntil([&] { return finished.count() >= 1 && !window.job()->isRunning(); }));
    const auto outcome = finished.last().at(0).value<CompareOutcome>();
    CHECK(outcome.thread != QThread::currentThread());
    CHECK(outcome.error.isEmpty());
    CHECK(outcome.summary.differences() == 5);
    CHECK(window.summaryLabel()->text().startsWith(QStringLiteral("5 difference")));
    window.onlyDifferencesBox()->setChecked(true);
    CompareModel* model = window.model();
    const QModelIndex controlPanel = child(*model, model->index(0, 0), QStringLiteral("Control Panel"));
    window.treeView()->expand(controlPanel);
    const QModelIndex desktop = child(*model, controlPanel, QStringLiteral("Desktop"));
    window.treeView()->setCurrentIndex(desktop);
    REQUIRE(window.valueModel()->rowCount() == 2);
    const int changed = valueRow(*window.valueModel(), QStringLiteral("WallpaperStyle"));
    window.valueView()->setCurrentIndex(window.valueModel()->index(changed, 0));
    CHECK(window.byteView()->markedOld() == 4);
    window.show();
    window.resize(1100, 640);
    QCoreApplication::processEvents();
    const QImage shot = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QString file = QDir(QDir::tempPath()).filePath(QStringLiteral("hivekit-compare.png"));
    REQUIRE(shot.save(file));
    QSet<QRgb> colours;
    for (int y = 0; y < shot.height(); y += 2)
        for (int x = 0; x < shot.width(); x += 2) colours.insert(shot.pixel(x, y));
    CHECK(colours.size() > 20);
    // The byte mark is painted in the new-data pane.
    const QImage pane = window.byteView()->newPane()->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QRgb mark = CompareColors::forPalette(window.byteView()->newPane()->palette()).byteMark.rgb();
    bool found = false;
    for (int y = 0; y < pane.height() && !found; ++y)
        for (int x = 0; x < pane.width() && !found; ++x) found = pane.pixel(x, y) == mark;
    CHECK(found);
}
