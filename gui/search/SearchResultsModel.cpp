#include "search/SearchResultsModel.h"

#include <QFont>
#include <QStringList>

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

namespace {

/// A field kept on one line of pasted text.
QString oneLine(QString text) {
    for (QChar& c : text)
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r')) c = QLatin1Char(' ');
    return text;
}

/// An RFC 4180 field: quoted when it holds a comma, a quote or a line
/// break, quotes doubled.
QString csvField(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')) &&
        !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString cellText(uint32_t offset) { return QStringLiteral("0x") + QString::number(offset, 16); }

}  // namespace

QString SearchResultsModel::rowsAsText(const QList<int>& rows) const {
    QString out;
    for (int row : rows) {
        QStringList fields;
        for (int column = 0; column < ColumnCount; ++column)
            fields << oneLine(data(index(row, column), Qt::DisplayRole).toString());
        out += fields.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    return out;
}

QString SearchResultsModel::columnAsText(const QList<int>& rows, Column column) const {
    QString out;
    for (int row : rows) out += oneLine(data(index(row, column), Qt::DisplayRole).toString()) + QLatin1Char('\n');
    return out;
}

QByteArray SearchResultsModel::toCsv() const {
    QString out = QStringLiteral("key_path,found_in,value_name,match,key_cell,value_cell\r\n");
    for (const SearchHit& h : hits_) {
        const bool isValue = h.where != SearchHit::Where::KeyName;
        const QString where = h.where == SearchHit::Where::KeyName     ? QStringLiteral("key_name")
                              : h.where == SearchHit::Where::ValueName ? QStringLiteral("value_name")
                                                                       : QStringLiteral("value_data");
        const QStringList fields{csvField(h.keyPath),
                                 where,
                                 csvField(isValue ? h.valueName : QString()),
                                 csvField(h.context),
                                 cellText(h.keyOffset),
                                 isValue ? cellText(h.valueOffset) : QString()};
        out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
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
