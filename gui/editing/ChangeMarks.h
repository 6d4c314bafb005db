// ChangeMarks: which keys and values the pending changes add or change, so
// that the tree and the value table can mark them until the commit. Built
// from the pending edits in order (a key created then renamed is marked
// under its new name; a deleted key takes its marks with it and marks its
// parent as changed). What a pending change deletes is gone from the
// preview; the marks remember where it was in the file (its path there,
// through earlier renames), so that the tree and the table can still show
// it, struck out, until the commit (regedit's users expect to see what they
// are about to lose).
#pragma once

#include <QBrush>
#include <QFont>
#include <QHash>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>
#include <vector>

#include "hive/Hive.h"
#include "merge/Plan.h"

namespace hivekit::gui {

class ChangeMarks {
public:
    enum class Mark { None, Added, Changed, Deleted };

    /// A key or value a pending change deletes, as the file has it.
    struct Deletion {
        QString name;          ///< its name (a key's last component)
        uint32_t offset = 0;   ///< its nk or vk cell in original()
    };

    /// `existed(path, name)` says whether the value `name` of key `path`
    /// is in the file as it is (a set value is "changed" then, else
    /// "added").
    static ChangeMarks fromEdits(const std::vector<Edit>& edits,
                                 const std::function<bool(const std::string&, const std::string&)>& existed);

    /// Finds, in `original` (the file as it is), the keys and values the
    /// edits delete, as deletedKeys() and deletedValues() list them;
    /// `original` is kept for reading them.
    void resolveDeletions(const std::vector<Edit>& edits, std::shared_ptr<const Hive> original);
    const std::shared_ptr<const Hive>& original() const { return original_; }
    /// The keys below the key at `parentPath` (as the preview names it)
    /// that are deleted, in the order deleted. Keys below a deleted key are
    /// not listed: they are read from original() under it.
    std::vector<Deletion> deletedKeys(const QString& parentPath) const;
    bool hasDeletedKeys() const { return !deletedKeys_.isEmpty(); }
    /// The values of the key at `keyPath` (as the preview names it) that
    /// are deleted.
    std::vector<Deletion> deletedValues(const QString& keyPath) const;

    Mark key(const QString& path) const;
    Mark value(const QString& keyPath, const QString& name) const;
    bool empty() const { return keys_.isEmpty() && values_.isEmpty(); }

    /// The font and colour a mark gives an item (italics; green for added,
    /// blue for changed; struck out in the palette's disabled text colour
    /// for deleted), or nothing for Mark::None.
    static QVariant decoration(Mark mark, int role);

private:
    void markKey(const QString& path, Mark mark);
    void markValue(const QString& keyPath, const QString& name, Mark mark);

    QHash<QString, Mark> keys_;    ///< by path in upper case
    QHash<QString, Mark> values_;  ///< by upper-case path, '\n', upper-case name
    /// Deleted keys by upper-case parent path and deleted values by
    /// upper-case key path (see resolveDeletions).
    QHash<QString, std::vector<Deletion>> deletedKeys_;
    QHash<QString, std::vector<Deletion>> deletedValues_;
    std::shared_ptr<const Hive> original_;
};

}  // namespace hivekit::gui
