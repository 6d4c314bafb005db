#include "timeline/TimelineDock.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "document/HiveView.h"
#include "timeline/TimelineHistogram.h"
#include "timeline/TimelineModel.h"

namespace hivekit::gui {

namespace {

// Milliseconds from 1601-01-01 to 1970-01-01.
constexpr qint64 kEpochDeltaMs = 11'644'473'600'000;
constexpr uint64_t kTicksPerMs = 10'000;
constexpr uint64_t kTicksPerSecond = 10'000'000;
constexpr qint64 kSecondsPerDay = 86'400;

QDateTimeEdit* utcEdit(const QString& objectName) {
    auto* edit = new QDateTimeEdit;
    edit->setObjectName(objectName);
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    edit->setCalendarPopup(true);
    edit->setMinimumDateTime(QDateTime(QDate(1601, 1, 1), QTime(0, 0), Qt::UTC));
    edit->setMaximumDateTime(QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC));
    return edit;
}

}  // namespace

TimelineDock::TimelineDock(QWidget* parent)
    : QDockWidget(tr("Timeline"), parent),
      fromEdit_(utcEdit(QStringLiteral("timelineFrom"))),
      toEdit_(utcEdit(QStringLiteral("timelineTo"))),
      days_(new QSpinBox),
      lastDaysButton_(new QToolButton),
      wholeButton_(new QToolButton),
      filter_(new QLineEdit),
      treeFilter_(new QCheckBox(tr("Filter key tree to this range"))),
      statusLabel_(new QLabel),
      histogram_(new TimelineHistogram),
      view_(new QTableView),
      model_(new TimelineModel(this)),
      job_(new TimelineJob(this)) {
    setObjectName(QStringLiteral("timelineDock"));

    days_->setObjectName(QStringLiteral("timelineDays"));
    days_->setRange(1, 36500);
    days_->setValue(7);
    days_->setSuffix(tr(" days"));
    lastDaysButton_->setText(tr("Last"));
    lastDaysButton_->setToolTip(tr("Show the chosen number of days before the \"to\" time"));
    wholeButton_->setText(tr("All"));
    wholeButton_->setToolTip(tr("Show every event"));
    filter_->setObjectName(QStringLiteral("timelineFilter"));
    filter_->setPlaceholderText(tr("Filter events…"));
    filter_->setClearButtonEnabled(true);
    treeFilter_->setObjectName(QStringLiteral("timelineTreeFilter"));
    treeFilter_->setToolTip(tr("Hide the keys of the tab's tree that were not written in the range (their "
                               "ancestors stay)"));
    histogram_->setObjectName(QStringLiteral("timelineHistogram"));
    view_->setObjectName(QStringLiteral("timelineTable"));
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 6);
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->setColumnWidth(TimelineModel::TimeColumn, view_->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00.0000000  ")));
    view_->setColumnWidth(TimelineModel::DescriptionColumn, 180);
    view_->setColumnWidth(TimelineModel::KeyColumn, 320);

    auto* rangeRow = new QHBoxLayout;
    rangeRow->addWidget(new QLabel(tr("From")));
    rangeRow->addWidget(fromEdit_);
    rangeRow->addWidget(new QLabel(tr("to")));
    rangeRow->addWidget(toEdit_);
    rangeRow->addWidget(new QLabel(tr("UTC")));
    rangeRow->addSpacing(8);
    rangeRow->addWidget(lastDaysButton_);
    rangeRow->addWidget(days_);
    rangeRow->addWidget(new QLabel(tr("before \"to\"")));
    rangeRow->addWidget(wholeButton_);
    rangeRow->addStretch(1);
    // The filters on a row of their own: one row of everything would make
    // the dock, and so the window, wider than a small screen.
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(filter_, 1);
    filterRow->addWidget(treeFilter_);
    auto* layout = new QVBoxLayout;
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(rangeRow);
    layout->addLayout(filterRow);
    layout->addWidget(histogram_);
    view_->setMinimumHeight(36);  // the bottom docks start low (DefaultLayoutTest)
    layout->addWidget(view_, 1);
    layout->addWidget(statusLabel_);
    auto* body = new QWidget;
    body->setLayout(layout);
    setWidget(body);

    connect(job_, &TimelineJob::finished, this, &TimelineDock::onFinished);
    connect(fromEdit_, &QDateTimeEdit::dateTimeChanged, this, &TimelineDock::onEditsChanged);
    connect(toEdit_, &QDateTimeEdit::dateTimeChanged, this, &TimelineDock::onEditsChanged);
    connect(lastDaysButton_, &QToolButton::clicked, this, [this] { showLastDays(days_->value()); });
    connect(wholeButton_, &QToolButton::clicked, this, &TimelineDock::showWholeRange);
    connect(filter_, &QLineEdit::textChanged, this, [this](const QString& text) {
        model_->setTextFilter(text);
        updateStatus();
    });
    connect(treeFilter_, &QCheckBox::toggled, this, &TimelineDock::updateTreeFilter);
    connect(histogram_, &TimelineHistogram::rangeSelected, this,
            [this](timeline::FileTime from, timeline::FileTime to) { setRange({from, to}); });
    connect(view_, &QTableView::activated, this, &TimelineDock::onActivated);
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && stale_) run();
    });
    updateStatus();
}

TimelineDock::~TimelineDock() {
    job_->disconnect(this);
    job_->cancel();
    job_->waitForFinished();
    keyTreeFilter_.clear();
}

QDateTime TimelineDock::dateTimeOf(timeline::FileTime time) {
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(time.ticks / kTicksPerMs) - kEpochDeltaMs, Qt::UTC);
}

timeline::FileTime TimelineDock::fileTimeOf(const QDateTime& time) {
    const qint64 ms = time.toMSecsSinceEpoch() + kEpochDeltaMs;
    return {ms <= 0 ? 0 : static_cast<uint64_t>(ms) * kTicksPerMs};
}

void TimelineDock::setSource(std::shared_ptr<const Hive> hive, QWidget* target) {
    if (hive == hive_ && target == target_ && (hive || !target)) return;
    if (target != target_) {
        // The tree filter belongs to the tab it was set on.
        keyTreeFilter_.clear();
        const QSignalBlocker block(treeFilter_);
        treeFilter_->setChecked(false);
    }
    hive_ = std::move(hive);
    target_ = target;
    stale_ = true;
    if (!hive_) {
        job_->cancel();
        stale_ = false;
        onFinished(TimelineOutcome{});
        return;
    }
    if (isVisible()) run();
}

void TimelineDock::forget(QWidget* target) {
    if (target_ != target) return;
    setSource(nullptr, nullptr);
}

void TimelineDock::run() {
    stale_ = false;
    if (!hive_) return;
    statusLabel_->setText(tr("Collecting the timeline…"));
    job_->start(hive_);
}

bool TimelineDock::isRunning() const { return job_->isRunning(); }

void TimelineDock::waitForFinished() { job_->waitForFinished(); }

void TimelineDock::onFinished(const TimelineOutcome& outcome) {
    collected_ = outcome.hive;
    error_ = outcome.error;
    milliseconds_ = outcome.milliseconds;
    model_->setEvents(outcome.events);
    times_.clear();
    if (outcome.events) {
        times_.reserve(outcome.events->size());
        for (const auto& e : *outcome.events)
            if (e.time.ticks != 0) times_.push_back(e.time.ticks);
    }
    histogram_->setTimes(times_, model_->span());
    showWholeRange();
}

timeline::TimeRange TimelineDock::range() const { return model_->range(); }

timeline::TimeRange TimelineDock::histogramSpan(const timeline::TimeRange& range) const {
    if (times_.empty()) return {{0}, {0}};
    timeline::TimeRange span{{times_.front()}, {times_.back()}};
    if (range.from.ticks == 0 && range.to.ticks == UINT64_MAX) {
        // Every event: a few far-off times (a clock set to 2099, a key
        // never written since 2001) would squeeze the rest into one bar, so
        // the axis covers the middle 98% of the times; a drag zooms in,
        // "All" comes back here.
        const size_t cut = times_.size() / 100;
        span = {{times_[cut]}, {times_[times_.size() - 1 - cut]}};
    } else {
        // A chosen range: the axis zooms to it (within the events' span).
        span.from.ticks = std::max(span.from.ticks, range.from.ticks);
        span.to.ticks = std::min(span.to.ticks, range.to.ticks);
    }
    if (span.to.ticks <= span.from.ticks) span.to.ticks = span.from.ticks + kTicksPerSecond;
    return span;
}

void TimelineDock::applyRange(const timeline::TimeRange& range) {
    model_->setRange(range);
    histogram_->setSpan(histogramSpan(range));
    histogram_->setSelection(range);
    if (treeFilter_->isChecked()) updateTreeFilter();
    updateStatus();
}

void TimelineDock::setRange(const timeline::TimeRange& range) {
    {
        settingEdits_ = true;
        fromEdit_->setDateTime(dateTimeOf(range.from));
        toEdit_->setDateTime(dateTimeOf(range.to));
        settingEdits_ = false;
    }
    applyRange(range);
}

void TimelineDock::showWholeRange() {
    const timeline::TimeRange span = model_->span();
    settingEdits_ = true;
    fromEdit_->setDateTime(dateTimeOf(span.from));
    toEdit_->setDateTime(dateTimeOf(span.to));
    settingEdits_ = false;
    applyRange(timeline::TimeRange{});
}

void TimelineDock::showLastDays(int days) {
    // The "to" edit shows whole seconds: the range ends with its last tick.
    const uint64_t to = fileTimeOf(toEdit_->dateTime()).ticks + kTicksPerSecond - 1;
    const uint64_t length = static_cast<uint64_t>(days) * kSecondsPerDay * kTicksPerSecond;
    setRange({{to > length ? to - length : 0}, {to}});
}

void TimelineDock::onEditsChanged() {
    if (settingEdits_) return;
    // Whole seconds in the edits: "to" includes all of its second.
    applyRange({fileTimeOf(fromEdit_->dateTime()), {fileTimeOf(toEdit_->dateTime()).ticks + kTicksPerSecond - 1}});
}

void TimelineDock::updateTreeFilter() {
    auto* view = qobject_cast<HiveView*>(target_.data());
    if (!treeFilter_->isChecked() || !view || !collected_ || !model_->events()) {
        keyTreeFilter_.clear();
        updateStatus();
        return;
    }
    keyTreeFilter_.apply(view->keyTree(), view->keyModel(),
                         KeyTreeRangeFilter::keysToShow(*collected_, *model_->events(), model_->range()));
    updateStatus();
}

QString TimelineDock::statusText() const { return statusLabel_->text(); }

void TimelineDock::updateStatus() {
    if (!error_.isEmpty()) {
        statusLabel_->setText(tr("The timeline could not be collected: %1").arg(error_));
        return;
    }
    const auto& events = model_->events();
    if (!events) {
        statusLabel_->setText(hive_ ? tr("Collecting the timeline…") : tr("Open a hive to see its timeline."));
        return;
    }
    QString text = tr("%1 of %2 events").arg(model_->rowCount()).arg(events->size());
    if (keyTreeFilter_.isActive()) text += tr("; the key tree shows the keys written in the range");
    statusLabel_->setText(text);
}

void TimelineDock::onActivated(const QModelIndex& index) {
    if (!index.isValid() || !target_) return;
    emit eventActivated(target_, model_->eventAt(index.row()));
}

}  // namespace hivekit::gui
