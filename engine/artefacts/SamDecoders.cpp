// SAM hive artefact decoders: local user accounts and group membership.
//
// Record layouts (SAM\Domains\Account\Users\<RID>\F and V,
// SAM\Domains\*\Aliases\<RID>\C) as documented in the public SAM structure
// notes (Brendan Dolan-Gavitt's "SysKey and the SAM", the Samba and
// Impacket SAMR/SAM references).
#include <cstdio>
#include <algorithm>

#include "artefacts/Registry.h"
#include "format/ByteReader.h"
#include "format/Names.h"

namespace hivekit::artefacts {

namespace {

// F (fixed-size user record, 80 bytes on every Windows since NT).
constexpr size_t kFLastLogon = 0x08;
constexpr size_t kFPasswordLastSet = 0x18;
constexpr size_t kFAccountExpires = 0x20;
constexpr size_t kFLastFailedLogon = 0x28;
constexpr size_t kFRid = 0x30;
constexpr size_t kFAccountFlags = 0x38;
constexpr size_t kFFailedCount = 0x40;
constexpr size_t kFLogonCount = 0x42;
constexpr size_t kFSize = 0x44;  // what this decoder reads of it

// V (variable user record): a header of (offset, length, unknown) triples;
// each offset counts from the end of the header, 0xCC.
constexpr size_t kVHeaderSize = 0xCC;
constexpr size_t kVUserName = 0x0C;
constexpr size_t kVFullName = 0x18;
constexpr size_t kVComment = 0x24;
constexpr size_t kVHomeDirectory = 0x48;

// C (alias record): a 0x34-byte header; offsets count from its end.
constexpr size_t kCHeaderSize = 0x34;
constexpr size_t kCName = 0x10;         // offset, length
constexpr size_t kCComment = 0x1C;      // offset, length
constexpr size_t kCMembers = 0x28;      // offset, length
constexpr size_t kCMemberCount = 0x30;

// "Never" in an account-expiry FILETIME.
constexpr uint64_t kNever = 0x7FFFFFFFFFFFFFFFULL;

Field timeField(uint64_t ticks) { return ticks == 0 || ticks == kNever ? Field{} : Field{FileTime{ticks}}; }

/// ACB_* bits of the F record's account flags, in bit order.
std::string accountFlagNames(uint16_t flags) {
    static constexpr const char* kNames[16] = {
        "Account disabled",          "Home directory required",   "Password not required",
        "Temporary duplicate account", "Normal user account",     "MNS logon user account",
        "Interdomain trust account", "Workstation trust account", "Server trust account",
        "Password does not expire",  "Account auto-locked",       "Encrypted text password allowed",
        "Smartcard required",        "Trusted for delegation",    "Not delegated",
        "Use DES key only"};
    std::string out;
    for (unsigned bit = 0; bit < 16; ++bit)
        if (flags & (1u << bit)) out += (out.empty() ? "" : "; ") + std::string(kNames[bit]);
    return out;
}

/// A string of a V or C record: (offset, length) at `entry` in the header,
/// UTF-16LE at headerSize + offset. Notes when it lies outside the data.
std::string recordString(ByteReader& r, size_t entry, size_t headerSize, const char* what, std::string& note) {
    const uint32_t offset = r.u32(entry), length = r.u32(entry + 4);
    if (!r.ok()) return {};
    if (length == 0) return {};
    if (!r.has(headerSize + size_t{offset}, length)) {
        if (note.empty())
            note = std::string("the ") + what + " (" + std::to_string(length) + " bytes at " +
                   std::to_string(headerSize + size_t{offset}) + ") lies past the record's end (" +
                   std::to_string(r.size()) + " bytes)";
        return {};
    }
    return utf16leToUtf8(r.bytes().subspan(headerSize + offset, length));
}

/// A binary SID (revision, count, 6-byte big-endian authority, count
/// 32-bit subauthorities) at `at`; its size in `size`. Nothing when it
/// does not fit.
std::optional<std::string> sidAt(ByteReader& r, size_t at, size_t& size) {
    const uint8_t revision = r.u8(at);
    const uint8_t count = r.u8(at + 1);
    if (!r.ok() || !r.has(at, 8 + size_t{count} * 4)) return std::nullopt;
    uint64_t authority = 0;
    for (size_t i = 0; i < 6; ++i) authority = (authority << 8) | r.u8(at + 2 + i);
    std::string sid = "S-" + std::to_string(revision) + "-" + std::to_string(authority);
    for (size_t i = 0; i < count; ++i) sid += "-" + std::to_string(r.u32(at + 8 + i * 4));
    size = 8 + size_t{count} * 4;
    return sid;
}

/// The machine SID "S-1-5-21-a-b-c": its three subauthorities are the last
/// 12 bytes of SAM\Domains\Account's V value.
std::string machineSid(const DecodeContext& context) {
    auto account = context.key("SAM\\Domains\\Account");
    if (!account) return {};
    auto v = context.value(*account, "V");
    if (!v) return {};
    const Bytes b = v->data.bytes();
    if (b.size() < 12) return {};
    const uint8_t* tail = b.data() + b.size() - 12;
    return "S-1-5-21-" + std::to_string(loadU32(tail)) + "-" + std::to_string(loadU32(tail + 4)) + "-" +
           std::to_string(loadU32(tail + 8));
}

/// A RID key's name ("000001F4") as a number, or nothing.
std::optional<uint32_t> ridOf(const std::string& keyName) {
    if (keyName.size() != 8) return std::nullopt;
    uint32_t rid = 0;
    for (char c : keyName) {
        int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (digit < 0) return std::nullopt;
        rid = rid << 4 | static_cast<uint32_t>(digit);
    }
    return rid;
}

/// One alias (local group) with its members' SIDs.
struct Alias {
    std::string domain;  // "Builtin" or "Account"
    uint32_t rid = 0;
    std::string name, comment;
    int64_t declaredMembers = 0;
    std::vector<std::string> members;
    uint32_t key = kNoCell;
    std::optional<ValueView> value;
    std::string note;
};

std::vector<Alias> readAliases(const DecodeContext& context) {
    std::vector<Alias> out;
    for (const char* domain : {"Builtin", "Account"}) {
        auto aliases = context.key(std::string("SAM\\Domains\\") + domain + "\\Aliases");
        if (!aliases) continue;
        for (const auto& [keyName, key] : context.subkeys(*aliases)) {
            auto rid = ridOf(keyName);
            if (!rid) continue;  // "Members", "Names"
            Alias a;
            a.domain = domain;
            a.rid = *rid;
            a.key = key;
            a.value = context.value(key, "C");
            if (!a.value) {
                a.note = "the key has no C value";
                out.push_back(std::move(a));
                continue;
            }
            ByteReader r(a.value->data.bytes(), 0, "C record");
            if (!r.has(0, kCHeaderSize)) {
                a.note = "C is " + std::to_string(r.size()) + " bytes; its header needs " +
                         std::to_string(kCHeaderSize);
                out.push_back(std::move(a));
                continue;
            }
            a.name = recordString(r, kCName, kCHeaderSize, "group name", a.note);
            a.comment = recordString(r, kCComment, kCHeaderSize, "comment", a.note);
            a.declaredMembers = r.u32(kCMemberCount);
            size_t at = kCHeaderSize + r.u32(kCMembers);
            for (int64_t i = 0; i < a.declaredMembers; ++i) {
                size_t size = 0;
                auto sid = sidAt(r, at, size);
                if (!sid) {
                    if (a.note.empty())
                        a.note = "member " + std::to_string(i) + " of " + std::to_string(a.declaredMembers) +
                                 " at " + std::to_string(at) + " lies past the record's end (" +
                                 std::to_string(r.size()) + " bytes)";
                    break;
                }
                a.members.push_back(*sid);
                at += size;
            }
            out.push_back(std::move(a));
        }
    }
    return out;
}

/// Local user accounts: names, times, counts and flags.
class SamUsersDecoder final : public Decoder {
public:
    std::string_view name() const override { return "samusers"; }
    std::string_view title() const override { return "SAM user accounts"; }
    std::string_view description() const override {
        return "Local user accounts: name, RID and SID, last logon, password last set, expiry, last failed "
               "logon, logon and failure counts, account flags and the groups each belongs to.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::Sam}; }
    std::vector<std::string> keyPaths() const override {
        return {"SAM\\Domains\\Account\\Users", "SAM\\Domains\\Account\\Users\\Names", "SAM\\Domains\\Builtin\\Aliases"};
    }
    std::vector<Column> columns() const override {
        return {{"RID", ColumnType::Integer},            {"User name", ColumnType::Text},
                {"Full name", ColumnType::Text},         {"Comment", ColumnType::Text},
                {"Home directory", ColumnType::Path},    {"SID", ColumnType::Text},
                {"Account created", ColumnType::FileTime}, {"Last logon", ColumnType::FileTime},
                {"Password last set", ColumnType::FileTime}, {"Account expires", ColumnType::FileTime},
                {"Last failed logon", ColumnType::FileTime}, {"Logon count", ColumnType::Integer},
                {"Failed logons", ColumnType::Integer},  {"Flags", ColumnType::Text},
                {"Groups", ColumnType::Text},            {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto users = context.key("SAM\\Domains\\Account\\Users");
        if (!users) return;
        const std::string domainSid = machineSid(context);
        const std::vector<Alias> aliases = readAliases(context);
        auto names = context.subkey(*users, "Names");
        for (const auto& [keyName, key] : context.subkeys(*users)) {
            auto rid = ridOf(keyName);
            if (!rid) continue;  // Names
            Row row;
            row.fields.assign(16, Field{});
            row.fields[0] = int64_t{*rid};
            row.fields[15] = timeField(context.lastWritten(key).ticks);
            row.source = context.source(key);
            const std::string sid = domainSid.empty() ? std::string{} : domainSid + "-" + std::to_string(*rid);
            if (!sid.empty()) row.fields[5] = sid;

            auto v = context.value(key, "V");
            std::string userName;
            if (!v) {
                row.note = "the key has no V value";
            } else {
                ByteReader r(v->data.bytes(), 0, "V record");
                if (!r.has(0, kVHeaderSize)) {
                    row.note = "V is " + std::to_string(r.size()) + " bytes; its header needs " +
                               std::to_string(kVHeaderSize);
                } else {
                    userName = recordString(r, kVUserName, kVHeaderSize, "user name", row.note);
                    row.fields[1] = userName;
                    row.fields[2] = recordString(r, kVFullName, kVHeaderSize, "full name", row.note);
                    row.fields[3] = recordString(r, kVComment, kVHeaderSize, "comment", row.note);
                    row.fields[4] = recordString(r, kVHomeDirectory, kVHeaderSize, "home directory", row.note);
                }
            }
            // Names\<user> is created with the account; its default value's
            // type is the RID.
            if (names && !userName.empty()) {
                if (auto nameKey = context.subkey(*names, userName)) {
                    row.fields[6] = timeField(context.lastWritten(*nameKey).ticks);
                    auto mapped = context.value(*nameKey, "");
                    if (mapped && mapped->type != *rid && row.note.empty())
                        row.note = "Names\\" + userName + " maps to RID " + std::to_string(mapped->type);
                }
            }

            auto f = context.value(key, "F");
            if (!f) {
                if (row.note.empty()) row.note = "the key has no F value";
            } else {
                ByteReader r(f->data.bytes(), 0, "F record");
                if (!r.has(0, kFSize)) {
                    if (row.note.empty())
                        row.note = "F is " + std::to_string(r.size()) + " bytes; the fields read need " +
                                   std::to_string(kFSize);
                } else {
                    row.fields[7] = timeField(r.u64(kFLastLogon));
                    row.fields[8] = timeField(r.u64(kFPasswordLastSet));
                    row.fields[9] = timeField(r.u64(kFAccountExpires));
                    row.fields[10] = timeField(r.u64(kFLastFailedLogon));
                    row.fields[11] = int64_t{r.u16(kFLogonCount)};
                    row.fields[12] = int64_t{r.u16(kFFailedCount)};
                    row.fields[13] = accountFlagNames(r.u16(kFAccountFlags));
                    if (r.u32(kFRid) != *rid && row.note.empty())
                        row.note = "F holds RID " + std::to_string(r.u32(kFRid)) + ", the key name " +
                                   std::to_string(*rid);
                }
            }

            std::string groups;
            for (const Alias& a : aliases)
                if (!sid.empty() && std::find(a.members.begin(), a.members.end(), sid) != a.members.end())
                    groups += (groups.empty() ? "" : "; ") + a.name;
            row.fields[14] = groups;
            rows.push_back(std::move(row));
        }
    }
};

/// Local groups (aliases) and their members.
class SamGroupsDecoder final : public Decoder {
public:
    std::string_view name() const override { return "samgroups"; }
    std::string_view title() const override { return "SAM groups"; }
    std::string_view description() const override {
        return "Local groups (Builtin and Account aliases) with their comment and member SIDs.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::Sam}; }
    std::vector<std::string> keyPaths() const override {
        return {"SAM\\Domains\\Builtin\\Aliases", "SAM\\Domains\\Account\\Aliases"};
    }
    std::vector<Column> columns() const override {
        return {{"Domain", ColumnType::Text},   {"RID", ColumnType::Integer},
                {"Group name", ColumnType::Text}, {"Comment", ColumnType::Text},
                {"Member count", ColumnType::Integer}, {"Members", ColumnType::Text},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        for (const Alias& a : readAliases(context)) {
            std::string members;
            for (const std::string& m : a.members) members += (members.empty() ? "" : "; ") + m;
            Row row;
            row.fields = {a.domain, int64_t{a.rid}, a.name, a.comment, a.declaredMembers, members,
                          timeField(context.lastWritten(a.key).ticks)};
            row.source = a.value ? context.source(a.key, *a.value) : context.source(a.key);
            row.note = a.note;
            rows.push_back(std::move(row));
        }
    }
};

}  // namespace

void addSamDecoders(std::vector<std::unique_ptr<Decoder>>& out) {
    out.push_back(std::make_unique<SamUsersDecoder>());
    out.push_back(std::make_unique<SamGroupsDecoder>());
}

}  // namespace hivekit::artefacts
