#include "artefacts/ArtefactTableModel.h"

#include <QIcon>

#include <limits>

#include "artefacts/TableWriter.h"
#include "common/Display.h"

namespace hivekit::gui {

using artefacts::ColumnType;
using artefacts::Field;

namespace {

/// Bytes shown in a cell before it is cut (the tooltip and exports hold all).
constexpr size_t kShownBytes = 32;

/// One line of a tab-separated copy: tabs and line breaks inside a field
/// would shift the columns of whatever the text is pasted into.
QString oneCell(QString text) {
    for (QChar& c : text)
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r')) c = QLatin1Char(' ');
    return text;
}

}  // namespace

ArtefactTableModel::ArtefactTableModel(QObject* parent) : QAbstractTableModel(parent) { initResources(); }

void ArtefactTableModel::setTable(std::shared_ptr<const artefacts::ArtefactTable> table) {
    beginResetModel();
    table_ = std::move(table);
    endResetModel();
}

int ArtefactTableModel::fieldColumns() const { return table_ ? static_cast<int>(table_->columns.size()) : 0; }

const artefacts::Row& ArtefactTableModel::rowAt(int row) const { return table_->rows.at(static_cast<size_t>(row)); }

int ArtefactTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !table_ ? 0 : static_cast<int>(table_->rows.size());
}

int ArtefactTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !table_ ? 0 : fieldColumns() + 2;
}

QString ArtefactTableModel::displayText(const Field& field) {
    if (std::holds_alternative<std::monostate>(field)) return {};
    if (const auto* time = std::get_if<artefacts::FileTime>(&field)) {
        // isoTime is UTC whatever the machine's zone: "2012-04-04T15:52:45Z",
        // shown without the T, the Z and the fraction.
        QString iso = QString::fromStdString(artefacts::isoTime(*time));
        if (iso.size() >= 19) {
            iso.truncate(19);
            iso[10] = QLatin1Char(' ');
        }
        return iso;
    }
    if (const auto* bytes = std::get_if<std::vector<uint8_t>>(&field)) {
        QString out;
        const size_t shown = std::min(bytes->size(), kShownBytes);
        for (size_t i = 0; i < shown; ++i) {
            if (i) out += QLatin1Char(' ');
            out += QStringLiteral("%1").arg((*bytes)[i], 2, 16, QLatin1Char('0'));
        }
        if (bytes->size() > shown) out += QStringLiteral(" … ") + tr("(%Ln byte(s))", nullptr, pluralN(bytes->size()));
        return out;
    }
    if (const auto* flag = std::get_if<bool>(&field)) return *flag ? tr("yes") : tr("no");
    if (const auto* number = std::get_if<int64_t>(&field)) return QString::number(*number);
    return toQString(std::get<std::string>(field));
}

QVariant ArtefactTableModel::sortKey(const Field& field, ColumnType type) const {
    // Every key of a column has one type, empties included, so that the
    // proxy compares like with like.
    switch (type) {
        case ColumnType::FileTime:
            if (const auto* time = std::get_if<artefacts::FileTime>(&field)) return qulonglong(time->ticks);
            return qulonglong(0);
        case ColumnType::Integer:
            if (const auto* number = std::get_if<int64_t>(&field)) return qlonglong(*number);
            return std::numeric_limits<qlonglong>::min();
        case ColumnType::Boolean:
            if (const auto* flag = std::get_if<bool>(&field)) return *flag ? 2 : 1;
            return 0;
        case ColumnType::Bytes:
        case ColumnType::Text:
        case ColumnType::Path:
            break;
    }
    if (std::holds_alternative<std::monostate>(field)) return QString();
    return QString::fromStdString(artefacts::fieldText(field));
}

QString ArtefactTableModel::valueNameText(const artefacts::RowSource& source) const {
    if (!source.hasValue) return {};
    return source.valueName.empty() ? tr("(Default)") : toQString(source.valueName);
}

QVariant ArtefactTableModel::data(const QModelIndex& index, int role) const {
    if (!table_ || !index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
    const artefacts::Row& row = rowAt(index.row());
    const int column = index.column();
    const bool isField = column < fieldColumns();
    const ColumnType type = isField ? table_->columns[static_cast<size_t>(column)].type : ColumnType::Path;
    static const Field kEmpty;
    const Field& field =
        isField && static_cast<size_t>(column) < row.fields.size() ? row.fields[static_cast<size_t>(column)] : kEmpty;

    switch (role) {
        case Qt::DisplayRole:
            if (isField) return displayText(field);
            return column == keyColumn() ? toQString(row.source.keyPath) : valueNameText(row.source);
        case SortRole:
            if (isField) return sortKey(field, type);
            return column == keyColumn() ? toQString(row.source.keyPath) : valueNameText(row.source);
        case Qt::ToolTipRole: {
            QString tip;
            if (isField && std::holds_alternative<artefacts::FileTime>(field))
                tip = QString::fromStdString(artefacts::fieldText(field));  // full ISO 8601, with the fraction
            else if (isField && std::holds_alternative<std::vector<uint8_t>>(field))
                tip = QString::fromStdString(artefacts::fieldText(field)).left(1024);
            if (!row.note.empty())
                tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) + tr("Note: %1").arg(toQString(row.note));
            return tip.isEmpty() ? QVariant() : QVariant(tip);
        }
        case Qt::DecorationRole:
            if (column == 0 && !row.note.empty()) return QIcon(QStringLiteral(":/icons/warning.svg"));
            return {};
        case Qt::TextAlignmentRole:
            if (type == ColumnType::Integer) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
            return {};
        case NoteRole:
            return toQString(row.note);
        case KeyOffsetRole:
            return quint32(row.source.keyOffset);
        case ValueOffsetRole:
            return quint32(row.source.hasValue ? row.source.valueOffset : kNoCell);
        default:
            return {};
    }
}

QVariant ArtefactTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || !table_ || section < 0 || section >= columnCount()) return {};
    if (role == Qt::DisplayRole) {
        if (section == keyColumn()) return tr("Key");
        if (section == valueColumn()) return tr("Value");
        return toQString(table_->columns[static_cast<size_t>(section)].name);
    }
    if (role == Qt::ToolTipRole) {
        if (section == keyColumn()) return tr("The key the row was read from");
        if (section == valueColumn()) return tr("The value the row was read from");
        switch (table_->columns[static_cast<size_t>(section)].type) {
            case ColumnType::Text: return tr("Text");
            case ColumnType::Path: return tr("Path");
            case ColumnType::FileTime: return tr("Time (UTC)");
            case ColumnType::Integer: return tr("Number");
            case ColumnType::Bytes: return tr("Bytes (hex)");
            case ColumnType::Boolean: return tr("Yes or no");
        }
    }
    return {};
}

QString ArtefactTableModel::rowsText(const QList<int>& rows) const {
    if (!table_ || rows.isEmpty()) return {};
    QStringList header;
    for (const artefacts::Column& c : table_->columns) header << oneCell(toQString(c.name));
    header << tr("Key") << tr("Value") << tr("Note");
    QStringList lines{header.join(QLatin1Char('\t'))};
    for (int r : rows) {
        if (r < 0 || r >= rowCount()) continue;
        const artefacts::Row& row = rowAt(r);
        QStringList cells;
        for (const Field& f : row.fields) cells << oneCell(QString::fromStdString(artefacts::fieldText(f)));
        cells << oneCell(toQString(row.source.keyPath)) << oneCell(valueNameText(row.source))
              << oneCell(toQString(row.note));
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

}  // namespace hivekit::gui
