#include "deleted/DeletedModel.h"

#include <QLocale>

#include "common/Display.h"
#include "format/BaseBlock.h"
#include "format/ValueData.h"

namespace hivekit::gui {

QString foundInText(FoundIn where) {
    switch (where) {
    case FoundIn::FreeCell: return DeletedModel::tr("free cell");
    case FoundIn::InsideFreeCell: return DeletedModel::tr("inside a free cell");
    case FoundIn::UnreferencedCell: return DeletedModel::tr("unreferenced cell");
    case FoundIn::CellSlack: return DeletedModel::tr("cell slack");
    case FoundIn::PastLastBin: return DeletedModel::tr("past the last hbin");
    }
    return {};
}

QString foundInToolTip(FoundIn where) {
    switch (where) {
    case FoundIn::FreeCell: return DeletedModel::tr("At the start of a free cell: the cell freed when it was deleted.");
    case FoundIn::InsideFreeCell:
        return DeletedModel::tr("Inside a free cell: its own cell was freed and absorbed by a free neighbour before it.");
    case FoundIn::UnreferencedCell:
        return DeletedModel::tr("In an allocated cell that nothing in the live tree references: unlinked but never freed.");
    case FoundIn::CellSlack:
        return DeletedModel::tr("In the slack of an allocated cell, past what its owner uses.");
    case FoundIn::PastLastBin:
        return DeletedModel::tr("In the bytes of the file past the last hbin the base block declares.");
    }
    return {};
}

QString recoveredDataText(RecoveredData state) {
    switch (state) {
    case RecoveredData::Intact: return DeletedModel::tr("intact");
    case RecoveredData::Empty: return DeletedModel::tr("empty");
    case RecoveredData::Overwritten: return DeletedModel::tr("overwritten");
    case RecoveredData::Truncated: return DeletedModel::tr("truncated");
    case RecoveredData::Missing: return DeletedModel::tr("missing");
    }
    return QString();
}

QString recoveredDataLine(const DeletedValue& value) {
    const QString state = recoveredDataText(value.dataState);
    if (value.dataState != RecoveredData::Intact && value.dataState != RecoveredData::Truncated)
        return QStringLiteral("[") + state + QStringLiteral("]");
    const QString line = valueDataLine(decodeValue(value.record.type, Bytes(value.data.data(), value.data.size())));
    return value.dataState == RecoveredData::Intact ? line : QStringLiteral("[") + state + QStringLiteral("] ") + line;
}

DeletedModel::DeletedModel(QObject* parent) : QAbstractItemModel(parent) {
    initResources();
    keyIcon_ = QIcon(QStringLiteral(":/icons/key.svg"));
}

void DeletedModel::setScan(std::shared_ptr<const Hive> hive, std::shared_ptr<const DeletedScan> scan) {
    beginResetModel();
    hive_ = std::move(hive);
    scan_ = std::move(scan);
    orphans_.clear();
    if (scan_) {
        for (size_t i = 0; i < scan_->values.size(); ++i)
            if (scan_->values[i].ownerKey == DeletedValue::kNoOwner) orphans_.push_back(i);
    }
    endResetModel();
}

void DeletedModel::clear() { setScan(nullptr, nullptr); }

bool DeletedModel::isGroupRow(int row) const {
    return scan_ && !orphans_.empty() && row == static_cast<int>(scan_->keys.size());
}

QModelIndex DeletedModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent)) return {};
    if (!parent.isValid()) return createIndex(row, column, quintptr{0});
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex DeletedModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == 0) return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, quintptr{0});
}

int DeletedModel::rowCount(const QModelIndex& parent) const {
    if (!scan_) return 0;
    if (!parent.isValid()) return static_cast<int>(scan_->keys.size()) + (orphans_.empty() ? 0 : 1);
    if (parent.internalId() != 0 || parent.column() != 0) return 0;
    if (isGroupRow(parent.row())) return static_cast<int>(orphans_.size());
    return static_cast<int>(scan_->keys[static_cast<size_t>(parent.row())].values.size());
}

int DeletedModel::columnCount(const QModelIndex&) const { return ColumnCount; }

const DeletedValue* DeletedModel::valueAt(const QModelIndex& index) const {
    if (!index.isValid() || index.internalId() == 0) return nullptr;
    const int top = static_cast<int>(index.internalId() - 1);
    const size_t row = static_cast<size_t>(index.row());
    if (isGroupRow(top)) return &scan_->values[orphans_[row]];
    return &scan_->values[scan_->keys[static_cast<size_t>(top)].values[row]];
}

QVariant DeletedModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !scan_) return {};
    if (const DeletedValue* value = valueAt(index)) return valueData(*value, index.column(), role);
    if (isGroupRow(index.row())) {
        if (role == KindRole) return QStringLiteral("group");
        if (role == Qt::DisplayRole && index.column() == NameColumn)
            return tr("Values without a known key (%Ln)", nullptr, pluralN(orphans_.size()));
        if (role == Qt::ToolTipRole)
            return tr("Deleted values whose key is not among the deleted keys found: deleted from a key that "
                      "still exists, or from one whose node was overwritten.");
        return {};
    }
    return keyData(scan_->keys[static_cast<size_t>(index.row())], index.column(), role);
}

QVariant DeletedModel::keyData(const DeletedKey& key, int column, int role) const {
    const quint64 fileOffset = key.fileOffset().value;
    switch (role) {
    case KindRole: return QStringLiteral("key");
    case FileOffsetRole: return fileOffset;
    case Qt::DecorationRole: return column == NameColumn ? QVariant(keyIcon_) : QVariant();
    case Qt::ToolTipRole:
        if (column == FoundInColumn) return foundInToolTip(key.foundIn);
        if (column == NameColumn) {
            return key.parentLive ? tr("Deleted key; its parent is a key of the live tree.")
                                  : tr("Deleted key; its parent is not a live key.");
        }
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn: return toQString(key.path);
        case TypeColumn: return tr("key");
        case DataColumn:
            return tr("%Ln value(s)", nullptr, pluralN(key.node.valueCount)) + QStringLiteral(", ") +
                   tr("%Ln subkey(s)", nullptr, pluralN(key.node.subkeyCount));
        case WrittenColumn: return toQString(formatFiletime(key.node.lastWritten));
        case FoundInColumn: return foundInText(key.foundIn);
        case OffsetColumn: return hexOffsetText(fileOffset);
        }
        return {};
    }
    return {};
}

QVariant DeletedModel::valueData(const DeletedValue& value, int column, int role) const {
    const quint64 fileOffset = value.fileOffset().value;
    switch (role) {
    case KindRole: return QStringLiteral("value");
    case FileOffsetRole: return fileOffset;
    case Qt::DecorationRole: return column == NameColumn ? QVariant(valueTypeIcon(value.record.type)) : QVariant();
    case Qt::ToolTipRole:
        if (column == FoundInColumn) return foundInToolTip(value.foundIn);
        if (column == DataColumn) {
            return tr("%1 of %Ln byte(s) recovered (%2)", nullptr, pluralN(value.record.dataSize()))
                .arg(QLocale().toString(qulonglong(value.data.size())), recoveredDataText(value.dataState));
        }
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn: return value.name.empty() ? tr("(Default)") : toQString(value.name);
        case TypeColumn: return QString::fromLatin1(valueTypeName(value.record.type));
        case DataColumn: return recoveredDataLine(value);
        case WrittenColumn: return QVariant();
        case FoundInColumn: return foundInText(value.foundIn);
        case OffsetColumn: return hexOffsetText(fileOffset);
        }
        return {};
    }
    return {};
}

QVariant DeletedModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn: return tr("Path or name");
    case TypeColumn: return tr("Type");
    case DataColumn: return tr("Data");
    case WrittenColumn: return tr("Last written");
    case FoundInColumn: return tr("Found in");
    case OffsetColumn: return tr("Offset");
    }
    return {};
}

}  // namespace hivekit::gui
