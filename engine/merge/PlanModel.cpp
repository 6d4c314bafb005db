#include "merge/PlanModel.h"

#include "format/KeyNode.h"
#include "format/Names.h"

namespace hivekit {

namespace {

constexpr uint32_t kNone = layout::kNoCell;

std::u16string upcased(std::u16string_view name) {
    std::u16string out(name);
    for (char16_t& c : out) c = windowsUpcase(c);
    return out;
}

std::string valueName(const std::string& name) { return name.empty() ? std::string("(default)") : "\"" + name + "\""; }

std::string joined(const std::vector<std::u16string>& path, size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += (i ? "\\" : "") + utf16ToUtf8(path[i]);
    return out;
}

std::string missingKey(const std::vector<std::u16string>& path) {
    return "no such key: \"" + joined(path, path.size()) + "\"";
}

std::string noValue(const Edit& e, const std::string& name) {
    return "key \"" + e.path + "\" has no value " + valueName(name);
}

}  // namespace

PlanModel::PlanModel(const Hive& hive) : hive_(hive), index_(hive) { root_.nk = hive.rootOffset(); }

Result<void> PlanModel::check(const Edit& e) {
    auto parts = splitKeyPath(e.path);
    if (!parts) return std::unexpected(parts.error());
    const Path& path = *parts;
    if (e.kind == Edit::Kind::CreateKey) return checkCreateKey(e, path);
    if (e.kind == Edit::Kind::SetValue) return checkSetValue(e, path);
    // The other edits need the key to exist.
    auto node = resolve(path);
    if (!node) return std::unexpected(node.error());
    if (!*node) {
        if (e.ignoreMissing && (e.kind == Edit::Kind::DeleteKey || e.kind == Edit::Kind::DeleteValue)) return {};
        return fail(ErrorCode::NotFound, missingKey(path));
    }
    Node& key = **node;
    switch (e.kind) {
    case Edit::Kind::DeleteKey: return checkDeleteKey(e, path, key);
    case Edit::Kind::DeleteValue: return checkDeleteValue(e, key);
    case Edit::Kind::RenameKey: return checkRenameKey(e, path, key);
    case Edit::Kind::RenameValue: return checkRenameValue(e, key);
    case Edit::Kind::SetClassName: return {};
    case Edit::Kind::CreateKey:
    case Edit::Kind::SetValue: break;
    }
    return {};
}

Result<void> PlanModel::checkCreateKey(const Edit& e, const Path& path) {
    Node* at = &root_;
    for (size_t i = 0; i < path.size(); ++i) {
        auto child = lookup(*at, path[i]);
        if (!child) return std::unexpected(child.error());
        if (*child) {
            at = *child;
            continue;
        }
        if (i + 1 < path.size() && !e.createParents)
            return fail(ErrorCode::NotFound, "the parent key \"" + joined(path, i + 1) +
                                                 "\" does not exist (and creating parents was not asked)");
        at = create(*at, path[i]);
    }
    return {};
}

Result<void> PlanModel::checkSetValue(const Edit& e, const Path& path) {
    auto node = resolve(path);
    if (!node) return std::unexpected(node.error());
    Node* at = *node;
    if (!at) {
        if (!e.createParents) return fail(ErrorCode::NotFound, missingKey(path));
        auto created = resolveCreating(path);
        if (!created) return std::unexpected(created.error());
        at = *created;
    }
    at->values[upcased(utf8ToUtf16(e.name))] = true;
    return {};
}

Result<void> PlanModel::checkDeleteKey(const Edit& e, const Path& path, Node& key) {
    if (key.nk != kNone) {
        auto k = hive_.keyNode(key.nk);
        if (!k) return std::unexpected(k.error());
        if (k->flags & layout::nk::FlagNoDelete)
            return fail(ErrorCode::Invalid, "key \"" + e.path + "\" is marked NO_DELETE");
    }
    auto live = liveChildren(key);
    if (!live) return std::unexpected(live.error());
    if (*live > 0 && !e.recursive)
        return fail(ErrorCode::Invalid, "key \"" + e.path + "\" has " + std::to_string(*live) +
                                            (*live == 1 ? " subkey" : " subkeys") +
                                            "; ask for a recursive delete to remove them too");
    Node* parent = key.parent;
    auto gone = std::make_unique<Node>();
    gone->gone = true;
    parent->children[upcased(path.back())] = std::move(gone);
    --parent->delta;
    return {};
}

Result<void> PlanModel::checkDeleteValue(const Edit& e, Node& key) {
    auto present = hasValue(key, utf8ToUtf16(e.name));
    if (!present) return std::unexpected(present.error());
    if (!*present) {
        if (e.ignoreMissing) return {};
        return fail(ErrorCode::NotFound, noValue(e, e.name));
    }
    key.values[upcased(utf8ToUtf16(e.name))] = false;
    return {};
}

Result<void> PlanModel::checkRenameKey(const Edit& e, const Path& path, Node& key) {
    const std::u16string newName = utf8ToUtf16(e.newName);
    const std::u16string from = upcased(path.back()), to = upcased(newName);
    if (from == to) return {};
    Node* parent = key.parent;
    auto clash = lookup(*parent, newName);
    if (!clash) return std::unexpected(clash.error());
    if (*clash) return fail(ErrorCode::Invalid, "a key named \"" + e.newName + "\" already exists beside \"" + e.path + "\"");
    std::unique_ptr<Node> moving = std::move(parent->children[from]);
    auto gone = std::make_unique<Node>();
    gone->gone = true;
    parent->children[from] = std::move(gone);
    parent->children[to] = std::move(moving);
    return {};
}

Result<void> PlanModel::checkRenameValue(const Edit& e, Node& key) {
    const std::u16string name = utf8ToUtf16(e.name), newName = utf8ToUtf16(e.newName);
    auto present = hasValue(key, name);
    if (!present) return std::unexpected(present.error());
    if (!*present) return fail(ErrorCode::NotFound, noValue(e, e.name));
    if (upcased(name) == upcased(newName)) return {};
    auto clash = hasValue(key, newName);
    if (!clash) return std::unexpected(clash.error());
    if (*clash) return fail(ErrorCode::Invalid, "key \"" + e.path + "\" already has a value " + valueName(e.newName));
    key.values[upcased(name)] = false;
    key.values[upcased(newName)] = true;
    return {};
}

Result<PlanModel::Node*> PlanModel::lookup(Node& node, std::u16string_view name) {
    const std::u16string key = upcased(name);
    if (auto it = node.children.find(key); it != node.children.end())
        return it->second->gone ? nullptr : it->second.get();
    if (node.nk == kNone) return nullptr;
    auto k = hive_.keyNode(node.nk);
    if (!k) return std::unexpected(k.error());
    auto found = index_.findSubkey(*k, name);
    if (!found) {
        if (found.error().code == ErrorCode::NotFound) return nullptr;
        return std::unexpected(found.error());
    }
    auto child = std::make_unique<Node>();
    child->nk = *found;
    child->parent = &node;
    Node* raw = child.get();
    node.children[key] = std::move(child);
    return raw;
}

PlanModel::Node* PlanModel::create(Node& parent, std::u16string_view name) {
    auto child = std::make_unique<Node>();
    child->parent = &parent;
    Node* raw = child.get();
    parent.children[upcased(name)] = std::move(child);
    ++parent.delta;
    return raw;
}

Result<PlanModel::Node*> PlanModel::resolve(const Path& path) {
    Node* at = &root_;
    for (const auto& part : path) {
        auto child = lookup(*at, part);
        if (!child) return child;
        if (!*child) return nullptr;
        at = *child;
    }
    return at;
}

Result<PlanModel::Node*> PlanModel::resolveCreating(const Path& path) {
    Node* at = &root_;
    for (const auto& part : path) {
        auto child = lookup(*at, part);
        if (!child) return child;
        at = *child ? *child : create(*at, part);
    }
    return at;
}

Result<int64_t> PlanModel::liveChildren(const Node& node) const {
    int64_t count = node.delta;
    if (node.nk != kNone) {
        auto k = hive_.keyNode(node.nk);
        if (!k) return std::unexpected(k.error());
        count += k->subkeyCount;
    }
    return count;
}

Result<bool> PlanModel::hasValue(Node& node, std::u16string_view name) {
    const std::u16string key = upcased(name);
    if (auto it = node.values.find(key); it != node.values.end()) return it->second;
    if (node.nk == kNone) return false;
    auto k = hive_.keyNode(node.nk);
    if (!k) return std::unexpected(k.error());
    auto found = index_.findValue(*k, name);
    const bool present = found.has_value();
    node.values[key] = present;
    return present;
}

}  // namespace hivekit
