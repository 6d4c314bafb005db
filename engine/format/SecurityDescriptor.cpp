#include "format/SecurityDescriptor.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <utility>

namespace hivekit {

namespace {

// ---- Small text helpers ------------------------------------------------------

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += sep;
        out += parts[i];
    }
    return out;
}

std::string hexByte(uint8_t b) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02x", b);
    return buf;
}

/// "1b 02 0c 00 ...": at most `limit` bytes, then an ellipsis.
std::string hexBytes(const std::vector<uint8_t>& bytes, size_t limit = 64) {
    std::string out;
    for (size_t i = 0; i < bytes.size() && i < limit; ++i) {
        if (i) out += ' ';
        out += hexByte(bytes[i]);
    }
    if (bytes.size() > limit) out += " ...";
    return out;
}

// ---- Well-known SIDs -----------------------------------------------------------

// Universal and NT AUTHORITY SIDs whose meaning does not depend on a machine
// or domain (MS-DTYP 2.4.2.4 and sddl.h).
constexpr WellKnownSid kWellKnown[] = {
    {"S-1-0-0", "NULL SID", ""},
    {"S-1-1-0", "Everyone", "WD"},
    {"S-1-2-0", "LOCAL", ""},
    {"S-1-2-1", "CONSOLE LOGON", ""},
    {"S-1-3-0", "CREATOR OWNER", "CO"},
    {"S-1-3-1", "CREATOR GROUP", "CG"},
    {"S-1-3-2", "CREATOR OWNER SERVER", ""},
    {"S-1-3-3", "CREATOR GROUP SERVER", ""},
    {"S-1-3-4", "OWNER RIGHTS", "OW"},
    {"S-1-5-1", "NT AUTHORITY\\DIALUP", ""},
    {"S-1-5-2", "NT AUTHORITY\\NETWORK", "NU"},
    {"S-1-5-3", "NT AUTHORITY\\BATCH", ""},
    {"S-1-5-4", "NT AUTHORITY\\INTERACTIVE", "IU"},
    {"S-1-5-6", "NT AUTHORITY\\SERVICE", "SU"},
    {"S-1-5-7", "NT AUTHORITY\\ANONYMOUS LOGON", "AN"},
    {"S-1-5-8", "NT AUTHORITY\\PROXY", ""},
    {"S-1-5-9", "NT AUTHORITY\\ENTERPRISE DOMAIN CONTROLLERS", "ED"},
    {"S-1-5-10", "NT AUTHORITY\\SELF", "PS"},
    {"S-1-5-11", "NT AUTHORITY\\Authenticated Users", "AU"},
    {"S-1-5-12", "NT AUTHORITY\\RESTRICTED", "RC"},
    {"S-1-5-13", "NT AUTHORITY\\TERMINAL SERVER USER", ""},
    {"S-1-5-14", "NT AUTHORITY\\REMOTE INTERACTIVE LOGON", ""},
    {"S-1-5-15", "NT AUTHORITY\\This Organization", ""},
    {"S-1-5-17", "NT AUTHORITY\\IUSR", ""},
    {"S-1-5-18", "NT AUTHORITY\\SYSTEM", "SY"},
    {"S-1-5-19", "NT AUTHORITY\\LOCAL SERVICE", "LS"},
    {"S-1-5-20", "NT AUTHORITY\\NETWORK SERVICE", "NS"},
    {"S-1-5-33", "NT AUTHORITY\\WRITE RESTRICTED", "WR"},
    {"S-1-5-64-10", "NT AUTHORITY\\NTLM Authentication", ""},
    {"S-1-5-64-14", "NT AUTHORITY\\SChannel Authentication", ""},
    {"S-1-5-64-21", "NT AUTHORITY\\Digest Authentication", ""},
    {"S-1-5-80-0", "NT SERVICE\\ALL SERVICES", ""},
    {"S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464", "NT SERVICE\\TrustedInstaller", ""},
    {"S-1-5-83-0", "NT VIRTUAL MACHINE\\Virtual Machines", ""},
    {"S-1-5-84-0-0-0-0-0", "NT AUTHORITY\\USER MODE DRIVERS", "UD"},
    {"S-1-5-90-0", "Window Manager\\Window Manager Group", ""},
    {"S-1-5-113", "NT AUTHORITY\\Local account", ""},
    {"S-1-5-114", "NT AUTHORITY\\Local account and member of Administrators group", ""},
    {"S-1-5-1000", "NT AUTHORITY\\Other Organization", ""},
    {"S-1-5-32-544", "BUILTIN\\Administrators", "BA"},
    {"S-1-5-32-545", "BUILTIN\\Users", "BU"},
    {"S-1-5-32-546", "BUILTIN\\Guests", "BG"},
    {"S-1-5-32-547", "BUILTIN\\Power Users", "PU"},
    {"S-1-5-32-548", "BUILTIN\\Account Operators", "AO"},
    {"S-1-5-32-549", "BUILTIN\\Server Operators", "SO"},
    {"S-1-5-32-550", "BUILTIN\\Print Operators", "PO"},
    {"S-1-5-32-551", "BUILTIN\\Backup Operators", "BO"},
    {"S-1-5-32-552", "BUILTIN\\Replicator", "RE"},
    {"S-1-5-32-554", "BUILTIN\\Pre-Windows 2000 Compatible Access", "RU"},
    {"S-1-5-32-555", "BUILTIN\\Remote Desktop Users", "RD"},
    {"S-1-5-32-556", "BUILTIN\\Network Configuration Operators", "NO"},
    {"S-1-5-32-557", "BUILTIN\\Incoming Forest Trust Builders", ""},
    {"S-1-5-32-558", "BUILTIN\\Performance Monitor Users", "MU"},
    {"S-1-5-32-559", "BUILTIN\\Performance Log Users", "LU"},
    {"S-1-5-32-560", "BUILTIN\\Windows Authorization Access Group", ""},
    {"S-1-5-32-561", "BUILTIN\\Terminal Server License Servers", ""},
    {"S-1-5-32-562", "BUILTIN\\Distributed COM Users", ""},
    {"S-1-5-32-568", "BUILTIN\\IIS_IUSRS", "IS"},
    {"S-1-5-32-569", "BUILTIN\\Cryptographic Operators", "CY"},
    {"S-1-5-32-573", "BUILTIN\\Event Log Readers", "ER"},
    {"S-1-5-32-574", "BUILTIN\\Certificate Service DCOM Access", "CD"},
    {"S-1-5-32-575", "BUILTIN\\RDS Remote Access Servers", "RA"},
    {"S-1-5-32-576", "BUILTIN\\RDS Endpoint Servers", "ES"},
    {"S-1-5-32-577", "BUILTIN\\RDS Management Servers", "MS"},
    {"S-1-5-32-578", "BUILTIN\\Hyper-V Administrators", "HA"},
    {"S-1-5-32-579", "BUILTIN\\Access Control Assistance Operators", "AA"},
    {"S-1-5-32-580", "BUILTIN\\Remote Management Users", "RM"},
    {"S-1-5-32-581", "BUILTIN\\System Managed Accounts Group", ""},
    {"S-1-5-32-583", "BUILTIN\\Device Owners", ""},
    {"S-1-15-2-1", "APPLICATION PACKAGE AUTHORITY\\ALL APPLICATION PACKAGES", "AC"},
    {"S-1-15-2-2", "APPLICATION PACKAGE AUTHORITY\\ALL RESTRICTED APPLICATION PACKAGES", ""},
    {"S-1-16-0", "Mandatory Label\\Untrusted Mandatory Level", ""},
    {"S-1-16-4096", "Mandatory Label\\Low Mandatory Level", "LW"},
    {"S-1-16-8192", "Mandatory Label\\Medium Mandatory Level", "ME"},
    {"S-1-16-8448", "Mandatory Label\\Medium Plus Mandatory Level", "MP"},
    {"S-1-16-12288", "Mandatory Label\\High Mandatory Level", "HI"},
    {"S-1-16-16384", "Mandatory Label\\System Mandatory Level", "SI"},
    {"S-1-16-20480", "Mandatory Label\\Protected Process Mandatory Level", ""},
    {"S-1-18-1", "Authentication authority asserted identity", "AS"},
    {"S-1-18-2", "Service asserted identity", "SS"},
};

const WellKnownSid* findWellKnown(const std::string& text) {
    for (const auto& entry : kWellKnown)
        if (entry.sid == text) return &entry;
    return nullptr;
}

// RIDs relative to a domain or machine (S-1-5-21-x-y-z-RID). Their SDDL
// aliases (LA, DA, DU...) are not printed: they stand for the SID only on
// the machine or in the domain that owns it.
struct DomainRid {
    uint32_t rid;
    std::string_view name;
};
constexpr DomainRid kDomainRids[] = {
    {498, "Enterprise Read-only Domain Controllers"},
    {500, "Administrator"},
    {501, "Guest"},
    {502, "krbtgt"},
    {503, "DefaultAccount"},
    {504, "WDAGUtilityAccount"},
    {512, "Domain Admins"},
    {513, "Domain Users"},
    {514, "Domain Guests"},
    {515, "Domain Computers"},
    {516, "Domain Controllers"},
    {517, "Cert Publishers"},
    {518, "Schema Admins"},
    {519, "Enterprise Admins"},
    {520, "Group Policy Creator Owners"},
    {521, "Read-only Domain Controllers"},
    {522, "Cloneable Domain Controllers"},
    {525, "Protected Users"},
    {526, "Key Admins"},
    {527, "Enterprise Key Admins"},
    {553, "RAS and IAS Servers"},
    {571, "Allowed RODC Password Replication Group"},
    {572, "Denied RODC Password Replication Group"},
};

/// The name of a SID, and whether it names exactly this SID (true) or only
/// describes the class it belongs to (false).
std::pair<std::string, bool> sidName(const Sid& sid) {
    const std::string text = sid.toString();
    if (const WellKnownSid* entry = findWellKnown(text)) return {std::string(entry->name), true};
    if (sid.revision != 1) return {"", false};
    const auto& sub = sid.subAuthorities;
    const size_t n = sub.size();
    const auto rid = [&] { return std::to_string(sub.back()); };
    switch (sid.authority) {
    case 5:
        if (n == 5 && sub[0] == 21) {
            for (const auto& d : kDomainRids)
                if (d.rid == sub[4]) return {"<domain>\\" + std::string(d.name) + " (RID " + rid() + ")", false};
            return {"<domain>\\account or group with RID " + rid(), false};
        }
        if (n == 4 && sub[0] == 21) return {"<domain> (a domain or machine SID)", false};
        if (n == 2 && sub[0] == 32) return {"BUILTIN\\<alias with RID " + rid() + ">", false};
        if (n == 3 && sub[0] == 5) return {"NT AUTHORITY\\<logon session>", false};
        if (n == 6 && sub[0] == 80) return {"NT SERVICE\\<service>", false};
        if (n == 6 && sub[0] == 82) return {"IIS APPPOOL\\<application pool>", false};
        if (n >= 2 && sub[0] == 83) return {"NT VIRTUAL MACHINE\\<virtual machine>", false};
        if (n == 3 && sub[0] == 96) return {"Font Driver Host\\UMFD-" + rid(), false};
        if (n == 3 && sub[0] == 90) return {"Window Manager\\DWM-" + rid(), false};
        break;
    case 15:
        if (n >= 2 && sub[0] == 2) return {"APPLICATION PACKAGE AUTHORITY\\<application package>", false};
        if (n >= 2 && sub[0] == 3) return {"APPLICATION PACKAGE AUTHORITY\\<capability>", false};
        break;
    case 16:
        if (n == 1) return {"Mandatory Label\\<mandatory level " + rid() + ">", false};
        break;
    default:
        break;
    }
    return {"", false};
}

/// The SID as an ACE line shows its principal: the name alone when it is
/// exact, "S-... (<description>)" when only the class is known.
std::string principal(const Sid& sid) {
    auto [name, exact] = sidName(sid);
    if (name.empty()) return sid.toString();
    if (exact) return name;
    return sid.toString() + " (" + name + ")";
}

// ---- Access rights -------------------------------------------------------------

struct Right {
    uint32_t mask;
    std::string_view sddl;
};

// Whole masks with an SDDL alias, in the order they are tried.
constexpr Right kWholeRights[] = {
    {sd::kGenericAll, "GA"},    {sd::kGenericRead, "GR"},  {sd::kGenericWrite, "GW"},
    {sd::kGenericExecute, "GX"}, {sd::kReadControl, "RC"}, {sd::kDelete, "SD"},
    {sd::kWriteDac, "WD"},      {sd::kWriteOwner, "WO"},   {0x00000010, "RP"},
    {0x00000020, "WP"},         {0x00000001, "CC"},        {0x00000002, "DC"},
    {0x00000004, "LC"},         {0x00000008, "SW"},        {0x00000080, "LO"},
    {0x00000040, "DT"},         {0x00000100, "CR"},        {0x001F01FF, "FA"},
    {0x00120089, "FR"},         {0x00120116, "FW"},        {0x001200A0, "FX"},
    {sd::kKeyAllAccess, "KA"},  {sd::kKeyRead, "KR"},      {sd::kKeyWrite, "KW"},
    {sd::kKeyRead, "KX"},
};

/// The SDDL alias of each single bit (the directory-service names Windows
/// uses when a mask is not a whole), "" for bits without one.
std::string_view bitSddl(unsigned bit) {
    switch (bit) {
    case 0: return "CC";
    case 1: return "DC";
    case 2: return "LC";
    case 3: return "SW";
    case 4: return "RP";
    case 5: return "WP";
    case 6: return "DT";
    case 7: return "LO";
    case 8: return "CR";
    case 16: return "SD";
    case 17: return "RC";
    case 18: return "WD";
    case 19: return "WO";
    case 28: return "GA";
    case 29: return "GX";
    case 30: return "GW";
    case 31: return "GR";
    default: return "";
    }
}

std::string_view keyBitName(unsigned bit) {
    switch (bit) {
    case 0: return "KEY_QUERY_VALUE";
    case 1: return "KEY_SET_VALUE";
    case 2: return "KEY_CREATE_SUB_KEY";
    case 3: return "KEY_ENUMERATE_SUB_KEYS";
    case 4: return "KEY_NOTIFY";
    case 5: return "KEY_CREATE_LINK";
    case 8: return "KEY_WOW64_64KEY";
    case 9: return "KEY_WOW64_32KEY";
    case 16: return "DELETE";
    case 17: return "READ_CONTROL";
    case 18: return "WRITE_DAC";
    case 19: return "WRITE_OWNER";
    case 20: return "SYNCHRONIZE";
    case 24: return "ACCESS_SYSTEM_SECURITY";
    case 25: return "MAXIMUM_ALLOWED";
    case 28: return "GENERIC_ALL";
    case 29: return "GENERIC_EXECUTE";
    case 30: return "GENERIC_WRITE";
    case 31: return "GENERIC_READ";
    default: return "";
    }
}

std::string describeLabelMask(uint32_t mask) {
    std::vector<std::string> parts;
    if (mask & sd::kSystemMandatoryLabelNoWriteUp) parts.emplace_back("No write up");
    if (mask & sd::kSystemMandatoryLabelNoReadUp) parts.emplace_back("No read up");
    if (mask & sd::kSystemMandatoryLabelNoExecuteUp) parts.emplace_back("No execute up");
    if (uint32_t rest = mask & ~uint32_t{7}) parts.push_back(hexOffset(rest));
    if (parts.empty()) return "No policy (0x0)";
    return join(parts, ", ");
}

// ---- ACE types -----------------------------------------------------------------

enum class Body { Basic, Object, Other };

struct AceTypeInfo {
    std::string_view name;
    std::string_view sddl;
    std::string_view verb;  // how describe() starts the line
    Body body;
};

const AceTypeInfo* aceTypeInfo(uint8_t type) {
    static constexpr AceTypeInfo kTypes[] = {
        {"ACCESS_ALLOWED_ACE_TYPE", "A", "Allow", Body::Basic},
        {"ACCESS_DENIED_ACE_TYPE", "D", "Deny", Body::Basic},
        {"SYSTEM_AUDIT_ACE_TYPE", "AU", "Audit", Body::Basic},
        {"SYSTEM_ALARM_ACE_TYPE", "AL", "Alarm", Body::Basic},
        {"ACCESS_ALLOWED_COMPOUND_ACE_TYPE", "", "Allow (compound)", Body::Other},
        {"ACCESS_ALLOWED_OBJECT_ACE_TYPE", "OA", "Allow (object)", Body::Object},
        {"ACCESS_DENIED_OBJECT_ACE_TYPE", "OD", "Deny (object)", Body::Object},
        {"SYSTEM_AUDIT_OBJECT_ACE_TYPE", "OU", "Audit (object)", Body::Object},
        {"SYSTEM_ALARM_OBJECT_ACE_TYPE", "OL", "Alarm (object)", Body::Object},
        {"ACCESS_ALLOWED_CALLBACK_ACE_TYPE", "XA", "Allow (callback)", Body::Basic},
        {"ACCESS_DENIED_CALLBACK_ACE_TYPE", "XD", "Deny (callback)", Body::Basic},
        {"ACCESS_ALLOWED_CALLBACK_OBJECT_ACE_TYPE", "ZA", "Allow (callback object)", Body::Object},
        {"ACCESS_DENIED_CALLBACK_OBJECT_ACE_TYPE", "", "Deny (callback object)", Body::Object},
        {"SYSTEM_AUDIT_CALLBACK_ACE_TYPE", "XU", "Audit (callback)", Body::Basic},
        {"SYSTEM_ALARM_CALLBACK_ACE_TYPE", "", "Alarm (callback)", Body::Basic},
        {"SYSTEM_AUDIT_CALLBACK_OBJECT_ACE_TYPE", "", "Audit (callback object)", Body::Object},
        {"SYSTEM_ALARM_CALLBACK_OBJECT_ACE_TYPE", "", "Alarm (callback object)", Body::Object},
        {"SYSTEM_MANDATORY_LABEL_ACE_TYPE", "ML", "Mandatory label", Body::Basic},
        {"SYSTEM_RESOURCE_ATTRIBUTE_ACE_TYPE", "RA", "Resource attribute", Body::Basic},
        {"SYSTEM_SCOPED_POLICY_ID_ACE_TYPE", "SP", "Scoped policy", Body::Basic},
        {"SYSTEM_PROCESS_TRUST_LABEL_ACE_TYPE", "TL", "Trust label", Body::Basic},
        {"SYSTEM_ACCESS_FILTER_ACE_TYPE", "FL", "Access filter", Body::Basic},
    };
    if (type >= std::size(kTypes)) return nullptr;
    return &kTypes[type];
}

bool isAuditOrAlarm(uint8_t type) {
    switch (static_cast<AceType>(type)) {
    case AceType::SystemAudit:
    case AceType::SystemAlarm:
    case AceType::SystemAuditObject:
    case AceType::SystemAlarmObject:
    case AceType::SystemAuditCallback:
    case AceType::SystemAlarmCallback:
    case AceType::SystemAuditCallbackObject:
    case AceType::SystemAlarmCallbackObject:
        return true;
    default:
        return false;
    }
}

/// Which keys an ACE applies to (OI has no meaning on keys: values carry no ACL).
std::string appliesTo(uint8_t flags) {
    const bool ci = flags & sd::kContainerInheritAce;
    const bool np = flags & sd::kNoPropagateInheritAce;
    if (flags & sd::kInheritOnlyAce) {
        if (!ci) return "no key (inherit-only, not inherited by subkeys)";
        return np ? "immediate subkeys only" : "subkeys only";
    }
    if (!ci) return "this key only";
    return np ? "this key and immediate subkeys" : "this key and subkeys";
}

// ---- Decoding ------------------------------------------------------------------

/// Everything one decode shares: the bytes, where they are, the warnings.
class Decoder {
public:
    Decoder(Bytes bytes, uint64_t fileOffset, std::vector<Error>& warnings)
        : reader_(bytes, fileOffset, "security descriptor"),
          where_("security descriptor at " + hexOffset(fileOffset) + ": "),
          warnings_(warnings) {}

    size_t size() const { return reader_.size(); }
    uint64_t abs(size_t off) const { return reader_.base() + off; }

    void warn(ErrorCode code, const std::string& message, size_t off) {
        warnings_.push_back(Error{code, where_ + message, abs(off)});
    }

    /// A SID at `off`, which must end by `limit`. `what` names it in
    /// messages ("the owner SID at offset 0xb8"), `limitText` names the limit
    /// ("its end", "the end of the ACE"). Warns and returns nullopt when it
    /// does not fit or is malformed.
    std::optional<Sid> sid(size_t off, size_t limit, const std::string& what, std::string_view limitText) {
        if (off > limit || 8 > limit - off) {
            warn(ErrorCode::Truncated,
                 what + " goes past " + std::string(limitText) + " (" + hexOffset(limit) + ")", off);
            return std::nullopt;
        }
        Sid out;
        out.revision = reader_.u8(off);
        const uint8_t count = reader_.u8(off + 1);
        for (size_t i = 0; i < 6; ++i) out.authority = (out.authority << 8) | reader_.u8(off + 2 + i);
        if (count > sd::kMaxSubAuthorities) {
            warn(ErrorCode::Corrupt,
                 what + " has " + std::to_string(count) + " sub-authorities, more than " +
                     std::to_string(sd::kMaxSubAuthorities),
                 off + 1);
            return std::nullopt;
        }
        const size_t need = 8 + 4 * size_t{count};
        if (need > limit - off) {
            warn(ErrorCode::Truncated,
                 what + " (" + hexOffset(need) + " bytes) goes past " + std::string(limitText) + " (" +
                     hexOffset(limit) + ")",
                 off);
            return std::nullopt;
        }
        if (out.revision != 1)
            warn(ErrorCode::Corrupt, what + " has revision " + std::to_string(out.revision) + ", not 1", off);
        out.subAuthorities.reserve(count);
        for (size_t i = 0; i < count; ++i) out.subAuthorities.push_back(reader_.u32(off + 8 + 4 * i));
        return out;
    }

    /// The owner or group SID at a stored offset.
    std::optional<Sid> sidAt(uint32_t off, const char* part, size_t field) {
        if (off >= size()) {
            warn(ErrorCode::OutOfBounds,
                 std::string("the ") + part + " offset " + hexOffset(off) + " points past its end (" +
                     hexOffset(size()) + ")",
                 field);
            return std::nullopt;
        }
        return sid(off, size(), std::string("the ") + part + " SID at offset " + hexOffset(off), "its end");
    }

    /// An ACL at a stored offset; `part` is "DACL" or "SACL".
    std::optional<Acl> aclAt(uint32_t off, const char* part, size_t field) {
        const std::string name(part);
        if (off >= size()) {
            warn(ErrorCode::OutOfBounds,
                 "the " + name + " offset " + hexOffset(off) + " points past its end (" + hexOffset(size()) + ")",
                 field);
            return std::nullopt;
        }
        const std::string what = "the " + name + " at offset " + hexOffset(off);
        if (8 > size() - off) {
            warn(ErrorCode::Truncated, what + " goes past its end (" + hexOffset(size()) + ")", off);
            return std::nullopt;
        }
        Acl acl;
        acl.fileOffset = abs(off);
        acl.revision = reader_.u8(off);
        acl.size = reader_.u16(off + 2);
        acl.aceCount = reader_.u16(off + 4);
        if (acl.revision != 2 && acl.revision != 4)
            warn(ErrorCode::Corrupt, what + " has revision " + std::to_string(acl.revision) + ", not 2 or 4", off);

        size_t end = off + size_t{acl.size};
        if (acl.size < 8) {
            warn(ErrorCode::Corrupt,
                 what + " declares " + hexOffset(acl.size) + " bytes, less than its 8-byte header", off + 2);
            end = off + 8;
        } else if (acl.size > size() - off) {
            warn(ErrorCode::Truncated,
                 what + " declares " + hexOffset(acl.size) + " bytes, past its end (" + hexOffset(size()) + ")",
                 off + 2);
            end = size();
        }

        size_t pos = off + 8;
        for (size_t i = 0; i < acl.aceCount; ++i) {
            const std::string aceWhat = "ACE " + std::to_string(i) + " of the " + name + " at offset " + hexOffset(pos);
            if (4 > end - pos) {
                warn(ErrorCode::Truncated,
                     what + " declares " + std::to_string(acl.aceCount) + " ACEs, but ACE " + std::to_string(i) +
                         " at offset " + hexOffset(pos) + " goes past the end of the ACL (" + hexOffset(end) + ")",
                     pos);
                break;
            }
            const uint16_t aceSize = reader_.u16(pos + 2);
            if (aceSize < 4) {
                warn(ErrorCode::Corrupt,
                     aceWhat + " declares " + hexOffset(aceSize) + " bytes, less than its 4-byte header", pos + 2);
                break;
            }
            if (aceSize > end - pos) {
                warn(ErrorCode::Truncated,
                     aceWhat + " declares " + hexOffset(aceSize) + " bytes, past the end of the ACL (" +
                         hexOffset(end) + ")",
                     pos + 2);
                break;
            }
            acl.aces.push_back(ace(pos, aceSize, aceWhat));
            pos += aceSize;
        }
        return acl;
    }

private:
    /// One ACE whose header and declared size are known to fit.
    Ace ace(size_t off, uint16_t aceSize, const std::string& what) {
        Ace out;
        out.type = reader_.u8(off);
        out.flags = reader_.u8(off + 1);
        out.size = aceSize;
        out.fileOffset = abs(off);
        Bytes raw = reader_.span(off, aceSize);
        out.raw.assign(raw.begin(), raw.end());

        const AceTypeInfo* info = aceTypeInfo(out.type);
        if (!info || info->body == Body::Other) return out;  // kept raw

        const size_t end = off + aceSize;
        const auto pastEnd = [&](const std::string& field, size_t at) {
            warn(ErrorCode::Truncated,
                 what + ": its " + field + " at offset " + hexOffset(at) + " goes past the end of the ACE (" +
                     hexOffset(end) + ")",
                 at);
        };
        size_t pos = off + 4;
        if (4 > end - pos) {
            pastEnd("access mask", pos);
            return out;
        }
        out.mask = reader_.u32(pos);
        pos += 4;
        if (info->body == Body::Object) {
            if (4 > end - pos) {
                pastEnd("object flags", pos);
                return out;
            }
            out.objectFlags = reader_.u32(pos);
            pos += 4;
            const auto guid = [&](const char* field) -> std::optional<Guid> {
                if (16 > end - pos) {
                    pastEnd(field, pos);
                    return std::nullopt;
                }
                Guid g;
                Bytes b = reader_.span(pos, 16);
                std::copy(b.begin(), b.end(), g.bytes.begin());
                pos += 16;
                return g;
            };
            if (out.objectFlags & sd::kAceObjectTypePresent) {
                out.objectType = guid("object type");
                if (!out.objectType) return out;
            }
            if (out.objectFlags & sd::kAceInheritedObjectTypePresent) {
                out.inheritedObjectType = guid("inherited object type");
                if (!out.inheritedObjectType) return out;
            }
        }
        out.sid = sid(pos, end, what + ": its SID at offset " + hexOffset(pos), "the end of the ACE");
        if (!out.sid) return out;
        pos += out.sid->encodedSize();
        Bytes rest = reader_.span(pos, end - pos);
        out.applicationData.assign(rest.begin(), rest.end());
        out.decoded = true;
        return out;
    }

    ByteReader reader_;
    std::string where_;
    std::vector<Error>& warnings_;
};

void appendAclFlags(std::string& out, uint16_t control, uint16_t protectedBit, uint16_t reqBit, uint16_t autoBit) {
    if (control & protectedBit) out += "P";
    if (control & reqBit) out += "AR";
    if (control & autoBit) out += "AI";
}

std::string aclSddl(const std::optional<Acl>& acl) {
    std::string out;
    if (!acl) return out;
    for (const Ace& a : acl->aces) out += a.toSddl();
    return out;
}

std::string aclSummary(const SecurityDescriptor& d, bool dacl) {
    const bool present = dacl ? d.daclPresent() : d.saclPresent();
    const uint32_t offset = dacl ? d.daclOffset : d.saclOffset;
    const std::optional<Acl>& acl = dacl ? d.dacl : d.sacl;
    std::string line = dacl ? "DACL  " : "SACL  ";
    if (!present) return line + "not present";
    if (offset == 0)
        return line + (dacl ? "NULL: everyone has full access" : "NULL: nothing is audited");
    if (!acl) return line + "unreadable (see the warnings)";
    std::vector<std::string> parts;
    const size_t n = acl->aces.size();
    parts.push_back(std::to_string(n) + (n == 1 ? " entry" : " entries"));
    if (acl->aceCount != n) parts.push_back(std::to_string(acl->aceCount) + " declared");
    const uint16_t c = d.control;
    if (c & (dacl ? sd::kSeDaclProtected : sd::kSeSaclProtected)) parts.emplace_back("protected");
    if (c & (dacl ? sd::kSeDaclAutoInherited : sd::kSeSaclAutoInherited)) parts.emplace_back("auto-inherited");
    if (c & (dacl ? sd::kSeDaclAutoInheritReq : sd::kSeSaclAutoInheritReq)) parts.emplace_back("auto-inherit requested");
    if (c & (dacl ? sd::kSeDaclDefaulted : sd::kSeSaclDefaulted)) parts.emplace_back("defaulted");
    return line + join(parts, ", ");
}

}  // namespace

// ---- Sid -----------------------------------------------------------------------

std::string Sid::toString() const {
    std::string out = "S-" + std::to_string(revision) + "-";
    if (authority >= (uint64_t{1} << 32)) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "0x%012llX", static_cast<unsigned long long>(authority));
        out += buf;
    } else {
        out += std::to_string(authority);
    }
    for (uint32_t sub : subAuthorities) out += "-" + std::to_string(sub);
    return out;
}

std::span<const WellKnownSid> wellKnownSids() { return kWellKnown; }

std::string Sid::name() const { return sidName(*this).first; }

std::string_view Sid::sddlAlias() const {
    const WellKnownSid* entry = findWellKnown(toString());
    return entry ? entry->alias : std::string_view{};
}

std::string Sid::toSddl() const {
    std::string_view alias = sddlAlias();
    return alias.empty() ? toString() : std::string(alias);
}

std::string Sid::display() const {
    std::string n = name();
    return n.empty() ? toString() : n + " (" + toString() + ")";
}

std::optional<Sid> parseSid(std::string_view text) {
    if (text.size() < 2 || (text[0] != 'S' && text[0] != 's') || text[1] != '-') return std::nullopt;
    text.remove_prefix(2);
    std::vector<std::string_view> fields;
    while (true) {
        const size_t dash = text.find('-');
        fields.push_back(text.substr(0, dash));
        if (dash == std::string_view::npos) break;
        text.remove_prefix(dash + 1);
    }
    if (fields.size() < 2 || fields.size() - 2 > sd::kMaxSubAuthorities) return std::nullopt;
    const auto number = [](std::string_view f, uint64_t max) -> std::optional<uint64_t> {
        int base = 10;
        if (f.size() > 2 && f[0] == '0' && (f[1] == 'x' || f[1] == 'X')) {
            base = 16;
            f.remove_prefix(2);
        }
        if (f.empty() || f.size() > 16) return std::nullopt;
        uint64_t v = 0;
        for (char c : f) {
            int d;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (base == 16 && c >= 'a' && c <= 'f') d = c - 'a' + 10;
            else if (base == 16 && c >= 'A' && c <= 'F') d = c - 'A' + 10;
            else return std::nullopt;
            if (v > (max - d) / base) return std::nullopt;
            v = v * base + d;
        }
        return v;
    };
    Sid sid;
    auto rev = number(fields[0], 0xFF);
    auto auth = number(fields[1], 0xFFFFFFFFFFFF);
    if (!rev || !auth) return std::nullopt;
    sid.revision = static_cast<uint8_t>(*rev);
    sid.authority = *auth;
    for (size_t i = 2; i < fields.size(); ++i) {
        auto sub = number(fields[i], 0xFFFFFFFF);
        if (!sub) return std::nullopt;
        sid.subAuthorities.push_back(static_cast<uint32_t>(*sub));
    }
    return sid;
}

// ---- Guid ----------------------------------------------------------------------

std::string Guid::toString() const {
    const auto& b = bytes;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                  static_cast<unsigned>(loadU32(b.data())), static_cast<unsigned>(loadU16(b.data() + 4)),
                  static_cast<unsigned>(loadU16(b.data() + 6)), b[8], b[9], b[10], b[11], b[12], b[13], b[14],
                  b[15]);
    return buf;
}

// ---- Access masks --------------------------------------------------------------

std::string accessMaskSddl(uint32_t mask, bool mandatoryLabel) {
    if (mask == 0) return "";
    if (mandatoryLabel) {
        if (mask & ~uint32_t{7}) return hexOffset(mask);
        std::string out;
        if (mask & sd::kSystemMandatoryLabelNoWriteUp) out += "NW";
        if (mask & sd::kSystemMandatoryLabelNoReadUp) out += "NR";
        if (mask & sd::kSystemMandatoryLabelNoExecuteUp) out += "NX";
        return out;
    }
    for (const Right& r : kWholeRights)
        if (r.mask == mask) return std::string(r.sddl);
    std::string out;
    for (unsigned bit = 0; bit < 32; ++bit) {
        if (!(mask & (uint32_t{1} << bit))) continue;
        std::string_view alias = bitSddl(bit);
        if (alias.empty()) return hexOffset(mask);
        out += alias;
    }
    return out;
}

std::vector<std::string> keyAccessRightNames(uint32_t mask) {
    std::vector<std::string> names;
    uint32_t covered = 0;
    if ((mask & sd::kKeyAllAccess) == sd::kKeyAllAccess) {
        names.emplace_back("KEY_ALL_ACCESS");
        covered = sd::kKeyAllAccess;
    } else {
        if ((mask & sd::kKeyRead) == sd::kKeyRead) {
            names.emplace_back("KEY_READ");
            covered |= sd::kKeyRead;
        }
        if ((mask & sd::kKeyWrite) == sd::kKeyWrite) {
            names.emplace_back("KEY_WRITE");
            covered |= sd::kKeyWrite;
        }
    }
    for (unsigned bit = 0; bit < 32; ++bit) {
        const uint32_t b = uint32_t{1} << bit;
        if (!(mask & b) || (covered & b)) continue;
        std::string_view name = keyBitName(bit);
        names.push_back(name.empty() ? hexOffset(b) : std::string(name));
    }
    return names;
}

std::string describeKeyAccess(uint32_t mask) {
    switch (mask) {
    case 0: return "No access (0x0)";
    case sd::kKeyAllAccess: return "Full control (KEY_ALL_ACCESS)";
    case sd::kKeyRead: return "Read (KEY_READ)";
    case sd::kKeyWrite: return "Write (KEY_WRITE)";
    case sd::kGenericAll: return "Full control (GENERIC_ALL)";
    case sd::kGenericRead: return "Read (GENERIC_READ)";
    case sd::kGenericWrite: return "Write (GENERIC_WRITE)";
    case sd::kGenericExecute: return "Execute (GENERIC_EXECUTE)";
    default: return "Special (" + join(keyAccessRightNames(mask), ", ") + ")";
    }
}

// ---- Ace -----------------------------------------------------------------------

std::string Ace::typeName() const {
    const AceTypeInfo* info = aceTypeInfo(type);
    if (info) return std::string(info->name);
    return "ACE type 0x" + hexByte(type);
}

std::string_view Ace::sddlType() const {
    const AceTypeInfo* info = aceTypeInfo(type);
    return info ? info->sddl : std::string_view{};
}

std::string Ace::sddlFlags() const {
    std::string out;
    if (flags & sd::kObjectInheritAce) out += "OI";
    if (flags & sd::kContainerInheritAce) out += "CI";
    if (flags & sd::kNoPropagateInheritAce) out += "NP";
    if (flags & sd::kInheritOnlyAce) out += "IO";
    if (flags & sd::kInheritedAce) out += "ID";
    if (flags & sd::kSuccessfulAccessAceFlag) out += "SA";
    if (flags & sd::kFailedAccessAceFlag) out += "FA";
    return out;
}

std::string Ace::toSddl() const {
    const std::string_view t = sddlType();
    if (t.empty() || !decoded || !sid) return "";
    const bool label = type == static_cast<uint8_t>(AceType::SystemMandatoryLabel);
    std::string out = "(";
    out += t;
    out += ";" + sddlFlags() + ";" + accessMaskSddl(mask, label) + ";";
    if (objectType) out += objectType->toString();
    out += ";";
    if (inheritedObjectType) out += inheritedObjectType->toString();
    out += ";" + sid->toSddl() + ")";
    return out;
}

std::string Ace::describe() const {
    const AceTypeInfo* info = aceTypeInfo(type);
    if (!info) {
        return "Unknown ACE type 0x" + hexByte(type) + "  flags 0x" + hexByte(flags) + "  " + std::to_string(raw.size()) +
               " bytes: " + hexBytes(raw);
    }
    if (!decoded) {
        return std::string(info->verb) + "  " + typeName() + ", not decoded  flags 0x" + hexByte(flags) + "  " +
               std::to_string(raw.size()) + " bytes: " + hexBytes(raw);
    }
    std::string verb(info->verb);
    if (isAuditOrAlarm(type)) {
        const bool ok = flags & sd::kSuccessfulAccessAceFlag;
        const bool bad = flags & sd::kFailedAccessAceFlag;
        verb += ok && bad ? " success and failure" : ok ? " success" : bad ? " failure" : " (no success or failure flag)";
    }
    const bool label = type == static_cast<uint8_t>(AceType::SystemMandatoryLabel);
    std::string line = verb + "  " + principal(*sid) + "  " + (label ? describeLabelMask(mask) : describeKeyAccess(mask)) +
                       "  " + appliesTo(flags);
    if (flags & sd::kInheritedAce) line += "  (inherited)";
    if (objectType) line += "  object type " + objectType->toString();
    if (inheritedObjectType) line += "  inherited object type " + inheritedObjectType->toString();
    const bool callback = info->name.find("CALLBACK") != std::string_view::npos;
    if (callback && !applicationData.empty())
        line += "  condition of " + std::to_string(applicationData.size()) + " bytes (not decoded)";
    else if (type == static_cast<uint8_t>(AceType::SystemResourceAttribute) && !applicationData.empty())
        line += "  attribute of " + std::to_string(applicationData.size()) + " bytes (not decoded)";
    return line;
}

// ---- SecurityDescriptor --------------------------------------------------------

std::string controlFlagNames(uint16_t control) {
    static constexpr std::string_view kNames[16] = {
        "SE_OWNER_DEFAULTED",       "SE_GROUP_DEFAULTED",       "SE_DACL_PRESENT",    "SE_DACL_DEFAULTED",
        "SE_SACL_PRESENT",          "SE_SACL_DEFAULTED",        "SE_DACL_UNTRUSTED",  "SE_SERVER_SECURITY",
        "SE_DACL_AUTO_INHERIT_REQ", "SE_SACL_AUTO_INHERIT_REQ", "SE_DACL_AUTO_INHERITED", "SE_SACL_AUTO_INHERITED",
        "SE_DACL_PROTECTED",        "SE_SACL_PROTECTED",        "SE_RM_CONTROL_VALID", "SE_SELF_RELATIVE",
    };
    if (control == 0) return "none";
    std::vector<std::string> parts;
    for (unsigned bit = 0; bit < 16; ++bit)
        if (control & (1u << bit)) parts.emplace_back(kNames[bit]);
    return join(parts, " | ");
}

std::string SecurityDescriptor::toSddl() const {
    std::string out;
    if (owner) out += "O:" + owner->toSddl();
    if (group) out += "G:" + group->toSddl();
    if (daclPresent() && (dacl || daclOffset == 0)) {
        out += "D:";
        appendAclFlags(out, control, sd::kSeDaclProtected, sd::kSeDaclAutoInheritReq, sd::kSeDaclAutoInherited);
        out += dacl ? aclSddl(dacl) : "NO_ACCESS_CONTROL";
    }
    if (saclPresent() && (sacl || saclOffset == 0)) {
        out += "S:";
        appendAclFlags(out, control, sd::kSeSaclProtected, sd::kSeSaclAutoInheritReq, sd::kSeSaclAutoInherited);
        out += sacl ? aclSddl(sacl) : "NO_ACCESS_CONTROL";
    }
    return out;
}

std::vector<std::string> SecurityDescriptor::describe() const {
    std::vector<std::string> lines;
    const auto sidLine = [&](const char* label, const std::optional<Sid>& sid, uint32_t offset) {
        std::string line = label;
        if (sid) line += sid->display();
        else if (offset == 0) line += "none";
        else line += "unreadable (see the warnings)";
        lines.push_back(std::move(line));
    };
    sidLine("Owner  ", owner, ownerOffset);
    sidLine("Group  ", group, groupOffset);
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%04x", control);
    lines.push_back(std::string("Control  ") + buf + ": " + controlFlagNames(control));
    lines.push_back(aclSummary(*this, true));
    if (dacl)
        for (const Ace& a : dacl->aces) lines.push_back(a.describe());
    lines.push_back(aclSummary(*this, false));
    if (sacl)
        for (const Ace& a : sacl->aces) lines.push_back(a.describe());
    for (const Error& w : warnings) lines.push_back("Warning  " + w.message);
    return lines;
}

Result<SecurityDescriptor> decodeSecurityDescriptor(Bytes bytes, uint64_t fileOffset) {
    const std::string where = "security descriptor at " + hexOffset(fileOffset) + ": ";
    if (bytes.size() < sd::kHeaderSize) {
        return fail(ErrorCode::Truncated,
                    where + "it is " + hexOffset(bytes.size()) + " bytes, shorter than its " +
                        hexOffset(sd::kHeaderSize) + "-byte header",
                    fileOffset);
    }
    SecurityDescriptor out;
    out.fileOffset = fileOffset;
    ByteReader header(bytes, fileOffset, "security descriptor");
    out.revision = header.u8(0x00, "the revision");
    out.sbz1 = header.u8(0x01, "Sbz1");
    out.control = header.u16(0x02, "the control flags");
    out.ownerOffset = header.u32(0x04, "the owner offset");
    out.groupOffset = header.u32(0x08, "the group offset");
    out.saclOffset = header.u32(0x0C, "the SACL offset");
    out.daclOffset = header.u32(0x10, "the DACL offset");
    if (!header.ok()) return std::unexpected(header.error());
    if (out.revision != sd::kRevision) {
        return fail(ErrorCode::Unsupported,
                    where + "its revision is " + std::to_string(out.revision) + ", not 1", fileOffset);
    }

    Decoder d(bytes, fileOffset, out.warnings);
    if (!(out.control & sd::kSeSelfRelative)) {
        d.warn(ErrorCode::Corrupt,
               "the control flags lack SE_SELF_RELATIVE; the offsets are read as relative anyway", 0x02);
    }
    if (out.ownerOffset) out.owner = d.sidAt(out.ownerOffset, "owner", 0x04);
    if (out.groupOffset) out.group = d.sidAt(out.groupOffset, "group", 0x08);
    // Windows reads an ACL only when its present bit is set; an offset
    // without the bit is ignored, as Windows ignores it.
    if (out.saclPresent() && out.saclOffset) out.sacl = d.aclAt(out.saclOffset, "SACL", 0x0C);
    if (out.daclPresent() && out.daclOffset) out.dacl = d.aclAt(out.daclOffset, "DACL", 0x10);
    return out;
}

}  // namespace hivekit
