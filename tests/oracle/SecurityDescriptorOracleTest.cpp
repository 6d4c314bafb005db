// Security descriptors against two implementations written apart from ours:
//
//  - /usr/bin/reglookup -s (Debian's reglookup, libregfi's own sk and
//    descriptor parser): for every key of the corpus hives it prints the
//    owner, the group, the SACL and the DACL of the key's descriptor; each
//    ACE as SID:TYPE:RIGHTS:FLAGS, ACEs joined by '|'. We decode the same
//    key's sk cell and compare every field numerically: reglookup's tokens
//    are mapped to bits below from MS-DTYP 2.4.3 (ACCESS_MASK) and 2.4.4.1
//    (ACE_HEADER) and winnt.h's KEY_* rights, not from the engine's tables.
//    The engine's names for those bits and types are then checked against
//    the names reglookup gives them.
//  - Samba's SDDL parser and printer (python3-samba, run by /usr/bin/python3):
//    every SDDL SID alias of the engine's table parses to the same SID in
//    Samba and Samba prints each SID of the table with the same alias, and
//    every alias Samba knows for a SID outside any domain is the engine's
//    (they agree on all 49). Samba also reads the engine's SDDL for each ACE
//    type, flag and right as the numbers it stands for; where Samba 4.17
//    lacks a string MS-DTYP 2.5.1.1 defines, or reads one otherwise, the
//    engine follows MS-DTYP and the case is a named exception.
//
// Calibration of reglookup's output (its source: lib/regfi.c,
// regfi_ace_*2str; lib/winsec.c):
//  - A KEY line is PATH,KEY,,MTIME,OWNER,GROUP,SACL,DACL,CLASS. PATH is
//    "/" for the root, else "/A/B" without the root's name; names are
//    %XX-escaped ('/' is %2F, ',' is %2C, '%' is %25).
//  - Names are converted to US-ASCII; a name that does not convert is
//    printed as its stored bytes (Latin-1 for a compressed name, UTF-16LE
//    otherwise), with a WARN on stderr.
//  - Keys come in the order of a depth-first walk in subkey-list order,
//    each key before its subkeys: the order of TreeWalker.
//  - An empty SACL or DACL field means: not present, NULL, or no ACEs.
//  - It reads the primary file only: we open with logs off.
//
// Its limitations, each met in the corpus and asserted below as a named
// exception with the count measured:
//  - kTypeUnnamed: ACE types from 7 on print as "UNKNOWN" (its table names
//    types 0-6 only): in the corpus, the mandatory label ACEs (0x11) of
//    SACLs. Their SID, mask and flags are still compared (it reads them
//    where we do for every type in the corpus).
//  - kBitsCutOff: bits it has no token for are printed in hex after the
//    tokens, but its "chop the last space" step then cuts the hex off when
//    a token came before it (the hex is kept only when it stands alone, with
//    a trailing space). So its rights and flags miss those bits: in the
//    corpus, audit ACEs with SUCCESSFUL_ACCESS/FAILED_ACCESS (0x40, 0x80)
//    beside inheritance flags, and masks with the object-specific bits 6, 7
//    or 10-15 (which keys do not define) beside named rights.
//  - kNameCutAtNul: a name is printed as a C string: one holding a NUL
//    (hivex/special's "zero\0key") ends there. Paths are compared as it
//    prints them.
//  - SIDs print as S-<revision>-<low byte of the authority>-...: the
//    authority is compared in full because no SID of the corpus has an
//    authority above 255 (the comparison would fail on one).
#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "format/Layout.h"
#include "format/SecurityDescriptor.h"
#include "hive/Hive.h"
#include "hive/TreeWalker.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace testsupport;

namespace {

const char* kReglookup = "/usr/bin/reglookup";
const char* kPython = "/usr/bin/python3";

// ---- reglookup's tokens, with the numbers MS-DTYP gives them -------------------

struct Token {
    const char* token;    // as reglookup prints it
    uint32_t bit;         // MS-DTYP / winnt.h
    const char* ourName;  // what the engine must call the same bit
};

// ACCESS_MASK bits (MS-DTYP 2.4.3; the KEY_* rights of winnt.h). ourName is
// the winnt.h name, which keyAccessRightNames() gives a single bit.
const Token kRights[] = {
    {"QRY_VAL", 0x00000001, "KEY_QUERY_VALUE"},
    {"SET_VAL", 0x00000002, "KEY_SET_VALUE"},
    {"CREATE_KEY", 0x00000004, "KEY_CREATE_SUB_KEY"},
    {"ENUM_KEYS", 0x00000008, "KEY_ENUMERATE_SUB_KEYS"},
    {"NOTIFY", 0x00000010, "KEY_NOTIFY"},
    {"CREATE_LNK", 0x00000020, "KEY_CREATE_LINK"},
    {"WOW64_64", 0x00000100, "KEY_WOW64_64KEY"},
    {"WOW64_32", 0x00000200, "KEY_WOW64_32KEY"},
    {"DELETE", 0x00010000, "DELETE"},
    {"R_CONT", 0x00020000, "READ_CONTROL"},
    {"W_DAC", 0x00040000, "WRITE_DAC"},
    {"W_OWNER", 0x00080000, "WRITE_OWNER"},
    {"SYNC", 0x00100000, "SYNCHRONIZE"},
    {"SYS_SEC", 0x01000000, "ACCESS_SYSTEM_SECURITY"},
    {"MAX_ALLWD", 0x02000000, "MAXIMUM_ALLOWED"},
    {"GEN_A", 0x10000000, "GENERIC_ALL"},
    {"GEN_X", 0x20000000, "GENERIC_EXECUTE"},
    {"GEN_W", 0x40000000, "GENERIC_WRITE"},
    {"GEN_R", 0x80000000, "GENERIC_READ"},
};

// AceFlags (MS-DTYP 2.4.4.1). ourName is the SDDL flag (MS-DTYP 2.5.1.1)
// that Ace::sddlFlags() must print for the bit alone.
const Token kFlags[] = {
    {"OI", 0x01, "OI"},  // OBJECT_INHERIT_ACE
    {"CI", 0x02, "CI"},  // CONTAINER_INHERIT_ACE
    {"NP", 0x04, "NP"},  // NO_PROPAGATE_INHERIT_ACE
    {"IO", 0x08, "IO"},  // INHERIT_ONLY_ACE
    {"IA", 0x10, "ID"},  // INHERITED_ACE
};

// AceType (MS-DTYP 2.4.4.1). ourName is the constant's name, which
// Ace::typeName() must give.
const Token kTypes[] = {
    {"ALLOW", 0x00, "ACCESS_ALLOWED_ACE_TYPE"},
    {"DENY", 0x01, "ACCESS_DENIED_ACE_TYPE"},
    {"AUDIT", 0x02, "SYSTEM_AUDIT_ACE_TYPE"},
    {"ALARM", 0x03, "SYSTEM_ALARM_ACE_TYPE"},
    {"ALLOW CPD", 0x04, "ACCESS_ALLOWED_COMPOUND_ACE_TYPE"},
    {"OBJ ALLOW", 0x05, "ACCESS_ALLOWED_OBJECT_ACE_TYPE"},
    {"OBJ DENY", 0x06, "ACCESS_DENIED_OBJECT_ACE_TYPE"},
};
const char* kUnknownType = "UNKNOWN";  // every type from 7 on

const Token* findToken(const Token* begin, const Token* end, const std::string& token) {
    for (const Token* t = begin; t != end; ++t)
        if (token == t->token) return t;
    return nullptr;
}

uint32_t namedBits(const Token* begin, const Token* end) {
    uint32_t bits = 0;
    for (const Token* t = begin; t != end; ++t) bits |= t->bit;
    return bits;
}

/// A field of space-separated tokens, possibly ending in "0x..." for the
/// bits without a token.
struct Bits {
    uint32_t named = 0;
    std::optional<uint32_t> hex;
    bool anyToken = false;
};

template <size_t N>
Bits parseBits(const std::string& field, const Token (&table)[N]) {
    Bits out;
    std::istringstream words(field);
    for (std::string word; words >> word;) {
        if (word.rfind("0x", 0) == 0) {
            out.hex = static_cast<uint32_t>(std::stoul(word, nullptr, 16));
            continue;
        }
        const Token* t = findToken(std::begin(table), std::end(table), word);
        INFO("token \"" << word << "\" in \"" << field << "\"");
        REQUIRE(t);
        out.named |= t->bit;
        out.anyToken = true;
    }
    return out;
}

struct TheirAce {
    std::string sid;
    std::string type;
    std::string rights;
    std::string flags;
};

struct TheirKey {
    std::vector<std::string> path;  // names below the root, unescaped
    std::string owner, group;
    std::vector<TheirAce> sacl, dacl;
    std::string securityFields;     // owner to DACL as printed
};

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        const size_t at = text.find(sep, start);
        out.push_back(text.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) break;
        start = at + 1;
    }
    return out;
}


std::vector<TheirAce> parseAcl(const std::string& field) {
    std::vector<TheirAce> out;
    if (field.empty()) return out;
    for (const std::string& text : split(field, '|')) {
        const std::vector<std::string> f = split(text, ':');
        INFO("ACE \"" << text << "\"");
        REQUIRE(f.size() == 4);
        out.push_back({f[0], f[1], f[2], f[3]});
    }
    return out;
}

std::vector<TheirKey> reglookupKeys(const std::string& hive) {
    ProcessResult r = run({kReglookup, "-s", "-H", "-t", "KEY", hive});
    REQUIRE(r.exitCode == 0);
    std::vector<TheirKey> out;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        const std::vector<std::string> f = split(line, ',');
        INFO("reglookup line: " << line);
        REQUIRE(f.size() == 9);
        REQUIRE(f[1] == "KEY");
        TheirKey key;
        REQUIRE(f[0].rfind('/', 0) == 0);
        if (f[0] != "/")
            for (const std::string& name : split(f[0].substr(1), '/')) key.path.push_back(reglookupUnescape(name));
        key.owner = f[4];
        key.group = f[5];
        key.sacl = parseAcl(f[6]);
        key.dacl = parseAcl(f[7]);
        key.securityFields = f[4] + "," + f[5] + "," + f[6] + "," + f[7];
        out.push_back(std::move(key));
    }
    return out;
}

// ---- Our side ------------------------------------------------------------------

struct OurKey {
    std::vector<std::string> path;  // names as reglookup prints them (see the top)
    uint32_t security = 0;
    bool nameCutAtNul = false;      // kNameCutAtNul
};

/// A key's name as reglookup prints it: ASCII when it converts, else the
/// stored bytes; an ASCII name ends at its first NUL (kNameCutAtNul).
std::string asReglookupPrintsIt(const KeyNode& key, bool& cutAtNul) {
    const std::u16string name = key.name();
    bool ascii = true;
    for (char16_t c : name) ascii = ascii && c < 0x80;
    if (!ascii) return std::string(key.nameBytes.begin(), key.nameBytes.end());
    std::string out(name.begin(), name.end());
    const size_t nul = out.find('\0');
    cutAtNul = nul != std::string::npos;
    return cutAtNul ? out.substr(0, nul) : out;
}

std::vector<OurKey> ourKeys(const Hive& hive) {
    std::vector<OurKey> out;
    std::vector<std::string> path;
    TreeWalker walker(hive);
    walker.walk([&](const WalkedKey& k) {
        // The root (depth 0) has no name in reglookup's paths.
        path.resize(k.depth > 0 ? k.depth - 1 : 0);
        bool cutAtNul = false;
        if (k.depth > 0) path.push_back(asReglookupPrintsIt(*k.node, cutAtNul));
        out.push_back({path, k.node->security, cutAtNul});
        return true;
    });
    return out;
}

// ---- The comparison --------------------------------------------------------------

struct Figures {
    size_t keys = 0;
    size_t descriptors = 0;   // distinct pairs of sk cell and reglookup's fields
    size_t aces = 0;
    size_t typeUnnamed = 0;   // kTypeUnnamed
    size_t rightsCutOff = 0;  // kBitsCutOff
    size_t flagsCutOff = 0;   // kBitsCutOff
    size_t namesCutAtNul = 0; // kNameCutAtNul
    std::set<uint32_t> rightsSeen;
    std::set<uint8_t> flagsSeen, typesSeen;
};

/// Compares one field of bits: reglookup's named bits are ours among the
/// named ones; its hex, when printed, is the rest; a rest it did not print
/// is kBitsCutOff (then a token came before it).
template <size_t N>
void compareBits(const std::string& field, uint32_t ours, const Token (&table)[N], size_t& cutOff) {
    INFO("reglookup: \"" << field << "\", ours: " << hexOffset(ours));
    const Bits theirs = parseBits(field, table);
    const uint32_t named = namedBits(std::begin(table), std::end(table));
    CHECK(theirs.named == (ours & named));
    const uint32_t rest = ours & ~named;
    if (theirs.hex) {
        CHECK(*theirs.hex == rest);
        CHECK_FALSE(theirs.anyToken);  // a hex after a token is always cut off
    } else if (rest != 0) {
        CHECK(theirs.anyToken);
        ++cutOff;
    }
}

void compareAce(const TheirAce& theirs, const Ace& ours, Figures& figures) {
    INFO("reglookup ACE " << theirs.sid << ":" << theirs.type << ":" << theirs.rights << ":" << theirs.flags);
    INFO("our ACE " << ours.toSddl() << " type " << int(ours.type) << " flags " << hexOffset(ours.flags) << " mask "
                    << hexOffset(ours.mask));
    REQUIRE(ours.decoded);
    REQUIRE(ours.sid);
    CHECK(theirs.sid == ours.sid->toString());
    if (theirs.type == kUnknownType) {
        CHECK(ours.type >= 7);
        ++figures.typeUnnamed;
    } else {
        const Token* t = findToken(std::begin(kTypes), std::end(kTypes), theirs.type);
        REQUIRE(t);
        CHECK(ours.type == t->bit);
        CHECK(ours.typeName() == t->ourName);
    }
    compareBits(theirs.rights, ours.mask, kRights, figures.rightsCutOff);
    compareBits(theirs.flags, ours.flags, kFlags, figures.flagsCutOff);
    for (unsigned bit = 0; bit < 32; ++bit)
        if (ours.mask & (uint32_t{1} << bit)) figures.rightsSeen.insert(uint32_t{1} << bit);
    for (unsigned bit = 0; bit < 8; ++bit)
        if (ours.flags & (1u << bit)) figures.flagsSeen.insert(uint8_t(1u << bit));
    figures.typesSeen.insert(ours.type);
    ++figures.aces;
}

void compareAcl(const std::vector<TheirAce>& theirs, const std::optional<Acl>& ours, Figures& figures) {
    const size_t ourCount = ours ? ours->aces.size() : 0;
    REQUIRE(theirs.size() == ourCount);
    for (size_t i = 0; i < ourCount; ++i) compareAce(theirs[i], ours->aces[i], figures);
}

SecurityDescriptor descriptorOf(const Hive& hive, uint32_t security) {
    auto sk = hive.securityCell(security);
    REQUIRE(sk);
    const uint64_t at = uint64_t{sk->cellOffset} + layout::kBaseBlockSize + 4 + layout::sk::Descriptor;
    auto sd = decodeSecurityDescriptor(sk->descriptor, at);
    REQUIRE(sd);
    CHECK(sd->warnings.empty());
    return std::move(*sd);
}

struct HiveCase {
    std::string hive;
    size_t keys;  // what reglookup prints (a tripwire for a changed oracle or corpus)
};

const std::vector<HiveCase> kHives = {
    {"regipy/SYSTEM", 30756},
    {"regipy/SAM", 65},
    {"regipy/SECURITY", 100},
    {"ez/NTUSER1.DAT", 595},
    {"regipy/NTUSER.DAT", 1812},
    {"regipy/NTUSER_with_winscp.DAT", 5328},
    {"regipy/transactions_NTUSER.DAT", 2590},
    {"regipy/UsrClass.dat", 6205},
    {"regipy/amcache.hve", 2105},
    {"regipy/BCD", 132},
    {"ez/SAM", 68},
    {"ez/UsrClassDeletedBags.dat", 37},
    {"dfir/Win10-RathbunVM/Amcache.hve", 972},
    {"dfir/Server2022-APTSimulatorVM/Amcache.hve", 264},
    {"hivex/special", 4},
};
// Left out: ez/SECURITYNoRoot (no root where the header says: reglookup
// searches the file for another), the files that are not hives, and the
// hives hivex does not walk (damaged bins).

}  // namespace

TEST_CASE("Every key's owner, group and ACEs decode as reglookup -s decodes them", "[oracle][sd]") {
    INFO("reglookup -s is the oracle: install Debian's reglookup package");
    REQUIRE(fileExists(kReglookup));
    Figures figures;
    for (const HiveCase& c : kHives) {
        INFO("hive: " << c.hive);
        const std::string path = hivePath(c.hive);
        REQUIRE(fileExists(path));
        const std::vector<TheirKey> theirs = reglookupKeys(path);
        OpenOptions noLogs;
        noLogs.useLogs = false;
        auto hive = Hive::open(path, noLogs);
        REQUIRE(hive);
        const std::vector<OurKey> ours = ourKeys(**hive);
        CHECK(theirs.size() == c.keys);
        REQUIRE(ours.size() == theirs.size());
        // Many keys share one sk cell: each pair of our sk cell and their
        // printed fields is compared once, and its figures counted per key.
        std::map<std::pair<uint32_t, std::string>, Figures> compared;
        for (size_t i = 0; i < ours.size(); ++i) {
            if (ours[i].path != theirs[i].path) {
                INFO("key #" << i);
                REQUIRE(ours[i].path == theirs[i].path);
            }
            if (ours[i].nameCutAtNul) ++figures.namesCutAtNul;
            ++figures.keys;
            const auto pair = std::make_pair(ours[i].security, theirs[i].securityFields);
            auto it = compared.find(pair);
            if (it == compared.end()) {
                INFO("key " << ::Catch::Detail::stringify(ours[i].path) << ", sk cell " << hexOffset(ours[i].security));
                const SecurityDescriptor sd = descriptorOf(**hive, ours[i].security);
                REQUIRE(sd.owner);
                REQUIRE(sd.group);
                CHECK(theirs[i].owner == sd.owner->toString());
                CHECK(theirs[i].group == sd.group->toString());
                Figures one;
                compareAcl(theirs[i].sacl, sd.sacl, one);
                compareAcl(theirs[i].dacl, sd.dacl, one);
                figures.rightsSeen.insert(one.rightsSeen.begin(), one.rightsSeen.end());
                figures.flagsSeen.insert(one.flagsSeen.begin(), one.flagsSeen.end());
                figures.typesSeen.insert(one.typesSeen.begin(), one.typesSeen.end());
                ++figures.descriptors;
                it = compared.emplace(pair, std::move(one)).first;
            }
            figures.aces += it->second.aces;
            figures.typeUnnamed += it->second.typeUnnamed;
            figures.rightsCutOff += it->second.rightsCutOff;
            figures.flagsCutOff += it->second.flagsCutOff;
        }
    }
    // The figures of the comparison, as measured.
    CHECK(figures.keys == 51033);
    CHECK(figures.descriptors == 1139);
    CHECK(figures.aces == 241343);
    CHECK(figures.namesCutAtNul == 1);  // hivex/special's "zero\0key" prints as "zero"
    CHECK(figures.typeUnnamed == 1011);  // mandatory labels (0x11) in SACLs
    CHECK(figures.flagsCutOff == 40);    // audit ACEs: SUCCESSFUL/FAILED_ACCESS beside OI, CI, ID
    CHECK(figures.rightsCutOff == 110);  // masks with bits 6, 7 or 10-15 beside named rights
    // What the corpus exercises, so that a shrinking corpus shows.
    CHECK(figures.typesSeen == std::set<uint8_t>{0x00, 0x01, 0x02, 0x11});
    CHECK(figures.flagsSeen == std::set<uint8_t>{0x01, 0x02, 0x04, 0x08, 0x10, 0x40, 0x80});
    std::set<uint32_t> rights;
    for (unsigned bit = 0; bit <= 20; ++bit) rights.insert(uint32_t{1} << bit);
    for (unsigned bit = 28; bit <= 31; ++bit) rights.insert(uint32_t{1} << bit);
    CHECK(figures.rightsSeen == rights);
}

TEST_CASE("The engine names each right, flag and ACE type reglookup names the same way", "[oracle][sd]") {
    // The tokens of reglookup stand for the bits MS-DTYP gives them; each
    // bit alone must get the name the table above pairs with the token.
    for (const Token& t : kRights) {
        INFO(t.token);
        CHECK(keyAccessRightNames(t.bit) == std::vector<std::string>{t.ourName});
    }
    for (const Token& t : kFlags) {
        INFO(t.token);
        Ace ace;
        ace.flags = static_cast<uint8_t>(t.bit);
        CHECK(ace.sddlFlags() == t.ourName);
    }
    for (const Token& t : kTypes) {
        INFO(t.token);
        Ace ace;
        ace.type = static_cast<uint8_t>(t.bit);
        CHECK(ace.typeName() == t.ourName);
    }
}

// ---- SDDL SID aliases through Samba ------------------------------------------------

namespace {

// The domain Samba resolves domain-relative aliases (LA, DA, DU...) in.
constexpr const char* kSambaDomain = "S-1-5-21-1-2-3";

// Asks Samba's SDDL code, one answer per line "<question> <answer>", "!"
// when Samba refuses the SDDL:
//   parse ALIAS...  the SID Samba reads for "O:<alias>"
//   print SID...    what Samba writes after "O:" for a descriptor owned by SID
//   aliases         every two-letter alias Samba reads, with its SID
//   aces ACE...     "<type> <flags> <mask>" (decimal) of the ACE Samba reads
//                   for "D:<ace>"
constexpr const char* kSambaScript = R"(
import itertools, string, sys
from samba.dcerpc import security
domain = security.dom_sid(sys.argv[1])
def read(text):
    try:
        return security.descriptor.from_sddl(text, domain)
    except Exception:
        return None
mode, args = sys.argv[2], sys.argv[3:]
if mode == "aliases":
    args = ["".join(p) for p in itertools.product(string.ascii_uppercase, repeat=2)]
for arg in args:
    if mode == "aces":
        d = read("D:" + arg)
        ace = d.dacl.aces[0] if d else None
        print(arg, "%d %d %d" % (ace.type, ace.flags, ace.access_mask) if ace else "!")
        continue
    d = read("O:" + arg)
    if mode == "print":
        print(arg, d.as_sddl(domain)[2:] if d else "!")
    elif d is not None or mode == "parse":
        print(arg, str(d.owner_sid) if d else "!")
)";

std::map<std::string, std::string> askSamba(const std::string& mode, const std::vector<std::string>& args = {}) {
    std::vector<std::string> argv = {kPython, "-c", kSambaScript, kSambaDomain, mode};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessResult r = run(argv);
    INFO("stderr: " << r.err);
    INFO("Samba's SDDL code is the oracle: install Debian's python3-samba package");
    REQUIRE(r.exitCode == 0);
    std::map<std::string, std::string> answers;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        const size_t space = line.find(' ');
        REQUIRE(space != std::string::npos);
        answers[line.substr(0, space)] = line.substr(space + 1);
    }
    return answers;
}

}  // namespace

TEST_CASE("Samba reads every SDDL alias of the engine as the same SID", "[oracle][sd][sid]") {
    std::vector<std::string> aliases;
    for (const WellKnownSid& row : wellKnownSids())
        if (!row.alias.empty()) aliases.emplace_back(row.alias);
    REQUIRE(aliases.size() == 49);
    const auto sambaSid = askSamba("parse", aliases);
    for (const WellKnownSid& row : wellKnownSids()) {
        if (row.alias.empty()) continue;
        INFO(row.alias << " is " << row.sid << " for the engine");
        CHECK(sambaSid.at(std::string(row.alias)) == row.sid);
    }
}

TEST_CASE("Samba prints each well-known SID as the engine does: its alias, or the SID where neither has one",
          "[oracle][sd][sid]") {
    std::vector<std::string> sids;
    for (const WellKnownSid& row : wellKnownSids()) sids.emplace_back(row.sid);
    const auto sambaText = askSamba("print", sids);
    size_t aliased = 0, bare = 0;
    for (const WellKnownSid& row : wellKnownSids()) {
        INFO(row.sid);
        const std::optional<Sid> sid = parseSid(row.sid);
        REQUIRE(sid);
        CHECK(sambaText.at(std::string(row.sid)) == sid->toSddl());
        (row.alias.empty() ? bare : aliased)++;
    }
    CHECK(aliased == 49);
    CHECK(bare == 31);
}

TEST_CASE("Every alias Samba knows for a SID outside any domain is the engine's, and no domain alias is printed",
          "[oracle][sd][sid]") {
    // The engine prints no alias for a domain-relative SID (Sid::sddlAlias):
    // LA, DA, DU... stand for the SID only within the domain that owns it, and
    // an offline hive does not say which domain that is.
    const auto sambaAliases = askSamba("aliases");
    size_t universal = 0, domainRelative = 0;
    for (const auto& [alias, sidText] : sambaAliases) {
        INFO(alias << " is " << sidText << " for Samba");
        const std::optional<Sid> sid = parseSid(sidText);
        REQUIRE(sid);
        if (sidText.rfind(std::string(kSambaDomain) + "-", 0) == 0) {
            CHECK(sid->sddlAlias().empty());
            ++domainRelative;
        } else {
            CHECK(sid->sddlAlias() == alias);
            ++universal;
        }
    }
    // Samba 4.17's table, as measured: every alias of the engine is among
    // the 49 (the test above reads each of them).
    CHECK(universal == 49);
    CHECK(domainRelative == 17);
}

// ---- ACE types, flags and rights in SDDL through Samba ------------------------------

namespace {

struct AceNumbers {
    uint8_t type = 0;
    uint8_t flags = 0;
    uint32_t mask = 0;
};

/// The engine's SDDL of an ACE with these numbers, granted to SYSTEM.
std::string engineSddl(const AceNumbers& n) {
    Ace ace;
    ace.type = n.type;
    ace.flags = n.flags;
    ace.mask = n.mask;
    ace.decoded = true;
    ace.sid = parseSid("S-1-5-18");
    return ace.toSddl();
}

std::string numbers(const AceNumbers& n) {
    return std::to_string(n.type) + " " + std::to_string(n.flags) + " " + std::to_string(n.mask);
}

}  // namespace

TEST_CASE("Samba reads the engine's SDDL for each ACE type, flag and right as the same numbers", "[oracle][sd]") {
    // Numbers from MS-DTYP: AceType and AceFlags (2.4.4.1), ACCESS_MASK
    // (2.4.3), and the whole masks SDDL names (2.5.1.1; FILE_* and KEY_* of
    // winnt.h).
    constexpr uint32_t kGenericAll = 0x10000000;
    std::vector<std::pair<std::string, AceNumbers>> cases;  // the engine's SDDL, what it stands for
    size_t typesWithoutSddl = 0;
    for (unsigned type = 0; type <= 0x15; ++type) {
        const AceNumbers n{uint8_t(type), 0, kGenericAll};
        const std::string text = engineSddl(n);
        if (text.empty()) ++typesWithoutSddl;  // compound and some callback types: SDDL has none
        else cases.emplace_back(text, n);
    }
    CHECK(typesWithoutSddl == 5);
    // Every flag the engine prints (it prints no CRITICAL_ACE_FLAG, 0x20).
    for (uint8_t flag : {0x01, 0x02, 0x04, 0x08, 0x10, 0x40, 0x80}) {
        const AceNumbers n{0x02, flag, kGenericAll};  // an audit ACE: SA and FA belong there
        cases.emplace_back(engineSddl(n), n);
    }
    CHECK(engineSddl({0x02, 0x20, kGenericAll}) == "(AU;;GA;;;SY)");
    // Every single right, then the wholes SDDL names.
    for (unsigned bit = 0; bit < 32; ++bit) {
        const AceNumbers n{0x00, 0, uint32_t{1} << bit};
        cases.emplace_back(engineSddl(n), n);
    }
    for (uint32_t whole : {0x001F01FFu, 0x00120089u, 0x00120116u, 0x001200A0u, 0x000F003Fu, 0x00020019u, 0x00020006u}) {
        const AceNumbers n{0x00, 0, whole};
        cases.emplace_back(engineSddl(n), n);
    }

    // Where Samba 4.17 and MS-DTYP 2.5.1.1 part, the engine follows MS-DTYP
    // (Windows prints these): Samba has no conditional/callback, label,
    // resource attribute, scoped policy, trust label or access filter ACE
    // strings and no KEY_* rights strings; and it reads FA as 0x1FF where
    // MS-DTYP's FILE_ALL_ACCESS is 0x1F01FF.
    const std::set<std::string> sambaRefuses = {
        "(XA;;GA;;;SY)", "(XD;;GA;;;SY)", "(ZA;;GA;;;SY)", "(XU;;GA;;;SY)", "(ML;;0x10000000;;;SY)",
        "(RA;;GA;;;SY)", "(SP;;GA;;;SY)", "(TL;;GA;;;SY)", "(FL;;GA;;;SY)",
        "(A;;KA;;;SY)",  "(A;;KR;;;SY)",  "(A;;KW;;;SY)",
    };
    const std::string sambaFileAll = "(A;;FA;;;SY)";
    const AceNumbers sambaReadsFileAllAs{0x00, 0, 0x000001FF};

    std::vector<std::string> texts;
    for (const auto& [text, n] : cases) texts.push_back(text);
    const auto samba = askSamba("aces", texts);
    size_t agreed = 0;
    std::set<std::string> refused;
    for (const auto& [text, n] : cases) {
        INFO(text << " stands for " << numbers(n));
        const std::string& theirs = samba.at(text);
        if (theirs == "!") {
            refused.insert(text);
        } else if (text == sambaFileAll) {
            CHECK(theirs == numbers(sambaReadsFileAllAs));
        } else {
            CHECK(theirs == numbers(n));
            ++agreed;
        }
    }
    CHECK(refused == sambaRefuses);
    CHECK(agreed == 50);  // 8 types, 7 flags, 32 single rights, FR FW FX
}
