#include "browse/KeyTreeModel.h"

#include "editing/ChangeMarks.h"

#include <QBrush>
#include <QGuiApplication>
#include <QStringList>

#include <algorithm>
#include <deque>
#include <unordered_map>

#include "common/Display.h"
#include "deleted/DeletedStyle.h"
#include "format/Offsets.h"
#include "index/Index.h"

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
    /// A deleted key recovered by the scan: its index in scan_->keys.
    size_t recovered = kNotRecovered;
    /// The synthetic node holding the recovered keys whose parent is lost.
    bool orphanGroup = false;
    /// Recovered keys listed after childOffsets (indexes into scan_->keys).
    std::vector<size_t> recoveredChildren;
    size_t childTotal() const { return childOffsets.size() + recoveredChildren.size(); }
    bool isLive() const { return recovered == kNotRecovered && !orphanGroup; }
    std::vector<std::unique_ptr<Node>> children;
};

KeyTreeModel::KeyTreeModel(QObject* parent) : QAbstractItemModel(parent) {
    initResources();
    hiveIcon_ = QIcon(QStringLiteral(":/icons/hive.svg"));
    keyIcon_.addFile(QStringLiteral(":/icons/key.svg"), {}, QIcon::Normal, QIcon::Off);
    keyIcon_.addFile(QStringLiteral(":/icons/key-open.svg"), {}, QIcon::Normal, QIcon::On);
    brokenIcon_ = QIcon(QStringLiteral(":/icons/key-broken.svg"));
    recoveredIcon_ = recoveredKeyIcon();
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
        placeRecovered();
        invisibleRoot_->children.push_back(makeNode(hive_->rootOffset(), invisibleRoot_.get(), 0));
        if (!placement_.orphans.empty()) invisibleRoot_->children.push_back(makeOrphanGroup());
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
    if (!placement_.underLive.isEmpty()) node->recoveredChildren = recoveredUnder(node.get());
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
    if (n->listed) return n->childTotal() > 0;
    return !n->broken && (n->subkeyCount > 0 || n->hasDeletedChildren || !n->recoveredChildren.empty());
}

bool KeyTreeModel::canFetchMore(const QModelIndex& parent) const {
    if (busy_ || !invisibleRoot_ || parent.column() > 0) return false;
    const Node* n = nodeOf(parent);
    if (n->broken) return false;
    if (!n->listed) return n->subkeyCount > 0 || n->hasDeletedChildren || !n->recoveredChildren.empty();
    return n->children.size() < n->childTotal();
}

void KeyTreeModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent)) return;
    Node* n = nodeOf(parent);
    listChildren(n);
    const size_t have = n->children.size();
    const size_t take = std::min(n->childTotal() - have, static_cast<size_t>(batchSize_));
    if (take == 0) return;
    const BusyScope busy(busy_);
    beginInsertRows(parent, static_cast<int>(have), static_cast<int>(have + take - 1));
    n->children.reserve(n->childTotal());
    for (size_t i = have; i < have + take; ++i) {
        if (i < n->childOffsets.size())
            n->children.push_back(
                makeNode(n->childOffsets[i], n, static_cast<int>(i), n->deleted || i >= n->liveChildren));
        else
            n->children.push_back(makeRecoveredNode(n->recoveredChildren[i - n->childOffsets.size()], n,
                                                    static_cast<int>(i)));
    }
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
    if (!n->isLive()) return recoveredData(n, index, role);
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
    // The root key has no name to change; a key pending deletion is gone;
    // a recovered key is evidence, never edited.
    if (renameHandler_ && n->isLive() && !n->broken && !n->deleted && n->parent != invisibleRoot_.get())
        out |= Qt::ItemIsEditable;
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
    // A recovered key's path is the one the scan recorded (it may start
    // with "?\" when its parent chain is lost).
    if (node->recovered != kNotRecovered && scan_) return toQString(scan_->keys[node->recovered].path);
    if (node->orphanGroup) return {};
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
            if (child->offset == offset && !child->deleted && child->isLive()) {
                next = createIndex(child->row, 0, child.get());
                break;
            }
        }
        at = next;
    }
    return at;
}

// ---- Recovered deleted keys ----

void KeyTreeModel::placeRecovered() {
    placement_ = Placement{};
    if (!scan_ || !hive_) return;
    const auto& keys = scan_->keys;
    placement_.underRecovered.assign(keys.size(), {});
    // As the scanner resolves paths: a parent that is a deleted key found
    // by the scan first, else a live key.
    std::unordered_map<uint32_t, size_t> keyAt;
    for (size_t i = 0; i < keys.size(); ++i) keyAt.emplace(keys[i].cellOffset, i);
    const Index live(*hive_);
    QHash<QString, bool> liveParent;  // parent path -> present in the hive shown
    std::vector<std::vector<size_t>> childrenOf(keys.size());
    std::deque<size_t> roots;  // keys placed under a live key or among the orphans
    for (size_t i = 0; i < keys.size(); ++i) {
        const DeletedKey& key = keys[i];
        if (auto parent = keyAt.find(key.node.parent); parent != keyAt.end() && parent->second != i) {
            childrenOf[parent->second].push_back(i);
            continue;
        }
        if (key.parentLive) {
            // path = parent's path + '\' + name (just the name below the root).
            const size_t cut = key.path.size() > key.name.size() ? key.path.size() - key.name.size() - 1 : 0;
            // Folded: names compare as Windows compares them.
            const QString parentPath = toQString(key.path.substr(0, cut)).toCaseFolded();
            auto known = liveParent.find(parentPath);
            if (known == liveParent.end())
                known = liveParent.insert(parentPath, live.findKey(key.path.substr(0, cut)).has_value());
            if (*known) {
                placement_.underLive[parentPath].push_back(i);
                roots.push_back(i);
                continue;
            }
        }
        placement_.orphans.push_back(i);
        roots.push_back(i);
    }
    // Each key once: what hangs from the roots, then what only a cycle of
    // Parent fields holds (its first key joins the orphans).
    std::vector<bool> placed(keys.size(), false);
    auto hang = [&](std::deque<size_t>& queue) {
        while (!queue.empty()) {
            const size_t at = queue.front();
            queue.pop_front();
            if (placed[at]) continue;
            placed[at] = true;
            for (size_t child : childrenOf[at]) {
                if (placed[child]) continue;
                placement_.underRecovered[at].push_back(child);
                queue.push_back(child);
            }
        }
    };
    hang(roots);
    for (size_t i = 0; i < keys.size(); ++i) {
        if (placed[i]) continue;
        placement_.orphans.push_back(i);
        std::deque<size_t> cycle{i};
        hang(cycle);
    }
}

std::vector<size_t> KeyTreeModel::recoveredUnder(const Node* node) const {
    auto it = placement_.underLive.constFind(pathOfNode(node).toCaseFolded());
    return it == placement_.underLive.constEnd() ? std::vector<size_t>{} : *it;
}

std::unique_ptr<KeyTreeModel::Node> KeyTreeModel::makeRecoveredNode(size_t key, Node* parent, int row) {
    auto node = std::make_unique<Node>();
    const DeletedKey& k = scan_->keys[key];
    node->offset = k.cellOffset;
    node->parent = parent;
    node->row = row;
    node->recovered = key;
    node->name = toQString(k.name);
    node->listed = true;  // its children are the scan's, known already
    node->recoveredChildren = placement_.underRecovered[key];
    ++createdNodes_;
    return node;
}

std::unique_ptr<KeyTreeModel::Node> KeyTreeModel::makeOrphanGroup() {
    auto node = std::make_unique<Node>();
    node->parent = invisibleRoot_.get();
    node->row = static_cast<int>(invisibleRoot_->children.size());
    node->orphanGroup = true;
    node->name = tr("Orphaned deleted keys");
    node->listed = true;
    node->recoveredChildren = placement_.orphans;
    ++createdNodes_;
    return node;
}

QVariant KeyTreeModel::recoveredData(const Node* n, const QModelIndex& index, int role) const {
    const DeletedKey* key = n->recovered != kNotRecovered ? &scan_->keys[n->recovered] : nullptr;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return n->name.isEmpty() && key ? tr("(empty name)") : n->name;
    case Qt::DecorationRole:
        return recoveredIcon_;
    case Qt::ToolTipRole:
        if (!key)
            return tr("Deleted keys whose parent key is neither a live key nor a deleted key the scan found");
        return recoveredKeyToolTip(*key);
    case Qt::FontRole:
        return recoveredFont();
    case Qt::ForegroundRole:
        return QBrush(recoveredKeyColor(QGuiApplication::palette()));
    case OffsetRole:
        return QVariant::fromValue<quint32>(n->offset);
    case PathRole:
        return pathOf(index);
    case BrokenRole:
    case PendingDeletionRole:
        return false;
    case SubkeyCountRole:
        return QVariant::fromValue<quint32>(key ? key->node.subkeyCount : 0);
    case ChangeMarkRole:
        return static_cast<int>(ChangeMarks::Mark::None);
    case RecoveredRole:
        return true;
    default:
        return {};
    }
}

void KeyTreeModel::setRecoveredKeys(std::shared_ptr<const Hive> scannedHive, std::shared_ptr<const DeletedScan> scan) {
    if (!scan) scannedHive.reset();
    if (scan == scan_ && scannedHive == scanHive_) return;
    const BusyScope busy(busy_);
    if (invisibleRoot_) removeRecoveredRows(invisibleRoot_.get());
    scanHive_ = std::move(scannedHive);
    scan_ = std::move(scan);
    placeRecovered();
    if (!invisibleRoot_ || invisibleRoot_->children.empty()) return;
    insertRecoveredRows(invisibleRoot_->children.front().get());
    // Keys that had no subkeys may now have some: the view asks again.
    emit layoutAboutToBeChanged();
    emit layoutChanged();
    if (!placement_.orphans.empty()) {
        const int row = static_cast<int>(invisibleRoot_->children.size());
        beginInsertRows({}, row, row);
        invisibleRoot_->children.push_back(makeOrphanGroup());
        endInsertRows();
    }
}

QModelIndex KeyTreeModel::indexOfNode(Node* node) const {
    if (!node || node == invisibleRoot_.get()) return {};
    return createIndex(node->row, 0, node);
}

qsizetype KeyTreeModel::countNodes(const Node* node) const {
    qsizetype n = 1;
    for (const auto& child : node->children) n += countNodes(child.get());
    return n;
}

void KeyTreeModel::removeRecoveredRows(Node* node) {
    // Recovered rows follow the live ones (and the orphan group the root).
    const size_t keep = node == invisibleRoot_.get() ? std::min<size_t>(1, node->children.size())
                                                     : std::min(node->children.size(), node->childOffsets.size());
    for (size_t i = 0; i < keep; ++i) removeRecoveredRows(node->children[i].get());
    node->recoveredChildren.clear();
    if (node->children.size() <= keep) return;
    beginRemoveRows(indexOfNode(node), static_cast<int>(keep), static_cast<int>(node->children.size() - 1));
    for (size_t i = keep; i < node->children.size(); ++i) createdNodes_ -= countNodes(node->children[i].get());
    node->children.resize(keep);
    endRemoveRows();
}

void KeyTreeModel::insertRecoveredRows(Node* node) {
    if (!node->isLive() || node->broken) return;
    for (const auto& child : node->children) insertRecoveredRows(child.get());
    if (placement_.underLive.isEmpty()) return;
    node->recoveredChildren = recoveredUnder(node);
    // A list still being fetched gets them with its last batches.
    if (node->recoveredChildren.empty() || !node->listed || node->children.size() < node->childOffsets.size()) return;
    const int first = static_cast<int>(node->children.size());
    beginInsertRows(indexOfNode(node), first, first + static_cast<int>(node->recoveredChildren.size()) - 1);
    for (size_t i = 0; i < node->recoveredChildren.size(); ++i)
        node->children.push_back(makeRecoveredNode(node->recoveredChildren[i], node, first + static_cast<int>(i)));
    endInsertRows();
}

bool KeyTreeModel::isRecovered(const QModelIndex& index) const {
    return index.isValid() && nodeOf(index)->recovered != kNotRecovered;
}

bool KeyTreeModel::isOrphanGroup(const QModelIndex& index) const {
    return index.isValid() && nodeOf(index)->orphanGroup;
}

size_t KeyTreeModel::recoveredKeyIndex(const QModelIndex& index) const {
    return index.isValid() ? nodeOf(index)->recovered : kNotRecovered;
}

const DeletedKey* KeyTreeModel::recoveredKey(const QModelIndex& index) const {
    const size_t key = recoveredKeyIndex(index);
    return key != kNotRecovered && scan_ ? &scan_->keys[key] : nullptr;
}

QModelIndex KeyTreeModel::orphanGroupIndex() const {
    if (!invisibleRoot_ || invisibleRoot_->children.size() < 2) return {};
    return createIndex(1, 0, invisibleRoot_->children[1].get());
}

}  // namespace hivekit::gui
