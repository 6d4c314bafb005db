#include "timeline/TimelineModel.h"

#include <QFont>

#include <algorithm>

#include "artefacts/Artefact.h"
#include "common/Display.h"

namespace hivekit::gui {

TimelineModel::TimelineModel(QObject* parent) : QAbstractTableModel(parent) {}

void TimelineModel::setEvents(std::shared_ptr<const std::vector<timeline::TimelineEvent>> events) {
    beginResetModel();
    events_ = std::move(events);
    shown_.clear();
    endResetModel();
    refilter();
}

void TimelineModel::setRange(const timeline::TimeRange& range) {
    range_ = range;
    refilter();
}

void TimelineModel::setTextFilter(const QString& text) {
    text_ = text;
    refilter();
}

bool TimelineModel::matchesText(const timeline::TimelineEvent& e) const {
    if (text_.isEmpty()) return true;
    for (const std::string* field : {&e.keyPath, &e.valueName, &e.timestampDesc, &e.source})
        if (toQString(*field).contains(text_, Qt::CaseInsensitive)) return true;
    // The message as the user reads it.
    if (messageText(e).contains(text_, Qt::CaseInsensitive)) return true;
    return timeText(e.time).contains(text_);
}

void TimelineModel::refilter() {
    beginResetModel();
    shown_.clear();
    if (events_) {
        // Sorted by time: the range is one stretch, found by binary search.
        const auto& all = *events_;
        auto first = std::lower_bound(all.begin(), all.end(), range_.from.ticks,
                                      [](const timeline::TimelineEvent& e, uint64_t t) { return e.time.ticks < t; });
        auto last = std::upper_bound(all.begin(), all.end(), range_.to.ticks,
                                     [](uint64_t t, const timeline::TimelineEvent& e) { return t < e.time.ticks; });
        for (auto it = first; it < last; ++it)
            if (matchesText(*it)) shown_.push_back(static_cast<int>(it - all.begin()));
    }
    endResetModel();
}

const timeline::TimelineEvent& TimelineModel::eventAt(int row) const { return (*events_)[shown_.at(row)]; }

timeline::TimeRange TimelineModel::span() const {
    timeline::TimeRange span{{0}, {0}};
    if (!events_ || events_->empty()) return span;
    auto nonZero = std::find_if(events_->begin(), events_->end(),
                                [](const timeline::TimelineEvent& e) { return e.time.ticks != 0; });
    if (nonZero == events_->end()) return span;
    span.from = nonZero->time;
    span.to = events_->back().time;
    return span;
}

int TimelineModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(shown_.size());
}

int TimelineModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString TimelineModel::timeText(timeline::FileTime time) {
    QString iso = toQString(artefacts::isoTime(time));
    iso.replace(QLatin1Char('T'), QLatin1Char(' '));
    if (iso.endsWith(QLatin1Char('Z'))) iso.chop(1);
    return iso;
}

QString TimelineModel::messageText(const timeline::TimelineEvent& e) {
    switch (e.kind) {
        case timeline::EventKind::Key: return tr("Key \\%1 last written").arg(toQString(e.keyPath));
        case timeline::EventKind::DeletedKey:
            return tr("Deleted key \\%1 last written (%n value(s) recovered)", nullptr,
                      pluralN(e.recoveredValues))
                .arg(toQString(e.keyPath));
        case timeline::EventKind::Artefact: break;
    }
    return toQString(e.message);
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const timeline::TimelineEvent& e = eventAt(index.row());
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case TimeColumn: return timeText(e.time);
                // The key events' words are HiveKit's own; an artefact's
                // are its decoder's column names, data in every language.
                case DescriptionColumn:
                    if (e.kind == timeline::EventKind::Key) return tr("Key last written");
                    if (e.kind == timeline::EventKind::DeletedKey) return tr("Deleted key last written");
                    return toQString(e.timestampDesc);
                case KeyColumn: return toQString(e.keyPath);
                case ValueColumn:
                    if (!e.hasValue) return QString();
                    return e.valueName.empty() ? tr("(Default)") : toQString(e.valueName);
                case SourceColumn:
                    if (e.kind == timeline::EventKind::Key) return tr("key");
                    if (e.kind == timeline::EventKind::DeletedKey) return tr("deleted key");
                    return toQString(e.source);
                case MessageColumn: return messageText(e);
                default: return {};
            }
        case Qt::ToolTipRole:
            return index.column() == MessageColumn || index.column() == KeyColumn ? data(index, Qt::DisplayRole)
                                                                                   : QVariant();
        case Qt::FontRole:
            if (e.deleted) {
                QFont font;
                font.setItalic(true);
                return font;
            }
            return {};
        case TicksRole: return QVariant::fromValue<qulonglong>(e.time.ticks);
        case DeletedRole: return e.deleted;
        default: return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case TimeColumn: return tr("Time (UTC)");
        case DescriptionColumn: return tr("Meaning");
        case KeyColumn: return tr("Key");
        case ValueColumn: return tr("Value");
        case SourceColumn: return tr("Source");
        case MessageColumn: return tr("Message");
        default: return {};
    }
}

}  // namespace hivekit::gui
