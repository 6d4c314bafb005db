// TimelineDock: the Timeline view of the current tab's hive. Every key's
// last-write time, the artefact decoders' times and the deleted keys
// (engine/timeline, collected off the GUI thread by TimelineJob), sorted by
// time; a range filter (from/to in UTC, or the last N days before the "to"
// time), a text filter, a histogram of events over time on which a mouse
// drag picks the range, and a toggle that narrows the tab's key tree to
// the keys written in the range (KeyTreeRangeFilter). A double-click asks
// the main window to show the event's key and value (eventActivated).
#pragma once

#include <QDockWidget>
#include <QPointer>

#include <memory>
#include <vector>

#include "hive/Hive.h"
#include "timeline/KeyTreeRangeFilter.h"
#include "timeline/Timeline.h"
#include "timeline/TimelineJob.h"

class QCheckBox;
class QDateTime;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QToolButton;

namespace hivekit::gui {

class TimelineHistogram;
class TimelineModel;

class TimelineDock : public QDockWidget {
    Q_OBJECT
public:
    explicit TimelineDock(QWidget* parent = nullptr);
    ~TimelineDock() override;

    /// The hive the tab `target` shows (as it was opened: evidence, never
    /// the preview of pending edits). Collected now when the dock is
    /// visible, else when it is shown; the same hive of the same tab once.
    void setSource(std::shared_ptr<const Hive> hive, QWidget* target);
    /// Forgets `target` (its tab is closing).
    void forget(QWidget* target);
    bool isRunning() const;
    /// Blocks until the worker is done and its result is shown (tests).
    void waitForFinished();
    QWidget* target() const { return target_; }

    /// Shows the events in [from, to] (inclusive) and moves the edits there.
    void setRange(const timeline::TimeRange& range);
    /// Shows every event (the whole span).
    void showWholeRange();
    /// The last `days` days before the "to" edit's time.
    void showLastDays(int days);
    timeline::TimeRange range() const;

    TimelineModel* model() const { return model_; }
    TimelineHistogram* histogram() const { return histogram_; }
    QTableView* view() const { return view_; }
    QDateTimeEdit* fromEdit() const { return fromEdit_; }
    QDateTimeEdit* toEdit() const { return toEdit_; }
    QSpinBox* daysBox() const { return days_; }
    QLineEdit* filterEdit() const { return filter_; }
    QCheckBox* treeFilterBox() const { return treeFilter_; }
    const KeyTreeRangeFilter& treeFilter() const { return keyTreeFilter_; }
    QString statusText() const;

    /// FILETIME <-> QDateTime (UTC, whole milliseconds).
    static QDateTime dateTimeOf(timeline::FileTime time);
    static timeline::FileTime fileTimeOf(const QDateTime& time);

signals:
    /// An event was activated (double-click, Enter): show it in `target`.
    void eventActivated(QWidget* target, const hivekit::timeline::TimelineEvent& event);

private:
    void run();
    void onFinished(const TimelineOutcome& outcome);
    void onEditsChanged();
    void applyRange(const timeline::TimeRange& range);
    void updateTreeFilter();
    /// What the histogram's x axis covers for `range`.
    timeline::TimeRange histogramSpan(const timeline::TimeRange& range) const;
    void updateStatus();
    void onActivated(const QModelIndex& index);

    QDateTimeEdit* fromEdit_;
    QDateTimeEdit* toEdit_;
    QSpinBox* days_;
    QToolButton* lastDaysButton_;
    QToolButton* wholeButton_;
    QLineEdit* filter_;
    QCheckBox* treeFilter_;
    QLabel* statusLabel_;
    TimelineHistogram* histogram_;
    QTableView* view_;
    TimelineModel* model_;
    TimelineJob* job_;
    KeyTreeRangeFilter keyTreeFilter_;

    std::shared_ptr<const Hive> hive_;  ///< the source (collected or waiting to be)
    QPointer<QWidget> target_;
    bool stale_ = false;
    std::shared_ptr<const Hive> collected_;  ///< the hive the events are of
    bool settingEdits_ = false;  ///< the edits are being moved by code, not by the user
    qint64 milliseconds_ = 0;
    std::vector<uint64_t> times_;  ///< the events' non-zero times, sorted
    QString error_;
};

}  // namespace hivekit::gui
