// KeyTreeModel: the key tree of one hive as a lazy QAbstractItemModel, in
// the manner of Qt's simpletreemodel and fetchmore examples. The hive's root
// key is the one top-level row; a key's children are created only when the
// view asks for them (canFetchMore/fetchMore), a batch at a time, so a hive
// of 300,000 keys opens without walking it and a key with 5,000 subkeys is
// listed in steps the event loop can breathe between.
//
// With a deleted-data scan set (setRecoveredKeys), the deleted keys it found
// are merged in, read-only: each under the live key its Parent field names,
// or under the recovered key that was its parent; those whose parent chain
// is lost under one synthetic top-level node after the root.
#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "hive/DeletedScanner.h"
#include "hive/Hive.h"

namespace hivekit::gui {

class ChangeMarks;

/// Read-only tree of keys. Nodes hold cell offsets and what the view shows
/// (name, subkey count), never pointers into the hive's mapping. The model
/// shares ownership of the hive, so the hive outlives every index.
class KeyTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role {
        OffsetRole = Qt::UserRole + 1,  ///< quint32: the key's nk cell offset (relative)
        PathRole,                       ///< QString: the key's path from the root ("" for the root)
        BrokenRole,                     ///< bool: the nk could not be read
        SubkeyCountRole,                ///< quint32: the subkey count the nk declares
        ChangeMarkRole,                 ///< int: ChangeMarks::Mark of the key (pending changes)
        PendingDeletionRole,            ///< bool: a pending change deletes the key (it is read from
                                        ///< the file: OffsetRole is an nk of ChangeMarks::original())
        RecoveredRole,                  ///< bool: a deleted key recovered by the scan (OffsetRole is
                                        ///< its nk cell, PathRole the path it had), or their group
    };

    /// Renames the key at `index` to `name` when the user edits it in
    /// place; false refuses (the handler says why).
    using RenameHandler = std::function<bool(const QModelIndex& index, const QString& name)>;

    /// How many children one fetchMore creates.
    static constexpr int kDefaultBatchSize = 500;

    explicit KeyTreeModel(QObject* parent = nullptr);
    ~KeyTreeModel() override;

    /// Shows `hive` (or nothing, for null). Resets the model.
    void setHive(std::shared_ptr<const Hive> hive);
    const std::shared_ptr<const Hive>& hive() const { return hive_; }

    /// Marks the keys the pending changes add or change (null: none). The
    /// keys they delete are listed under their parents, struck out, from
    /// the next setHive() on (set the marks first).
    void setChangeMarks(std::shared_ptr<const ChangeMarks> marks);
    /// Makes the keys (all but the root and those pending deletion)
    /// editable in place; null: read-only.
    void setRenameHandler(RenameHandler handler) { renameHandler_ = std::move(handler); }
    bool isRenamable() const { return static_cast<bool>(renameHandler_); }

    void setBatchSize(int size) { batchSize_ = size > 0 ? size : 1; }
    int batchSize() const { return batchSize_; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    /// Creates every remaining child of `parent` (for navigation to a key
    /// deep in a long list).
    void fetchAll(const QModelIndex& parent);

    /// The key's nk offset, or 0xffffffff for an invalid index.
    uint32_t offsetOf(const QModelIndex& index) const;
    /// The key's path from the root, names joined by '\' ("" for the root).
    QString pathOf(const QModelIndex& index) const;
    /// The index of the key reached through `chain`: nk offsets from the
    /// root's child downwards (an empty chain is the root). Fetches what it
    /// needs; invalid when some link is not a child of the one before.
    QModelIndex indexForChain(const std::vector<uint32_t>& chain);
    /// The index of the hive's root key (invalid without a hive).
    QModelIndex rootIndex() const;

    /// A pending change deletes the key (see PendingDeletionRole).
    bool isPendingDeletion(const QModelIndex& index) const;

    /// Merges the deleted keys of `scan` (a scan of `scannedHive`, kept
    /// alive: the records view its mapping) into the tree, or takes them
    /// out (null). Rows are inserted and removed in place, so the keys open
    /// in the view stay open. setHive() keeps the scan and places it again
    /// over the new hive (the preview of an edit session): a live parent is
    /// found by the path the scan recorded, and a key whose live parent is
    /// no longer there joins the orphans.
    void setRecoveredKeys(std::shared_ptr<const Hive> scannedHive, std::shared_ptr<const DeletedScan> scan);
    const std::shared_ptr<const DeletedScan>& recoveredScan() const { return scan_; }
    const std::shared_ptr<const Hive>& recoveredScanHive() const { return scanHive_; }
    /// A deleted key recovered by the scan (not their group).
    bool isRecovered(const QModelIndex& index) const;
    /// The synthetic node "Orphaned deleted keys".
    bool isOrphanGroup(const QModelIndex& index) const;
    /// The recovered key at `index`, or null (live keys, the group).
    const DeletedKey* recoveredKey(const QModelIndex& index) const;
    /// The index of that key in recoveredScan()->keys, or kNotRecovered.
    size_t recoveredKeyIndex(const QModelIndex& index) const;
    static constexpr size_t kNotRecovered = ~size_t{0};
    /// The top-level node of the orphaned deleted keys (invalid when there
    /// are none, or no scan).
    QModelIndex orphanGroupIndex() const;

    /// How many nodes exist (created so far): what laziness saves.
    qsizetype createdNodeCount() const { return createdNodes_; }

private:
    std::shared_ptr<const ChangeMarks> marks_;
    struct Node;
    Node* nodeOf(const QModelIndex& index) const;
    std::unique_ptr<Node> makeNode(uint32_t offset, Node* parent, int row, bool deleted = false);
    std::unique_ptr<Node> makeRecoveredNode(size_t key, Node* parent, int row);
    std::unique_ptr<Node> makeOrphanGroup();
    QVariant recoveredData(const Node* node, const QModelIndex& index, int role) const;
    QModelIndex indexOfNode(Node* node) const;
    /// Works out where each recovered key goes over hive_ (see placement_).
    void placeRecovered();
    /// The recovered keys whose live parent has the path of `node`.
    std::vector<size_t> recoveredUnder(const Node* node) const;
    void removeRecoveredRows(Node* node);
    void insertRecoveredRows(Node* node);
    qsizetype countNodes(const Node* node) const;
    /// The hive a node is read from: the file's for keys pending deletion.
    const Hive* hiveOf(bool deleted) const;
    QString pathOfNode(const Node* node) const;
    /// Reads the subkey list of `node` once (offsets only).
    void listChildren(Node* node);

    std::shared_ptr<const Hive> hive_;
    std::shared_ptr<const Hive> scanHive_;
    std::shared_ptr<const DeletedScan> scan_;
    /// Where the recovered keys go: under a live key (by its path), under
    /// another recovered key, or among the orphans. Each key is placed
    /// once, so cycles in their Parent fields cannot make an endless tree.
    struct Placement {
        QHash<QString, std::vector<size_t>> underLive;
        std::vector<std::vector<size_t>> underRecovered;
        std::vector<size_t> orphans;
    };
    Placement placement_;
    RenameHandler renameHandler_;
    std::unique_ptr<Node> invisibleRoot_;
    int batchSize_ = kDefaultBatchSize;
    /// True while rows are inserted or the model is reset: whoever reacts
    /// to those signals (a view, QAbstractItemModelTester) may ask for more
    /// rows, and must be told there are none to fetch until the change is
    /// complete, or insertions would nest.
    bool busy_ = false;
    qsizetype createdNodes_ = 0;
    QIcon hiveIcon_;
    QIcon keyIcon_;
    QIcon brokenIcon_;
    QIcon recoveredIcon_;
};

}  // namespace hivekit::gui
