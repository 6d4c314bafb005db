// The Timeline view (gui/timeline): the model (sorted, range and text
// filters), the job off the GUI thread, the dock in the main window (the
// histogram's mouse drag, "last N days", activation to the key and value),
// the key tree narrowed to the keys written in the range, and a screenshot.
#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QRegularExpression>
#include <QTest>
#include <QThread>
#include <QTranslator>
#include <QTreeView>

#include "GuiTestSupport.h"
#include "app/MainWindow.h"
#include "browse/KeyTreeModel.h"
#include "common/Display.h"
#include "document/HiveView.h"
#include "support/TestSupport.h"
#include "timeline/TimelineDock.h"
#include "timeline/TimelineHistogram.h"
#include "timeline/TimelineJob.h"
#include "timeline/TimelineModel.h"

using namespace hivekit;
using namespace hivekit::gui;
using namespace testsupport;
using guitest::openAndWait;
using guitest::qpath;
using guitest::waitUntil;
using timeline::FileTime;
using timeline::TimelineEvent;
using timeline::TimeRange;

namespace {

TimelineEvent event(uint64_t ticks, std::string path, std::string message) {
    TimelineEvent e;
    e.time = FileTime{ticks};
    e.keyPath = std::move(path);
    e.message = std::move(message);
    e.timestampDesc = "Key last written";
    e.source = "key";
    return e;
}

TimelineDock* showTimeline(MainWindow& window) {
    TimelineDock* dock = window.timelineDock();
    dock->show();
    dock->raise();
    REQUIRE(waitUntil([&] { return !dock->isRunning() && dock->model()->events(); }));
    return dock;
}

/// The row of the first event shown for `keyPath` with `kind`, or -1.
int rowOf(const TimelineModel& model, const std::string& keyPath, timeline::EventKind kind) {
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.eventAt(row).keyPath == keyPath && model.eventAt(row).kind == kind) return row;
    return -1;
}

void doubleClickRow(QTableView* table, int row) {
    table->scrollTo(table->model()->index(row, 0));
    const QRect cell = table->visualRect(table->model()->index(row, 0));
    REQUIRE(cell.isValid());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
}

double inkShare(const QImage& image) {
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) ++counts[image.pixel(x, y)];
    int most = 0;
    for (int c : counts) most = std::max(most, c);
    const int all = image.width() * image.height();
    return all ? double(all - most) / all : 0.0;
}

}  // namespace

TEST_CASE("The timeline model shows events by time and filters them by an inclusive range and by text", "[gui][timeline]") {
    auto events = std::make_shared<std::vector<TimelineEvent>>();
    events->push_back(event(100, "A", "Key \\A last written"));
    events->push_back(event(200, "B\\Run", "Key \\B\\Run last written"));
    events->push_back(event(200, "C", "Key \\C last written"));
    events->push_back(event(300, "D", "Key \\D last written"));
    events->back().deleted = true;
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setEvents(events);
    REQUIRE(model.rowCount() == 4);
    for (int row = 1; row < model.rowCount(); ++row)
        CHECK(model.eventAt(row - 1).time.ticks <= model.eventAt(row).time.ticks);
    CHECK(model.index(0, TimelineModel::TimeColumn).data().toString() == QStringLiteral("1601-01-01 00:00:00.0000100"));
    CHECK(model.index(3, TimelineModel::KeyColumn).data(Qt::FontRole).value<QFont>().italic());
    CHECK(model.span().from.ticks == 100);
    CHECK(model.span().to.ticks == 300);

    model.setRange({{200}, {300}});  // both ends included
    CHECK(model.rowCount() == 3);
    CHECK(model.eventAt(0).keyPath == "B\\Run");
    CHECK(model.eventAt(2).keyPath == "D");
    model.setRange({{201}, {299}});
    CHECK(model.rowCount() == 0);
    model.setRange({});
    model.setTextFilter(QStringLiteral("run"));  // case-insensitive, any column
    REQUIRE(model.rowCount() == 1);
    CHECK(model.eventAt(0).keyPath == "B\\Run");
    model.setRange({{0}, {150}});
    CHECK(model.rowCount() == 0);
}

TEST_CASE("TimelineJob collects a hive's timeline off the GUI thread sorted by time", "[gui][timeline]") {
    TimelineJob job;
    QSignalSpy finished(&job, &TimelineJob::finished);
    job.start(guitest::openHive(hivePath("regipy/SYSTEM")));
    REQUIRE(waitUntil([&] { return finished.count() == 1; }));
    const auto outcome = finished.at(0).at(0).value<TimelineOutcome>();
    REQUIRE(outcome.events);
    CHECK(outcome.thread != QThread::currentThread());
    CHECK(outcome.summary.total() == outcome.events->size());
    CHECK(outcome.summary.keyEvents > 1000);
    CHECK(outcome.summary.artefactEvents > 0);
    CHECK(std::is_sorted(outcome.events->begin(), outcome.events->end(),
                         [](const TimelineEvent& a, const TimelineEvent& b) { return a.time.ticks < b.time.ticks; }));
}

TEST_CASE("A cancelled timeline run never reports", "[gui][timeline]") {
    TimelineJob job;
    QSignalSpy finished(&job, &TimelineJob::finished);
    {
        guitest::BusyThreadPool busy;  // the run stays queued until cancelled
        job.start(guitest::openHive(hivePath("regipy/SYSTEM")));
        job.cancel();
    }
    job.waitForFinished();
    QCoreApplication::processEvents();
    CHECK(finished.count() == 0);
}

TEST_CASE("A mouse drag over the timeline histogram selects that range of events", "[gui][timeline]") {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    openAndWait(window, hivePath("regipy/SYSTEM"));
    TimelineDock* dock = showTimeline(window);
    TimelineHistogram* histogram = dock->histogram();
    const int all = dock->model()->rowCount();
    REQUIRE(all > 1000);
    REQUIRE(histogram->width() > 100);
    // Bars are drawn for the counts: the histogram counts every non-zero time.
    int counted = 0;
    for (int c : histogram->bins()) counted += c;
    CHECK(counted > 0);

    const int left = histogram->width() / 4;
    const int right = histogram->width() * 3 / 4;
    const int y = histogram->height() / 2;
    // The times under the mouse, before the drag zooms the axis to them.
    const FileTime leftTime = histogram->timeAt(left);
    const FileTime rightTime = histogram->timeAt(right);
    QSignalSpy selected(histogram, &TimelineHistogram::rangeSelected);
    QTest::mousePress(histogram, Qt::LeftButton, {}, QPoint(left, y));
    QTest::mouseMove(histogram, QPoint((left + right) / 2, y));
    QTest::mouseMove(histogram, QPoint(right, y));
    QTest::mouseRelease(histogram, Qt::LeftButton, {}, QPoint(right, y));
    REQUIRE(selected.count() == 1);
    const TimeRange range = dock->range();
    CHECK(range.from.ticks == leftTime.ticks);
    CHECK(range.to.ticks == rightTime.ticks);
    CHECK(histogram->selection().from.ticks == range.from.ticks);
    // The axis zooms to the range (within the events' span), so a second drag narrows it further.
    CHECK(histogram->span().from.ticks >= range.from.ticks);
    CHECK(histogram->span().to.ticks <= range.to.ticks);
    CHECK(dock->model()->rowCount() < all);
    for (int row = 0; row < dock->model()->rowCount(); ++row) CHECK(range.contains(dock->model()->eventAt(row).time));
    // The edits show the range (to the second).
    CHECK(TimelineDock::fileTimeOf(dock->fromEdit()->dateTime()).ticks / 10000000 == range.from.ticks / 10000000);
    CHECK(dock->statusText().startsWith(QString::number(dock->model()->rowCount()) + QStringLiteral(" of ")));

    // A click without a drag keeps the range.
    QTest::mouseClick(histogram, Qt::LeftButton, {}, QPoint(10, y));
    CHECK(selected.count() == 1);
    dock->showWholeRange();
    CHECK(dock->model()->rowCount() == all);
}

TEST_CASE("Last N days before the to time and the from and to edits filter the timeline", "[gui][timeline]") {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    openAndWait(window, hivePath("regipy/SYSTEM"));
    TimelineDock* dock = showTimeline(window);
    const TimeRange span = dock->model()->span();
    // "to" at the last event's second: the last 30 days before it.
    dock->toEdit()->setDateTime(TimelineDock::dateTimeOf(span.to));
    dock->showLastDays(30);
    const uint64_t to = dock->range().to.ticks;
    CHECK(to >= span.to.ticks);
    CHECK(to - dock->range().from.ticks == uint64_t{30} * 86400 * 10000000);
    for (int row = 0; row < dock->model()->rowCount(); ++row) CHECK(dock->range().contains(dock->model()->eventAt(row).time));
    CHECK(dock->model()->rowCount() > 0);

    // Typing a "from" after every event empties the table.
    dock->fromEdit()->setDateTime(TimelineDock::dateTimeOf({span.to.ticks + 20000000}));
    CHECK(dock->model()->rowCount() == 0);
    dock->showWholeRange();
    dock->filterEdit()->setText(QStringLiteral("ComputerName"));
    CHECK(dock->model()->rowCount() > 0);
    for (int row = 0; row < dock->model()->rowCount(); ++row) {
        const TimelineEvent& e = dock->model()->eventAt(row);
        CHECK((e.keyPath + e.message + e.valueName).find("ComputerName") != std::string::npos);
    }
}

TEST_CASE("Activating a timeline event selects its key, and an artefact's event its value", "[gui][timeline]") {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    HiveView* view = openAndWait(window, hivePath("regipy/SYSTEM"));
    TimelineDock* dock = showTimeline(window);
    QSignalSpy activated(dock, &TimelineDock::eventActivated);

    const int selectRow = rowOf(*dock->model(), "Select", timeline::EventKind::Key);
    REQUIRE(selectRow >= 0);
    doubleClickRow(dock->view(), selectRow);
    CHECK(activated.count() == 1);
    CHECK(view->currentKeyPath() == QStringLiteral("Select"));
    CHECK(view->currentKeyOffset() == dock->model()->eventAt(selectRow).keyOffset);

    // The computer name decoder's time names the ComputerName value.
    dock->filterEdit()->setText(QStringLiteral("computername"));
    int valueRow = -1;
    for (int row = 0; row < dock->model()->rowCount(); ++row)
        if (dock->model()->eventAt(row).kind == timeline::EventKind::Artefact && dock->model()->eventAt(row).hasValue)
            valueRow = row;
    REQUIRE(valueRow >= 0);
    const TimelineEvent e = dock->model()->eventAt(valueRow);
    doubleClickRow(dock->view(), valueRow);
    CHECK(activated.count() == 2);
    CHECK(view->currentKeyPath() == QString::fromStdString(e.keyPath));
    CHECK(view->currentValueName() == QString::fromStdString(e.valueName));
    CHECK(view->currentValueOffset() == e.cellOffset);
}

TEST_CASE("The key tree filter hides keys not written in the range and keeps the ancestors of those that were",
          "[gui][timeline]") {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    HiveView* view = openAndWait(window, hivePath("regipy/SYSTEM"));
    TimelineDock* dock = showTimeline(window);
    // The range is exactly the time of ControlSet001\Control\ComputerName\ComputerName.
    const std::string deep = "ControlSet001\\Control\\ComputerName\\ComputerName";
    const int row = rowOf(*dock->model(), deep, timeline::EventKind::Key);
    REQUIRE(row >= 0);
    const FileTime t = dock->model()->eventAt(row).time;
    dock->setRange({t, t});

    QTreeView* tree = view->keyTree();
    KeyTreeModel* keys = view->keyModel();
    const QModelIndex root = keys->rootIndex();
    keys->fetchAll(root);
    // A child of the root written at another time, without descendants written at t.
    int other = -1, controlSet = -1;
    for (int r = 0; r < keys->rowCount(root); ++r) {
        const QString path = keys->pathOf(keys->index(r, 0, root));
        if (path == QStringLiteral("ControlSet001")) controlSet = r;
        if (path == QStringLiteral("Setup") || path == QStringLiteral("MountedDevices")) other = r;
    }
    REQUIRE(controlSet >= 0);
    REQUIRE(other >= 0);
    CHECK_FALSE(tree->isRowHidden(other, root));

    dock->treeFilterBox()->setChecked(true);
    CHECK(dock->treeFilter().isActive());
    CHECK(tree->isRowHidden(other, root));
    CHECK_FALSE(tree->isRowHidden(controlSet, root));  // an ancestor of the key written at t
    // Children fetched after the filter was set are filtered as they come.
    const QModelIndex cs = keys->index(controlSet, 0, root);
    keys->fetchAll(cs);
    int control = -1, hidden = 0;
    for (int r = 0; r < keys->rowCount(cs); ++r) {
        if (keys->pathOf(keys->index(r, 0, cs)) == QStringLiteral("ControlSet001\\Control")) control = r;
        else hidden += tree->isRowHidden(r, cs);
    }
    REQUIRE(control >= 0);
    CHECK_FALSE(tree->isRowHidden(control, cs));
    CHECK(hidden == keys->rowCount(cs) - 1);
    // Navigation still reaches the key written at t.
    REQUIRE(view->goToPath(QString::fromStdString(deep)));
    CHECK(view->currentKeyPath() == QString::fromStdString(deep));

    dock->treeFilterBox()->setChecked(false);
    CHECK_FALSE(dock->treeFilter().isActive());
    CHECK_FALSE(tree->isRowHidden(other, root));
}

TEST_CASE("A screenshot of the Timeline dock shows the histogram and the events of regipy/NTUSER.DAT",
          "[gui][screenshot][timeline]") {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    openAndWait(window, hivePath("regipy/NTUSER.DAT"));
    TimelineDock* dock = showTimeline(window);
    dock->filterEdit()->setText(QStringLiteral("UserAssist"));
    QCoreApplication::processEvents();
    const QImage shot = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
    REQUIRE(shot.save(QDir(QDir::tempPath()).filePath(QStringLiteral("hivekit-timeline-dock.png"))));
    CHECK(dock->view()->isVisible());
    CHECK(dock->model()->rowCount() > 0);
    CHECK(inkShare(dock->histogram()->grab().toImage()) > 0.02);
    CHECK(inkShare(dock->view()->viewport()->grab().toImage()) > 0.02);
}

namespace {

/// German for the Timeline's messages, as translations/hivekit_de.ts holds
/// them once the lead updates it: a translator of the model's own strings
/// proves that every word the column shows goes through tr().
class GermanTimelineTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char*, int n) const override {
        if (QLatin1String(context) != QLatin1String("hivekit::gui::TimelineModel")) return {};
        const QLatin1String text(source);
        if (text == QLatin1String("Key \\%1 last written")) return QStringLiteral("Schlüssel \\%1 zuletzt geschrieben");
        if (text == QLatin1String("Deleted key \\%1 last written (%n value(s) recovered)"))
            return n == 1 ? QStringLiteral("Gelöschter Schlüssel \\%1 zuletzt geschrieben (%n Wert wiederhergestellt)")
                          : QStringLiteral("Gelöschter Schlüssel \\%1 zuletzt geschrieben (%n Werte wiederhergestellt)");
        return {};
    }
    bool isEmpty() const override { return false; }
};

/// The words (runs of letters) of `text` that are not part of `keyPath`.
QStringList wordsBesides(const QString& text, const QString& keyPath) {
    QStringList words;
    const QRegularExpression letters(QStringLiteral("\\p{L}+"));
    const QStringList ofPath = [&] {
        QStringList out;
        for (auto it = letters.globalMatch(keyPath); it.hasNext();) out << it.next().captured();
        return out;
    }();
    for (auto it = letters.globalMatch(text); it.hasNext();) {
        const QString word = it.next().captured();
        if (!ofPath.contains(word)) words << word;
    }
    return words;
}

}  // namespace

TEST_CASE("In German the Message column of key and deleted-key events holds no English word of the engine's message", "[gui][timeline][translations]") {
    // A hive with deleted keys; the engine's messages are English, as hivectl writes them.
    auto hive = guitest::openHive(hivePath("ez/UsrClassDeletedBags.dat"));
    timeline::TimelineOptions options;
    options.artefacts = false;
    auto events = std::make_shared<std::vector<TimelineEvent>>();
    REQUIRE(timeline::collectTimeline(*hive, options, [&](TimelineEvent&& e) { events->push_back(std::move(e)); }));
    timeline::sortEvents(*events);
    TimelineModel model;
    model.setEvents(events);
    const int key = rowOf(model, events->front().keyPath, events->front().kind);
    int deleted = -1;
    for (int row = 0; row < model.rowCount() && deleted < 0; ++row)
        if (model.eventAt(row).kind == timeline::EventKind::DeletedKey && model.eventAt(row).recoveredValues > 0)
            deleted = row;
    REQUIRE(key >= 0);
    REQUIRE(deleted >= 0);

    GermanTimelineTranslator german;
    REQUIRE(QCoreApplication::installTranslator(&german));
    for (const int row : {key, deleted}) {
        const TimelineEvent& e = model.eventAt(row);
        const QString shown = model.index(row, TimelineModel::MessageColumn).data().toString();
        const QString path = toQString(e.keyPath);
        INFO("engine: " << e.message << "\nshown: " << shown.toStdString());
        CHECK(shown.contains(path));
        const QStringList english = wordsBesides(toQString(e.message), path);
        REQUIRE_FALSE(english.isEmpty());
        for (const QString& word : wordsBesides(shown, path)) CHECK_FALSE(english.contains(word));
        if (e.kind == timeline::EventKind::DeletedKey)
            CHECK(shown.contains(QStringLiteral("(%1 Wert").arg(e.recoveredValues)));
    }
    // The text filter finds what the column shows.
    model.setTextFilter(QStringLiteral("zuletzt geschrieben"));
    CHECK(model.rowCount() == static_cast<int>(events->size()));
    QCoreApplication::removeTranslator(&german);

    // Untranslated, a key's message reads as the engine's does (a counted
    // one needs the English catalogue's plural forms).
    model.setTextFilter(QString());
    CHECK(model.index(key, TimelineModel::MessageColumn).data().toString() == toQString(model.eventAt(key).message));
}
