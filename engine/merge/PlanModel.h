// PlanModel: the tree as a plan's edits leave it, for validating a whole
// plan before any byte changes (Session::validate). Keys of the hive are
// looked up lazily through the Index; what the plan creates, deletes or
// renames is recorded here, by upcased name (Windows' comparison). No byte
// of the image changes.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "format/Layout.h"
#include "hive/Hive.h"
#include "index/Index.h"
#include "merge/Plan.h"

namespace hivekit {

/// Checks edits one after another against the hive as the earlier ones
/// leave it. `hive` must outlive the model.
class PlanModel {
public:
    explicit PlanModel(const Hive& hive);

    /// Whether `e` can be applied after the edits checked so far: keys and
    /// values that must exist, parents without "create parents", deleting a
    /// key with subkeys without "recursive", a NO_DELETE key, renames onto
    /// an existing name. On success the model records what `e` does.
    [[nodiscard]] Result<void> check(const Edit& e);

private:
    struct Node {
        uint32_t nk = layout::kNoCell;  ///< kNoCell: created by the plan
        bool gone = false;              ///< deleted (or renamed away) by the plan
        Node* parent = nullptr;
        int64_t delta = 0;              ///< live children minus the hive's subkey count
        std::map<std::u16string, std::unique_ptr<Node>> children;  ///< by upcased name
        std::map<std::u16string, bool> values;                     ///< by upcased name: present?
    };
    using Path = std::vector<std::u16string>;

    // One function per kind of edit; `path` is e.path split.
    Result<void> checkCreateKey(const Edit& e, const Path& path);
    Result<void> checkSetValue(const Edit& e, const Path& path);
    Result<void> checkDeleteKey(const Edit& e, const Path& path, Node& key);
    Result<void> checkDeleteValue(const Edit& e, Node& key);
    Result<void> checkRenameKey(const Edit& e, const Path& path, Node& key);
    Result<void> checkRenameValue(const Edit& e, Node& key);

    /// The child of `node` named `name`, or null when there is none.
    Result<Node*> lookup(Node& node, std::u16string_view name);
    /// The node at `path`, or null when a key on the way does not exist.
    Result<Node*> resolve(const Path& path);
    /// The node at `path`, each missing key on the way created.
    Result<Node*> resolveCreating(const Path& path);
    Node* create(Node& parent, std::u16string_view name);
    Result<int64_t> liveChildren(const Node& node) const;
    Result<bool> hasValue(Node& node, std::u16string_view name);

    const Hive& hive_;
    Index index_;
    Node root_;
};

}  // namespace hivekit
