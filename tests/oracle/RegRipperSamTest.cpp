// SAM decoders against RegRipper 3.0's samparse on the corpus SAM hives
// (regipy/SAM, Windows 7 era; ez/SAM): every user's name, RID, SID, times,
// counts and flags, and every builtin group's name, comment and members.
#include <catch2/catch.hpp>

#include <algorithm>
#include <ctime>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "artefacts/HiveKind.h"
#include "artefacts/Registry.h"
#include "artefacts/TableWriter.h"
#include "support/ArtefactTables.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::artefacts;
using namespace testsupport;

namespace {

/// Our ISO time as samparse prints it (Perl's scalar gmtime plus " Z"), or
/// "Never" for an empty field.
std::string samparseTime(const std::string& iso) {
    if (iso.empty()) return "Never";
    std::tm tm{};
    if (!strptime(iso.substr(0, 19).c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return "?";
    const std::time_t t = timegm(&tm);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y Z", &utc);
    return buf;
}

std::string folded(std::string s) {
    std::string out;
    for (char c : s)
        if (c != '-' && c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

struct TheirUser {
    std::string rid, sid, fullName, comment, created, lastLogin, pwdReset, pwdFail, loginCount;
    std::set<std::string> flags;
};

struct TheirGroup {
    std::string count, lastWrite, comment;
    std::set<std::string> users;
};

void parseSamparse(const std::string& report, std::map<std::string, TheirUser>& users,
                   std::map<std::string, TheirGroup>& groups) {
    std::istringstream in(report);
    std::string user, group;
    const std::regex userLine("^Username\\s+: (.*) \\[(\\d+)\\]$"), groupLine("^Group Name\\s+: (.*) \\[(\\d+)\\]$"),
        field("^([A-Za-z ]+?)\\s+: ?(.*)$"), flag("^  --> (.*)$"), member("^  (S-[0-9-]+)$");
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (std::regex_match(line, m, userLine)) {
            user = m[1];
            group.clear();
            users[user].rid = m[2];
        } else if (std::regex_match(line, m, groupLine)) {
            group = m[1];
            user.clear();
            groups[group].count = m[2];
        } else if (!user.empty() && std::regex_match(line, m, flag)) {
            users[user].flags.insert(folded(m[1]));
        } else if (!group.empty() && std::regex_match(line, m, member)) {
            groups[group].users.insert(m[1]);
        } else if (std::regex_match(line, m, field)) {
            const std::string key = m[1], value = m[2];
            if (!user.empty()) {
                TheirUser& u = users[user];
                if (key == "SID") u.sid = value;
                else if (key == "Full Name") u.fullName = value;
                else if (key == "User Comment") u.comment = value;
                else if (key == "Account Created") u.created = value;
                else if (key == "Last Login Date") u.lastLogin = value;
                else if (key == "Pwd Reset Date") u.pwdReset = value;
                else if (key == "Pwd Fail Date") u.pwdFail = value;
                else if (key == "Login Count") u.loginCount = value;
            } else if (!group.empty()) {
                if (key == "LastWrite") groups[group].lastWrite = value;
                else if (key == "Group Comment") groups[group].comment = value;
            }
        }
    }
}

void compareWithSamparse(const std::string& relative, size_t expectedUsers) {
    const std::string hive = hivePath(relative);
    std::map<std::string, TheirUser> theirUsers;
    std::map<std::string, TheirGroup> theirGroups;
    parseSamparse(regripper(hive, "samparse"), theirUsers, theirGroups);
    REQUIRE(theirUsers.size() == expectedUsers);

    const ArtefactTable users = decodeHiveFile(hive, "samusers");
    CHECK(users.rows.size() == theirUsers.size());
    for (const Row& row : users.rows) {
        const std::string name = columnText(users, row, "User name");
        INFO(relative << " " << name);
        auto it = theirUsers.find(name);
        REQUIRE(it != theirUsers.end());
        const TheirUser& u = it->second;
        CHECK(row.note.empty());
        CHECK(columnText(users, row, "RID") == u.rid);
        CHECK(columnText(users, row, "SID") == u.sid);
        CHECK(columnText(users, row, "Full name") == u.fullName);
        CHECK(columnText(users, row, "Comment") == u.comment);
        if (!u.created.empty()) CHECK(samparseTime(columnText(users, row, "Account created")) == u.created);
        CHECK(samparseTime(columnText(users, row, "Last logon")) == u.lastLogin);
        CHECK(samparseTime(columnText(users, row, "Password last set")) == u.pwdReset);
        CHECK(samparseTime(columnText(users, row, "Last failed logon")) == u.pwdFail);
        CHECK(columnText(users, row, "Logon count") == u.loginCount);
        // samparse names the first eleven ACB bits; ours names all sixteen.
        std::set<std::string> ours;
        std::istringstream flags(columnText(users, row, "Flags"));
        for (std::string f; std::getline(flags, f, ';');) {
            if (!f.empty() && f.front() == ' ') f.erase(0, 1);
            ours.insert(folded(f));
        }
        for (const std::string& f : u.flags) CHECK(ours.count(f) == 1);
    }

    const ArtefactTable groups = decodeHiveFile(hive, "samgroups");
    size_t builtin = 0;
    for (const Row& row : groups.rows) {
        if (columnText(groups, row, "Domain") != "Builtin") continue;
        const std::string name = columnText(groups, row, "Group name");
        INFO(relative << " " << name);
        auto it = theirGroups.find(name);
        REQUIRE(it != theirGroups.end());
        const TheirGroup& g = it->second;
        CHECK(columnText(groups, row, "Member count") == g.count);
        CHECK(samparseTime(columnText(groups, row, "Last write")) == g.lastWrite);
        CHECK(columnText(groups, row, "Comment") == g.comment);
        // samparse decodes only SIDs of one or five subauthorities; ours
        // decodes every member, so theirs must be among ours.
        const std::string members = columnText(groups, row, "Members");
        for (const std::string& sid : g.users) CHECK(("; " + members + ";").find("; " + sid + ";") != std::string::npos);
        ++builtin;
    }
    CHECK(builtin == theirGroups.size());
}

}  // namespace

TEST_CASE("SAM users and builtin groups of regipy's SAM agree with RegRipper's samparse", "[artefacts]") {
    compareWithSamparse("regipy/SAM", 3);
}

TEST_CASE("SAM users and builtin groups of ez's SAM agree with RegRipper's samparse", "[artefacts]") {
    compareWithSamparse("ez/SAM", 2);
}

TEST_CASE("A user's groups are the aliases whose C records list the user's SID", "[artefacts]") {
    // regipy/SAM: Administrator (RID 500) and Preston (1000) are members of
    // the builtin Administrators alias; Guest (501) of Guests.
    const ArtefactTable users = decodeHiveFile(hivePath("regipy/SAM"), "samusers");
    std::map<std::string, std::string> groupsOf;
    for (const Row& row : users.rows) groupsOf[columnText(users, row, "User name")] = columnText(users, row, "Groups");
    const ArtefactTable groups = decodeHiveFile(hivePath("regipy/SAM"), "samgroups");
    std::string administrators;
    for (const Row& row : groups.rows)
        if (columnText(groups, row, "Group name") == "Administrators") administrators = columnText(groups, row, "Members");
    REQUIRE_FALSE(administrators.empty());
    for (const Row& row : users.rows) {
        const bool member = administrators.find(columnText(users, row, "SID")) != std::string::npos;
        CHECK((groupsOf[columnText(users, row, "User name")].find("Administrators") != std::string::npos) == member);
    }
    CHECK(groupsOf["Administrator"].find("Administrators") != std::string::npos);
}
