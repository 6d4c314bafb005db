// CompareModel: the merged tree of two hives. Each row is a key present in A,
// in B or in both, with its status (added, removed, changed, same) in the
// second column and its colour; children are merged from both hives' subkey
// lists when first asked for (diff/HiveDiff's mergeSubkeys). With "only
// differences" a row is shown only when it differs or has a difference
// below it (CompareJob's DiffIndex says which).
#pragma once

#include <QAbstractItemModel>

#include <memory>
#include <string>
#include <vector>

#include "compare/CompareJob.h"

namespace hivekit::gui::compare {

/// A row's status.
enum class RowStatus { Same, Added, Removed, Changed };

/// "added", "removed", ... translated (for both compare models).
QString rowStatusText(RowStatus status);

class CompareModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, ColumnCount };
    enum Role {
        StatusRole = Qt::UserRole + 1,  ///< RowStatus as int
        ChangedBelowRole,               ///< bool: a difference lies below this key
    };

    explicit CompareModel(QObject* parent = nullptr);
    ~CompareModel() override;

    /// Shows a comparison (resets the model).
    void setOutcome(const CompareOutcome& outcome);
    void setOnlyDifferences(bool only);
    bool onlyDifferences() const { return onlyDifferences_; }

    /// The key a row stands for in each hive (0xffffffff where it is absent).
    uint32_t aKey(const QModelIndex& index) const;
    uint32_t bKey(const QModelIndex& index) const;
    RowStatus status(const QModelIndex& index) const;
    /// The row's path from the root, names joined by '\'.
    QString path(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node;
    Node* nodeOf(const QModelIndex& index) const;
    void fetch(Node* node) const;
    std::unique_ptr<Node> makeNode(Node* parent, std::u16string name, uint32_t aKey, uint32_t bKey) const;
    bool shown(const Node& node) const;
    uint32_t subkeyCount(const Node& node) const;

    CompareOutcome outcome_;
    std::unique_ptr<Node> root_;  ///< holds the root key as its only child
    bool onlyDifferences_ = false;
};

}  // namespace hivekit::gui::compare
