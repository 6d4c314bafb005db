#include "compare/CompareModel.h"

#include <QApplication>
#include <QPalette>
#include <QStringList>

#include "common/Display.h"
#include "compare/CompareColors.h"
#include "format/Names.h"

namespace hivekit::gui::compare {

namespace {
constexpr uint32_t kNone = 0xFFFFFFFF;
}

QString rowStatusText(RowStatus status) {
    switch (status) {
    case RowStatus::Same: return CompareModel::tr("same");
    case RowStatus::Added: return CompareModel::tr("added");
    case RowStatus::Removed: return CompareModel::tr("removed");
    case RowStatus::Changed: return CompareModel::tr("changed");
    }
    return {};
}

/// One merged key. Children are filled on first use (fetch()).
struct CompareModel::Node {
    Node* parent = nullptr;
    int row = 0;
    std::u16string name;
    std::u16string indexKey;  ///< DiffIndex::keyOf of its names
    uint32_t aKey = kNone;
    uint32_t bKey = kNone;
    RowStatus status = RowStatus::Same;
    bool changedBelow = false;
    bool fetched = false;
    std::vector<std::unique_ptr<Node>> children;
};

CompareModel::CompareModel(QObject* parent) : QAbstractItemModel(parent), root_(std::make_unique<Node>()) {
    root_->fetched = true;
}

CompareModel::~CompareModel() = default;

std::unique_ptr<CompareModel::Node> CompareModel::makeNode(Node* parent, std::u16string name, uint32_t aKey,
                                                           uint32_t bKey) const {
    auto node = std::make_unique<Node>();
    node->parent = parent;
    node->indexKey = parent == root_.get() ? std::u16string() : DiffIndex::childKey(parent->indexKey, name);
    node->name = std::move(name);
    node->aKey = aKey;
    node->bKey = bKey;
    const DiffIndex* index = outcome_.index.get();
    if (aKey == kNone) node->status = RowStatus::Added;
    else if (bKey == kNone) node->status = RowStatus::Removed;
    else if (index && index->changedHere(node->indexKey)) node->status = RowStatus::Changed;
    node->changedBelow = index && aKey != kNone && bKey != kNone && index->changedBelow(node->indexKey);
    return node;
}

void CompareModel::setOutcome(const CompareOutcome& outcome) {
    beginResetModel();
    outcome_ = outcome;
    root_ = std::make_unique<Node>();
    root_->fetched = true;
    if (outcome_.a && outcome_.b && outcome_.error.isEmpty()) {
        std::u16string name;
        if (auto key = outcome_.b->keyNode(outcome_.b->rootOffset())) name = key->name();
        root_->children.push_back(makeNode(root_.get(), name, outcome_.a->rootOffset(), outcome_.b->rootOffset()));
    }
    endResetModel();
}

void CompareModel::setOnlyDifferences(bool only) {
    if (only == onlyDifferences_) return;
    // The rows are built again under the new filter.
    onlyDifferences_ = only;
    setOutcome(CompareOutcome(outcome_));
}

bool CompareModel::shown(const Node& node) const {
    return !onlyDifferences_ || node.status != RowStatus::Same || node.changedBelow;
}

uint32_t CompareModel::subkeyCount(const Node& node) const {
    uint32_t count = 0;
    if (node.aKey != kNone)
        if (auto k = outcome_.a->keyNode(node.aKey)) count += k->subkeyCount;
    if (node.bKey != kNone)
        if (auto k = outcome_.b->keyNode(node.bKey)) count += k->subkeyCount;
    return count;
}

void CompareModel::fetch(Node* node) const {
    if (node->fetched) return;
    node->fetched = true;
    // Merged in name order; the rows exist from the first rowCount() on.
    for (MergedKey& m : mergeSubkeys(*outcome_.a, node->aKey, *outcome_.b, node->bKey)) {
        auto child = makeNode(node, std::move(m.name), m.aKey, m.bKey);
        if (!shown(*child)) continue;
        child->row = static_cast<int>(node->children.size());
        node->children.push_back(std::move(child));
    }
}

CompareModel::Node* CompareModel::nodeOf(const QModelIndex& index) const {
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : root_.get();
}

QModelIndex CompareModel::index(int row, int column, const QModelIndex& parent) const {
    if (column < 0 || column >= ColumnCount || row < 0) return {};
    Node* p = nodeOf(parent);
    fetch(p);
    if (row >= static_cast<int>(p->children.size())) return {};
    return createIndex(row, column, p->children[static_cast<size_t>(row)].get());
}

QModelIndex CompareModel::parent(const QModelIndex& child) const {
    if (!child.isValid()) return {};
    Node* p = nodeOf(child)->parent;
    if (!p || p == root_.get()) return {};
    return createIndex(p->row, 0, p);
}

int CompareModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0) return 0;
    Node* p = nodeOf(parent);
    fetch(p);
    return static_cast<int>(p->children.size());
}

int CompareModel::columnCount(const QModelIndex&) const { return ColumnCount; }

bool CompareModel::hasChildren(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0) return false;
    const Node* p = nodeOf(parent);
    if (p->fetched) return !p->children.empty();
    // Without reading the lists: an expander where children may be shown.
    if (onlyDifferences_ && p->status == RowStatus::Same && !p->changedBelow) return false;
    if (onlyDifferences_ && p->status == RowStatus::Changed && !p->changedBelow) return false;
    return subkeyCount(*p) > 0;
}

QVariant CompareModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const Node* node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return node->parent == root_.get() && node->name.empty() ? tr("(root)") : toQString(utf16ToUtf8(node->name));
        if (node->status == RowStatus::Same && node->changedBelow) return tr("differences below");
        return rowStatusText(node->status);
    case Qt::ForegroundRole: {
        const CompareColors colors = CompareColors::forPalette(QApplication::palette());
        switch (node->status) {
        case RowStatus::Added: return colors.added;
        case RowStatus::Removed: return colors.removed;
        case RowStatus::Changed: return colors.changed;
        case RowStatus::Same: return {};
        }
        return {};
    }
    case Qt::ToolTipRole: return path(index);
    case StatusRole: return static_cast<int>(node->status);
    case ChangedBelowRole: return node->changedBelow;
    default: return {};
    }
}

QVariant CompareModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    return section == NameColumn ? tr("Key") : tr("Status");
}

uint32_t CompareModel::aKey(const QModelIndex& index) const { return index.isValid() ? nodeOf(index)->aKey : kNone; }
uint32_t CompareModel::bKey(const QModelIndex& index) const { return index.isValid() ? nodeOf(index)->bKey : kNone; }
RowStatus CompareModel::status(const QModelIndex& index) const {
    return index.isValid() ? nodeOf(index)->status : RowStatus::Same;
}

QString CompareModel::path(const QModelIndex& index) const {
    QStringList names;
    for (const Node* n = nodeOf(index); n && n->parent && n->parent != root_.get(); n = n->parent)
        names.prepend(toQString(utf16ToUtf8(n->name)));
    return names.join(QLatin1Char('\\'));
}

}  // namespace hivekit::gui::compare
