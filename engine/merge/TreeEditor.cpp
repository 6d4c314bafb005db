#include "merge/TreeEditor.h"

#include <algorithm>

#include "format/BigData.h"
#include "format/KeyNode.h"
#include "format/Names.h"
#include "format/ValueRecord.h"
#include "index/Index.h"

namespace hivekit {

namespace N = layout::nk;
namespace V = layout::vk;

namespace {

constexpr uint64_t kHeader = layout::kBaseBlockSize;
constexpr uint32_t kNone = layout::kNoCell;

std::string at(uint32_t cell) { return hexOffset(uint64_t{cell} + kHeader); }

uint32_t utf16Bytes(size_t units) { return static_cast<uint32_t>(units * 2); }

uint32_t hintFor(SubkeyList::Kind kind, std::u16string_view name) {
    switch (kind) {
    case SubkeyList::Kind::HashLeaf: return lhHash(name);
    case SubkeyList::Kind::FastLeaf: return fastLeafHint(name);
    default: return 0;
    }
}

std::vector<uint8_t> encodeOffsets(const std::vector<uint32_t>& offsets) {
    std::vector<uint8_t> out(offsets.size() * 4);
    for (size_t i = 0; i < offsets.size(); ++i) storeU32(out.data() + 4 * i, offsets[i]);
    return out;
}

}  // namespace

// ---- fields ---------------------------------------------------------------

void TreeEditor::setField16(uint32_t cell, uint32_t field, uint16_t value) {
    storeU16(store_.field(cell, field, 2).data(), value);
}

void TreeEditor::setField32(uint32_t cell, uint32_t field, uint32_t value) {
    storeU32(store_.field(cell, field, 4).data(), value);
}

void TreeEditor::raiseField32(uint32_t cell, uint32_t field, uint32_t atLeast) {
    const uint32_t current = loadU32(hive().bytes().data() + kHeader + cell + 4 + field);
    if (current < atLeast) setField32(cell, field, atLeast);
}

void TreeEditor::raiseSubkeyNameMax(uint32_t keyOffset, uint32_t bytes) {
    // Bits 16-31 of the field hold the key's own flags: keep them.
    const uint32_t current = loadU32(hive().bytes().data() + kHeader + keyOffset + 4 + N::MaxSubkeyName);
    if ((current & 0xFFFF) < bytes) setField32(keyOffset, N::MaxSubkeyName, (current & 0xFFFF0000u) | (bytes & 0xFFFF));
}

void TreeEditor::touch(uint32_t keyOffset) {
    storeU64(store_.field(keyOffset, N::LastWritten, 8).data(), tx_.timestamp());
}

// ---- lookups --------------------------------------------------------------

Result<KeyNode> TreeEditor::key(uint32_t offset) const { return hive().keyNode(offset); }

Result<uint32_t> TreeEditor::find(const std::vector<std::u16string>& path) const {
    uint32_t at = hive().rootOffset();
    Index index(hive());
    for (const auto& part : path) {
        auto k = key(at);
        if (!k) return std::unexpected(k.error());
        auto next = index.findSubkey(*k, part);
        if (!next) {
            if (next.error().code == ErrorCode::NotFound) return kNone;
            return next;
        }
        at = *next;
    }
    return at;
}

Result<uint32_t> TreeEditor::ensure(const std::vector<std::u16string>& path, bool& created) {
    uint32_t at = hive().rootOffset();
    for (const auto& part : path) {
        auto k = key(at);
        if (!k) return std::unexpected(k.error());
        auto next = Index(hive()).findSubkey(*k, part);
        if (next) {
            at = *next;
            continue;
        }
        if (next.error().code != ErrorCode::NotFound) return next;
        auto child = createChild(at, part);
        if (!child) return child;
        created = true;
        at = *child;
    }
    return at;
}

namespace {
std::u16string upcasedName(std::u16string_view name) {
    std::u16string out(name);
    for (char16_t& c : out) c = windowsUpcase(c);
    return out;
}
}  // namespace

Result<TreeEditor::ValueNames*> TreeEditor::valueNames(uint32_t keyOffset) {
    auto k = key(keyOffset);
    if (!k) return std::unexpected(k.error());
    auto [it, added] = valueNames_.try_emplace(keyOffset);
    ValueNames& names = it->second;
    if (!added && names.list == k->valueList && names.count == k->valueCount) return &names;
    names.byName.clear();
    names.duplicates = false;
    names.list = k->valueList;
    names.count = k->valueCount;
    Diagnostics ignored;
    for (uint32_t off : hive().values(*k, &ignored)) {
        auto v = hive().valueRecord(off);
        if (!v) continue;
        // The first of equal names wins, as a scan of the list finds it.
        if (!names.byName.try_emplace(upcasedName(decodeName(v->nameBytes, v->compressedName())), off).second)
            names.duplicates = true;
    }
    return &names;
}

void TreeEditor::noteValue(uint32_t keyOffset, std::u16string_view name, uint32_t vk) {
    auto it = valueNames_.find(keyOffset);
    if (it == valueNames_.end()) return;
    auto k = key(keyOffset);
    if (!k) {
        valueNames_.erase(it);
        return;
    }
    it->second.byName[upcasedName(name)] = vk;
    it->second.list = k->valueList;
    it->second.count = k->valueCount;
}

void TreeEditor::noteRemoved(uint32_t keyOffset, std::u16string_view name) {
    auto it = valueNames_.find(keyOffset);
    if (it == valueNames_.end()) return;
    auto k = key(keyOffset);
    // With a name listed twice, the other one is found again by a rebuild.
    if (!k || it->second.duplicates) {
        valueNames_.erase(it);
        return;
    }
    it->second.byName.erase(upcasedName(name));
    it->second.list = k->valueList;
    it->second.count = k->valueCount;
}

Result<uint32_t> TreeEditor::findValue(uint32_t keyOffset, std::u16string_view name) {
    auto names = valueNames(keyOffset);
    if (!names) return std::unexpected(names.error());
    auto it = (*names)->byName.find(upcasedName(name));
    return it == (*names)->byName.end() ? kNone : it->second;
}

Result<bool> TreeEditor::apply(const Edit& e) {
    auto parts = splitKeyPath(e.path);
    if (!parts) return std::unexpected(parts.error());
    const std::u16string name = utf8ToUtf16(e.name);
    switch (e.kind) {
    case Edit::Kind::CreateKey: {
        bool created = false;
        auto k = ensure(*parts, created);
        if (!k) return std::unexpected(k.error());
        return created;
    }
    case Edit::Kind::SetValue: {
        bool created = false;
        auto k = e.createParents ? ensure(*parts, created) : find(*parts);
        if (!k) return std::unexpected(k.error());
        if (*k == kNone) return fail(ErrorCode::NotFound, "no such key");
        if (auto r = setValue(*k, name, e.type, e.data); !r) return std::unexpected(r.error());
        return true;
    }
    default: break;
    }
    auto k = find(*parts);
    if (!k) return std::unexpected(k.error());
    if (*k == kNone) {
        if (e.ignoreMissing) return false;
        return fail(ErrorCode::NotFound, "no such key");
    }
    uint32_t parent = kNone;
    if (!parts->empty()) {
        auto up = find(std::vector<std::u16string>(parts->begin(), parts->end() - 1));
        if (!up) return std::unexpected(up.error());
        parent = *up;
    }
    switch (e.kind) {
    case Edit::Kind::DeleteKey: {
        forget();  // key nodes are freed: their offsets may be reused
        if (auto r = deleteKey(parent, *k); !r) return std::unexpected(r.error());
        return true;
    }
    case Edit::Kind::DeleteValue: {
        auto v = findValue(*k, name);
        if (!v) return std::unexpected(v.error());
        if (*v == kNone) {
            if (e.ignoreMissing) return false;
            return fail(ErrorCode::NotFound, "no such value");
        }
        if (auto r = deleteValue(*k, *v); !r) return std::unexpected(r.error());
        noteRemoved(*k, name);
        return true;
    }
    case Edit::Kind::RenameKey: {
        forget();  // the key node may move
        if (auto r = renameKey(parent, *k, utf8ToUtf16(e.newName)); !r) return std::unexpected(r.error());
        return true;
    }
    case Edit::Kind::RenameValue: {
        auto v = findValue(*k, name);
        if (!v) return std::unexpected(v.error());
        if (*v == kNone) return fail(ErrorCode::NotFound, "no such value");
        if (auto r = renameValue(*k, *v, utf8ToUtf16(e.newName)); !r) return std::unexpected(r.error());
        valueNames_.erase(*k);  // the name changed in the vk, maybe not in the list: rebuilt on next use
        return true;
    }
    case Edit::Kind::SetClassName: {
        forget();  // the key node may move
        if (auto r = setClassName(parent, *k, utf8ToUtf16(e.className)); !r) return std::unexpected(r.error());
        return true;
    }
    default: break;
    }
    return false;
}

Result<uint32_t> TreeEditor::createChild(uint32_t parentOffset, const std::u16string& name) {
    auto parent = key(parentOffset);
    if (!parent) return std::unexpected(parent.error());
    const StoredName stored = encodeStoredName(name);
    KeyNode k;
    k.flags = stored.compressed ? N::FlagCompressedName : 0;
    k.lastWritten = tx_.timestamp();
    k.parent = parentOffset;
    k.subkeyList = kNone;
    k.volatileSubkeyList = kNone;
    k.valueList = kNone;
    k.security = parent->security;
    k.classOffset = kNone;
    k.nameLength = static_cast<uint16_t>(stored.bytes.size());
    k.nameBytes = stored.bytes;
    std::vector<uint8_t> record(keyNodeSize(stored.bytes.size()));
    encodeKeyNode(k, record);
    auto nk = store_.create(WriteRole::Key, record);
    if (!nk) return nk;
    if (parent->security != kNone) {
        auto sk = hive().securityCell(parent->security);
        if (!sk) return std::unexpected(sk.error());
        setField32(parent->security, layout::sk::ReferenceCount, sk->referenceCount + 1);
    }
    const uint32_t count = parent->subkeyCount;
    auto list = listInsert(count ? parent->subkeyList : kNone, count, *nk, name);
    if (!list) return list;
    setField32(parentOffset, N::SubkeyList, *list);
    setField32(parentOffset, N::SubkeyCount, count + 1);
    raiseSubkeyNameMax(parentOffset, utf16Bytes(name.size()));
    touch(parentOffset);
    return nk;
}

Result<void> TreeEditor::deleteKey(uint32_t parentOffset, uint32_t keyOffset) {
    auto parent = key(parentOffset);
    if (!parent) return std::unexpected(parent.error());
    // Unlink first, then release the subtree, children before parents.
    auto list = listRemove(parent->subkeyList, keyOffset);
    if (!list) return std::unexpected(list.error());
    const uint32_t remaining = parent->subkeyCount - 1;
    setField32(parentOffset, N::SubkeyList, remaining ? *list : kNone);
    setField32(parentOffset, N::SubkeyCount, remaining);
    if (remaining == 0) {
        setField32(parentOffset, N::MaxSubkeyName, parent->maxSubkeyNameField & 0xFFFF0000u);
        setField32(parentOffset, N::MaxClass, 0);
    }
    touch(parentOffset);

    std::vector<uint32_t> order{keyOffset};
    for (size_t i = 0; i < order.size(); ++i) {
        auto node = key(order[i]);
        if (!node) return std::unexpected(node.error());
        Diagnostics problems;
        for (uint32_t child : hive().subkeys(*node, &problems)) order.push_back(child);
        if (problems.count(Diagnostic::Severity::Error))
            return fail(ErrorCode::Corrupt, "the subkey list of the key at " + at(order[i]) +
                                                " is damaged: " + problems.items().front().message);
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        auto node = key(*it);
        if (!node) return std::unexpected(node.error());
        auto values = valueList(*node);
        if (!values) return std::unexpected(values.error());
        for (uint32_t vk : *values)
            if (auto r = releaseValue(vk); !r) return r;
        if (node->valueCount && node->valueList != kNone) store_.release(WriteRole::ValueList, node->valueList);
        if (node->classOffset != kNone && node->classLength) store_.release(WriteRole::ClassName, node->classOffset);
        if (node->subkeyCount && node->subkeyList != kNone) {
            auto root = hive().subkeyList(node->subkeyList);
            if (!root) return std::unexpected(root.error());
            if (!root->isLeaf())
                for (size_t i = 0; i < root->count; ++i) store_.release(WriteRole::SubkeyList, root->offsetAt(i));
            store_.release(WriteRole::SubkeyList, node->subkeyList);
        }
        releaseSecurity(node->security);
        store_.release(WriteRole::Key, *it);
    }
    return {};
}

void TreeEditor::releaseSecurity(uint32_t skOffset) {
    if (skOffset == kNone) return;
    auto sk = hive().securityCell(skOffset);
    if (!sk || sk->referenceCount == 0) return;
    const uint32_t count = sk->referenceCount - 1;
    setField32(skOffset, layout::sk::ReferenceCount, count);
    if (count != 0 || !store_.strategy().freesDeleted(WriteRole::Security)) return;
    if (sk->flink == skOffset || sk->blink == skOffset) return;  // the last sk stays
    setField32(sk->blink, layout::sk::Flink, sk->flink);
    setField32(sk->flink, layout::sk::Blink, sk->blink);
    store_.release(WriteRole::Security, skOffset);
}

Result<std::vector<uint32_t>> TreeEditor::valueList(const KeyNode& k) const {
    if (k.valueCount == 0) return std::vector<uint32_t>{};
    Diagnostics problems;
    std::vector<uint32_t> values = hive().values(k, &problems);
    if (problems.count(Diagnostic::Severity::Error))
        return fail(ErrorCode::Corrupt, "the value list of the key at " + at(k.cellOffset) +
                                            " is damaged: " + problems.items().front().message);
    return values;
}

uint32_t TreeEditor::valueListRoom(uint32_t entries) {
    // Half as many again, so that n appends rewrite the list O(log n)
    // times; 1 and 2 entries get no spare room (the cell of 2 entries has
    // the room of 3 anyway, cells being multiples of 8 bytes).
    return entries + entries / 2;
}

Result<void> TreeEditor::appendToValueList(uint32_t keyOffset, uint32_t vk) {
    auto k = key(keyOffset);
    if (!k) return std::unexpected(k.error());
    const uint32_t count = k->valueCount;
    const bool had = count != 0 && k->valueList != kNone;
    // The common case of an import: the list's cell has room for one more
    // entry (left by an earlier growth), written where it goes. Only the
    // strategies that rewrite lists in place use that room.
    if (had && store_.rewritesInPlace(WriteRole::ValueList) &&
        store_.capacity(k->valueList) / 4 >= uint64_t{count} + 1) {
        setField32(k->valueList, count * 4, vk);
        setField32(keyOffset, N::ValueCount, count + 1);
        return {};
    }
    auto values = valueList(*k);
    if (!values) return std::unexpected(values.error());
    values->push_back(vk);
    return writeValueList(keyOffset, *values, valueListRoom(static_cast<uint32_t>(values->size())));
}

Result<void> TreeEditor::replaceInValueList(uint32_t keyOffset, uint32_t oldVk, uint32_t newVk) {
    auto k = key(keyOffset);
    if (!k) return std::unexpected(k.error());
    auto values = valueList(*k);
    if (!values) return std::unexpected(values.error());
    if (store_.rewritesInPlace(WriteRole::ValueList)) {
        // One entry changes: written in place, the list keeps its room.
        for (size_t i = 0; i < values->size(); ++i)
            if ((*values)[i] == oldVk) setField32(k->valueList, static_cast<uint32_t>(4 * i), newVk);
        return {};
    }
    std::replace(values->begin(), values->end(), oldVk, newVk);
    return writeValueList(keyOffset, *values);
}

Result<void> TreeEditor::writeValueList(uint32_t keyOffset, const std::vector<uint32_t>& entries, uint32_t room) {
    auto k = key(keyOffset);
    if (!k) return std::unexpected(k.error());
    const bool had = k->valueCount != 0 && k->valueList != kNone;
    uint32_t list = kNone;
    if (entries.empty()) {
        if (had) store_.release(WriteRole::ValueList, k->valueList);
        setField32(keyOffset, N::MaxValueName, 0);
        setField32(keyOffset, N::MaxValueData, 0);
    } else {
        std::vector<uint8_t> bytes = encodeOffsets(entries);
        // Spare entries are zeros past the count, which every reader ignores.
        if (room > entries.size() && store_.rewritesInPlace(WriteRole::ValueList)) bytes.resize(size_t{room} * 4, 0);
        auto r = had ? store_.replace(WriteRole::ValueList, k->valueList, bytes)
                     : store_.create(WriteRole::ValueList, bytes);
        if (!r) return std::unexpected(r.error());
        list = *r;
    }
    setField32(keyOffset, N::ValueList, list);
    setField32(keyOffset, N::ValueCount, static_cast<uint32_t>(entries.size()));
    return {};
}

Result<void> TreeEditor::releaseData(const ValueRecord& v) {
    if (v.dataInline() || v.dataSize() == 0 || v.dataOffset == kNone) return {};
    auto c = hive().allocatedCell(v.dataOffset, "value data");
    if (!c) return std::unexpected(c.error());
    if (v.dataSize() <= c->data.size() || !looksLikeBigData(c->data)) {
        store_.release(WriteRole::ValueData, v.dataOffset);
        return {};
    }
    auto db = decodeBigData(c->data, c->fileOffset() + 4);
    if (!db) return std::unexpected(db.error());
    auto list = hive().allocatedCell(db->segmentList, "big data segment list");
    if (!list) return std::unexpected(list.error());
    const size_t count = std::min<size_t>(db->segmentCount, list->data.size() / 4);
    std::vector<uint32_t> segments;
    for (size_t i = 0; i < count; ++i) segments.push_back(loadU32(list->data.data() + 4 * i));
    for (uint32_t s : segments) store_.release(WriteRole::BigData, s);
    store_.release(WriteRole::BigData, db->segmentList);
    store_.release(WriteRole::BigData, v.dataOffset);
    return {};
}

Result<void> TreeEditor::releaseValue(uint32_t vk) {
    auto v = hive().valueRecord(vk);
    if (!v) return std::unexpected(v.error());
    if (auto r = releaseData(*v); !r) return r;
    store_.release(WriteRole::Value, vk);
    return {};
}

Result<void> TreeEditor::storeData(const ValueRecord* old, Bytes data, ValueRecord& out) {
    const uint32_t size = static_cast<uint32_t>(data.size());
    std::fill(std::begin(out.inlineBytes), std::end(out.inlineBytes), uint8_t{0});
    if (size <= 4) {
        if (old)
            if (auto r = releaseData(*old); !r) return r;
        out.dataSizeField = size | V::DataInlineBit;
        std::copy(data.begin(), data.end(), out.inlineBytes);
        out.dataOffset = loadU32(out.inlineBytes);
        return {};
    }
    out.dataSizeField = size;
    const bool big = hive().header().allowsBigData() && size > kSegmentSize;
    if (!big) {
        // One cell. An old single cell is replaced (the strategy decides
        // whether in place); anything else is released first.
        bool oldSingle = false;
        if (old && !old->dataInline() && old->dataSize() != 0 && old->dataOffset != kNone) {
            auto c = hive().allocatedCell(old->dataOffset, "value data");
            if (!c) return std::unexpected(c.error());
            oldSingle = old->dataSize() <= c->data.size() || !looksLikeBigData(c->data);
        }
        if (old && !oldSingle)
            if (auto r = releaseData(*old); !r) return r;
        Result<uint32_t> cell = oldSingle ? store_.replace(WriteRole::ValueData, old->dataOffset, data, size)
                                          : store_.create(WriteRole::ValueData, data, size);
        if (!cell) return std::unexpected(cell.error());
        out.dataOffset = *cell;
        return {};
    }
    if (old)
        if (auto r = releaseData(*old); !r) return r;
    std::vector<uint32_t> segments;
    std::vector<uint8_t> chunk;
    for (uint32_t done = 0; done < size; done += kSegmentSize) {
        const uint32_t n = std::min(kSegmentSize, size - done);
        // 4 bytes of room past the data, as Windows leaves them.
        chunk.assign(data.begin() + done, data.begin() + done + n);
        chunk.resize(n + 4, 0);
        auto seg = store_.create(WriteRole::BigData, chunk, size);
        if (!seg) return std::unexpected(seg.error());
        segments.push_back(*seg);
    }
    auto list = store_.create(WriteRole::BigData, encodeOffsets(segments), size);
    if (!list) return std::unexpected(list.error());
    BigData db;
    db.segmentCount = static_cast<uint16_t>(segments.size());
    db.segmentList = *list;
    auto record = store_.create(WriteRole::BigData, encodeBigData(db), size);
    if (!record) return std::unexpected(record.error());
    out.dataOffset = *record;
    return {};
}

Result<void> TreeEditor::setValue(uint32_t keyOffset, const std::u16string& name, uint32_t type, Bytes data) {
    auto existing = findValue(keyOffset, name);
    if (!existing) return std::unexpected(existing.error());
    ValueRecord v;
    std::vector<uint8_t> nameBytes;
    if (*existing != kNone) {
        auto old = hive().valueRecord(*existing);
        if (!old) return std::unexpected(old.error());
        v = *old;
        nameBytes.assign(old->nameBytes.begin(), old->nameBytes.end());
        v.nameBytes = nameBytes;
        if (auto r = storeData(&*old, data, v); !r) return r;
    } else {
        const StoredName stored = encodeStoredName(name);
        nameBytes = stored.bytes;
        v.nameLength = static_cast<uint16_t>(nameBytes.size());
        v.nameBytes = nameBytes;
        v.flags = stored.compressed ? V::FlagCompressedName : 0;
        if (auto r = storeData(nullptr, data, v); !r) return r;
    }
    v.type = type;
    std::vector<uint8_t> record(valueRecordSize(nameBytes.size()));
    encodeValueRecord(v, record);
    if (*existing != kNone) {
        auto vk = store_.replace(WriteRole::Value, *existing, record);
        if (!vk) return std::unexpected(vk.error());
        if (*vk != *existing) {
            if (auto r = replaceInValueList(keyOffset, *existing, *vk); !r) return r;
            noteValue(keyOffset, name, *vk);
        }
    } else {
        auto vk = store_.create(WriteRole::Value, record);
        if (!vk) return std::unexpected(vk.error());
        if (auto r = appendToValueList(keyOffset, *vk); !r) return r;
        noteValue(keyOffset, name, *vk);
        raiseField32(keyOffset, N::MaxValueName, utf16Bytes(name.size()));
    }
    raiseField32(keyOffset, N::MaxValueData, static_cast<uint32_t>(data.size()));
    touch(keyOffset);
    return {};
}

Result<void> TreeEditor::deleteValue(uint32_t keyOffset, uint32_t vk) {
    auto k = key(keyOffset);
    if (!k) return std::unexpected(k.error());
    auto values = valueList(*k);
    if (!values) return std::unexpected(values.error());
    values->erase(std::remove(values->begin(), values->end(), vk), values->end());
    if (auto r = writeValueList(keyOffset, *values); !r) return r;
    if (auto r = releaseValue(vk); !r) return r;
    touch(keyOffset);
    return {};
}

Result<void> TreeEditor::renameValue(uint32_t keyOffset, uint32_t vk, const std::u16string& newName) {
    auto old = hive().valueRecord(vk);
    if (!old) return std::unexpected(old.error());
    const StoredName stored = encodeStoredName(newName);
    ValueRecord v = *old;
    v.nameLength = static_cast<uint16_t>(stored.bytes.size());
    v.nameBytes = stored.bytes;
    v.flags = static_cast<uint16_t>((old->flags & ~V::FlagCompressedName) |
                                    (stored.compressed ? V::FlagCompressedName : 0));
    std::vector<uint8_t> record(valueRecordSize(stored.bytes.size()));
    encodeValueRecord(v, record);
    auto moved = store_.replace(WriteRole::Value, vk, record);
    if (!moved) return std::unexpected(moved.error());
    if (*moved != vk)
        if (auto r = replaceInValueList(keyOffset, vk, *moved); !r) return r;
    raiseField32(keyOffset, N::MaxValueName, utf16Bytes(newName.size()));
    touch(keyOffset);
    return {};
}

Result<void> TreeEditor::renameKey(uint32_t parentOffset, uint32_t keyOffset, const std::u16string& newName) {
    auto k = key(keyOffset);
    if (!k) return std::unexpected(k.error());
    auto parent = key(parentOffset);
    if (!parent) return std::unexpected(parent.error());
    Diagnostics problems;
    const std::vector<uint32_t> children = hive().subkeys(*k, &problems);

    const StoredName stored = encodeStoredName(newName);
    KeyNode renamed = *k;
    renamed.flags = static_cast<uint16_t>((k->flags & ~N::FlagCompressedName) |
                                          (stored.compressed ? N::FlagCompressedName : 0));
    renamed.nameLength = static_cast<uint16_t>(stored.bytes.size());
    renamed.nameBytes = stored.bytes;
    renamed.lastWritten = tx_.timestamp();
    std::vector<uint8_t> record(keyNodeSize(stored.bytes.size()));
    encodeKeyNode(renamed, record);

    // Out of the parent's list under the old name, back in under the new.
    auto without = listRemove(parent->subkeyList, keyOffset);
    if (!without) return std::unexpected(without.error());
    auto moved = store_.replace(WriteRole::Key, keyOffset, record);
    if (!moved) return std::unexpected(moved.error());
    if (*moved != keyOffset)
        for (uint32_t child : children) setField32(child, N::Parent, *moved);
    const uint32_t others = parent->subkeyCount - 1;
    auto list = listInsert(others ? *without : kNone, others, *moved, newName);
    if (!list) return std::unexpected(list.error());
    setField32(parentOffset, N::SubkeyList, *list);
    raiseSubkeyNameMax(parentOffset, utf16Bytes(newName.size()));
    touch(parentOffset);
    return {};
}

Result<void> TreeEditor::setClassName(uint32_t parentOffset, uint32_t keyOffset, const std::u16string& className) {
    auto k = key(keyOffset);
    if (!k) return std::unexpected(k.error());
    const bool had = k->classOffset != kNone && k->classLength != 0;
    if (className.empty()) {
        if (had) store_.release(WriteRole::ClassName, k->classOffset);
        setField32(keyOffset, N::Class, kNone);
        setField16(keyOffset, N::ClassLength, 0);
    } else {
        const std::vector<uint8_t> bytes = utf16leBytes(className);
        auto cell = had ? store_.replace(WriteRole::ClassName, k->classOffset, bytes)
                        : store_.create(WriteRole::ClassName, bytes);
        if (!cell) return std::unexpected(cell.error());
        setField32(keyOffset, N::Class, *cell);
        setField16(keyOffset, N::ClassLength, static_cast<uint16_t>(bytes.size()));
        if (parentOffset != kNone) raiseField32(parentOffset, N::MaxClass, static_cast<uint32_t>(bytes.size()));
    }
    touch(keyOffset);
    return {};
}

// ---- subkey lists -----------------------------------------------------------

SubkeyList::Kind TreeEditor::newLeafKind() const {
    const BaseBlock& b = hive().header();
    if (b.usesHashLeaves()) return SubkeyList::Kind::HashLeaf;
    if (b.majorVersion == 1 && b.minorVersion >= 3) return SubkeyList::Kind::FastLeaf;
    return SubkeyList::Kind::IndexLeaf;
}

Result<std::vector<SubkeyListEntry>> TreeEditor::leafEntries(uint32_t leaf, SubkeyList::Kind& kind) const {
    auto l = hive().subkeyList(leaf);
    if (!l) return std::unexpected(l.error());
    if (!l->isLeaf())
        return fail(ErrorCode::Corrupt, "the ri list at " + at(leaf) + " is nested in another ri list", leaf + kHeader);
    kind = l->kind;
    std::vector<SubkeyListEntry> entries(l->count);
    for (size_t i = 0; i < l->count; ++i) entries[i] = {l->offsetAt(i), l->hasHints() ? l->hintAt(i) : 0};
    return entries;
}

Result<size_t> TreeEditor::insertPosition(const std::vector<SubkeyListEntry>& entries, std::u16string_view name) const {
    size_t lo = 0, hi = entries.size();
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        auto k = key(entries[mid].offset);
        if (!k) return std::unexpected(k.error());
        if (compareStoredName(k->nameBytes, k->compressedName(), name) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

Result<uint32_t> TreeEditor::listInsert(uint32_t list, uint32_t count, uint32_t child, std::u16string_view name) {
    if (count == 0 || list == kNone) {
        const SubkeyList::Kind kind = newLeafKind();
        const SubkeyListEntry entry{child, hintFor(kind, name)};
        return store_.create(WriteRole::SubkeyList, encodeSubkeyList(kind, std::span(&entry, 1)));
    }
    auto root = hive().subkeyList(list);
    if (!root) return std::unexpected(root.error());

    // Inserts into one leaf; a full leaf is split in halves. Returns the
    // leaf offsets that replace `leaf` (one or two).
    auto insertIntoLeaf = [&](uint32_t leaf) -> Result<std::vector<uint32_t>> {
        SubkeyList::Kind kind;
        auto entries = leafEntries(leaf, kind);
        if (!entries) return std::unexpected(entries.error());
        auto pos = insertPosition(*entries, name);
        if (!pos) return std::unexpected(pos.error());
        entries->insert(entries->begin() + static_cast<ptrdiff_t>(*pos), SubkeyListEntry{child, hintFor(kind, name)});
        if (entries->size() <= kMaxLeafEntries) {
            auto r = store_.replace(WriteRole::SubkeyList, leaf, encodeSubkeyList(kind, *entries));
            if (!r) return std::unexpected(r.error());
            return std::vector<uint32_t>{*r};
        }
        const size_t half = entries->size() / 2;
        const std::span<const SubkeyListEntry> all(*entries);
        auto left = store_.replace(WriteRole::SubkeyList, leaf, encodeSubkeyList(kind, all.first(half)));
        if (!left) return std::unexpected(left.error());
        auto right = store_.create(WriteRole::SubkeyList, encodeSubkeyList(kind, all.subspan(half)));
        if (!right) return std::unexpected(right.error());
        return std::vector<uint32_t>{*left, *right};
    };

    std::vector<uint32_t> leaves;
    size_t index = 0;
    if (root->isLeaf()) {
        leaves = {list};
    } else {
        for (size_t i = 0; i < root->count; ++i) leaves.push_back(root->offsetAt(i));
        if (leaves.empty()) return fail(ErrorCode::Corrupt, "the ri list at " + at(list) + " is empty", list + kHeader);
        // The first leaf whose last name sorts at or after the new name.
        size_t lo = 0, hi = leaves.size();
        while (lo < hi) {
            const size_t mid = lo + (hi - lo) / 2;
            SubkeyList::Kind kind;
            auto entries = leafEntries(leaves[mid], kind);
            if (!entries) return std::unexpected(entries.error());
            if (entries->empty()) return fail(ErrorCode::Corrupt, "an empty leaf at " + at(leaves[mid]) + " in an ri list");
            auto last = key(entries->back().offset);
            if (!last) return std::unexpected(last.error());
            if (compareStoredName(last->nameBytes, last->compressedName(), name) < 0) lo = mid + 1;
            else hi = mid;
        }
        index = std::min(lo, leaves.size() - 1);
    }
    auto replaced = insertIntoLeaf(leaves[index]);
    if (!replaced) return std::unexpected(replaced.error());
    if (root->isLeaf() && replaced->size() == 1) return replaced->front();
    const bool changed = replaced->size() != 1 || replaced->front() != leaves[index];
    leaves.erase(leaves.begin() + static_cast<ptrdiff_t>(index));
    leaves.insert(leaves.begin() + static_cast<ptrdiff_t>(index), replaced->begin(), replaced->end());
    if (leaves.size() > 0xFFFF) return fail(ErrorCode::Unsupported, "the key has more subkeys than an ri list holds");
    std::vector<SubkeyListEntry> rootEntries;
    for (uint32_t l : leaves) rootEntries.push_back({l, 0});
    const std::vector<uint8_t> bytes = encodeSubkeyList(SubkeyList::Kind::IndexRoot, rootEntries);
    if (root->isLeaf()) return store_.create(WriteRole::SubkeyList, bytes);
    if (!changed) return list;
    return store_.replace(WriteRole::SubkeyList, list, bytes);
}

Result<uint32_t> TreeEditor::listRemove(uint32_t list, uint32_t child) {
    auto root = hive().subkeyList(list);
    if (!root) return std::unexpected(root.error());
    // Removes `child` from one leaf: the leaf's new offset, kNoCell when it
    // emptied (and was released), or nullopt-like kNone+found flag.
    auto removeFromLeaf = [&](uint32_t leaf, bool& found) -> Result<uint32_t> {
        SubkeyList::Kind kind;
        auto entries = leafEntries(leaf, kind);
        if (!entries) return std::unexpected(entries.error());
        auto it = std::find_if(entries->begin(), entries->end(), [&](const auto& e) { return e.offset == child; });
        found = it != entries->end();
        if (!found) return leaf;
        entries->erase(it);
        if (entries->empty()) {
            store_.release(WriteRole::SubkeyList, leaf);
            return kNone;
        }
        return store_.replace(WriteRole::SubkeyList, leaf, encodeSubkeyList(kind, *entries));
    };
    bool found = false;
    if (root->isLeaf()) {
        auto r = removeFromLeaf(list, found);
        if (r && !found) return fail(ErrorCode::Corrupt, "the key at " + at(child) + " is not in its parent's list at " + at(list));
        return r;
    }
    std::vector<uint32_t> leaves;
    for (size_t i = 0; i < root->count; ++i) leaves.push_back(root->offsetAt(i));
    for (size_t i = 0; i < leaves.size(); ++i) {
        auto r = removeFromLeaf(leaves[i], found);
        if (!r) return r;
        if (!found) continue;
        if (*r == leaves[i]) return list;
        if (*r == kNone) leaves.erase(leaves.begin() + static_cast<ptrdiff_t>(i));
        else leaves[i] = *r;
        if (leaves.empty()) {
            store_.release(WriteRole::SubkeyList, list);
            return kNone;
        }
        std::vector<SubkeyListEntry> rootEntries;
        for (uint32_t l : leaves) rootEntries.push_back({l, 0});
        return store_.replace(WriteRole::SubkeyList, list, encodeSubkeyList(SubkeyList::Kind::IndexRoot, rootEntries));
    }
    return fail(ErrorCode::Corrupt, "the key at " + at(child) + " is not in its parent's list at " + at(list));
}

}  // namespace hivekit
