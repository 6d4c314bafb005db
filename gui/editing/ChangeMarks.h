// ChangeMarks: which keys and values the pending changes add or change, so
// that the tree and the value table can mark them until the commit. Built
// from the pending edits in order (a key created then renamed is marked
// under its new name; a deleted key takes its marks with it and marks its
// parent as changed: what is deleted is gone from the preview, and listed
// in the "Pending changes" dock).
#pragma once

#include <QBrush>
#include <QFont>
#include <QHash>
#include <QString>
#include <QVariant>

#include <functional>
#include <vector>

#include "merge/Plan.h"

namespace hivekit::gui {

class ChangeMarks {
public:
    enum class Mark { None, Added, Changed };

    /// `existed(path, name)` says whether the value `name` of key `path`
    /// is in the file as it is (a set value is "changed" then, else
    /// "added").
    static ChangeMarks fromEdits(const std::vector<Edit>& edits,
                                 const std::function<bool(const std::string&, const std::string&)>& existed);

    Mark key(const QString& path) const;
    Mark value(const QString& keyPath, const QString& name) const;
    bool empty() const { return keys_.isEmpty() && values_.isEmpty(); }

    /// The font and colour a mark gives an item (italics; green for added,
    /// blue for changed), or nothing for Mark::None.
    static QVariant decoration(Mark mark, int role);

private:
    void markKey(const QString& path, Mark mark);
    void markValue(const QString& keyPath, const QString& name, Mark mark);

    QHash<QString, Mark> keys_;    ///< by path in upper case
    QHash<QString, Mark> values_;  ///< by upper-case path, '\n', upper-case name
};

}  // namespace hivekit::gui
