#include "problems/DiagnosticsModel.h"

#include "common/Display.h"

namespace hivekit::gui {

static_assert(static_cast<int>(Diagnostic::Severity::Info) == 0 && static_cast<int>(Diagnostic::Severity::Error) == 2,
              "Rows::counts has one entry per severity, indexed by its value");

DiagnosticsModel::DiagnosticsModel(QObject* parent) : QAbstractTableModel(parent) {
    initResources();
    errorIcon_ = QIcon(QStringLiteral(":/icons/error.svg"));
    warningIcon_ = QIcon(QStringLiteral(":/icons/warning.svg"));
    infoIcon_ = QIcon(QStringLiteral(":/icons/info.svg"));
}

DiagnosticsModel::Rows DiagnosticsModel::rowsOf(const Diagnostics& diagnostics) {
    Rows out;
    out.rows.reserve(diagnostics.items().size());
    for (const Diagnostic& d : diagnostics.items()) {
        out.rows.push_back(Row{d.severity, d.offset, toQString(d.message)});
        ++out.counts[static_cast<int>(d.severity)];
    }
    out.dropped = diagnostics.dropped();
    return out;
}

void DiagnosticsModel::clear() { setRows(Rows{}); }

void DiagnosticsModel::setRows(Rows rows) {
    beginResetModel();
    shown_ = std::move(rows);
    endResetModel();
}

int DiagnosticsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(shown_.rows.size());
}

int DiagnosticsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DiagnosticsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= static_cast<int>(shown_.rows.size())) return {};
    const Row& r = shown_.rows[static_cast<size_t>(index.row())];
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
    case SeverityRole:
        return static_cast<int>(r.severity);
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

int DiagnosticsModel::count(Diagnostic::Severity severity) const { return shown_.counts[static_cast<int>(severity)]; }

}  // namespace hivekit::gui
