#include "merge/Session.h"

#include <filesystem>
#include <map>

#include "format/BaseBlock.h"
#include "format/BigData.h"
#include "format/HiveBin.h"
#include "format/KeyNode.h"
#include "format/Names.h"
#include "index/Index.h"
#include "merge/TreeEditor.h"

namespace hivekit {

namespace {

constexpr uint32_t kNone = layout::kNoCell;

std::u16string upcased(std::u16string_view name) {
    std::u16string out(name);
    for (char16_t& c : out) c = windowsUpcase(c);
    return out;
}

/// The tree as a plan's edits leave it, for validation: keys of the hive
/// are looked up lazily through the Index; what the plan creates, deletes
/// or renames is recorded here. No byte of the image changes.
class PlanModel {
public:
    explicit PlanModel(const Hive& hive) : hive_(hive), index_(hive) { root_.nk = hive.rootOffset(); }

    Result<void> check(const Edit& e) {
        auto parts = splitKeyPath(e.path);
        if (!parts) return std::unexpected(parts.error());
        const std::vector<std::u16string>& path = *parts;
        switch (e.kind) {
        case Edit::Kind::CreateKey: {
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
        case Edit::Kind::SetValue: {
            auto node = resolve(path);
            if (!node) return std::unexpected(node.error());
            Node* at = *node;
            if (!at) {
                if (!e.createParents) return fail(ErrorCode::NotFound, missingKey(path));
                at = &root_;
                for (const auto& part : path) {
                    auto child = lookup(*at, part);
                    if (!child) return std::unexpected(child.error());
                    at = *child ? *child : create(*at, part);
                }
            }
            at->values[upcased(utf8ToUtf16(e.name))] = true;
            return {};
        }
        default: break;
        }
        auto node = resolve(path);
        if (!node) return std::unexpected(node.error());
        Node* at = *node;
        if (!at) {
            if (e.ignoreMissing && (e.kind == Edit::Kind::DeleteKey || e.kind == Edit::Kind::DeleteValue)) return {};
            return fail(ErrorCode::NotFound, missingKey(path));
        }
        switch (e.kind) {
        case Edit::Kind::DeleteKey: {
            if (at->nk != kNone) {
                auto k = hive_.keyNode(at->nk);
                if (!k) return std::unexpected(k.error());
                if (k->flags & layout::nk::FlagNoDelete)
                    return fail(ErrorCode::Invalid, "key \"" + e.path + "\" is marked NO_DELETE");
            }
            auto live = liveChildren(*at);
            if (!live) return std::unexpected(live.error());
            if (*live > 0 && !e.recursive)
                return fail(ErrorCode::Invalid, "key \"" + e.path + "\" has " + std::to_string(*live) +
                                                    (*live == 1 ? " subkey" : " subkeys") +
                                                    "; ask for a recursive delete to remove them too");
            Node* parent = at->parent;
            parent->children[upcased(path.back())] = deleted();
            --parent->delta;
            return {};
        }
        case Edit::Kind::DeleteValue: {
            auto present = hasValue(*at, utf8ToUtf16(e.name));
            if (!present) return std::unexpected(present.error());
            if (!*present) {
                if (e.ignoreMissing) return {};
                return fail(ErrorCode::NotFound, "key \"" + e.path + "\" has no value " + valueName(e.name));
            }
            at->values[upcased(utf8ToUtf16(e.name))] = false;
            return {};
        }
        case Edit::Kind::RenameKey: {
            const std::u16string newName = utf8ToUtf16(e.newName);
            const std::u16string from = upcased(path.back()), to = upcased(newName);
            if (from == to) return {};
            Node* parent = at->parent;
            auto clash = lookup(*parent, newName);
            if (!clash) return std::unexpected(clash.error());
            if (*clash)
                return fail(ErrorCode::Invalid, "a key named \"" + e.newName + "\" already exists beside \"" + e.path + "\"");
            std::unique_ptr<Node> moving = std::move(parent->children[from]);
            parent->children[from] = deleted();
            parent->children[to] = std::move(moving);
            return {};
        }
        case Edit::Kind::RenameValue: {
            const std::u16string name = utf8ToUtf16(e.name), newName = utf8ToUtf16(e.newName);
            auto present = hasValue(*at, name);
            if (!present) return std::unexpected(present.error());
            if (!*present) return fail(ErrorCode::NotFound, "key \"" + e.path + "\" has no value " + valueName(e.name));
            if (upcased(name) == upcased(newName)) return {};
            auto clash = hasValue(*at, newName);
            if (!clash) return std::unexpected(clash.error());
            if (*clash)
                return fail(ErrorCode::Invalid, "key \"" + e.path + "\" already has a value " + valueName(e.newName));
            at->values[upcased(name)] = false;
            at->values[upcased(newName)] = true;
            return {};
        }
        case Edit::Kind::SetClassName: return {};
        default: break;
        }
        return {};
    }

private:
    struct Node {
        uint32_t nk = kNone;   ///< kNone: created by the plan
        bool gone = false;     ///< deleted (or renamed away) by the plan
        Node* parent = nullptr;
        int64_t delta = 0;     ///< live children minus the hive's subkey count
        std::map<std::u16string, std::unique_ptr<Node>> children;  ///< by upcased name
        std::map<std::u16string, bool> values;                     ///< by upcased name: present?
    };

    static std::unique_ptr<Node> deleted() {
        auto n = std::make_unique<Node>();
        n->gone = true;
        return n;
    }

    static std::string valueName(const std::string& name) {
        return name.empty() ? std::string("(default)") : "\"" + name + "\"";
    }

    static std::string joined(const std::vector<std::u16string>& path, size_t n) {
        std::string out;
        for (size_t i = 0; i < n; ++i) out += (i ? "\\" : "") + utf16ToUtf8(path[i]);
        return out;
    }

    static std::string missingKey(const std::vector<std::u16string>& path) {
        return "no such key: \"" + joined(path, path.size()) + "\"";
    }

    /// The child of `node` named `name`, or null when there is none.
    Result<Node*> lookup(Node& node, std::u16string_view name) {
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

    Node* create(Node& parent, std::u16string_view name) {
        auto child = std::make_unique<Node>();
        child->parent = &parent;
        Node* raw = child.get();
        parent.children[upcased(name)] = std::move(child);
        ++parent.delta;
        return raw;
    }

    Result<Node*> resolve(const std::vector<std::u16string>& path) {
        Node* at = &root_;
        for (const auto& part : path) {
            auto child = lookup(*at, part);
            if (!child) return child;
            if (!*child) return nullptr;
            at = *child;
        }
        return at;
    }

    Result<int64_t> liveChildren(const Node& node) const {
        int64_t count = node.delta;
        if (node.nk != kNone) {
            auto k = hive_.keyNode(node.nk);
            if (!k) return std::unexpected(k.error());
            count += k->subkeyCount;
        }
        return count;
    }

    Result<bool> hasValue(Node& node, std::u16string_view name) {
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

    const Hive& hive_;
    Index index_;
    Node root_;
};

}  // namespace

Result<std::unique_ptr<Session>> Session::open(const std::string& path, SessionOptions options) {
    std::unique_ptr<Session> s(new Session);
    auto tx = TxManager::open(path, options.tx);
    if (!tx) return std::unexpected(tx.error());
    s->tx_ = std::move(*tx);
    s->strategy_ = makeStrategy(options.strategy, options.hybrid);
    s->allocator_ = std::make_unique<Allocator>(*s->tx_);
    s->allocator_->rebuild();
    s->store_ = std::make_unique<CellStore>(*s->tx_, *s->allocator_, *s->strategy_);
    return s;
}

Session::~Session() = default;

Result<void> Session::validate(const Plan& plan) const {
    if (auto r = plan.validateShape(); !r) return r;
    const BaseBlock& header = hive().header();
    PlanModel model(hive());
    for (size_t i = 0; i < plan.size(); ++i) {
        const Edit& e = plan.edits()[i];
        auto r = model.check(e);
        if (!r) {
            Error err = r.error();
            err.message = editLabel(i, e) + ": " + err.message;
            return std::unexpected(err);
        }
        if (e.kind == Edit::Kind::SetValue && !header.allowsBigData() && e.data.size() > 0x7FFFFF00u - 8)
            return fail(ErrorCode::Invalid, editLabel(i, e) + ": the data does not fit one cell of a version " +
                                                header.versionString() + " hive");
    }
    return {};
}

Result<ApplyReport> Session::apply(const Plan& plan) {
    if (auto r = validate(plan); !r) return std::unexpected(r.error());
    if (auto r = tx_->begin(); !r) return std::unexpected(r.error());
    ApplyReport report;
    report.edits = plan.size();
    TreeEditor editor(*tx_, *store_);
    for (size_t i = 0; i < plan.size(); ++i) {
        auto changed = editor.apply(plan.edits()[i]);
        if (!changed) {
            Error e = changed.error();
            e.message = editLabel(i, plan.edits()[i]) + ": " + e.message + "; the transaction was rolled back";
            (void)rollback();
            return std::unexpected(e);
        }
        if (*changed) ++report.changed;
    }
    return report;
}

Result<CommitReport> Session::commit() {
    auto r = tx_->commit();
    // A commit that wrote nothing may have reloaded the image.
    if (r && !r->wrote) allocator_->rebuild();
    return r;
}

Result<void> Session::rollback() {
    auto r = tx_->rollback();
    allocator_->rebuild();
    return r;
}

// ---- new hives --------------------------------------------------------------

namespace {

std::vector<uint8_t> sid(uint8_t authority, std::initializer_list<uint32_t> subAuthorities) {
    std::vector<uint8_t> s(8 + 4 * subAuthorities.size(), 0);
    s[0] = 1;
    s[1] = static_cast<uint8_t>(subAuthorities.size());
    s[7] = authority;
    size_t at = 8;
    for (uint32_t sub : subAuthorities) {
        storeU32(s.data() + at, sub);
        at += 4;
    }
    return s;
}

/// A self-relative security descriptor: owner Administrators, group SYSTEM,
/// a DACL granting KEY_ALL_ACCESS to Administrators and SYSTEM and KEY_READ
/// to Everyone, each ACE inherited by subkeys (CONTAINER_INHERIT_ACE).
std::vector<uint8_t> defaultSecurityDescriptor() {
    const std::vector<uint8_t> admins = sid(5, {32, 544}), system = sid(5, {18}), everyone = sid(1, {0});
    struct Ace {
        uint32_t mask;
        const std::vector<uint8_t>* who;
    };
    const Ace aces[] = {{0x000F003F, &admins}, {0x000F003F, &system}, {0x00020019, &everyone}};
    std::vector<uint8_t> acl(8, 0);
    for (const Ace& a : aces) {
        std::vector<uint8_t> ace(8, 0);
        ace[0] = 0;     // ACCESS_ALLOWED_ACE_TYPE
        ace[1] = 0x02;  // CONTAINER_INHERIT_ACE
        storeU16(ace.data() + 2, static_cast<uint16_t>(8 + a.who->size()));
        storeU32(ace.data() + 4, a.mask);
        ace.insert(ace.end(), a.who->begin(), a.who->end());
        acl.insert(acl.end(), ace.begin(), ace.end());
    }
    acl[0] = 2;  // ACL_REVISION
    storeU16(acl.data() + 2, static_cast<uint16_t>(acl.size()));
    storeU16(acl.data() + 4, 3);
    std::vector<uint8_t> sd(20, 0);
    sd[0] = 1;                       // revision
    storeU16(sd.data() + 2, 0x8004); // SE_SELF_RELATIVE | SE_DACL_PRESENT
    storeU32(sd.data() + 16, 20);    // DACL
    sd.insert(sd.end(), acl.begin(), acl.end());
    storeU32(sd.data() + 4, static_cast<uint32_t>(sd.size()));  // owner
    sd.insert(sd.end(), admins.begin(), admins.end());
    storeU32(sd.data() + 8, static_cast<uint32_t>(sd.size()));  // group
    sd.insert(sd.end(), system.begin(), system.end());
    return sd;
}

}  // namespace

std::vector<uint8_t> emptyHiveImage(const NewHiveOptions& options, const std::string& fileName) {
    const uint64_t now = options.timestamp ? options.timestamp : filetimeNow();
    constexpr uint32_t kBin = layout::kHbinAlignment;
    std::vector<uint8_t> image(layout::kBaseBlockSize + kBin, 0);
    uint8_t* bins = image.data() + layout::kBaseBlockSize;

    HiveBinHeader hbin;
    hbin.signature = layout::kHbinSignature;
    hbin.offset = 0;
    hbin.size = kBin;
    hbin.timestamp = now;
    encodeHiveBinHeader(hbin, std::span(bins, kBin));

    const StoredName name = encodeStoredName(utf8ToUtf16(options.rootName));
    const uint32_t rootOff = layout::kHbinHeaderSize;
    const uint32_t rootCell = Allocator::cellSizeFor(static_cast<uint32_t>(keyNodeSize(name.bytes.size())));
    const uint32_t skOff = rootOff + rootCell;
    const std::vector<uint8_t> sd = defaultSecurityDescriptor();
    const uint32_t skCell = Allocator::cellSizeFor(static_cast<uint32_t>(securityCellSize(sd.size())));
    const uint32_t freeOff = skOff + skCell;

    KeyNode root;
    root.flags = layout::nk::FlagHiveEntry | layout::nk::FlagNoDelete |
                 (name.compressed ? layout::nk::FlagCompressedName : 0);
    root.lastWritten = now;
    root.parent = kNone;
    root.subkeyList = kNone;
    root.volatileSubkeyList = kNone;
    root.valueList = kNone;
    root.security = skOff;
    root.classOffset = kNone;
    root.nameLength = static_cast<uint16_t>(name.bytes.size());
    root.nameBytes = name.bytes;
    storeU32(bins + rootOff, static_cast<uint32_t>(-static_cast<int32_t>(rootCell)));
    encodeKeyNode(root, std::span(bins + rootOff + 4, rootCell - 4));

    SecurityCell sk;
    sk.flink = skOff;
    sk.blink = skOff;
    sk.referenceCount = 1;
    sk.descriptor = sd;
    storeU32(bins + skOff, static_cast<uint32_t>(-static_cast<int32_t>(skCell)));
    encodeSecurityCell(sk, std::span(bins + skOff + 4, skCell - 4));

    storeU32(bins + freeOff, kBin - freeOff);

    BaseBlock b;
    b.signature = layout::kBaseSignature;
    b.primarySequence = 1;
    b.secondarySequence = 1;
    b.lastWritten = now;
    b.majorVersion = 1;
    b.minorVersion = options.minorVersion;
    b.fileType = 0;
    b.fileFormat = 1;
    b.rootCellOffset = rootOff;
    b.hiveBinsDataSize = kBin;
    b.clusteringFactor = 1;
    std::u16string file = utf8ToUtf16(fileName);
    if (file.size() > 31) file = file.substr(file.size() - 31);
    b.fileName = file;
    encodeBaseBlock(b, image);
    return image;
}

Result<void> createHive(const std::string& path, const NewHiveOptions& options) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        return fail(ErrorCode::Invalid, path + ": already exists; a new hive is never written over a file");
    std::unique_ptr<FileIO> owned;
    FileIO* io = options.io;
    if (!io) {
        owned = makeRealFileIO();
        io = owned.get();
    }
    const std::string fileName = std::filesystem::path(path).filename().string();
    const std::vector<uint8_t> image = emptyHiveImage(options, fileName);
    const std::string temp = path + ".new-hive-tmp";
    auto written = [&]() -> Result<void> {
        auto f = io->open(temp, true);
        if (!f) return std::unexpected(f.error());
        auto r = io->truncate(*f, 0);
        if (r) r = io->write(*f, 0, image);
        if (r) r = io->sync(*f, SyncKind::Full);
        auto closed = io->close(*f);
        if (!r) return r;
        if (!closed) return closed;
        if (auto m = io->rename(temp, path); !m) return m;
        return io->syncDirectory(directoryOf(path));
    }();
    if (!written) {
        std::filesystem::remove(temp, ec);
        return written;
    }
    return {};
}

}  // namespace hivekit
