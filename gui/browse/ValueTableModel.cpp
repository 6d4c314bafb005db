#include "browse/ValueTableModel.h"

#include "editing/ChangeMarks.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include "common/Display.h"
#include "deleted/DeletedModel.h"
#include "deleted/DeletedStyle.h"
#include "format/Offsets.h"
#include "format/ValueData.h"

namespace hivekit::gui {

ValueTableModel::ValueTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ValueTableModel::setHive(std::shared_ptr<const Hive> hive) {
    beginResetModel();
    hive_ = std::move(hive);
    keyOffset_ = kNoCell;
    rows_.clear();
    recoveredScan_.reset();
    endResetModel();
}

void ValueTableModel::setKey(uint32_t keyOffset, bool deletedKey) {
    beginResetModel();
    keyOffset_ = keyOffset;
    deletedKey_ = deletedKey;
    rows_.clear();
    recoveredScan_.reset();
    const Hive* hive = deletedKey ? (marks_ ? marks_->original().get() : nullptr) : hive_.get();
    if (hive && keyOffset != kNoCell) {
        // An unreadable key gives no rows (the tree marks it unreadable).
        if (auto key = hive->keyNode(keyOffset)) {
            const std::vector<uint32_t> offsets = hive->values(*key);
            rows_.reserve(offsets.size());
            for (uint32_t off : offsets) {
                rows_.push_back(readRow(*hive, off));
                rows_.back().deleted = deletedKey;
            }
        }
        if (!deletedKey && marks_ && marks_->original()) {
            for (const auto& gone : marks_->deletedValues(markPath_)) {
                rows_.push_back(readRow(*marks_->original(), gone.offset));
                rows_.back().deleted = true;
            }
        }
    }
    endResetModel();
}

void ValueTableModel::setRecoveredKey(std::shared_ptr<const DeletedScan> scan, size_t key) {
    beginResetModel();
    rows_.clear();
    deletedKey_ = false;
    recoveredScan_ = std::move(scan);
    keyOffset_ = kNoCell;
    if (recoveredScan_ && key < recoveredScan_->keys.size()) {
        const DeletedKey& k = recoveredScan_->keys[key];
        keyOffset_ = k.cellOffset;
        rows_.reserve(k.values.size());
        for (size_t v : k.values) {
            const DeletedValue& value = recoveredScan_->values[v];
            Row row;
            row.offset = value.cellOffset;
            row.recovered = true;
            row.name = toQString(value.name);
            row.type = value.record.type;
            row.size = value.record.dataSize();
            row.typeText = toQString(valueTypeLabel(value.record.type));
            row.dataText = recoveredDataLine(value);
            row.copyText = row.dataText;
            if (value.dataState == RecoveredData::Intact) {
                const DecodedValue decoded =
                    decodeValue(value.record.type, Bytes(value.data.data(), value.data.size()));
                if (decoded.kind == ValueKind::Bytes) {
                    row.copyText = toQString(hexBytes(decoded.raw));
                } else {
                    DecodedValue noNotes = decoded;
                    noNotes.notes.clear();
                    row.copyText = toQString(noNotes.toText());
                }
            }
            row.toolTip = recoveredValueToolTip(value);
            rows_.push_back(std::move(row));
        }
    }
    endResetModel();
}

ValueTableModel::Row ValueTableModel::readRow(const Hive& hive, uint32_t offset) const {
    Row row;
    row.offset = offset;
    auto vk = hive.valueRecord(offset);
    if (!vk) {
        row.readable = false;
        row.name = tr("<unreadable value at %1>").arg(hexOffsetText(fileOffsetOf(offset)));
        row.dataText = toQString(vk.error().message);
        row.copyText = row.dataText;
        return row;
    }
    row.name = toQString(vk->nameUtf8());
    row.type = vk->type;
    row.size = vk->dataSize();
    row.typeText = toQString(valueTypeLabel(vk->type));
    auto data = hive.valueData(*vk);
    if (!data) {
        row.dataText = tr("<unreadable data: %1>").arg(toQString(data.error().message));
        row.copyText = row.dataText;
        return row;
    }
    const DecodedValue decoded = decodeValue(vk->type, data->bytes());
    row.dataText = valueDataLine(decoded);
    if (decoded.kind == ValueKind::Bytes) {
        row.copyText = toQString(hexBytes(decoded.raw));
    } else {
        DecodedValue noNotes = decoded;
        noNotes.notes.clear();
        row.copyText = toQString(noNotes.toText());
    }
    return row;
}

int ValueTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ValueTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

void ValueTableModel::setChangeMarks(std::shared_ptr<const ChangeMarks> marks, const QString& keyPath) {
    marks_ = std::move(marks);
    markPath_ = keyPath;
    if (!rows_.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QVariant ValueTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size())) return {};
    const Row& r = rows_[static_cast<size_t>(index.row())];
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (col) {
        case NameColumn:
            return r.readable && r.name.isEmpty() ? tr("(Default)") : r.name;
        case TypeColumn:
            return r.typeText;
        case SizeColumn:
            return r.readable ? QVariant(r.size) : QVariant();
        case DataColumn:
            return r.dataText;
        }
        return {};
    case Qt::DecorationRole:
        if (col != NameColumn) return {};
        return r.readable ? valueTypeIcon(r.type) : QIcon(QStringLiteral(":/icons/key-broken.svg"));
    case Qt::EditRole:
        return col == NameColumn ? QVariant(r.name) : QVariant();
    case PendingDeletionRole:
        return r.deleted;
    case RecoveredRole:
        return r.recovered;
    case ChangeMarkRole:
        if (r.recovered) return static_cast<int>(ChangeMarks::Mark::None);
        if (r.deleted) return static_cast<int>(ChangeMarks::Mark::Deleted);
        return static_cast<int>(marks_ ? marks_->value(markPath_, r.name) : ChangeMarks::Mark::None);
    case Qt::ForegroundRole:
        if (r.recovered) return QBrush(recoveredKeyColor(QGuiApplication::palette()));
        if (r.deleted) return ChangeMarks::decoration(ChangeMarks::Mark::Deleted, role);
        return marks_ ? ChangeMarks::decoration(marks_->value(markPath_, r.name), role) : QVariant();
    case Qt::FontRole:
        if (r.recovered) return recoveredFont();
        if (r.deleted) return ChangeMarks::decoration(ChangeMarks::Mark::Deleted, role);
        if (marks_ && marks_->value(markPath_, r.name) != ChangeMarks::Mark::None) {
            return ChangeMarks::decoration(marks_->value(markPath_, r.name), role);
        }
        if (col == NameColumn && r.readable && r.name.isEmpty()) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (col == SizeColumn) return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (col == DataColumn) return r.copyText.left(2000);
        if (col == NameColumn && r.recovered) return r.toolTip;
        if (col == NameColumn && r.deleted) return tr("deleted by a pending change (undo to keep it)");
        if (col == NameColumn)
            return tr("value record at %1").arg(hexOffsetText(fileOffsetOf(r.offset)));
        return {};
    case OffsetRole:
        return QVariant::fromValue<quint32>(r.offset);
    case CopyRole:
        return r.copyText;
    case ValueNameRole:
        return r.name;
    case SortRole:
        switch (col) {
        case NameColumn:
            return r.name.toCaseFolded();
        case TypeColumn:
            return QVariant::fromValue<quint32>(r.type);
        case SizeColumn:
            return QVariant::fromValue<quint32>(r.size);
        case DataColumn:
            return r.dataText;
        }
        return {};
    default:
        return {};
    }
}

QVariant ValueTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case SizeColumn:
        return tr("Size");
    case DataColumn:
        return tr("Data");
    }
    return {};
}

int ValueTableModel::rowOfOffset(uint32_t offset) const {
    for (size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].offset == offset && !rows_[i].deleted && !rows_[i].recovered) return static_cast<int>(i);
    return -1;
}

Qt::ItemFlags ValueTableModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags out = QAbstractTableModel::flags(index);
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size())) return out;
    const Row& r = rows_[static_cast<size_t>(index.row())];
    // The default value has no name to change (regedit refuses too).
    if (renameHandler_ && index.column() == NameColumn && r.readable && !r.deleted && !r.recovered &&
        !r.name.isEmpty())
        out |= Qt::ItemIsEditable;
    return out;
}

bool ValueTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable)) return false;
    return renameHandler_(rows_[static_cast<size_t>(index.row())].name, value.toString());
}

}  // namespace hivekit::gui
