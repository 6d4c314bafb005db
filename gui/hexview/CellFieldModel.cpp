#include "hexview/CellFieldModel.h"

#include <QBrush>
#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QIcon>
#include <QPainter>
#include <QGuiApplication>
#include <QPalette>
#include <QPixmap>

#include "format/ValueData.h"
#include "common/Theme.h"
#include "hexview/CellColors.h"

namespace hivekit::gui {

namespace {

// Internal ids: 0 for cell rows, cell index + 1 for the rows under a cell.
constexpr quintptr kCellRow = 0;

QString utf8(const std::string& s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }
QString hexText(uint64_t v) { return QStringLiteral("0x") + QString::number(v, 16); }

/// A rounded colour chip: the legend of the highlight colours.
QIcon swatch(const QColor& color) {
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(color.darker(140));
    p.setBrush(color);
    p.drawRoundedRect(QRectF(1.5, 1.5, 11, 11), 3, 3);
    return QIcon(pm);
}

QString bytesAt(uint32_t size, uint64_t offset) {
    // A cell's size fits an int (the size field is an int32), as tr()'s n must.
    return CellFieldModel::tr("%Ln byte(s) at %1", nullptr, static_cast<int>(size)).arg(hexText(offset));
}

QColor linkColor() { return QGuiApplication::palette().color(QPalette::Link); }

}  // namespace

CellFieldModel::CellFieldModel(QObject* parent) : QAbstractItemModel(parent) {}

void CellFieldModel::setGroup(std::shared_ptr<const Hive> hive, CellGroup group) {
    beginResetModel();
    hive_ = std::move(hive);
    group_ = std::move(group);
    endResetModel();
}

void CellFieldModel::clear() { setGroup(nullptr, CellGroup{}); }

const CellDescription* CellFieldModel::cellAt(const QModelIndex& index) const {
    if (!index.isValid()) return nullptr;
    const size_t cell = index.internalId() == kCellRow ? static_cast<size_t>(index.row()) : index.internalId() - 1;
    return cell < group_.cells.size() ? &group_.cells[cell] : nullptr;
}

const CellField* CellFieldModel::fieldAt(const QModelIndex& index) const {
    if (!index.isValid() || index.internalId() == kCellRow) return nullptr;
    const CellDescription* cell = cellAt(index);
    if (!cell || static_cast<size_t>(index.row()) >= cell->fields.size()) return nullptr;
    return &cell->fields[static_cast<size_t>(index.row())];
}

QModelIndex CellFieldModel::cellIndex(size_t i) const { return index(static_cast<int>(i), 0); }

QModelIndex CellFieldModel::fieldIndex(size_t cell, size_t field) const {
    return index(static_cast<int>(field), 0, cellIndex(cell));
}

QModelIndex CellFieldModel::findField(const QString& name) const {
    const std::string wanted = name.toStdString();
    for (size_t c = 0; c < group_.cells.size(); ++c)
        for (size_t f = 0; f < group_.cells[c].fields.size(); ++f)
            if (group_.cells[c].fields[f].name == wanted) return fieldIndex(c, f);
    return {};
}

QModelIndex CellFieldModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount) return {};
    if (!parent.isValid()) {
        if (static_cast<size_t>(row) >= group_.cells.size()) return {};
        return createIndex(row, column, kCellRow);
    }
    if (parent.internalId() != kCellRow || row >= rowCount(parent)) return {};
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex CellFieldModel::parent(const QModelIndex& index) const {
    if (!index.isValid() || index.internalId() == kCellRow) return {};
    return createIndex(static_cast<int>(index.internalId() - 1), 0, kCellRow);
}

int CellFieldModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return static_cast<int>(group_.cells.size());
    if (parent.internalId() != kCellRow || parent.column() != 0) return 0;
    const CellDescription* cell = cellAt(parent);
    return cell ? static_cast<int>(cell->fields.size() + cell->problems.size()) : 0;
}

int CellFieldModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant CellFieldModel::data(const QModelIndex& index, int role) const {
    const CellDescription* cell = cellAt(index);
    if (!cell) return {};
    const int column = index.column();

    if (index.internalId() == kCellRow) {
        switch (role) {
        case Qt::DisplayRole:
            // Cell rows span the whole width (HexPane sets that up): one line
            // says what the cell is, its role, size and place.
            if (column != NameColumn) return {};
            {
                QString what = roleDisplayName(cell->ref.role);
                if (cell->deletedIn) what = utf8(cell->note);
                else if (!cell->allocated && cell->ref.role != CellRole::Free) what = tr("%1 in a free cell").arg(what);
                return tr("%1   — %2, %3 bytes at %4")
                    .arg(utf8(cell->title), what)
                    .arg(cell->size)
                    .arg(hexText(cell->fileOffset));
            }
        case Qt::DecorationRole:
            if (column == NameColumn) return swatch(roleColor(cell->ref.role));
            break;
        case Qt::FontRole: {
            QFont f;
            f.setBold(true);
            return f;
        }
        case Qt::ToolTipRole:
            return cell->note.empty() ? utf8(cell->title) : utf8(cell->title) + QLatin1Char('\n') + utf8(cell->note);
        case FileOffsetRole: return QVariant::fromValue<qulonglong>(cell->fileOffset);
        case ByteCountRole: return QVariant::fromValue<qulonglong>(cell->size);
        case HasTargetRole: return false;
        }
        return {};
    }

    const size_t row = static_cast<size_t>(index.row());
    if (row >= cell->fields.size()) {
        const Error& problem = cell->problems[row - cell->fields.size()];
        switch (role) {
        case Qt::DisplayRole:
            if (column == NameColumn) return tr("problem");
            if (column == OffsetColumn && problem.hasOffset()) return hexText(problem.offset);
            if (column == MeaningColumn) return utf8(problem.message);
            break;
        case Qt::ToolTipRole: return utf8(problem.message);
        case Qt::ForegroundRole: return QBrush(theme::text(theme::Tone::Negative, QGuiApplication::palette()));
        case Qt::DecorationRole:
            if (column == NameColumn) return QIcon::fromTheme(QStringLiteral("dialog-warning"));
            break;
        case FileOffsetRole:
            if (problem.hasOffset()) return QVariant::fromValue<qulonglong>(problem.offset);
            break;
        case HasTargetRole: return false;
        }
        return {};
    }

    const CellField& field = cell->fields[row];
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn: return utf8(field.name);
        case OffsetColumn: return hexText(field.fileOffset);
        case BytesColumn: return utf8(hexBytes(field.raw, 8));
        case MeaningColumn: return field.target ? utf8(field.meaning) + QStringLiteral("  \u2192") : utf8(field.meaning);
        }
        break;
    case Qt::ToolTipRole:
        switch (column) {
        case BytesColumn:
            return bytesAt(field.size, field.fileOffset) + QStringLiteral(":\n") + utf8(hexBytes(field.raw, 64));
        case MeaningColumn:
            if (field.target) return tr("%1\nClick to go to this cell.").arg(utf8(field.meaning));
            return utf8(field.meaning);
        default: return utf8(field.name) + QStringLiteral(": ") + bytesAt(field.size, field.fileOffset);
        }
    case Qt::FontRole:
        if (column == BytesColumn) return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        if (column == MeaningColumn && field.target) {
            QFont f;
            f.setUnderline(true);
            return f;
        }
        break;
    case Qt::ForegroundRole:
        if (column == MeaningColumn && field.target) return QBrush(linkColor());
        if (column == OffsetColumn || column == BytesColumn)
            return QBrush(QGuiApplication::palette().color(QPalette::PlaceholderText));
        break;
    case HasTargetRole: return field.target.has_value();
    case FileOffsetRole: return QVariant::fromValue<qulonglong>(field.fileOffset);
    case ByteCountRole: return QVariant::fromValue<qulonglong>(field.size);
    }
    return {};
}

QVariant CellFieldModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn: return tr("Field");
    case OffsetColumn: return tr("Offset");
    case BytesColumn: return tr("Bytes");
    case MeaningColumn: return tr("Meaning");
    }
    return {};
}

}  // namespace hivekit::gui
