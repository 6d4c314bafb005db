#include <catch2/catch.hpp>

#include <cctype>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "format/SecurityDescriptor.h"
#include "support/TestSupport.h"

using namespace hivekit;

namespace {

using Buf = std::vector<uint8_t>;

constexpr uint64_t kAt = 0x1234;  // the file offset the hand-built descriptors pretend to have

void put16(Buf& b, uint16_t v) {
    b.push_back(uint8_t(v));
    b.push_back(uint8_t(v >> 8));
}
void put32(Buf& b, uint32_t v) {
    put16(b, uint16_t(v));
    put16(b, uint16_t(v >> 16));
}
// One byte at a time: g++ 12 at -O3 warns falsely (-Wstringop-overread)
// about vector::insert of a vector's range here.
void append(Buf& b, const Buf& more) {
    for (uint8_t x : more) b.push_back(x);
}

Buf sidBytes(std::string_view text) {
    std::optional<Sid> sid = parseSid(text);
    REQUIRE(sid);
    Buf b{sid->revision, uint8_t(sid->subAuthorities.size())};
    for (int shift = 40; shift >= 0; shift -= 8) b.push_back(uint8_t(sid->authority >> shift));
    for (uint32_t sub : sid->subAuthorities) put32(b, sub);
    return b;
}

/// An ACE of the given type with an arbitrary body after its 4-byte header.
Buf rawAce(uint8_t type, uint8_t flags, const Buf& body) {
    Buf b{type, flags};
    put16(b, uint16_t(4 + body.size()));
    append(b, body);
    return b;
}

/// A basic ACE: mask, SID, then any application data.
Buf ace(uint8_t type, uint8_t flags, uint32_t mask, std::string_view sid, const Buf& extra = {}) {
    Buf body;
    put32(body, mask);
    append(body, sidBytes(sid));
    append(body, extra);
    return rawAce(type, flags, body);
}

Buf allow(uint8_t flags, uint32_t mask, std::string_view sid) { return ace(0x00, flags, mask, sid); }

Buf acl(const std::vector<Buf>& aces, uint8_t revision = 2) {
    Buf body;
    for (const Buf& a : aces) append(body, a);
    Buf b{revision, 0};
    put16(b, uint16_t(8 + body.size()));
    put16(b, uint16_t(aces.size()));
    put16(b, 0);
    append(b, body);
    return b;
}

struct Parts {
    uint16_t control = sd::kSeSelfRelative;
    std::optional<std::string> owner, group;
    std::optional<Buf> sacl, dacl;
};

/// Lays a descriptor out the way Windows does: header, SACL, DACL, owner, group.
Buf descriptor(const Parts& p) {
    Buf body;
    uint32_t offsets[4] = {0, 0, 0, 0};  // owner, group, SACL, DACL
    const auto place = [&](int slot, const Buf& bytes) {
        offsets[slot] = uint32_t(sd::kHeaderSize + body.size());
        append(body, bytes);
    };
    if (p.sacl) place(2, *p.sacl);
    if (p.dacl) place(3, *p.dacl);
    if (p.owner) place(0, sidBytes(*p.owner));
    if (p.group) place(1, sidBytes(*p.group));
    Buf b{1, 0};
    put16(b, p.control);
    for (uint32_t o : offsets) put32(b, o);
    append(b, body);
    return b;
}

SecurityDescriptor decodeOk(const Buf& bytes) {
    auto r = decodeSecurityDescriptor(Bytes(bytes), kAt);
    REQUIRE(r);
    return *r;
}

std::vector<std::string> warningMessages(const SecurityDescriptor& d) {
    std::vector<std::string> out;
    for (const Error& e : d.warnings) out.push_back(e.message);
    return out;
}

Buf fromHex(std::string_view hex) {
    Buf b;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) b.push_back(uint8_t(std::stoul(std::string(hex.substr(i, 2)), nullptr, 16)));
    return b;
}

// A real descriptor: the first sk cell of regipy's SYSTEM hive (cell 0x10a8,
// descriptor at file offset 0x10c0).
const Buf kRealDescriptor = fromHex(
    "01000494d0000000e000000000000000140000000200bc000800000000001800"
    "1900020001020000000000052000000021020000000a18000000008001020000"
    "000000052000000021020000000018003f000f00010200000000000520000000"
    "20020000000a1800000000100102000000000005200000002002000000001400"
    "3f000f00010100000000000512000000000a1400000000100101000000000005"
    "12000000000018003f000f0001020000000000052000000020020000000a1400"
    "0000001001010000000000030000000001020000000000052000000020020000"
    "010100000000000512000000");
constexpr const char* kRealSddl =
    "O:BAG:SYD:PAI(A;;KR;;;BU)(A;CIIO;GR;;;BU)(A;;KA;;;BA)(A;CIIO;GA;;;BA)(A;;KA;;;SY)(A;CIIO;GA;;;SY)"
    "(A;;KA;;;BA)(A;CIIO;GA;;;CO)";

constexpr uint16_t kProtectedAutoInherited =
    sd::kSeSelfRelative | sd::kSeDaclPresent | sd::kSeDaclProtected | sd::kSeDaclAutoInherited;

// The TrustedInstaller service SID.
constexpr const char* kTrustedInstaller = "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464";

}  // namespace

// ---- Whole descriptors ---------------------------------------------------------

TEST_CASE("A typical key descriptor decodes to the SDDL Windows prints", "[sd]") {
    Parts p;
    p.control = kProtectedAutoInherited;
    p.owner = "S-1-5-32-544";
    p.group = "S-1-5-18";
    p.dacl = acl({allow(0x02, sd::kKeyAllAccess, "S-1-5-32-544"), allow(0x0A, sd::kGenericAll, "S-1-3-0"),
                  allow(0x02, sd::kKeyRead, "S-1-5-32-545"), allow(0x02, sd::kKeyAllAccess, "S-1-5-18"),
                  allow(0x02, sd::kKeyRead, "S-1-15-2-1"), allow(0x02, sd::kKeyAllAccess, kTrustedInstaller)});
    SecurityDescriptor d = decodeOk(descriptor(p));
    CHECK(d.warnings.empty());
    CHECK(d.toSddl() ==
          "O:BAG:SYD:PAI(A;CI;KA;;;BA)(A;CIIO;GA;;;CO)(A;CI;KR;;;BU)(A;CI;KA;;;SY)(A;CI;KR;;;AC)"
          "(A;CI;KA;;;S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464)");
    REQUIRE(d.dacl);
    CHECK(d.dacl->aces.size() == 6);
    CHECK(d.dacl->fileOffset == kAt + 0x14);
    CHECK(d.dacl->aces[0].fileOffset == kAt + 0x1c);
    CHECK(d.owner->toString() == "S-1-5-32-544");
}

TEST_CASE("describe lists owner, group, control, each ACL and each ACE on its own line", "[sd]") {
    Parts p;
    p.control = kProtectedAutoInherited | sd::kSeSaclPresent;
    p.owner = "S-1-5-32-544";
    p.group = "S-1-5-21-1-2-3-513";
    p.dacl = acl({allow(0x02, sd::kKeyAllAccess, "S-1-5-32-544"), allow(0x0A, sd::kGenericAll, "S-1-3-0"),
                  ace(0x01, 0x00, sd::kKeySetValue | sd::kDelete, "S-1-1-0"),
                  allow(0x16, sd::kKeyRead, "S-1-5-32-545"), allow(0x00, 0x3001f, "S-1-5-21-1-2-3-1001"),
                  rawAce(0x1b, 0x02, {0xde, 0xad, 0xbe, 0xef})});
    p.sacl = acl({ace(0x02, 0xC0, sd::kKeyWrite, "S-1-1-0"), ace(0x11, 0x00, 0x1, "S-1-16-4096")});
    SecurityDescriptor d = decodeOk(descriptor(p));
    CHECK(d.warnings.empty());
    const std::vector<std::string> expected = {
        "Owner  BUILTIN\\Administrators (S-1-5-32-544)",
        "Group  <domain>\\Domain Users (RID 513) (S-1-5-21-1-2-3-513)",
        "Control  0x9414: SE_DACL_PRESENT | SE_SACL_PRESENT | SE_DACL_AUTO_INHERITED | SE_DACL_PROTECTED | "
        "SE_SELF_RELATIVE",
        "DACL  6 entries, protected, auto-inherited",
        "Allow  BUILTIN\\Administrators  Full control (KEY_ALL_ACCESS)  this key and subkeys",
        "Allow  CREATOR OWNER  Full control (GENERIC_ALL)  subkeys only",
        "Deny  Everyone  Special (KEY_SET_VALUE, DELETE)  this key only",
        "Allow  BUILTIN\\Users  Read (KEY_READ)  this key and immediate subkeys  (inherited)",
        "Allow  S-1-5-21-1-2-3-1001 (<domain>\\account or group with RID 1001)  Special (KEY_READ, KEY_WRITE, "
        "DELETE)  this key only",
        "Unknown ACE type 0x1b  flags 0x02  8 bytes: 1b 02 08 00 de ad be ef",
        "SACL  2 entries",
        "Audit success and failure  Everyone  Write (KEY_WRITE)  this key only",
        "Mandatory label  Mandatory Label\\Low Mandatory Level  No write up  this key only",
    };
    CHECK(d.describe() == expected);
}

TEST_CASE("An unknown ACE type is kept raw and left out of the SDDL", "[sd]") {
    Parts p;
    p.control = sd::kSeSelfRelative | sd::kSeDaclPresent;
    p.dacl = acl({allow(0, sd::kKeyRead, "S-1-5-32-545"), rawAce(0x40, 0x13, {1, 2, 3, 4, 5, 6, 7, 8}),
                  allow(0, sd::kKeyAllAccess, "S-1-5-18")});
    SecurityDescriptor d = decodeOk(descriptor(p));
    CHECK(d.warnings.empty());
    REQUIRE(d.dacl->aces.size() == 3);
    const Ace& unknown = d.dacl->aces[1];
    CHECK(unknown.type == 0x40);
    CHECK(unknown.flags == 0x13);
    CHECK(unknown.size == 12);
    CHECK_FALSE(unknown.decoded);
    CHECK(unknown.raw == Buf{0x40, 0x13, 0x0c, 0x00, 1, 2, 3, 4, 5, 6, 7, 8});
    CHECK(unknown.typeName() == "ACE type 0x40");
    CHECK(d.toSddl() == "D:(A;;KR;;;BU)(A;;KA;;;SY)");
}

TEST_CASE("A compound ACE is named but kept raw", "[sd]") {
    Parts p;
    p.control = sd::kSeSelfRelative | sd::kSeDaclPresent;
    p.dacl = acl({rawAce(0x04, 0, {0x3f, 0, 0x0f, 0, 1, 0, 0, 0})});
    SecurityDescriptor d = decodeOk(descriptor(p));
    REQUIRE(d.dacl->aces.size() == 1);
    CHECK(d.dacl->aces[0].typeName() == "ACCESS_ALLOWED_COMPOUND_ACE_TYPE");
    CHECK_FALSE(d.dacl->aces[0].decoded);
    CHECK(d.dacl->aces[0].raw.size() == 12);
    CHECK(d.toSddl() == "D:");
}

TEST_CASE("Control flags print as Windows prints them", "[sd]") {
    const uint16_t sr = sd::kSeSelfRelative;
    SECTION("a DACL present at offset 0 is a NULL DACL") {
        Parts p;
        p.control = sr | sd::kSeDaclPresent;
        p.owner = "S-1-5-18";
        SecurityDescriptor d = decodeOk(descriptor(p));
        CHECK(d.nullDacl());
        CHECK(d.toSddl() == "O:SYD:NO_ACCESS_CONTROL");
        CHECK(d.describe()[3] == "DACL  NULL: everyone has full access");
    }
    SECTION("a NULL DACL keeps its flags before NO_ACCESS_CONTROL") {
        Parts p;
        p.control = sr | sd::kSeDaclPresent | sd::kSeDaclProtected;
        CHECK(decodeOk(descriptor(p)).toSddl() == "D:PNO_ACCESS_CONTROL");
    }
    SECTION("a DACL that is not present prints nothing, even with its flags set") {
        Parts p;
        p.control = sr | sd::kSeDaclProtected;
        p.group = "S-1-5-32-544";
        CHECK(decodeOk(descriptor(p)).toSddl() == "G:BA");
    }
    SECTION("an ACL offset without its present bit is ignored") {
        Parts p;
        p.control = sr;
        p.dacl = acl({allow(0, sd::kKeyRead, "S-1-1-0")});
        SecurityDescriptor d = decodeOk(descriptor(p));
        CHECK_FALSE(d.dacl);
        CHECK(d.toSddl() == "");
    }
    SECTION("an empty DACL prints as D: alone") {
        Parts p;
        p.control = sr | sd::kSeDaclPresent;
        p.dacl = acl({});
        CHECK(decodeOk(descriptor(p)).toSddl() == "D:");
    }
    SECTION("P, AR and AI come in that order on both ACLs") {
        Parts p;
        p.control = sr | sd::kSeDaclPresent | sd::kSeSaclPresent | sd::kSeDaclProtected |
                    sd::kSeDaclAutoInheritReq | sd::kSeDaclAutoInherited | sd::kSeSaclProtected |
                    sd::kSeSaclAutoInheritReq | sd::kSeSaclAutoInherited;
        p.dacl = acl({});
        p.sacl = acl({});
        CHECK(decodeOk(descriptor(p)).toSddl() == "D:PARAIS:PARAI");
    }
    SECTION("a SACL with an audit ACE and a mandatory label") {
        Parts p;
        p.control = sr | sd::kSeSaclPresent | sd::kSeSaclAutoInherited;
        p.sacl = acl({ace(0x02, 0x80, sd::kKeyAllAccess, "S-1-1-0"), ace(0x11, 0x03, 0x3, "S-1-16-4096")});
        CHECK(decodeOk(descriptor(p)).toSddl() == "S:AI(AU;FA;KA;;;WD)(ML;OICI;NWNR;;;LW)");
    }
    SECTION("a NULL SACL") {
        Parts p;
        p.control = sr | sd::kSeSaclPresent;
        CHECK(decodeOk(descriptor(p)).toSddl() == "S:NO_ACCESS_CONTROL");
    }
    SECTION("control flag names list every bit") {
        CHECK(controlFlagNames(0) == "none");
        CHECK(controlFlagNames(0x8004) == "SE_DACL_PRESENT | SE_SELF_RELATIVE");
        CHECK(controlFlagNames(0x0003) == "SE_OWNER_DEFAULTED | SE_GROUP_DEFAULTED");
    }
}

TEST_CASE("ACE flags print in bit order as OI CI NP IO ID SA FA", "[sd]") {
    Parts p;
    p.control = sd::kSeSelfRelative | sd::kSeSaclPresent;
    p.sacl = acl({ace(0x02, 0xDF, sd::kKeyRead, "S-1-5-11"), ace(0x02, 0x40, sd::kKeyRead, "S-1-5-11")});
    SecurityDescriptor d = decodeOk(descriptor(p));
    CHECK(d.toSddl() == "S:(AU;OICINPIOIDSAFA;KR;;;AU)(AU;SA;KR;;;AU)");
    CHECK(d.sacl->aces[1].describe() == "Audit success  NT AUTHORITY\\Authenticated Users  Read (KEY_READ)  this key only");
}

TEST_CASE("Object ACEs print their GUIDs in lowercase without braces", "[sd]") {
    const Buf guid1 = {0xba, 0x7a, 0x96, 0xbf, 0xe6, 0x0d, 0xd0, 0x11, 0xa2, 0x85, 0x00, 0xaa, 0x00, 0x30, 0x49, 0xe2};
    const Buf guid2 = {0x14, 0xcc, 0x28, 0x48, 0x37, 0x14, 0xbc, 0x45, 0x9b, 0x07, 0xad, 0x6f, 0x01, 0x5e, 0x5f, 0x28};
    const auto objectAce = [](uint8_t type, uint32_t objectFlags, const Buf& guids) {
        Buf body;
        put32(body, 0x100);
        put32(body, objectFlags);
        append(body, guids);
        append(body, sidBytes("S-1-5-11"));
        return rawAce(type, 0x00, body);
    };
    Buf both = guid1;
    append(both, guid2);
    Parts p;
    p.control = sd::kSeSelfRelative | sd::kSeDaclPresent;
    p.dacl = acl({objectAce(0x05, 1, guid1), objectAce(0x06, 2, guid2), objectAce(0x05, 3, both),
                  objectAce(0x05, 0, {})},
                 4);
    SecurityDescriptor d = decodeOk(descriptor(p));
    CHECK(d.warnings.empty());
    CHECK(d.toSddl() ==
          "D:(OA;;CR;bf967aba-0de6-11d0-a285-00aa003049e2;;AU)(OD;;CR;;4828cc14-1437-45bc-9b07-ad6f015e5f28;AU)"
          "(OA;;CR;bf967aba-0de6-11d0-a285-00aa003049e2;4828cc14-1437-45bc-9b07-ad6f015e5f28;AU)(OA;;CR;;;AU)");
    CHECK(d.dacl->aces[0].typeName() == "ACCESS_ALLOWED_OBJECT_ACE_TYPE");
}

TEST_CASE("Callback ACEs keep their condition bytes as application data", "[sd]") {
    const Buf condition = {'a', 'r', 't', 'x', 0x00, 0x00, 0x00, 0x00};
    Parts p;
    p.control = sd::kSeSelfRelative | sd::kSeDaclPresent;
    p.dacl = acl({ace(0x09, 0x00, sd::kKeyAllAccess, "S-1-5-32-544", condition),
                  ace(0x0A, 0x00, sd::kKeyRead, "S-1-1-0")});
    SecurityDescriptor d = decodeOk(descriptor(p));
    REQUIRE(d.dacl->aces.size() == 2);
    CHECK(d.dacl->aces[0].applicationData == condition);
    CHECK(d.dacl->aces[0].typeName() == "ACCESS_ALLOWED_CALLBACK_ACE_TYPE");
    CHECK(d.toSddl() == "D:(XA;;KA;;;BA)(XD;;KR;;;WD)");
    CHECK(d.dacl->aces[0].describe() ==
          "Allow (callback)  BUILTIN\\Administrators  Full control (KEY_ALL_ACCESS)  this key only  condition of 8 "
          "bytes (not decoded)");
}

TEST_CASE("Every ACE type has its name and SDDL type", "[sd]") {
    struct Row {
        uint8_t type;
        const char* name;
        const char* sddl;
    };
    const Row rows[] = {
        {0x00, "ACCESS_ALLOWED_ACE_TYPE", "A"},
        {0x01, "ACCESS_DENIED_ACE_TYPE", "D"},
        {0x02, "SYSTEM_AUDIT_ACE_TYPE", "AU"},
        {0x03, "SYSTEM_ALARM_ACE_TYPE", "AL"},
        {0x04, "ACCESS_ALLOWED_COMPOUND_ACE_TYPE", ""},
        {0x05, "ACCESS_ALLOWED_OBJECT_ACE_TYPE", "OA"},
        {0x06, "ACCESS_DENIED_OBJECT_ACE_TYPE", "OD"},
        {0x07, "SYSTEM_AUDIT_OBJECT_ACE_TYPE", "OU"},
        {0x08, "SYSTEM_ALARM_OBJECT_ACE_TYPE", "OL"},
        {0x09, "ACCESS_ALLOWED_CALLBACK_ACE_TYPE", "XA"},
        {0x0A, "ACCESS_DENIED_CALLBACK_ACE_TYPE", "XD"},
        {0x0B, "ACCESS_ALLOWED_CALLBACK_OBJECT_ACE_TYPE", "ZA"},
        {0x0C, "ACCESS_DENIED_CALLBACK_OBJECT_ACE_TYPE", ""},
        {0x0D, "SYSTEM_AUDIT_CALLBACK_ACE_TYPE", "XU"},
        {0x0E, "SYSTEM_ALARM_CALLBACK_ACE_TYPE", ""},
        {0x0F, "SYSTEM_AUDIT_CALLBACK_OBJECT_ACE_TYPE", ""},
        {0x10, "SYSTEM_ALARM_CALLBACK_OBJECT_ACE_TYPE", ""},
        {0x11, "SYSTEM_MANDATORY_LABEL_ACE_TYPE", "ML"},
        {0x12, "SYSTEM_RESOURCE_ATTRIBUTE_ACE_TYPE", "RA"},
        {0x13, "SYSTEM_SCOPED_POLICY_ID_ACE_TYPE", "SP"},
        {0x14, "SYSTEM_PROCESS_TRUST_LABEL_ACE_TYPE", "TL"},
        {0x15, "SYSTEM_ACCESS_FILTER_ACE_TYPE", "FL"},
        {0x16, "ACE type 0x16", ""},
        {0xFF, "ACE type 0xff", ""},
    };
    for (const Row& row : rows) {
        Ace a;
        a.type = row.type;
        CHECK(a.typeName() == row.name);
        CHECK(a.sddlType() == row.sddl);
    }
}

// ---- SIDs ----------------------------------------------------------------------

// The table's SIDs and aliases are checked against Samba's SDDL code in
// tests/oracle/SecurityDescriptorOracleTest.cpp; here, that each row is what
// the API answers for its SID, from text and from bytes.
TEST_CASE("Each row of the well-known SID table is what the SID's name, alias and SDDL give", "[sd][sid]") {
    std::set<std::string_view> sids, aliases;
    for (const WellKnownSid& row : wellKnownSids()) {
        INFO(row.sid);
        CHECK(sids.insert(row.sid).second);
        CHECK_FALSE(row.name.empty());
        if (!row.alias.empty()) {
            CHECK(aliases.insert(row.alias).second);
            CHECK(row.alias.size() == 2);
        }
        std::optional<Sid> sid = parseSid(row.sid);
        REQUIRE(sid);
        CHECK(sid->toString() == row.sid);
        CHECK(sid->name() == row.name);
        CHECK(sid->sddlAlias() == row.alias);
        CHECK(sid->toSddl() == std::string(row.alias.empty() ? row.sid : row.alias));
        // The same SID decoded from bytes, as an owner.
        Parts p;
        p.owner = std::string(row.sid);
        SecurityDescriptor d = decodeOk(descriptor(p));
        REQUIRE(d.owner);
        CHECK(*d.owner == *sid);
        CHECK(d.toSddl() == "O:" + sid->toSddl());
    }
    CHECK(sids.size() == 80);
}

TEST_CASE("Well-known SIDs carry the names Microsoft documents for them", "[sd][sid]") {
    // No machine-readable source of Windows' account names is packaged for
    // Debian (Samba's Python bindings name SIDs by constant only; impacket's
    // names are descriptions, not account names). These rows are from
    // Microsoft's "Well-known security identifiers in Windows operating
    // systems" (KB 243330, learn.microsoft.com/troubleshoot/windows-server/
    // identity/security-identifiers-in-windows), whose Name column gives the
    // account name without its domain ("NT AUTHORITY", "NT SERVICE") and in
    // its own case: they are compared with the engine's name after its last
    // backslash, ignoring case.
    const std::pair<const char*, const char*> documented[] = {
        {"S-1-1-0", "Everyone"},
        {"S-1-2-0", "Local"},
        {"S-1-2-1", "Console Logon"},
        {"S-1-3-0", "Creator Owner"},
        {"S-1-3-1", "Creator Group"},
        {"S-1-3-2", "Creator Owner Server"},
        {"S-1-3-3", "Creator Group Server"},
        {"S-1-3-4", "Owner Rights"},
        {"S-1-5-1", "Dialup"},
        {"S-1-5-2", "Network"},
        {"S-1-5-3", "Batch"},
        {"S-1-5-4", "Interactive"},
        {"S-1-5-80-0", "All Services"},
    };
    const auto lower = [](std::string_view text) {
        std::string out(text);
        for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return out;
    };
    for (const auto& [text, name] : documented) {
        INFO(text);
        std::optional<Sid> sid = parseSid(text);
        REQUIRE(sid);
        const std::string ours = sid->name();
        const size_t slash = ours.rfind('\\');
        CHECK(lower(slash == std::string::npos ? ours : ours.substr(slash + 1)) == lower(name));
    }
}

TEST_CASE("Domain-relative SIDs are described generically and printed in full", "[sd][sid]") {
    const char* domain = "S-1-5-21-2036804247-3058324640-2116585241";
    const std::pair<uint32_t, const char*> rows[] = {
        {500, "<domain>\\Administrator (RID 500)"},
        {501, "<domain>\\Guest (RID 501)"},
        {512, "<domain>\\Domain Admins (RID 512)"},
        {513, "<domain>\\Domain Users (RID 513)"},
        {514, "<domain>\\Domain Guests (RID 514)"},
        {519, "<domain>\\Enterprise Admins (RID 519)"},
        {1001, "<domain>\\account or group with RID 1001"},
    };
    for (const auto& [rid, name] : rows) {
        const std::string text = std::string(domain) + "-" + std::to_string(rid);
        std::optional<Sid> sid = parseSid(text);
        REQUIRE(sid);
        CHECK(sid->name() == name);
        CHECK(sid->sddlAlias() == "");
        CHECK(sid->toSddl() == text);
    }
    CHECK(parseSid(domain)->name() == "<domain> (a domain or machine SID)");
}

TEST_CASE("Classes of SIDs without a fixed name are described", "[sd][sid]") {
    CHECK(parseSid("S-1-5-80-1-2-3-4-5")->name() == "NT SERVICE\\<service>");
    CHECK(parseSid("S-1-5-32-600")->name() == "BUILTIN\\<alias with RID 600>");
    CHECK(parseSid("S-1-5-5-0-12345")->name() == "NT AUTHORITY\\<logon session>");
    CHECK(parseSid("S-1-15-2-1-2-3-4-5-6-7")->name() == "APPLICATION PACKAGE AUTHORITY\\<application package>");
    CHECK(parseSid("S-1-15-3-1024-1-2")->name() == "APPLICATION PACKAGE AUTHORITY\\<capability>");
    CHECK(parseSid("S-1-16-28672")->name() == "Mandatory Label\\<mandatory level 28672>");
    CHECK(parseSid("S-1-5-96-0-1")->name() == "Font Driver Host\\UMFD-1");
    CHECK(parseSid("S-1-5-90-0-2")->name() == "Window Manager\\DWM-2");
    CHECK(parseSid("S-1-9-1")->name() == "");
    CHECK(parseSid("S-1-9-1")->display() == "S-1-9-1");
    CHECK(parseSid("S-1-5-18")->display() == "NT AUTHORITY\\SYSTEM (S-1-5-18)");
}

TEST_CASE("A SID with an authority of 2^32 or more prints it in hex", "[sd][sid]") {
    Sid sid;
    sid.authority = 0x123456789ABC;
    sid.subAuthorities = {7};
    CHECK(sid.toString() == "S-1-0x123456789ABC-7");
    CHECK(parseSid("S-1-0x123456789ABC-7") == sid);
    Sid small;
    small.authority = 0xFFFFFFFF;
    CHECK(small.toString() == "S-1-4294967295");
    Sid none;
    none.authority = 5;
    CHECK(none.toString() == "S-1-5");
}

TEST_CASE("parseSid rejects malformed text", "[sd][sid]") {
    CHECK_FALSE(parseSid(""));
    CHECK_FALSE(parseSid("S-"));
    CHECK_FALSE(parseSid("S-1"));
    CHECK_FALSE(parseSid("X-1-5"));
    CHECK_FALSE(parseSid("S-1-5-"));
    CHECK_FALSE(parseSid("S-1-5--1"));
    CHECK_FALSE(parseSid("S-1-5-4294967296"));
    CHECK_FALSE(parseSid("S-256-5"));
    CHECK_FALSE(parseSid("S-1-0x1000000000000"));
    CHECK_FALSE(parseSid("S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16"));
    CHECK(parseSid("S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15"));
}

// ---- Access masks --------------------------------------------------------------

TEST_CASE("Access masks print as whole aliases, else per-bit aliases, else hex", "[sd][mask]") {
    CHECK(accessMaskSddl(0) == "");
    CHECK(accessMaskSddl(0xF003F) == "KA");
    CHECK(accessMaskSddl(0x20019) == "KR");
    CHECK(accessMaskSddl(0x20006) == "KW");
    CHECK(accessMaskSddl(0x10000000) == "GA");
    CHECK(accessMaskSddl(0x80000000) == "GR");
    CHECK(accessMaskSddl(0x40000000) == "GW");
    CHECK(accessMaskSddl(0x20000000) == "GX");
    CHECK(accessMaskSddl(0xA0000000) == "GXGR");
    CHECK(accessMaskSddl(0x1F01FF) == "FA");
    CHECK(accessMaskSddl(0x20000) == "RC");
    CHECK(accessMaskSddl(0x3001F) == "CCDCLCSWRPSDRC");
    CHECK(accessMaskSddl(0xF01FF) == "CCDCLCSWRPWPDTLOCRSDRCWDWO");
    CHECK(accessMaskSddl(0x100000) == "0x100000");
    CHECK(accessMaskSddl(0x20219) == "0x20219");
    CHECK(accessMaskSddl(0x1, true) == "NW");
    CHECK(accessMaskSddl(0x7, true) == "NWNRNX");
    CHECK(accessMaskSddl(0x9, true) == "0x9");
}

TEST_CASE("Registry rights are named, with KEY_ALL_ACCESS, KEY_READ and KEY_WRITE as wholes", "[sd][mask]") {
    using V = std::vector<std::string>;
    CHECK(keyAccessRightNames(0xF003F) == V{"KEY_ALL_ACCESS"});
    CHECK(keyAccessRightNames(0x20019) == V{"KEY_READ"});
    CHECK(keyAccessRightNames(0x20006) == V{"KEY_WRITE"});
    CHECK(keyAccessRightNames(0x2001F) == V{"KEY_READ", "KEY_WRITE"});
    CHECK(keyAccessRightNames(0x1F003F) == V{"KEY_ALL_ACCESS", "SYNCHRONIZE"});
    CHECK(keyAccessRightNames(0x3F) == V{"KEY_QUERY_VALUE", "KEY_SET_VALUE", "KEY_CREATE_SUB_KEY",
                                         "KEY_ENUMERATE_SUB_KEYS", "KEY_NOTIFY", "KEY_CREATE_LINK"});
    CHECK(keyAccessRightNames(0xF0000) == V{"DELETE", "READ_CONTROL", "WRITE_DAC", "WRITE_OWNER"});
    CHECK(keyAccessRightNames(0xF0000000) == V{"GENERIC_ALL", "GENERIC_EXECUTE", "GENERIC_WRITE", "GENERIC_READ"});
    CHECK(keyAccessRightNames(0x1000040) == V{"0x40", "ACCESS_SYSTEM_SECURITY"});
    CHECK(describeKeyAccess(0) == "No access (0x0)");
    CHECK(describeKeyAccess(0xF003F) == "Full control (KEY_ALL_ACCESS)");
    CHECK(describeKeyAccess(0x20019) == "Read (KEY_READ)");
    CHECK(describeKeyAccess(0x20006) == "Write (KEY_WRITE)");
    CHECK(describeKeyAccess(0x10000000) == "Full control (GENERIC_ALL)");
    CHECK(describeKeyAccess(0x10001) == "Special (KEY_QUERY_VALUE, DELETE)");
}

// ---- Errors and damage ---------------------------------------------------------

TEST_CASE("A descriptor shorter than its header is an error", "[sd][error]") {
    const Buf bytes(12, 0);
    auto r = decodeSecurityDescriptor(Bytes(bytes), kAt);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::Truncated);
    CHECK(r.error().message == "security descriptor at 0x1234: it is 0xc bytes, shorter than its 0x14-byte header");
    CHECK(r.error().offset == kAt);
}

TEST_CASE("A descriptor of another revision is an error", "[sd][error]") {
    Buf bytes = descriptor(Parts{});
    bytes[0] = 2;
    auto r = decodeSecurityDescriptor(Bytes(bytes), kAt);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::Unsupported);
    CHECK(r.error().message == "security descriptor at 0x1234: its revision is 2, not 1");
}

TEST_CASE("An ACL offset past the end is a warning and the ACL is left out", "[sd][error]") {
    Buf bytes = descriptor(Parts{});
    bytes.resize(0x80, 0);
    bytes[2] = uint8_t(sd::kSeDaclPresent);
    bytes[0x10] = 0x90;
    SecurityDescriptor d = decodeOk(bytes);
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].message == "security descriptor at 0x1234: the DACL offset 0x90 points past its end (0x80)");
    CHECK(d.warnings[0].code == ErrorCode::OutOfBounds);
    CHECK(d.warnings[0].offset == kAt + 0x10);
    CHECK_FALSE(d.dacl);
    CHECK(d.toSddl() == "");  // neither a NULL DACL nor an empty one: unknown
    CHECK(d.describe()[3] == "DACL  unreadable (see the warnings)");
    CHECK(d.describe().back() == "Warning  " + d.warnings[0].message);
}

TEST_CASE("Owner and group offsets past the end are warnings", "[sd][error]") {
    Buf bytes = descriptor(Parts{});
    bytes[4] = 0x14;
    bytes[8] = 0xff;
    bytes[9] = 0xff;
    bytes[10] = 0xff;
    bytes[11] = 0xff;
    SecurityDescriptor d = decodeOk(bytes);
    CHECK(warningMessages(d) ==
          std::vector<std::string>{"security descriptor at 0x1234: the owner offset 0x14 points past its end (0x14)",
                                   "security descriptor at 0x1234: the group offset 0xffffffff points past its end "
                                   "(0x14)"});
    CHECK_FALSE(d.owner);
    CHECK_FALSE(d.group);
}

TEST_CASE("A SID with more than 15 sub-authorities is rejected", "[sd][error]") {
    Buf bytes = descriptor(Parts{});
    bytes[4] = 0x14;
    Buf sid = {1, 16, 0, 0, 0, 0, 0, 5};
    for (int i = 0; i < 16; ++i) put32(sid, uint32_t(i));
    append(bytes, sid);
    SecurityDescriptor d = decodeOk(bytes);
    CHECK(warningMessages(d) == std::vector<std::string>{
                                    "security descriptor at 0x1234: the owner SID at offset 0x14 has 16 "
                                    "sub-authorities, more than 15"});
    CHECK(d.warnings[0].code == ErrorCode::Corrupt);
    CHECK_FALSE(d.owner);
}

TEST_CASE("A SID cut short is a warning naming its size and the end", "[sd][error]") {
    Parts p;
    p.owner = "S-1-5-32-544";
    Buf whole = descriptor(p);
    REQUIRE(whole.size() == 0x24);
    Buf cut(whole.begin(), whole.begin() + 0x20);
    CHECK(warningMessages(decodeOk(cut)) ==
          std::vector<std::string>{
              "security descriptor at 0x1234: the owner SID at offset 0x14 (0x10 bytes) goes past its end (0x20)"});
    cut.resize(0x18);
    CHECK(warningMessages(decodeOk(cut)) ==
          std::vector<std::string>{"security descriptor at 0x1234: the owner SID at offset 0x14 goes past its end (0x18)"});
}

TEST_CASE("A SID of another revision is kept with a warning", "[sd][error]") {
    Parts p;
    p.owner = "S-1-5-18";
    Buf bytes = descriptor(p);
    bytes[0x14] = 2;
    SecurityDescriptor d = decodeOk(bytes);
    CHECK(warningMessages(d) ==
          std::vector<std::string>{"security descriptor at 0x1234: the owner SID at offset 0x14 has revision 2, not 1"});
    REQUIRE(d.owner);
    CHECK(d.owner->toString() == "S-2-5-18");
    CHECK(d.owner->name() == "");
}

namespace {
/// A descriptor with a DACL of two ACEs at 0x1c and 0x34 (0x18 bytes each); the ACL ends at 0x4c.
Buf twoAceDescriptor() {
    Parts p;
    p.control = sd::kSeSelfRelative | sd::kSeDaclPresent;
    p.dacl = acl({allow(0x02, sd::kKeyAllAccess, "S-1-5-32-544"), allow(0x02, sd::kKeyRead, "S-1-5-32-545")});
    Buf b = descriptor(p);
    REQUIRE(b.size() == 0x4c);
    return b;
}
}  // namespace

TEST_CASE("An ACE smaller than its header stops the ACL with a warning", "[sd][error]") {
    Buf bytes = twoAceDescriptor();
    bytes[0x1c + 2] = 2;
    SecurityDescriptor d = decodeOk(bytes);
    CHECK(warningMessages(d) == std::vector<std::string>{"security descriptor at 0x1234: ACE 0 of the DACL at offset "
                                                         "0x1c declares 0x2 bytes, less than its 4-byte header"});
    CHECK(d.warnings[0].offset == kAt + 0x1e);
    REQUIRE(d.dacl);
    CHECK(d.dacl->aces.empty());
    CHECK(d.dacl->aceCount == 2);
    CHECK(d.describe()[3] == "DACL  0 entries, 2 declared");
}

TEST_CASE("An ACE of size zero does not loop", "[sd][error]") {
    Buf bytes = twoAceDescriptor();
    bytes[0x34 + 2] = 0;
    SecurityDescriptor d = decodeOk(bytes);
    CHECK(d.dacl->aces.size() == 1);
    CHECK(warningMessages(d) == std::vector<std::string>{"security descriptor at 0x1234: ACE 1 of the DACL at offset "
                                                         "0x34 declares 0x0 bytes, less than its 4-byte header"});
}

TEST_CASE("An ACE past the end of its ACL stops the ACL with a warning", "[sd][error]") {
    Buf bytes = twoAceDescriptor();
    bytes[0x34 + 2] = 0x40;
    SecurityDescriptor d = decodeOk(bytes);
    CHECK(warningMessages(d) ==
          std::vector<std::string>{"security descriptor at 0x1234: ACE 1 of the DACL at offset 0x34 declares 0x40 "
                                   "bytes, past the end of the ACL (0x4c)"});
    CHECK(d.toSddl() == "D:(A;CI;KA;;;BA)");
}

TEST_CASE("An ACL whose count is more than its ACEs keeps the ACEs it has", "[sd][error]") {
    Buf bytes = twoAceDescriptor();
    bytes[0x14 + 4] = 3;
    SecurityDescriptor d = decodeOk(bytes);
    CHECK(warningMessages(d) ==
          std::vector<std::string>{"security descriptor at 0x1234: the DACL at offset 0x14 declares 3 ACEs, but ACE 2 "
                                   "at offset 0x4c goes past the end of the ACL (0x4c)"});
    CHECK(d.toSddl() == "D:(A;CI;KA;;;BA)(A;CI;KR;;;BU)");
    CHECK(d.describe()[3] == "DACL  2 entries, 3 declared");
}

TEST_CASE("An ACL whose count is less than its ACEs reads only the counted ones", "[sd]") {
    Buf bytes = twoAceDescriptor();
    bytes[0x14 + 4] = 1;
    SecurityDescriptor d = decodeOk(bytes);
    CHECK(d.warnings.empty());
    CHECK(d.toSddl() == "D:(A;CI;KA;;;BA)");
}

TEST_CASE("An ACL size past the end is a warning and the ACEs are read up to the end", "[sd][error]") {
    Buf bytes = twoAceDescriptor();
    bytes[0x14 + 2] = 0x00;
    bytes[0x14 + 3] = 0x01;
    SecurityDescriptor d = decodeOk(bytes);
    CHECK(warningMessages(d) == std::vector<std::string>{"security descriptor at 0x1234: the DACL at offset 0x14 "
                                                         "declares 0x100 bytes, past its end (0x4c)"});
    CHECK(d.toSddl() == "D:(A;CI;KA;;;BA)(A;CI;KR;;;BU)");
}

TEST_CASE("An ACL size below its header is a warning", "[sd][error]") {
    Buf bytes = twoAceDescriptor();
    bytes[0x14 + 2] = 4;
    bytes[0x14 + 4] = 0;
    SecurityDescriptor d = decodeOk(bytes);
    CHECK(warningMessages(d) == std::vector<std::string>{"security descriptor at 0x1234: the DACL at offset 0x14 "
                                                         "declares 0x4 bytes, less than its 8-byte header"});
}

TEST_CASE("An ACL header cut short is a warning and the ACL is left out", "[sd][error]") {
    Buf bytes = twoAceDescriptor();
    bytes.resize(0x18);
    SecurityDescriptor d = decodeOk(bytes);
    CHECK(warningMessages(d) ==
          std::vector<std::string>{"security descriptor at 0x1234: the DACL at offset 0x14 goes past its end (0x18)"});
    CHECK_FALSE(d.dacl);
}

TEST_CASE("An ACL of an unknown revision is read with a warning", "[sd][error]") {
    Buf bytes = twoAceDescriptor();
    bytes[0x14] = 3;
    SecurityDescriptor d = decodeOk(bytes);
    CHECK(warningMessages(d) == std::vector<std::string>{
                                    "security descriptor at 0x1234: the DACL at offset 0x14 has revision 3, not 2 or 4"});
    CHECK(d.dacl->aces.size() == 2);
}

TEST_CASE("An ACE whose SID goes past the ACE is kept raw with a warning", "[sd][error]") {
    Parts p;
    p.control = sd::kSeSelfRelative | sd::kSeDaclPresent;
    Buf body;
    put32(body, sd::kKeyRead);
    append(body, {1, 2, 0, 0});  // the first 4 bytes of a SID header
    p.dacl = acl({rawAce(0x00, 0x00, body), allow(0, sd::kKeyAllAccess, "S-1-5-18")});
    SecurityDescriptor d = decodeOk(descriptor(p));
    CHECK(warningMessages(d) == std::vector<std::string>{"security descriptor at 0x1234: ACE 0 of the DACL at offset "
                                                         "0x1c: its SID at offset 0x24 goes past the end of the ACE "
                                                         "(0x28)"});
    REQUIRE(d.dacl->aces.size() == 2);
    CHECK_FALSE(d.dacl->aces[0].decoded);
    CHECK(d.dacl->aces[0].raw.size() == 12);
    CHECK(d.dacl->aces[0].describe() ==
          "Allow  ACCESS_ALLOWED_ACE_TYPE, not decoded  flags 0x00  12 bytes: 00 00 0c 00 19 00 02 00 01 02 00 00");
    CHECK(d.toSddl() == "D:(A;;KA;;;SY)");
}

TEST_CASE("An ACE too short for its access mask is kept raw with a warning", "[sd][error]") {
    Parts p;
    p.control = sd::kSeSelfRelative | sd::kSeDaclPresent;
    p.dacl = acl({rawAce(0x01, 0x00, {0xff, 0xff})});
    SecurityDescriptor d = decodeOk(descriptor(p));
    CHECK(warningMessages(d) == std::vector<std::string>{"security descriptor at 0x1234: ACE 0 of the DACL at offset "
                                                         "0x1c: its access mask at offset 0x20 goes past the end of "
                                                         "the ACE (0x22)"});
    CHECK_FALSE(d.dacl->aces[0].decoded);
}

TEST_CASE("An object ACE too short for its GUID is kept raw with a warning", "[sd][error]") {
    Parts p;
    p.control = sd::kSeSelfRelative | sd::kSeDaclPresent;
    Buf body;
    put32(body, 0x100);
    put32(body, sd::kAceObjectTypePresent);
    append(body, Buf(8, 0xaa));
    p.dacl = acl({rawAce(0x05, 0x00, body)});
    SecurityDescriptor d = decodeOk(descriptor(p));
    CHECK(warningMessages(d) == std::vector<std::string>{"security descriptor at 0x1234: ACE 0 of the DACL at offset "
                                                         "0x1c: its object type at offset 0x28 goes past the end of "
                                                         "the ACE (0x30)"});
    CHECK_FALSE(d.dacl->aces[0].decoded);
}

TEST_CASE("A descriptor without SE_SELF_RELATIVE is read as self-relative with a warning", "[sd][error]") {
    Parts p;
    p.control = 0;
    p.owner = "S-1-5-18";
    SecurityDescriptor d = decodeOk(descriptor(p));
    CHECK(warningMessages(d) == std::vector<std::string>{"security descriptor at 0x1234: the control flags lack "
                                                         "SE_SELF_RELATIVE; the offsets are read as relative anyway"});
    CHECK(d.toSddl() == "O:SY");
}

// ---- Real data -----------------------------------------------------------------

TEST_CASE("A real descriptor from a SYSTEM hive decodes without warnings", "[sd][real]") {
    auto r = decodeSecurityDescriptor(Bytes(kRealDescriptor), 0x10c0);
    REQUIRE(r);
    CHECK(r->warnings.empty());
    CHECK(r->toSddl() == kRealSddl);
    CHECK(r->describe()[4] == "Allow  BUILTIN\\Users  Read (KEY_READ)  this key only");
}

TEST_CASE("A real descriptor truncated at every byte gives an error or a partial result", "[sd][real]") {
    for (size_t n = 0; n <= kRealDescriptor.size(); ++n) {
        INFO("length " << n);
        auto r = decodeSecurityDescriptor(Bytes(kRealDescriptor).first(n), 0x10c0);
        if (n < sd::kHeaderSize) {
            REQUIRE_FALSE(r);
            CHECK(r.error().code == ErrorCode::Truncated);
            continue;
        }
        REQUIRE(r);
        if (n < kRealDescriptor.size()) CHECK_FALSE(r->warnings.empty());
        else CHECK(r->warnings.empty());
        (void)r->toSddl();
        (void)r->describe();
    }
}

TEST_CASE("A real descriptor with any one byte changed never breaks the decoder", "[sd][real]") {
    const uint8_t values[] = {0x00, 0x01, 0x0f, 0x7f, 0x80, 0xff};
    for (size_t i = 0; i < kRealDescriptor.size(); ++i) {
        for (uint8_t v : values) {
            Buf bytes = kRealDescriptor;
            bytes[i] = v;
            auto r = decodeSecurityDescriptor(Bytes(bytes), 0x10c0);
            if (!r) continue;
            (void)r->toSddl();
            CHECK_FALSE(r->describe().empty());
        }
    }
}

TEST_CASE("Every sk cell of the real SYSTEM hive decodes without warnings", "[sd][real][hive]") {
    const std::string path = testsupport::hivePath("regipy/SYSTEM");
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    const Buf file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(file.size() > 0x1020);

    // A plain walk of the hbins and their cells, independent of the hive code.
    size_t found = 0;
    std::string sddlOfCell2428;
    size_t bin = 0x1000;
    while (bin <= file.size() - 0x20 && std::equal(file.begin() + bin, file.begin() + bin + 4, "hbin")) {
        const uint32_t binSize = loadU32(&file[bin + 8]);
        if (binSize < 0x20 || binSize > file.size() - bin) break;
        size_t cell = bin + 0x20;
        while (cell <= bin + binSize - 8) {
            const int32_t cellSize = static_cast<int32_t>(loadU32(&file[cell]));
            const size_t length = cellSize < 0 ? size_t(-int64_t(cellSize)) : size_t(cellSize);
            if (length < 8 || length > bin + binSize - cell) break;
            if (cellSize < 0 && file[cell + 4] == 's' && file[cell + 5] == 'k' && length >= 4 + 0x14) {
                const uint32_t sdSize = loadU32(&file[cell + 4 + 0x10]);
                REQUIRE(sdSize <= length - 4 - 0x14);
                const uint64_t at = cell + 4 + 0x14;
                auto r = decodeSecurityDescriptor(Bytes(file).subspan(at, sdSize), at);
                INFO("sk cell at " << hexOffset(cell));
                REQUIRE(r);
                CHECK(warningMessages(*r).empty());
                CHECK_FALSE(r->toSddl().empty());
                if (cell == 0x2428) sddlOfCell2428 = r->toSddl();
                ++found;
            }
            cell += length;
        }
        bin += binSize;
    }
    CHECK(found == 193);
    CHECK(sddlOfCell2428 ==
          "O:BAG:BAD:AI(A;;CCLCSWRPWPRC;;;SY)(A;;KA;;;BA)(A;;CCLCSWRC;;;AU)(A;;RPWP;;;BO)(A;ID;KR;;;BU)"
          "(A;CIIOID;GR;;;BU)(A;ID;KA;;;BA)(A;CIIOID;GA;;;BA)(A;ID;KA;;;SY)(A;CIIOID;GA;;;SY)(A;CIIOID;GA;;;CO)"
          "S:AI(AU;FA;KA;;;WD)");
}
