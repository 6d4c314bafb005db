#include "compare/CompareValueModel.h"

#include <QApplication>

#include "common/Display.h"
#include "compare/CompareColors.h"
#include "compare/CompareModel.h"
#include "format/Names.h"
#include "format/ValueData.h"

namespace hivekit::gui::compare {

CompareValueModel::CompareValueModel(QObject* parent) : QAbstractTableModel(parent) {}

void CompareValueModel::setHives(std::shared_ptr<const Hive> a, std::shared_ptr<const Hive> b) {
    a_ = std::move(a);
    b_ = std::move(b);
    clear();
}

void CompareValueModel::clear() {
    beginResetModel();
    aKey_ = bKey_ = 0xFFFFFFFF;
    rows_.clear();
    endResetModel();
}

void CompareValueModel::setKey(uint32_t aKey, uint32_t bKey) {
    aKey_ = aKey;
    bKey_ = bKey;
    rebuild();
}

void CompareValueModel::setOnlyDifferences(bool only) {
    onlyDifferences_ = only;
    rebuild();
}

void CompareValueModel::rebuild() {
    beginResetModel();
    rows_.clear();
    if (a_ && b_ && (aKey_ != 0xFFFFFFFF || bKey_ != 0xFFFFFFFF)) {
        for (MergedValue& v : mergeValues(*a_, aKey_, *b_, bKey_))
            if (!onlyDifferences_ || !v.same) rows_.push_back(std::move(v));
    }
    endResetModel();
}

RowStatus CompareValueModel::status(int row) const {
    const MergedValue& v = valueAt(row);
    if (v.same) return RowStatus::Same;
    if (!v.oldValue.present) return RowStatus::Added;
    if (!v.newValue.present) return RowStatus::Removed;
    return RowStatus::Changed;
}

int CompareValueModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int CompareValueModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CompareValueModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const MergedValue& v = valueAt(index.row());
    const RowStatus st = status(index.row());
    auto typeText = [](const DiffValueSide& side) {
        return side.present ? toQString(valueTypeLabel(side.type)) : QString();
    };
    auto dataText = [](const DiffValueSide& side) {
        return side.present ? valueDataLine(decodeValue(side.type, side.data)) : QString();
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return v.name.empty() ? tr("(Default)") : toQString(utf16ToUtf8(v.name));
        case StatusColumn: return rowStatusText(st);
        case OldTypeColumn: return typeText(v.oldValue);
        case OldDataColumn: return dataText(v.oldValue);
        case NewTypeColumn: return typeText(v.newValue);
        case NewDataColumn: return dataText(v.newValue);
        }
        return {};
    case Qt::ForegroundRole: {
        const CompareColors colors = CompareColors::forPalette(QApplication::palette());
        if (st == RowStatus::Added) return colors.added;
        if (st == RowStatus::Removed) return colors.removed;
        if (st == RowStatus::Changed) return colors.changed;
        return {};
    }
    case StatusRole: return static_cast<int>(st);
    default: return {};
    }
}

QVariant CompareValueModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case StatusColumn: return tr("Status");
    case OldTypeColumn: return tr("Old type (A)");
    case OldDataColumn: return tr("Old data (A)");
    case NewTypeColumn: return tr("New type (B)");
    case NewDataColumn: return tr("New data (B)");
    }
    return {};
}

}  // namespace hivekit::gui::compare
