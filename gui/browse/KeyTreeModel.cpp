#include "browse/KeyTreeModel.h"

#include "editing/ChangeMarks.h"

#include <QStringList>

#include <algorithm>

#include "common/Display.h"
#include "format/Offsets.h"

namespace hivekit::gui {

namespace {
/// Marks the model busy for a scope (see KeyTreeModel::busy_).
struct BusyScope {
    explicit BusyScope(bool& flag) : flag_(flag) { flag_ = true; }
    ~BusyScope() { flag_ = false; }
    BusyScope(const BusyScope&) = delete;
    BusyScope& operator=(const BusyScope&) = delete;
    bool& flag_;
};
}  // namespace

struct KeyTreeModel::Node {
    uint32_t offset = kNoCell;
    Node* parent = nullptr;
    int row = 0;
    QString name;
    uint32_t subkeyCount = 0;
    /// The nk could not be read, or it repeats an ancestor (a cycle): shown,
    /// never expanded.
    bool broken = false;
    QString problem;
    /// A pending change deletes the key: it is read from the file
    /// (ChangeMarks::original()), and so are its subkeys.
    bool deleted = false;
    /// Keys pending deletion are listed after the key's own subkeys.
    bool hasDeletedChildren = false;
    /// childOffsets holds the subkey list (read once, on the first fetch);
    /// those from liveChildren on are keys pending deletion.
    bool listed = false;
    std::vector<uint32_t> childOffsets;
    size_t liveChildren = 0;
    std::vector<std::unique_ptr<Node>> children;
};

KeyTreeModel::KeyTreeModel(QObject* parent) : QAbstractItemModel(parent) {
    initResources();
    hiveIcon_ = QIcon(QStringLiteral(":/icons/hive.svg"));
    keyIcon_.addFile(QStringLiteral(":/icons/key.svg"), {}, QIcon::Normal, QIcon::Off);
    keyIcon_.addFile(QStringLiteral(":/icons/key-open.svg"), {}, QIcon::Normal, QIcon::On);
    brokenIcon_ = QIcon(QStringLiteral(":/icons/key-broken.svg"));
}

KeyTreeModel::~KeyTreeModel() = default;

void KeyTreeModel::setHive(std::shared_ptr<const Hive> hive) {
    const BusyScope busy(busy_);
    beginResetModel();
    hive_ = std::move(hive);
    invisibleRoot_ = std::make_unique<Node>();
    invisibleRoot_->listed = true;
    createdNodes_ = 0;
    if (hive_) {
        // The root key is the one top-level row, there from the start.
        invisibleRoot_->childOffsets.push_back(hive_->rootOffset());
        invisibleRoot_->children.push_back(makeNode(hive_->rootOffset(), invisibleRoot_.get(), 0));
    }
    endResetModel();
}

const Hive* KeyTreeModel::hiveOf(bool deleted) const {
    if (deleted) return marks_ && marks_->original() ? marks_->original().get() : nullptr;
    return hive_.get();
}

std::unique_ptr<KeyTreeModel::Node> KeyTreeModel::makeNode(uint32_t offset, Node* parent, int row, bool deleted) {
    auto node = std::make_unique<Node>();
    node->offset = offset;
    node->parent = parent;
    node->row = row;
    node->deleted = deleted;
    ++createdNodes_;
    // A key listed below itself would make an endless tree: show it once
    // more, marked, and stop there.
    for (const Node* up = parent; up && up != invisibleRoot_.get(); up = up->parent) {
        if (up->offset == offset && up->deleted == deleted) {
            node->broken = true;
            node->name = tr("<cycle: key at %1 again>").arg(hexOffsetText(fileOffsetOf(offset)));
            node->problem = tr("This key is listed below itself (a cycle in the subkey lists).");
            return node;
        }
    }
    const Hive* hive = hiveOf(deleted);
    if (!hive) {
        node->broken = true;
        node->name = tr("<unreadable key at %1>").arg(hexOffsetText(fileOffsetOf(offset)));
        return node;
    }
    auto key = hive->keyNode(offset);
    if (!key) {
        node->broken = true;
        node->name = tr("<unreadable key at %1>").arg(hexOffsetText(fileOffsetOf(offset)));
        node->problem = toQString(key.error().message);
        return node;
    }
    node->name = toQString(key->nameUtf8());
    node->subkeyCount = key->subkeyCount;
    if (!deleted && marks_ && marks_->hasDeletedKeys())
        node->hasDeletedChildren = !marks_->deletedKeys(pathOfNode(node.get())).empty();
    return node;
}

void KeyTreeModel::listChildren(Node* node) {
    if (node->listed) return;
    node->listed = true;
    const Hive* hive = hiveOf(node->deleted);
    if (node->broken || !hive) return;
    if (node->subkeyCount > 0) {
        // Problems in the lists are reported by the hive's check (see
        // HiveDocument); here they only shorten the list.
        if (auto key = hive->keyNode(node->offset)) node->childOffsets = hive->subkeys(*key);
    }
    node->liveChildren = node->deleted ? 0 : node->childOffsets.size();
    if (node->hasDeletedChildren) {
        for (const auto& gone : marks_->deletedKeys(pathOfNode(node))) node->childOffsets.push_back(gone.offset);
    }
}

KeyTreeModel::Node* KeyTreeModel::nodeOf(const QModelIndex& index) const {
    if (!index.isValid()) return invisibleRoot_.get();
    return static_cast<Node*>(index.internalPointer());
}

QModelIndex KeyTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (!invisibleRoot_ || !hasIndex(row, column, parent)) return {};
    Node* p = nodeOf(parent);
    return createIndex(row, column, p->children[static_cast<size_t>(row)].get());
}

QModelIndex KeyTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid()) return {};
    Node* p = nodeOf(child)->parent;
    if (!p || p == invisibleRoot_.get()) return {};
    return createIndex(p->row, 0, p);
}

int KeyTreeModel::rowCount(const QModelIndex& parent) const {
    if (!invisibleRoot_ || parent.column() > 0) return 0;
    return static_cast<int>(nodeOf(parent)->children.size());
}

int KeyTreeModel::columnCount(const QModelIndex&) const { return 1; }

bool KeyTreeModel::hasChildren(const QModelIndex& parent) const {
    if (!invisibleRoot_ || parent.column() > 0) return false;
    const Node* n = nodeOf(parent);
    if (!n->children.empty()) return true;
    if (n->listed) return !n->childOffsets.empty();
    return !n->broken && (n->subkeyCount > 0 || n->hasDeletedChildren);
}

bool KeyTreeModel::canFetchMore(const QModelIndex& parent) const {
    if (busy_ || !invisibleRoot_ || parent.column() > 0) return false;
    const Node* n = nodeOf(parent);
    if (n->broken) return false;
    if (!n->listed) return n->subkeyCount > 0 || n->hasDeletedChildren;
    return n->children.size() < n->childOffsets.size();
}

void KeyTreeModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent)) return;
    Node* n = nodeOf(parent);
    listChildren(n);
    const size_t have = n->children.size();
    const size_t take = std::min(n->childOffsets.size() - have, static_cast<size_t>(batchSize_));
    if (take == 0) return;
    const BusyScope busy(busy_);
    beginInsertRows(parent, static_cast<int>(have), static_cast<int>(have + take - 1));
    n->children.reserve(n->childOffsets.size());
    for (size_t i = have; i < have + take; ++i)
        n->children.push_back(makeNode(n->childOffsets[i], n, static_cast<int>(i), n->deleted || i >= n->liveChildren));
    endInsertRows();
}

void KeyTreeModel::fetchAll(const QModelIndex& parent) {
    while (canFetchMore(parent)) fetchMore(parent);
}

void KeyTreeModel::setChangeMarks(std::shared_ptr<const ChangeMarks> marks) {
    marks_ = std::move(marks);
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QVariant KeyTreeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const Node* n = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        return n->name.isEmpty() ? tr("(empty name)") : n->name;
    case Qt::DecorationRole:
        if (n->broken) return brokenIcon_;
        return n->parent == invisibleRoot_.get() ? hiveIcon_ : keyIcon_;
    case Qt::ToolTipRole: {
        if (n->broken) return n->problem;
        const QString path = pathOf(index);
        if (n->deleted)
            return tr("%1\ndeleted by a pending change (undo to keep it)").arg(path);
        return tr("%1\nkey node at %2")
            .arg(path.isEmpty() ? tr("(root key)") : path,
                 hexOffsetText(fileOffsetOf(n->offset)));
    }
    case OffsetRole:
        return QVariant::fromValue<quint32>(n->offset);
    case PathRole:
        return pathOf(index);
    case BrokenRole:
        return n->broken;
    case SubkeyCountRole:
        return QVariant::fromValue<quint32>(n->subkeyCount);
    case Qt::EditRole:
        return n->name;
    case PendingDeletionRole:
        return n->deleted;
    case ChangeMarkRole:
        if (n->deleted) return static_cast<int>(ChangeMarks::Mark::Deleted);
        return static_cast<int>(marks_ ? marks_->key(pathOf(index)) : ChangeMarks::Mark::None);
    case Qt::FontRole:
    case Qt::ForegroundRole:
        if (n->deleted) return ChangeMarks::decoration(ChangeMarks::Mark::Deleted, role);
        return marks_ ? ChangeMarks::decoration(marks_->key(pathOf(index)), role) : QVariant();
    default:
        return {};
    }
}

QVariant KeyTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section == 0) return tr("Key");
    return {};
}

Qt::ItemFlags KeyTreeModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    const Node* n = nodeOf(index);
    Qt::ItemFlags out = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    // The root key has no name to change; a key pending deletion is gone.
    if (renameHandler_ && !n->broken && !n->deleted && n->parent != invisibleRoot_.get()) out |= Qt::ItemIsEditable;
    return out;
}

bool KeyTreeModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable)) return false;
    return renameHandler_(index, value.toString());
}

bool KeyTreeModel::isPendingDeletion(const QModelIndex& index) const {
    return index.isValid() && nodeOf(index)->deleted;
}

uint32_t KeyTreeModel::offsetOf(const QModelIndex& index) const {
    if (!index.isValid()) return kNoCell;
    return nodeOf(index)->offset;
}

QString KeyTreeModel::pathOf(const QModelIndex& index) const {
    if (!index.isValid()) return {};
    return pathOfNode(nodeOf(index));
}

QString KeyTreeModel::pathOfNode(const Node* node) const {
    QStringList names;
    // The root's own name is not part of a path (paths start below it, as
    // in hivectl and Index::findKey).
    for (const Node* n = node; n && n->parent && n->parent != invisibleRoot_.get(); n = n->parent)
        names.prepend(n->name);
    return names.join(QLatin1Char('\\'));
}

QModelIndex KeyTreeModel::rootIndex() const {
    if (!invisibleRoot_ || invisibleRoot_->children.empty()) return {};
    return createIndex(0, 0, invisibleRoot_->children.front().get());
}

QModelIndex KeyTreeModel::indexForChain(const std::vector<uint32_t>& chain) {
    QModelIndex at = rootIndex();
    for (uint32_t offset : chain) {
        if (!at.isValid()) return {};
        fetchAll(at);
        const Node* n = nodeOf(at);
        QModelIndex next;
        for (const auto& child : n->children) {
            // Keys pending deletion have offsets in another image.
            if (child->offset == offset && !child->deleted) {
                next = createIndex(child->row, 0, child.get());
                break;
            }
        }
        at = next;
    }
    return at;
}

}  // namespace hivekit::gui
