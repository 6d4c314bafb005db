#include "DiagnosticsModel.h"

#include "Display.h"

namespace hivekit::gui {

DiagnosticsModel::DiagnosticsModel(QObject* parent) : QAbstractTableModel(parent) {
    initResources();
    errorIcon_ = QIcon(QStringLiteral(":/icons/error.svg"));
    warningIcon_ = QIcon(QStringLiteral(":/icons/warning.svg"));
    infoIcon_ = QIcon(QStringLiteral(":/icons/info.svg"));
}

void DiagnosticsModel::clear() {
    beginResetModel();
    rows_.clear();
    seen_.clear();
    endResetModel();
}

void DiagnosticsModel::append(const Diagnostics& diagnostics) {
    std::vector<Row> fresh;
    for (const Diagnostic& d : diagnostics.items()) {
        Row row{d.severity, d.offset, toQString(d.message)};
        const QString key = QString::number(d.offset) + QLatin1Char(':') + row.message;
        if (seen_.contains(key)) continue;
        seen_.insert(key);
        fresh.push_back(std::move(row));
    }
    if (diagnostics.dropped() > 0)
        fresh.push_back(Row{Diagnostic::Severity::Warning, Error::kNoOffset,
                            tr("... and %Ln more problem(s) not listed", nullptr, pluralN(diagnostics.dropped()))});
    if (fresh.empty()) return;
    const int first = static_cast<int>(rows_.size());
    beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
    for (auto& r : fresh) rows_.push_back(std::move(r));
    endInsertRows();
}

int DiagnosticsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int DiagnosticsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DiagnosticsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size())) return {};
    const Row& r = rows_[static_cast<size_t>(index.row())];
    const bool hasOffset = r.offset != Error::kNoOffset;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            switch (r.severity) {
            case Diagnostic::Severity::Error:
                return tr("Error");
            case Diagnostic::Severity::Warning:
                return tr("Warning");
            case Diagnostic::Severity::Info:
                return tr("Note");
            }
            return {};
        case OffsetColumn:
            return hasOffset ? hexOffsetText(r.offset) : QString();
        case MessageColumn:
            return r.message;
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() != SeverityColumn) return {};
        switch (r.severity) {
        case Diagnostic::Severity::Error:
            return errorIcon_;
        case Diagnostic::Severity::Warning:
            return warningIcon_;
        case Diagnostic::Severity::Info:
            return infoIcon_;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn) return r.message;
        if (hasOffset) return tr("Double-click to go to file offset %1").arg(hexOffsetText(r.offset));
        return {};
    case FileOffsetRole:
        return hasOffset ? QVariant::fromValue<quint64>(r.offset) : QVariant();
    case SortRole:
        switch (index.column()) {
        case SeverityColumn:
            return static_cast<int>(r.severity);
        case OffsetColumn:
            return QVariant::fromValue<quint64>(r.offset);
        case MessageColumn:
            return r.message;
        }
        return {};
    default:
        return {};
    }
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case OffsetColumn:
        return tr("Offset");
    case MessageColumn:
        return tr("Problem");
    }
    return {};
}

int DiagnosticsModel::count(Diagnostic::Severity severity) const {
    int n = 0;
    for (const Row& r : rows_) n += r.severity == severity ? 1 : 0;
    return n;
}

}  // namespace hivekit::gui
