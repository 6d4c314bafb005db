// TimelineModel: a hive's timeline events, sorted by time, as a table. The
// range filter (inclusive, FILETIME) and the text filter (any column,
// case-insensitive) are applied inside the model, over a list of row
// indexes: a proxy's per-row calls would cost seconds on a million events.
#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <memory>
#include <vector>

#include "timeline/Timeline.h"

namespace hivekit::gui {

class TimelineModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, DescriptionColumn, KeyColumn, ValueColumn, SourceColumn, MessageColumn, ColumnCount };
    enum Role {
        TicksRole = Qt::UserRole + 1,  ///< qulonglong: the event's FILETIME
        DeletedRole,                   ///< bool
    };

    explicit TimelineModel(QObject* parent = nullptr);

    /// The events to show, sorted by time (null: none). Resets the model.
    void setEvents(std::shared_ptr<const std::vector<timeline::TimelineEvent>> events);
    const std::shared_ptr<const std::vector<timeline::TimelineEvent>>& events() const { return events_; }

    /// Shows only events in `range` (inclusive).
    void setRange(const timeline::TimeRange& range);
    const timeline::TimeRange& range() const { return range_; }
    /// Shows only events with `text` in one of the columns (empty: all).
    void setTextFilter(const QString& text);
    const QString& textFilter() const { return text_; }

    /// The event shown in `row` (REQUIRES: 0 <= row < rowCount()).
    const timeline::TimelineEvent& eventAt(int row) const;
    /// The first and the last non-zero time of all events (no events: 0, 0).
    timeline::TimeRange span() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "2012-04-03 22:06:58.1242823" (UTC, as the table shows it).
    static QString timeText(timeline::FileTime time);
    /// The Message column's text: for a key or deleted key, composed from
    /// the event's parts in the user's language (the engine's message is
    /// English, as hivectl writes it); an artefact's is its decoder's words.
    static QString messageText(const timeline::TimelineEvent& event);

private:
    void refilter();
    bool matchesText(const timeline::TimelineEvent& event) const;

    std::shared_ptr<const std::vector<timeline::TimelineEvent>> events_;
    std::vector<int> shown_;  ///< indexes into events_, in time order
    timeline::TimeRange range_;
    QString text_;
};

}  // namespace hivekit::gui
