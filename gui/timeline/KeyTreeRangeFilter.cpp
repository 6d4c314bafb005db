#include "timeline/KeyTreeRangeFilter.h"

#include <QTreeView>

#include "browse/KeyTreeModel.h"

namespace hivekit::gui {

KeyTreeRangeFilter::KeyTreeRangeFilter(QObject* parent) : QObject(parent) {}

KeyTreeRangeFilter::~KeyTreeRangeFilter() { clear(); }

std::unordered_set<uint32_t> KeyTreeRangeFilter::keysToShow(const Hive& hive,
                                                            const std::vector<timeline::TimelineEvent>& events,
                                                            const timeline::TimeRange& range) {
    std::unordered_set<uint32_t> shown;
    for (const timeline::TimelineEvent& e : events) {
        if (e.kind != timeline::EventKind::Key || !range.contains(e.time)) continue;
        // Up the parent chain until a key already shown (its ancestors are
        // too) or the root; bounded by the depth Windows allows, so a loop in
        // a damaged hive ends.
        uint32_t offset = e.keyOffset;
        for (unsigned depth = 0; depth <= 512 && offset != kNoCell; ++depth) {
            if (!shown.insert(offset).second) break;
            auto node = hive.keyNode(offset);
            if (!node || node->isRoot()) break;
            offset = node->parent;
        }
    }
    return shown;
}

void KeyTreeRangeFilter::apply(QTreeView* tree, KeyTreeModel* model, std::unordered_set<uint32_t> shown) {
    clear();
    tree_ = tree;
    model_ = model;
    shown_ = std::move(shown);
    if (!tree || !model) return;
    connections_.push_back(connect(model, &QAbstractItemModel::rowsInserted, this,
                                   [this](const QModelIndex& parent, int first, int last) { hideUnder(parent, first, last); }));
    connections_.push_back(connect(model, &QAbstractItemModel::modelReset, this, [this] {
        if (model_) hideUnder(QModelIndex(), 0, model_->rowCount() - 1);
    }));
    hideUnder(QModelIndex(), 0, model->rowCount() - 1);
}

void KeyTreeRangeFilter::hideUnder(const QModelIndex& parent, int first, int last) {
    if (!tree_ || !model_) return;
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = model_->index(row, 0, parent);
        const bool visible = shown_.count(model_->offsetOf(index)) != 0;
        tree_->setRowHidden(row, parent, !visible);
        // Children already fetched are filtered too; the rest as they come.
        if (visible) hideUnder(index, 0, model_->rowCount(index) - 1);
    }
}

void KeyTreeRangeFilter::clear() {
    for (const auto& c : connections_) disconnect(c);
    connections_.clear();
    if (tree_ && model_) {
        // Show again every row this filter may have hidden: those fetched.
        std::vector<QModelIndex> stack{QModelIndex()};
        while (!stack.empty()) {
            const QModelIndex parent = stack.back();
            stack.pop_back();
            for (int row = 0; row < model_->rowCount(parent); ++row) {
                if (tree_->isRowHidden(row, parent)) tree_->setRowHidden(row, parent, false);
                stack.push_back(model_->index(row, 0, parent));
            }
        }
    }
    tree_ = nullptr;
    model_ = nullptr;
    shown_.clear();
}

}  // namespace hivekit::gui
