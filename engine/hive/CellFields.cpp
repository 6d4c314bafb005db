#include "hive/CellFields.h"

#include <algorithm>

#include "format/HiveBin.h"
#include "format/Names.h"
#include "format/Offsets.h"
#include "format/SecurityDescriptor.h"
#include "format/ValueData.h"

namespace hivekit {

namespace {

// A meaning is one line for a table cell: long decoded text is cut here.
constexpr size_t kMaxMeaning = 160;

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string plural(uint64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// The first line of `text`, cut to kMaxMeaning bytes (never inside a UTF-8
/// sequence), with "…" when anything was dropped.
std::string oneLine(const std::string& text) {
    size_t end = std::min(text.find('\n'), text.size());
    bool cut = end < text.size();
    if (end > kMaxMeaning) {
        end = kMaxMeaning;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        cut = true;
    }
    return text.substr(0, end) + (cut ? "\u2026" : "");
}

std::string keyName(const KeyNode& k) { return k.nameUtf8(); }
std::string valueName(const ValueRecord& v) { return v.nameLength == 0 ? "(Default)" : v.nameUtf8(); }

/// The meaning of a decoded value's bytes on one line.
std::string valueMeaning(uint32_t type, Bytes data) {
    DecodedValue d = decodeValue(type, data);
    if (d.kind == ValueKind::Bytes) return data.empty() ? "(zero-length)" : hexBytes(data, 24);
    if (d.kind == ValueKind::TextList) {
        std::string joined;
        for (size_t i = 0; i < d.list.size() && joined.size() <= kMaxMeaning; ++i) {
            if (i) joined += " | ";
            joined += d.list[i];
        }
        return oneLine(joined.empty() ? std::string("(empty list)") : joined);
    }
    return oneLine(d.toText());
}

/// Builds one CellDescription: the cell's data, where it lies, and helpers
/// that add fields with bounds checks (a field that does not fit the cell
/// becomes a problem, never a read past it).
class Describer {
public:
    Describer(const Hive& hive, const Cell& cell, CellRole role, CellDescription& out)
        : hive_(hive), data_(cell.data), dataFile_(cell.fileOffset() + 4), out_(out) {
        out_.ref.offset = cell.offset;
        out_.ref.role = role;
        out_.fileOffset = cell.fileOffset();
        out_.size = cell.size;
        out_.allocated = cell.allocated;
        const uint8_t* p = hive.bytes().data() + cell.fileOffset();
        CellField f{"size", cell.fileOffset(), 4, Bytes(p, 4),
                    std::string(cell.allocated ? "allocated" : "free") + ", " + plural(cell.size, "byte", "bytes"),
                    std::nullopt};
        out_.fields.push_back(std::move(f));
    }

    Bytes data() const { return data_; }

    /// Adds the field at `rel` (relative to the cell's data); false, with a
    /// problem recorded, when it does not fit.
    bool add(std::string name, size_t rel, size_t size, std::string meaning,
             std::optional<CellRef> target = std::nullopt) {
        if (rel > data_.size() || size > data_.size() - rel) {
            problem(ErrorCode::Truncated,
                    name + " at " + hexOffset(dataFile_ + rel) + " goes past the end of the cell (" +
                        hexOffset(dataFile_ + data_.size()) + ")",
                    dataFile_ + rel);
            return false;
        }
        out_.fields.push_back(CellField{std::move(name), dataFile_ + rel, static_cast<uint32_t>(size),
                                        data_.subspan(rel, size), std::move(meaning), std::move(target)});
        return true;
    }

    /// A field holding a cell offset: its meaning says what is there, and
    /// it links there unless it is 0xffffffff (none).
    void addLink(std::string name, size_t rel, uint32_t offset, CellRef target) {
        if (offset == layout::kNoCell) {
            add(std::move(name), rel, 4, "none");
            return;
        }
        target.offset = offset;
        // Only a cell that resolves is worth jumping to; the meaning says
        // why the others do not.
        const bool resolves = hive_.cell(offset).has_value();
        add(std::move(name), rel, 4, linkMeaning(target), resolves ? std::optional<CellRef>(target) : std::nullopt);
    }

    /// The bytes after the record up to the end of the cell.
    void addSlack(size_t used, const char* what = "slack") {
        if (used < data_.size())
            add(what, used, data_.size() - used, plural(data_.size() - used, "unused byte", "unused bytes"));
    }

    /// The whole of the cell's data as one field (for cells that cannot be
    /// decoded, or have no structure).
    void addRaw(const char* name, std::string meaning) { add(name, 0, data_.size(), std::move(meaning)); }

    void problem(ErrorCode code, std::string message, uint64_t offset) {
        out_.problems.push_back(Error{code, std::move(message), offset});
    }
    void problem(const Error& e) { out_.problems.push_back(e); }

    /// "lh list, 8 entries, at file 0xeb70", or why the offset is not usable.
    std::string linkMeaning(const CellRef& ref) const {
        auto c = hive_.cell(ref.offset);
        if (!c) return "invalid: " + c.error().message;
        std::string what;
        switch (ref.role) {
        case CellRole::ValueList: what = "value list, " + plural(ref.count, "entry", "entries"); break;
        case CellRole::ClassName: {
            Bytes b = c->data.first(std::min<size_t>(ref.length, c->data.size()));
            what = "class name " + quoted(oneLine(utf16leToUtf8(b)));
            break;
        }
        case CellRole::ValueData: what = "value data, " + plural(ref.length, "byte", "bytes"); break;
        case CellRole::SegmentList: what = "segment list, " + plural(ref.count, "entry", "entries"); break;
        case CellRole::Segment: what = "big data segment"; break;
        default: what = cellLabel(hive_, *c); break;
        }
        if (!c->allocated && ref.role != CellRole::Free) what += " (a free cell)";
        return what + ", at file " + hexOffset(c->fileOffset());
    }

    const Hive& hive() const { return hive_; }
    CellDescription& out() { return out_; }

private:
    const Hive& hive_;
    Bytes data_;
    uint64_t dataFile_;
    CellDescription& out_;
};

std::string accessBitsMeaning(uint32_t bits) {
    if (bits == 0) return "0 (not accessed, or written before Windows 8)";
    std::string s;
    if (bits & 1) s = "accessed before the registry was initialized at boot";
    if (bits & 2) s += std::string(s.empty() ? "" : "; ") + "accessed after the registry was initialized";
    if (bits & ~3u) s += std::string(s.empty() ? "" : "; ") + "other bits " + hexOffset(bits & ~3u);
    return s;
}

void describeKeyNode(Describer& d) {
    namespace L = layout::nk;
    const CellDescription& o = d.out();
    auto k = decodeKeyNode(d.data(), o.ref.offset, o.fileOffset + 4);
    if (!k) {
        d.problem(k.error());
        d.out().title = "nk (unreadable)";
        d.addRaw("data", "cannot be decoded as a key node");
        return;
    }
    d.out().title = "nk " + quoted(keyName(*k));
    d.add("signature", 0, 2, "nk");
    d.add("flags", L::Flags, 2, k->flags ? k->flagNames() : "none");
    d.add("last written", L::LastWritten, 8, formatFiletime(k->lastWritten));
    d.add("access bits", L::AccessBits, 4, accessBitsMeaning(k->accessBits));
    if (k->isRoot())
        // Windows leaves whatever it had in memory here; it is no cell.
        d.add("parent", L::Parent, 4, "unused: the root key has no parent (" + hexOffset(k->parent) + ")");
    else
        d.addLink("parent", L::Parent, k->parent, CellRef{0, CellRole::KeyNode});
    d.add("subkey count", L::SubkeyCount, 4, std::to_string(k->subkeyCount));
    d.add("volatile subkey count", L::VolatileSubkeyCount, 4,
          std::to_string(k->volatileSubkeyCount) + " (volatile keys live in memory only)");
    if (k->subkeyCount == 0 && k->subkeyList == layout::kNoCell)
        d.add("subkey list", L::SubkeyList, 4, "none");
    else
        d.addLink("subkey list", L::SubkeyList, k->subkeyList, CellRef{0, CellRole::SubkeyList});
    d.add("volatile subkey list", L::VolatileSubkeyList, 4,
          k->volatileSubkeyList == layout::kNoCell ? "none" : hexOffset(k->volatileSubkeyList) + " (memory only, stale)");
    d.add("value count", L::ValueCount, 4, std::to_string(k->valueCount));
    if (k->valueCount == 0)
        d.add("value list", L::ValueList, 4, k->valueList == layout::kNoCell ? "none" : "unused (no values)");
    else
        d.addLink("value list", L::ValueList, k->valueList, CellRef{0, CellRole::ValueList, k->valueCount});
    d.addLink("security", L::Security, k->security, CellRef{0, CellRole::Security});
    if (k->classLength == 0)
        d.add("class", L::Class, 4, k->classOffset == layout::kNoCell ? "none" : "unused (class length 0)");
    else
        d.addLink("class", L::Class, k->classOffset, CellRef{0, CellRole::ClassName, 0, k->classLength});
    std::string maxName = plural(k->maxSubkeyNameLength(), "byte", "bytes");
    if (k->virtualizationFlags()) maxName += ", virtualization flags " + hexOffset(k->virtualizationFlags());
    if (k->userFlags()) maxName += ", user flags " + hexOffset(k->userFlags());
    if (k->debugFlags()) maxName += ", debug flags " + hexOffset(k->debugFlags());
    d.add("largest subkey name", L::MaxSubkeyName, 4, maxName);
    d.add("largest class name", L::MaxClass, 4, plural(k->maxClassLength, "byte", "bytes"));
    d.add("largest value name", L::MaxValueName, 4, plural(k->maxValueNameLength, "byte", "bytes"));
    d.add("largest value data", L::MaxValueData, 4, plural(k->maxValueDataLength, "byte", "bytes"));
    d.add("work var", L::WorkVar, 4, hexOffset(k->workVar));
    d.add("name length", L::NameLength, 2,
          plural(k->nameLength, "byte", "bytes") + (k->compressedName() ? ", Latin-1" : ", UTF-16LE"));
    d.add("class length", L::ClassLength, 2, plural(k->classLength, "byte", "bytes"));
    if (k->nameLength) d.add("name", L::Name, k->nameLength, keyName(*k));
    d.addSlack(L::Name + size_t{k->nameLength});
}

void describeValue(Describer& d) {
    namespace L = layout::vk;
    const CellDescription& o = d.out();
    auto v = decodeValueRecord(d.data(), o.ref.offset, o.fileOffset + 4);
    if (!v) {
        d.problem(v.error());
        d.out().title = "vk (unreadable)";
        d.addRaw("data", "cannot be decoded as a value record");
        return;
    }
    d.out().title = "vk " + quoted(valueName(*v)) + " (" + valueTypeLabel(v->type) + ")";
    d.add("signature", 0, 2, "vk");
    d.add("name length", L::NameLength, 2,
          v->nameLength == 0 ? std::string("0 (the default value)")
                             : plural(v->nameLength, "byte", "bytes") + (v->compressedName() ? ", Latin-1" : ", UTF-16LE"));
    const uint32_t size = v->dataSize();
    if (v->dataInline()) {
        d.add("data size", L::DataSize, 4, plural(size, "byte", "bytes") + ", stored in the data offset field");
        std::string meaning;
        if (size > 4)
            meaning = "invalid: inline data of " + std::to_string(size) + " bytes (at most 4 fit)";
        else
            meaning = valueMeaning(v->type, Bytes(v->inlineBytes, size));
        d.add("data (inline)", L::DataOffset, 4, meaning);
    } else {
        d.add("data size", L::DataSize, 4, plural(size, "byte", "bytes"));
        if (size == 0) {
            d.add("data offset", L::DataOffset, 4, v->dataOffset == layout::kNoCell ? "none" : "unused (no data)");
        } else {
            // One cell when the data fits it; otherwise a db record (from
            // version 1.4), read the way Hive::valueData reads it.
            CellRef target{0, CellRole::ValueData, 0, size, v->type};
            auto c = d.hive().cell(v->dataOffset);
            if (c && size > c->data.size() && looksLikeBigData(c->data)) target.role = CellRole::BigData;
            d.addLink("data offset", L::DataOffset, v->dataOffset, target);
        }
    }
    d.add("type", L::Type, 4, valueTypeLabel(v->type));
    std::string flags;
    if (v->flags & L::FlagCompressedName) flags = "COMP_NAME";
    if (v->flags & L::FlagTombstone) flags += std::string(flags.empty() ? "" : "|") + "TOMBSTONE";
    if (uint16_t rest = v->flags & ~(L::FlagCompressedName | L::FlagTombstone))
        flags += std::string(flags.empty() ? "" : "|") + hexOffset(rest);
    d.add("flags", L::Flags, 2, flags.empty() ? "none" : flags);
    d.add("spare", L::Spare, 2, hexOffset(v->spare));
    if (v->nameLength) d.add("name", L::Name, v->nameLength, valueName(*v));
    d.addSlack(L::Name + size_t{v->nameLength});
}

void describeSecurity(Describer& d) {
    namespace L = layout::sk;
    const CellDescription& o = d.out();
    auto s = decodeSecurityCell(d.data(), o.ref.offset, o.fileOffset + 4);
    if (!s) {
        d.problem(s.error());
        d.out().title = "sk (unreadable)";
        d.addRaw("data", "cannot be decoded as a security cell");
        return;
    }
    d.out().title = "sk, " + plural(s->referenceCount, "reference", "references");
    d.add("signature", 0, 2, "sk");
    d.add("reserved", 2, 2, hexOffset(loadU16(d.data().data() + 2)));
    d.addLink("next sk (flink)", L::Flink, s->flink, CellRef{0, CellRole::Security});
    d.addLink("previous sk (blink)", L::Blink, s->blink, CellRef{0, CellRole::Security});
    d.add("reference count", L::ReferenceCount, 4, std::to_string(s->referenceCount));
    d.add("descriptor size", L::DescriptorSize, 4, plural(s->descriptorSize, "byte", "bytes"));
    auto sd = decodeSecurityDescriptor(s->descriptor, s->descriptorFileOffset().value);
    if (!sd) {
        d.add("descriptor", L::Descriptor, s->descriptorSize, "invalid: " + sd.error().message);
    } else {
        d.add("descriptor", L::Descriptor, s->descriptorSize, sd->toSddl());
        d.add("descriptor control", L::Descriptor + 2, 2, controlFlagNames(sd->control));
        auto sid = [&](const char* name, uint32_t at, const std::optional<Sid>& value) {
            if (value && at < s->descriptorSize) d.add(name, L::Descriptor + at, value->encodedSize(), value->display());
        };
        sid("owner SID", sd->ownerOffset, sd->owner);
        sid("group SID", sd->groupOffset, sd->group);
        for (const Error& w : sd->warnings) d.problem(w);
    }
    d.addSlack(L::Descriptor + size_t{s->descriptorSize});
}

void describeSubkeyList(Describer& d) {
    const CellDescription& o = d.out();
    auto l = decodeSubkeyList(d.data(), o.fileOffset + 4);
    if (!l) {
        d.problem(l.error());
        d.out().title = "subkey list (unreadable)";
        d.addRaw("data", "cannot be decoded as a subkey list");
        return;
    }
    static constexpr const char* kLong[] = {"li (index leaf)", "lf (fast leaf)", "lh (hash leaf)", "ri (index root)"};
    d.out().title = std::string(l->signatureName()) + " list, " + plural(l->count, "entry", "entries");
    d.add("signature", 0, 2, kLong[static_cast<int>(l->kind)]);
    d.add("count", layout::list::Count, 2, std::to_string(l->count));
    const CellRole entryRole = l->isLeaf() ? CellRole::KeyNode : CellRole::SubkeyList;
    for (size_t i = 0; i < l->count; ++i) {
        const size_t at = layout::list::Entries + i * l->entrySize();
        const uint32_t target = l->offsetAt(i);
        d.addLink("entry " + std::to_string(i), at, target, CellRef{0, entryRole});
        if (!l->hasHints()) continue;
        const uint32_t hint = l->hintAt(i);
        auto k = d.hive().keyNode(target);
        std::string meaning;
        if (l->kind == SubkeyList::Kind::FastLeaf) {
            Bytes chars(d.data().data() + at + 4, 4);
            meaning = quoted(latin1ToUtf8(chars.first(static_cast<size_t>(
                std::find(chars.begin(), chars.end(), uint8_t{0}) - chars.begin()))));
            if (k) meaning += fastLeafHint(k->name()) == hint ? " (matches the name)" : " (does not match the name)";
        } else {
            meaning = hexOffset(hint);
            if (k) {
                const uint32_t want = lhHashStored(k->nameBytes, k->compressedName());
                meaning += want == hint ? " (matches the name)" : " (the name hashes to " + hexOffset(want) + ")";
            }
        }
        d.add(l->kind == SubkeyList::Kind::FastLeaf ? "hint " + std::to_string(i) : "hash " + std::to_string(i), at + 4,
              4, meaning);
    }
    d.addSlack(layout::list::Entries + size_t{l->count} * l->entrySize());
}

/// An array of cell offsets in a data cell (value list, db segment list);
/// `meaningOf(i, offset)` names entry i's target.
template <class TargetOf>
void describeOffsetArray(Describer& d, uint32_t count, const char* entryName, TargetOf targetOf) {
    size_t n = count;
    if (n > d.data().size() / 4) {
        d.problem(ErrorCode::Corrupt,
                  std::to_string(count) + " entries do not fit the cell at " + hexOffset(d.out().fileOffset) + " (room for " +
                      std::to_string(d.data().size() / 4) + ")",
                  d.out().fileOffset);
        n = d.data().size() / 4;
    }
    for (size_t i = 0; i < n; ++i) {
        const uint32_t offset = loadU32(d.data().data() + 4 * i);
        d.addLink(std::string(entryName) + " " + std::to_string(i), 4 * i, offset, targetOf(i, offset));
    }
    d.addSlack(4 * n);
}

void describeValueList(Describer& d) {
    const uint32_t count = d.out().ref.count;
    d.out().title = "value list, " + plural(count, "entry", "entries");
    describeOffsetArray(d, count, "entry", [](size_t, uint32_t) { return CellRef{0, CellRole::Value}; });
}

void describeClassName(Describer& d) {
    const uint32_t length = d.out().ref.length;
    const size_t take = std::min<size_t>(length, d.data().size());
    if (take < length)
        d.problem(ErrorCode::Corrupt,
                  "class name of " + std::to_string(length) + " bytes does not fit its cell (" +
                      std::to_string(d.data().size()) + " bytes)",
                  d.out().fileOffset);
    std::string name = utf16leToUtf8(d.data().first(take));
    d.out().title = "class name " + quoted(oneLine(name));
    d.add("class name", 0, take, oneLine(name));
    d.addSlack(take);
}

void describeValueData(Describer& d) {
    const CellRef& ref = d.out().ref;
    const size_t take = std::min<size_t>(ref.length, d.data().size());
    if (take < ref.length)
        d.problem(ErrorCode::Corrupt,
                  "value data of " + std::to_string(ref.length) + " bytes does not fit its cell (" +
                      std::to_string(d.data().size()) + " bytes)",
                  d.out().fileOffset);
    d.out().title = "value data, " + plural(ref.length, "byte", "bytes") + " (" + valueTypeLabel(ref.valueType) + ")";
    d.add("data", 0, take, valueMeaning(ref.valueType, d.data().first(take)));
    d.addSlack(take);
}

void describeBigData(Describer& d) {
    const CellDescription& o = d.out();
    auto b = decodeBigData(d.data(), o.fileOffset + 4);
    if (!b) {
        d.problem(b.error());
        d.out().title = "db (unreadable)";
        d.addRaw("data", "cannot be decoded as a big data record");
        return;
    }
    const CellRef ref = o.ref;
    d.out().title = "db, " + plural(b->segmentCount, "segment", "segments");
    d.add("signature", 0, 2, "db");
    d.add("segment count", layout::db::SegmentCount, 2, std::to_string(b->segmentCount));
    d.addLink("segment list", layout::db::SegmentList, b->segmentList,
              CellRef{0, CellRole::SegmentList, b->segmentCount, ref.length, ref.valueType});
    d.addSlack(layout::db::SegmentList + 4);
}

void describeSegmentList(Describer& d) {
    const CellRef ref = d.out().ref;
    d.out().title = "segment list, " + plural(ref.count, "entry", "entries");
    // Each segment holds its cell's data less 4 bytes of padding (as
    // Hive::valueData reads it), until the value's size is reached.
    uint64_t remaining = ref.length;
    describeOffsetArray(d, ref.count, "segment", [&](size_t, uint32_t offset) {
        CellRef seg{0, CellRole::Segment, 0, 0, ref.valueType};
        if (auto c = d.hive().cell(offset)) {
            const uint64_t room = c->data.size() >= 4 ? c->data.size() - 4 : 0;
            seg.length = static_cast<uint32_t>(std::min(room, remaining));
            remaining -= seg.length;
        }
        return seg;
    });
}

void describeSegment(Describer& d) {
    const CellRef& ref = d.out().ref;
    const size_t take = std::min<size_t>(ref.length, d.data().size());
    d.out().title = "big data segment, " + plural(take, "byte", "bytes") + " of value data";
    d.add("data", 0, take, hexBytes(d.data().first(take), 16));
    // Windows pads each segment's cell by 4 bytes; the last one has room to spare.
    d.addSlack(take, d.data().size() - take == 4 ? "padding" : "slack");
}

CellRole roleOfKind(CellKind kind) {
    switch (kind) {
    case CellKind::KeyNode: return CellRole::KeyNode;
    case CellKind::Value: return CellRole::Value;
    case CellKind::Security: return CellRole::Security;
    case CellKind::IndexLeaf:
    case CellKind::FastLeaf:
    case CellKind::HashLeaf:
    case CellKind::IndexRoot: return CellRole::SubkeyList;
    case CellKind::BigData: return CellRole::BigData;
    case CellKind::Data: return CellRole::Data;
    case CellKind::Free: return CellRole::Free;
    }
    return CellRole::Data;
}

}  // namespace

const char* cellRoleName(CellRole role) {
    switch (role) {
    case CellRole::Auto: return "cell";
    case CellRole::KeyNode: return "key node";
    case CellRole::Value: return "value";
    case CellRole::Security: return "security";
    case CellRole::SubkeyList: return "subkey list";
    case CellRole::ValueList: return "value list";
    case CellRole::ClassName: return "class name";
    case CellRole::ValueData: return "value data";
    case CellRole::BigData: return "big data";
    case CellRole::SegmentList: return "segment list";
    case CellRole::Segment: return "big data segment";
    case CellRole::Data: return "data";
    case CellRole::Free: return "free";
    case CellRole::BinHeader: return "hbin header";
    case CellRole::BaseBlock: return "base block";
    }
    return "?";
}

const CellField* CellDescription::field(std::string_view name) const {
    for (const CellField& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

std::string cellLabel(const Hive& hive, const Cell& cell) {
    (void)hive;
    if (!cell.allocated) return "free cell";
    const uint64_t at = cell.fileOffset() + 4;
    switch (classifyCell(cell)) {
    case CellKind::KeyNode:
        if (auto k = decodeKeyNode(cell.data, cell.offset, at)) return "nk " + quoted(oneLine(keyName(*k)));
        return "nk (unreadable)";
    case CellKind::Value:
        if (auto v = decodeValueRecord(cell.data, cell.offset, at))
            return "vk " + quoted(oneLine(valueName(*v))) + " (" + valueTypeLabel(v->type) + ")";
        return "vk (unreadable)";
    case CellKind::Security:
        if (auto s = decodeSecurityCell(cell.data, cell.offset, at))
            return "sk, " + plural(s->referenceCount, "reference", "references");
        return "sk (unreadable)";
    case CellKind::IndexLeaf:
    case CellKind::FastLeaf:
    case CellKind::HashLeaf:
    case CellKind::IndexRoot:
        if (auto l = decodeSubkeyList(cell.data, at))
            return std::string(l->signatureName()) + " list, " + plural(l->count, "entry", "entries");
        return "subkey list (unreadable)";
    case CellKind::BigData:
        if (auto b = decodeBigData(cell.data, at)) return "db, " + plural(b->segmentCount, "segment", "segments");
        return "db (unreadable)";
    case CellKind::Data: return "data cell";
    case CellKind::Free: return "free cell";
    }
    return "cell";
}

Result<CellDescription> describeCell(const Hive& hive, const CellRef& ref) {
    auto c = hive.cell(ref.offset);
    if (!c) return std::unexpected(c.error());
    CellRole role = ref.role;
    if (role == CellRole::Auto) role = roleOfKind(classifyCell(*c));
    CellDescription out;
    out.ref = ref;
    Describer d(hive, *c, role, out);
    switch (role) {
    case CellRole::KeyNode: describeKeyNode(d); break;
    case CellRole::Value: describeValue(d); break;
    case CellRole::Security: describeSecurity(d); break;
    case CellRole::SubkeyList: describeSubkeyList(d); break;
    case CellRole::ValueList: describeValueList(d); break;
    case CellRole::ClassName: describeClassName(d); break;
    case CellRole::ValueData: describeValueData(d); break;
    case CellRole::BigData: describeBigData(d); break;
    case CellRole::SegmentList: describeSegmentList(d); break;
    case CellRole::Segment: describeSegment(d); break;
    case CellRole::Free:
        out.title = "free cell";
        d.addRaw("contents", plural(c->data.size(), "byte", "bytes") + " of free space");
        break;
    default:
        out.title = "data cell, " + plural(c->size, "byte", "bytes");
        d.addRaw("data", hexBytes(c->data, 16));
        break;
    }
    return out;
}

CellDescription describeBaseBlock(const Hive& hive) {
    namespace L = layout::base;
    const BaseBlock& b = hive.header();
    CellDescription out;
    out.ref = CellRef{layout::kNoCell, CellRole::BaseBlock};
    out.fileOffset = 0;
    out.size = layout::kBaseBlockSize;
    out.title = "base block (regf)";
    Bytes all = hive.bytes();
    auto add = [&](std::string name, uint32_t at, uint32_t size, std::string meaning,
                   std::optional<CellRef> target = std::nullopt) {
        out.fields.push_back(CellField{std::move(name), at, size, all.subspan(at, size), std::move(meaning), target});
    };
    auto guid = [&](const char* name, uint32_t at, const std::array<uint8_t, 16>& g) { add(name, at, 16, formatGuid(g)); };
    add("signature", L::Signature, 4, b.hasSignature() ? "regf" : "invalid");
    add("primary sequence", L::PrimarySequence, 4, std::to_string(b.primarySequence));
    add("secondary sequence", L::SecondarySequence, 4,
        std::to_string(b.secondarySequence) + (b.sequencesMatch() ? " (matches: clean)" : " (differs: dirty)"));
    add("last written", L::LastWritten, 8, formatFiletime(b.lastWritten));
    add("major version", L::MajorVersion, 4, std::to_string(b.majorVersion));
    add("minor version", L::MinorVersion, 4, std::to_string(b.minorVersion) + " (format " + b.versionString() + ")");
    add("file type", L::FileType, 4, b.fileTypeName());
    add("file format", L::FileFormat, 4, b.fileFormat == 1 ? "1 (direct memory load)" : std::to_string(b.fileFormat));
    {
        CellRef root{b.rootCellOffset, CellRole::KeyNode};
        std::string meaning = hexOffset(b.rootCellOffset);
        if (auto c = hive.cell(b.rootCellOffset))
            meaning = cellLabel(hive, *c) + ", at file " + hexOffset(c->fileOffset());
        add("root cell", L::RootCellOffset, 4, meaning, root);
    }
    add("hive bins data size", L::HiveBinsDataSize, 4, plural(b.hiveBinsDataSize, "byte", "bytes"));
    add("clustering factor", L::ClusteringFactor, 4, std::to_string(b.clusteringFactor));
    add("file name", L::FileName, L::FileNameSize, utf16ToUtf8(b.fileName));
    guid("RmId", L::RmId, b.rmId);
    guid("LogId", L::LogId, b.logId);
    {
        std::string flags = b.flags == 0 ? "none" : hexOffset(b.flags);
        if (b.flags & 1) flags += ", locked by KTM (transactions pending)";
        if (b.flags & 2) flags += ", defragmented";
        add("flags", L::Flags, 4, flags);
    }
    guid("TmId", L::TmId, b.tmId);
    add("GUID signature", L::GuidSignature, 4, b.guidSignature == 0x6D746D72 ? "rmtm" : hexOffset(b.guidSignature));
    if (b.offlineRegistry) {
        add("offline registry signature", L::OfflineSignature, 4, "OfRg (written by offreg.dll)");
        add("offline registry flags", L::OfflineFlags, 4, hexOffset(b.offlineFlags));
    } else {
        add("last reorganized", L::LastReorganized, 8,
            b.lastReorganized ? formatFiletime(b.lastReorganized) : std::string("never"));
    }
    add("checksum", L::Checksum, 4,
        hexOffset(b.checksum) + (b.checksumValid() ? " (valid)" : " (computed " + hexOffset(b.computedChecksum) + ")"));
    add("boot type", L::BootType, 4, std::to_string(b.bootType));
    add("boot recover", L::BootRecover, 4, std::to_string(b.bootRecover));
    return out;
}

Result<CellDescription> describeBin(const Hive& hive, uint32_t binOffset) {
    namespace L = layout::hbin;
    const HiveBinInfo* bin = hive.binAt(binOffset);
    const uint64_t at = fileOffsetOf(binOffset).value;
    if (!bin || bin->offset != binOffset)
        return fail(ErrorCode::NotFound, "no hbin starts at " + hexOffset(at), at);
    CellDescription out;
    out.ref = CellRef{binOffset, CellRole::BinHeader};
    out.fileOffset = at;
    out.size = layout::kHbinHeaderSize;
    out.title = std::string("hbin header, ") + plural(bin->size, "byte", "bytes") + (bin->valid ? "" : " (damaged)");
    Bytes header = hive.bytes().subspan(at, layout::kHbinHeaderSize);
    auto add = [&](std::string name, uint32_t rel, uint32_t size, std::string meaning) {
        out.fields.push_back(CellField{std::move(name), at + rel, size, header.subspan(rel, size), std::move(meaning), {}});
    };
    ByteReader r(header, at, "hbin header");
    const uint32_t signature = r.u32(L::Signature);
    const uint32_t self = r.u32(L::Offset);
    const uint32_t size = r.u32(L::Size);
    const uint64_t timestamp = r.u64(L::Timestamp);
    const uint32_t spare = r.u32(L::Spare);
    add("signature", L::Signature, 4, signature == layout::kHbinSignature ? "hbin" : "invalid");
    add("offset", L::Offset, 4,
        hexOffset(self) + (self == binOffset ? " (matches its position)" : " (expected " + hexOffset(binOffset) + ")"));
    add("size", L::Size, 4, plural(size, "byte", "bytes"));
    add("reserved", 0x0C, 8, hexBytes(header.subspan(0x0C, 8)));
    add("timestamp", L::Timestamp, 8, timestamp ? formatFiletime(timestamp) : std::string("0"));
    add("spare", L::Spare, 4, hexOffset(spare));
    if (!bin->valid)
        out.problems.push_back(Error{ErrorCode::Corrupt, "the hbin at " + hexOffset(at) + " is damaged", at});
    return out;
}

Result<Cell> cellContaining(const Hive& hive, uint32_t offset) {
    const uint64_t fileOffset = fileOffsetOf(offset).value;
    const HiveBinInfo* bin = hive.binAt(offset);
    if (!bin)
        return fail(ErrorCode::OutOfBounds, "file offset " + hexOffset(fileOffset) + " lies outside the hive bins",
                    fileOffset);
    if (!bin->valid)
        return fail(ErrorCode::Corrupt, "file offset " + hexOffset(fileOffset) + " lies in the damaged hbin at " +
                                            hexOffset(bin->fileOffset()),
                    fileOffset);
    if (offset - bin->offset < layout::kHbinHeaderSize)
        return fail(ErrorCode::NotFound, "file offset " + hexOffset(fileOffset) + " lies in an hbin header", fileOffset);
    uint32_t at = bin->offset + layout::kHbinHeaderSize;
    const uint32_t end = bin->offset + bin->size;
    for (;;) {
        auto c = hive.cell(at);
        if (!c)
            return fail(ErrorCode::Corrupt,
                        "file offset " + hexOffset(fileOffset) + " cannot be reached: " + c.error().message,
                        c.error().offset);
        if (offset - at < c->size) return c;
        at += c->size;
        if (at >= end) break;  // cannot happen: cell() keeps cells inside the bin
    }
    return fail(ErrorCode::NotFound, "no cell contains file offset " + hexOffset(fileOffset), fileOffset);
}

namespace {

uint64_t roundUpToCell(uint64_t n) {
    return (n + layout::kCellAlignment - 1) / layout::kCellAlignment * layout::kCellAlignment;
}

// How far past the offset asked about the scan of a place goes, to learn
// where the next record begins (a record's old cell ends there at the latest).
constexpr uint32_t kLookAhead = 4096;

/// A record scanDeletedRecordsIn found.
struct FoundRecord {
    uint32_t at = 0;  // relative, of its (old) size field
    CellRole role = CellRole::KeyNode;
    uint64_t bytes = 0;  // size field and record, name included
    FoundIn where = FoundIn::FreeCell;
};

/// The deleted record of the place [start, end) (of kind `where`, its
/// cell or header at file `placeFile`) that covers relative offset `rel`,
/// described; nullopt when none does.
std::optional<CellDescription> deletedRecordAt(const Hive& hive, uint32_t start, uint32_t end, FoundIn where,
                                               uint32_t rel, uint64_t placeFile) {
    const uint32_t stop = rel > 0xFFFFFFFFu - kLookAhead ? 0xFFFFFFFFu : rel + kLookAhead;
    const DeletedScan found = scanDeletedRecordsIn(hive, start, end, where, stop);
    std::vector<FoundRecord> records;
    for (const DeletedKey& k : found.keys)
        records.push_back({k.cellOffset, CellRole::KeyNode, 4 + keyNodeSize(k.node.nameLength), k.foundIn});
    for (const DeletedValue& v : found.values)
        records.push_back({v.cellOffset, CellRole::Value, 4 + valueRecordSize(v.record.nameLength), v.foundIn});
    std::sort(records.begin(), records.end(), [](const FoundRecord& a, const FoundRecord& b) { return a.at < b.at; });
    auto next = std::upper_bound(records.begin(), records.end(), rel,
                                 [](uint32_t x, const FoundRecord& r) { return x < r.at; });
    if (next == records.begin()) return std::nullopt;
    const FoundRecord record = *std::prev(next);

    // How far the record's cell reached: its old size field says, except at
    // the start of a free cell, whose size field is the free cell's own (it
    // may have merged with free neighbours): there the record's own bytes.
    Bytes all = hive.bytes();
    const uint64_t sizeAt = kHiveBinsStart + record.at;
    ByteReader r(all, 0, "cell size");
    const int32_t rawSize = r.i32(sizeAt, "the cell size");
    if (!r.ok()) return std::nullopt;
    const uint64_t oldSize = static_cast<uint64_t>(rawSize < 0 ? -int64_t{rawSize} : int64_t{rawSize});
    uint64_t extent = record.where == FoundIn::FreeCell ? roundUpToCell(record.bytes) : oldSize;
    uint64_t limit = std::min<uint64_t>(end, all.size() - kHiveBinsStart) - record.at;
    if (next != records.end()) limit = std::min<uint64_t>(limit, next->at - record.at);
    extent = std::max(std::min(extent, limit), std::min(record.bytes, limit));
    if (extent < 8 || rel - record.at >= extent) return std::nullopt;

    Cell cell;
    cell.offset = record.at;
    cell.size = static_cast<uint32_t>(extent);
    cell.allocated = where == FoundIn::UnreferencedCell || where == FoundIn::CellSlack;
    cell.data = all.subspan(sizeAt + 4, extent - 4);
    CellDescription out;
    out.ref = CellRef{record.at, record.role};
    Describer d(hive, cell, record.role, out);
    if (record.role == CellRole::KeyNode) describeKeyNode(d);
    else describeValue(d);
    out.deletedIn = record.where;
    out.title = "deleted " + out.title;

    const std::string what = record.role == CellRole::KeyNode ? "key node" : "value record";
    const std::string sizeText = std::string(rawSize < 0 ? "allocated" : "free") + ", " + plural(oldSize, "byte", "bytes");
    std::string sizeMeaning;
    // "inside a free cell" names its own preposition.
    out.note = "deleted " + what + ", found " + (record.where == FoundIn::InsideFreeCell ? "" : "in ") +
               foundInDescription(record.where);
    switch (record.where) {
    case FoundIn::FreeCell:
        sizeMeaning = sizeText + ": the free cell's own size (the record's cell was freed, free neighbours may have "
                                 "merged into it)";
        break;
    case FoundIn::InsideFreeCell:
        sizeMeaning = sizeText + ": the record's old cell size, no longer a cell header (absorbed by the free cell at " +
                      hexOffset(placeFile) + ")";
        out.note += "; its header is the free cell's at " + hexOffset(placeFile);
        break;
    case FoundIn::UnreferencedCell:
        sizeMeaning = record.at == start ? sizeText + ": the size of an allocated cell nothing references"
                                         : sizeText + ": an old cell size inside the unreferenced cell at " +
                                               hexOffset(placeFile) + ", no cell header";
        break;
    case FoundIn::CellSlack:
        sizeMeaning = sizeText + ": an old cell size in the slack of the cell at " + hexOffset(placeFile) +
                      ", no cell header";
        out.note += " at " + hexOffset(placeFile);
        break;
    case FoundIn::PastLastBin:
        sizeMeaning = sizeText + ": an old cell size past the last hbin, no cell header";
        break;
    }
    if (!out.fields.empty() && out.fields.front().name == "size") out.fields.front().meaning = sizeMeaning;
    return out;
}

}  // namespace

Result<CellDescription> describeAt(const Hive& hive, uint64_t fileOffset, const DeletedScan* known) {
    const FileOffset where{fileOffset};
    if (where.inBaseBlock()) return describeBaseBlock(hive);
    if (where.sinceHiveBinsStart() >= hive.binsEnd()) {
        // The bytes past the last hbin, scanned as scanDeleted scans them.
        const uint64_t fileEnd = std::min<uint64_t>(hive.bytes().size(), kHiveBinsStart + uint64_t{0xFFFFFFF0u});
        if (fileOffset < fileEnd)
            if (auto d = deletedRecordAt(hive, hive.binsEnd(), static_cast<uint32_t>(fileEnd - kHiveBinsStart),
                                         FoundIn::PastLastBin, static_cast<uint32_t>(where.sinceHiveBinsStart()),
                                         fileOffsetOf(hive.binsEnd()).value))
                return std::move(*d);
        return fail(ErrorCode::OutOfBounds,
                    "file offset " + hexOffset(fileOffset) + " lies past the hive bins (which end at " +
                        hexOffset(fileOffsetOf(hive.binsEnd())) + ")",
                    fileOffset);
    }
    const uint32_t offset = static_cast<uint32_t>(where.sinceHiveBinsStart());
    if (const HiveBinInfo* bin = hive.binAt(offset); bin && offset - bin->offset < layout::kHbinHeaderSize)
        return describeBin(hive, bin->offset);
    auto c = cellContaining(hive, offset);
    if (!c) return std::unexpected(c.error());
    const uint32_t cellEnd = c->offset + c->size;
    if (!c->allocated) {
        if (auto d = deletedRecordAt(hive, c->offset, cellEnd, FoundIn::FreeCell, offset, c->fileOffset()))
            return std::move(*d);
    } else if (known) {
        // The scan's checker knew this cell for unreferenced, or where its
        // owner's use of it ends, when it found a record in it. A slack is
        // scanned from the first record found in it: from there on, the
        // scan finds what scanDeleted found.
        uint32_t slackStart = layout::kNoCell;
        bool unreferenced = false;
        auto look = [&](const auto& records) {
            auto it = std::lower_bound(records.begin(), records.end(), c->offset,
                                       [](const auto& rec, uint32_t x) { return rec.cellOffset < x; });
            for (; it != records.end() && it->cellOffset < cellEnd; ++it) {
                if (it->foundIn == FoundIn::UnreferencedCell) unreferenced = true;
                if (it->foundIn == FoundIn::CellSlack) slackStart = std::min(slackStart, it->cellOffset);
            }
        };
        look(known->keys);
        look(known->values);
        if (unreferenced) {
            if (auto d = deletedRecordAt(hive, c->offset, cellEnd, FoundIn::UnreferencedCell, offset, c->fileOffset()))
                return std::move(*d);
        } else if (slackStart != layout::kNoCell && offset >= slackStart) {
            if (auto d = deletedRecordAt(hive, slackStart, cellEnd, FoundIn::CellSlack, offset, c->fileOffset()))
                return std::move(*d);
        }
    }
    auto d = describeCell(hive, CellRef{c->offset, CellRole::Auto});
    if (!d || !c->allocated) return d;
    // The slack of a record's cell, where scanDeleted looks too (from the
    // first 8-byte boundary past what the record uses).
    const CellRole role = d->ref.role;
    if (role != CellRole::KeyNode && role != CellRole::Value && role != CellRole::SubkeyList &&
        role != CellRole::BigData)
        return d;
    const CellField* slack = d->field("slack");
    if (!slack || fileOffset < slack->fileOffset) return d;
    const uint64_t slackStart = c->offset + roundUpToCell(slack->fileOffset - c->fileOffset());
    if (offset < slackStart || cellEnd - slackStart < layout::kCellAlignment) return d;
    if (auto deleted = deletedRecordAt(hive, static_cast<uint32_t>(slackStart), cellEnd, FoundIn::CellSlack, offset,
                                       c->fileOffset()))
        return std::move(*deleted);
    return d;
}

Result<CellGroup> describeGroupAt(const Hive& hive, uint64_t fileOffset, const DeletedScan* known) {
    auto d = describeAt(hive, fileOffset, known);
    if (!d) return std::unexpected(d.error());
    if (d->deletedIn) {
        CellGroup group;
        const FoundIn where = *d->deletedIn;
        const uint32_t at = d->ref.offset;
        group.cells.push_back(std::move(*d));
        if (where != FoundIn::PastLastBin) {
            auto place = cellContaining(hive, at);
            if (!place) {
                group.problems.push_back(place.error());
            } else if (auto cell = describeCell(hive, CellRef{place->offset, CellRole::Auto})) {
                group.cells.push_back(std::move(*cell));
            } else {
                group.problems.push_back(cell.error());
            }
        }
        return group;
    }
    if (d->ref.role == CellRole::KeyNode && d->allocated) return describeKeyCells(hive, d->ref.offset);
    if (d->ref.role == CellRole::Value && d->allocated) return describeValueCells(hive, d->ref.offset);
    CellGroup group;
    group.cells.push_back(std::move(*d));
    return group;
}

namespace {

/// Adds the cell a field links to (when it has one) to a group.
void addLinked(const Hive& hive, const CellDescription& from, std::string_view field, CellGroup& group) {
    const CellField* f = from.field(field);
    if (!f || !f->target) return;
    auto d = describeCell(hive, *f->target);
    if (!d) {
        group.problems.push_back(d.error());
        return;
    }
    group.cells.push_back(std::move(*d));
}

}  // namespace

Result<CellGroup> describeKeyCells(const Hive& hive, uint32_t nkOffset) {
    auto nk = describeCell(hive, CellRef{nkOffset, CellRole::KeyNode});
    if (!nk) return std::unexpected(nk.error());
    CellGroup group;
    group.cells.push_back(std::move(*nk));
    const CellDescription key = group.cells.front();  // a copy: the vector grows below
    addLinked(hive, key, "subkey list", group);
    // An ri list's leaves belong to the key as much as the ri does.
    if (group.cells.size() > 1 && group.cells.back().ref.role == CellRole::SubkeyList) {
        const CellDescription list = group.cells.back();
        for (const CellField& f : list.fields)
            if (f.target && f.target->role == CellRole::SubkeyList) {
                auto leaf = describeCell(hive, *f.target);
                if (leaf) group.cells.push_back(std::move(*leaf));
                else group.problems.push_back(leaf.error());
            }
    }
    addLinked(hive, key, "value list", group);
    addLinked(hive, key, "security", group);
    addLinked(hive, key, "class", group);
    return group;
}

Result<CellGroup> describeValueCells(const Hive& hive, uint32_t vkOffset) {
    auto vk = describeCell(hive, CellRef{vkOffset, CellRole::Value});
    if (!vk) return std::unexpected(vk.error());
    CellGroup group;
    group.cells.push_back(std::move(*vk));
    const CellDescription value = group.cells.front();
    addLinked(hive, value, "data offset", group);
    if (group.cells.size() > 1 && group.cells.back().ref.role == CellRole::BigData) {
        const CellDescription db = group.cells.back();
        addLinked(hive, db, "segment list", group);
        if (group.cells.back().ref.role == CellRole::SegmentList) {
            const CellDescription list = group.cells.back();
            for (const CellField& f : list.fields)
                if (f.target) {
                    auto seg = describeCell(hive, *f.target);
                    if (seg) group.cells.push_back(std::move(*seg));
                    else group.problems.push_back(seg.error());
                }
        }
    }
    return group;
}

}  // namespace hivekit
