#include "search/SearchResultsModel.h"

#include <QFont>

#include "common/Display.h"

namespace hivekit::gui {

SearchResultsModel::SearchResultsModel(QObject* parent) : QAbstractTableModel(parent) {
    initResources();
    keyIcon_ = QIcon(QStringLiteral(":/icons/key.svg"));
}

void SearchResultsModel::clear() {
    beginResetModel();
    hits_.clear();
    endResetModel();
}

void SearchResultsModel::append(const QList<SearchHit>& hits) {
    if (hits.isEmpty()) return;
    const int first = static_cast<int>(hits_.size());
    beginInsertRows({}, first, first + static_cast<int>(hits.size()) - 1);
    for (const SearchHit& h : hits) hits_.push_back(h);
    endInsertRows();
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(hits_.size());
}

int SearchResultsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= static_cast<int>(hits_.size())) return {};
    const SearchHit& h = hits_[static_cast<size_t>(index.row())];
    const bool isValue = h.where != SearchHit::Where::KeyName;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case KeyColumn:
            return h.keyPath.isEmpty() ? tr("(root key)") : h.keyPath;
        case WhereColumn:
            switch (h.where) {
            case SearchHit::Where::KeyName:
                return tr("Key name");
            case SearchHit::Where::ValueName:
                return tr("Value name");
            case SearchHit::Where::ValueData:
                return tr("Value data");
            }
            return {};
        case ValueColumn:
            if (!isValue) return {};
            return h.valueName.isEmpty() ? tr("(Default)") : h.valueName;
        case ContextColumn:
            return h.context;
        }
        return {};
    }
    if (role == Qt::DecorationRole && index.column() == KeyColumn) return keyIcon_;
    return {};
}

QVariant SearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case WhereColumn:
        return tr("Found in");
    case ValueColumn:
        return tr("Value");
    case ContextColumn:
        return tr("Match");
    }
    return {};
}

}  // namespace hivekit::gui
