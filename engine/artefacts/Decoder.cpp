#include "artefacts/Decoder.h"

#include <algorithm>

#include "format/Names.h"
#include "format/ValueData.h"

namespace hivekit::artefacts {

namespace {

std::string controlSetOf(const Hive& hive, const Index& index) {
    auto select = index.findKey("Select");
    if (!select) return {};
    auto node = hive.keyNode(*select);
    if (!node) return {};
    auto current = index.findValue(*node, u"Current");
    if (!current) return {};
    auto record = hive.valueRecord(*current);
    if (!record) return {};
    auto data = hive.valueData(*record);
    if (!data || data->size() != 4) return {};
    const uint32_t n = loadU32(data->bytes().data());
    if (n == 0 || n > 999) return {};
    char name[32];
    std::snprintf(name, sizeof name, "ControlSet%03u", n);
    // Only a control set that exists: a Select pointing nowhere is no answer.
    return index.findKey(name) ? std::string(name) : std::string{};
}

ValueView viewOf(const Hive& hive, uint32_t offset, const ValueRecord& record) {
    ValueView v;
    v.name = record.nameUtf8();
    v.type = record.type;
    v.offset = offset;
    auto data = hive.valueData(record);
    if (data)
        v.data = std::move(*data);
    else
        v.dataError = data.error().message;
    return v;
}

}  // namespace

DecodeContext::DecodeContext(const Hive& hive, HiveKind kind)
    : hive_(hive), index_(hive), kind_(kind), controlSet_(controlSetOf(hive, index_)) {}

std::string DecodeContext::resolve(std::string_view path) const {
    static constexpr std::string_view kPlaceholder = "{ControlSet}";
    std::string out(path);
    const size_t at = out.find(kPlaceholder);
    if (at != std::string::npos)
        out.replace(at, kPlaceholder.size(), controlSet_.empty() ? std::string("ControlSet001") : controlSet_);
    return out;
}

std::optional<uint32_t> DecodeContext::key(std::string_view path) const {
    auto found = index_.findKey(resolve(path));
    if (!found) return std::nullopt;
    return *found;
}

std::optional<KeyNode> DecodeContext::keyNode(uint32_t keyOffset) const {
    auto node = hive_.keyNode(keyOffset);
    if (!node) return std::nullopt;
    return *node;
}

std::optional<uint32_t> DecodeContext::subkey(uint32_t keyOffset, std::string_view name) const {
    auto node = hive_.keyNode(keyOffset);
    if (!node) return std::nullopt;
    auto found = index_.findSubkey(*node, utf8ToUtf16(name));
    if (!found) return std::nullopt;
    return *found;
}

std::vector<std::pair<std::string, uint32_t>> DecodeContext::subkeys(uint32_t keyOffset) const {
    std::vector<std::pair<std::string, uint32_t>> out;
    auto node = hive_.keyNode(keyOffset);
    if (!node) return out;
    for (uint32_t child : hive_.subkeys(*node)) {
        auto childNode = hive_.keyNode(child);
        if (childNode) out.emplace_back(childNode->nameUtf8(), child);
    }
    return out;
}

std::vector<ValueView> DecodeContext::values(uint32_t keyOffset) const {
    std::vector<ValueView> out;
    auto node = hive_.keyNode(keyOffset);
    if (!node) return out;
    for (uint32_t offset : hive_.values(*node)) {
        auto record = hive_.valueRecord(offset);
        if (record) out.push_back(viewOf(hive_, offset, *record));
    }
    return out;
}

std::optional<ValueView> DecodeContext::value(uint32_t keyOffset, std::string_view name) const {
    auto found = index_.findValue(keyOffset, utf8ToUtf16(name));
    if (!found) return std::nullopt;
    auto record = hive_.valueRecord(*found);
    if (!record) return std::nullopt;
    return viewOf(hive_, *found, *record);
}

std::optional<std::string> DecodeContext::text(const ValueView& value) {
    if (value.type != kRegSz && value.type != kRegExpandSz && value.type != kRegMultiSz) return std::nullopt;
    DecodedValue d = decodeValue(value.type, value.data.bytes());
    if (d.kind == ValueKind::Text) return d.text;
    if (d.kind != ValueKind::TextList) return std::nullopt;
    std::string joined;
    for (const std::string& s : d.list) joined += (joined.empty() ? "" : "; ") + s;
    return joined;
}

std::optional<int64_t> DecodeContext::number(const ValueView& value) {
    const Bytes b = value.data.bytes();
    switch (value.type) {
        case kRegDword:
        case kRegDwordBigEndian:
        case kRegQword: {
            DecodedValue d = decodeValue(value.type, b);
            if (d.kind != ValueKind::Number) return std::nullopt;
            return static_cast<int64_t>(d.number);
        }
        case kRegBinary:
            if (b.size() == 4) return static_cast<int64_t>(loadU32(b.data()));
            if (b.size() == 8) return static_cast<int64_t>(loadU64(b.data()));
            return std::nullopt;
        default: return std::nullopt;
    }
}

std::string DecodeContext::pathOf(uint32_t keyOffset) const {
    auto path = index_.pathOf(keyOffset);
    return path ? *path : std::string{};
}

FileTime DecodeContext::lastWritten(uint32_t keyOffset) const {
    auto node = hive_.keyNode(keyOffset);
    return FileTime{node ? node->lastWritten : 0};
}

RowSource DecodeContext::source(uint32_t keyOffset) const {
    RowSource s;
    s.keyPath = pathOf(keyOffset);
    s.keyOffset = keyOffset;
    return s;
}

RowSource DecodeContext::source(uint32_t keyOffset, const ValueView& value) const {
    RowSource s = source(keyOffset);
    s.valueName = value.name;
    s.hasValue = true;
    s.valueOffset = value.offset;
    return s;
}

bool Decoder::appliesTo(HiveKind kind) const {
    const std::vector<HiveKind> k = kinds();
    return k.empty() || std::find(k.begin(), k.end(), kind) != k.end();
}

}  // namespace hivekit::artefacts
