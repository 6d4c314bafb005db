// KeyTreeRangeFilter: the key tree narrowed to the keys written in a range
// and their ancestors. It hides rows of the tab's QTreeView
// (setRowHidden) instead of putting a proxy between the view and
// KeyTreeModel: the tab's selection, navigation and edits keep their
// indexes, and rows the lazy model fetches later are hidden as they come
// (rowsInserted), so no walk of the whole tree is needed.
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QTreeView>

#include <cstdint>
#include <memory>
#include <unordered_set>
#include <vector>

#include "browse/KeyTreeModel.h"
#include "hive/Hive.h"
#include "timeline/Timeline.h"

namespace hivekit::gui {

class KeyTreeRangeFilter : public QObject {
    Q_OBJECT
public:
    explicit KeyTreeRangeFilter(QObject* parent = nullptr);
    ~KeyTreeRangeFilter() override;

    /// The nk offsets of the live keys written in `range` (from the key
    /// events of `events`) and of all their ancestors (by each nk's parent
    /// field, in `hive`), the root included when any key is.
    static std::unordered_set<uint32_t> keysToShow(const Hive& hive, const std::vector<timeline::TimelineEvent>& events,
                                                   const timeline::TimeRange& range);

    /// Hides, in `tree` (whose model is `model`), every key not in `shown`;
    /// replaces the filter of the tree it applied to before (whose rows are
    /// shown again).
    void apply(QTreeView* tree, KeyTreeModel* model, std::unordered_set<uint32_t> shown);
    /// Shows every row again and stops following the model.
    void clear();
    bool isActive() const { return tree_ != nullptr; }
    QTreeView* tree() const { return tree_; }

private:
    void hideUnder(const QModelIndex& parent, int first, int last);

    QPointer<QTreeView> tree_;
    QPointer<KeyTreeModel> model_;
    std::unordered_set<uint32_t> shown_;
    std::vector<QMetaObject::Connection> connections_;
};

}  // namespace hivekit::gui
