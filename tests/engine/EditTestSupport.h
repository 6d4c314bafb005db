// Helpers for the editing tests: the independent model of a plan's effect
// on a hivex-dump listing, the oracles (hivex-dump, regfexport, reglookup)
// and the checker, and a seeded generator of random plans.
//
// The model works on the dump's text, not on the hive: it parses the
// listing into a tree (using the K lines' counts), applies each edit the
// way the registry's semantics say (a new value goes last, a replaced one
// keeps its place, subkeys in Windows order, changed keys get the plan's
// timestamp) and prints the listing again. A commit is right when
// hivex-dump of the result equals the model's listing byte for byte.
#pragma once

#include <catch2/catch.hpp>

#include <cstdint>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "format/Names.h"
#include "format/ValueData.h"
#include "hive/Checker.h"
#include "hive/Hive.h"
#include "hive/TreeWalker.h"
#include "merge/Plan.h"
#include "support/TestSupport.h"

namespace edittest {

/// The clock every editing test uses: key timestamps become predictable.
inline constexpr uint64_t kTestClock = 0x01DA0B0C0D0E0F00ULL;

struct DumpValue {
    std::string name;  ///< UTF-8, unescaped
    uint32_t type = 0;
    std::string hex;
};

struct DumpKey {
    std::string name;  ///< UTF-8, unescaped
    uint64_t timestamp = 0;
    std::vector<DumpValue> values;
    std::vector<DumpKey> children;  ///< in Windows order
};

inline std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\\') out += "\\\\";
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

inline std::string unescape(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char n = s[++i];
            out += n == 't' ? '\t' : n == 'n' ? '\n' : n;
        } else {
            out += s[i];
        }
    }
    return out;
}

inline std::vector<std::string> splitTabs(const std::string& line) {
    std::vector<std::string> f;
    size_t start = 0;
    for (;;) {
        size_t tab = line.find('\t', start);
        f.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) return f;
        start = tab + 1;
    }
}

inline int compareUtf8Names(const std::string& a, const std::string& b) {
    return hivekit::compareNames(hivekit::utf8ToUtf16(a), hivekit::utf8ToUtf16(b));
}

/// Parses hivex-dump's listing (pre-order, with counts) into a tree.
inline DumpKey parseDump(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    size_t at = 0;
    // Plain checks (not REQUIRE per line: a dump has 100,000 lines).
    auto expect = [&](bool ok) {
        if (!ok) FAIL("malformed dump line " << at << ": " << (at < lines.size() ? lines[at] : std::string("(end)")));
    };
    std::function<DumpKey(const std::string&)> readKey = [&](const std::string& parentPath) {
        expect(at < lines.size());
        auto f = splitTabs(lines[at++]);
        expect(f.size() == 5 && f[0] == "K");
        DumpKey k;
        const std::string& path = f[1];
        const std::string last = parentPath.empty() ? path : path.substr(parentPath.size() + 1);
        k.name = unescape(last);
        k.timestamp = std::stoull(f[2]);
        const size_t subkeys = std::stoul(f[3]), values = std::stoul(f[4]);
        for (size_t i = 0; i < values; ++i) {
            expect(at < lines.size());
            auto v = splitTabs(lines[at++]);
            expect(v.size() == 5 && v[0] == "V");
            k.values.push_back(DumpValue{unescape(v[2]), static_cast<uint32_t>(std::stoul(v[3])), v[4]});
        }
        for (size_t i = 0; i < subkeys; ++i) k.children.push_back(readKey(path));
        return k;
    };
    DumpKey root = readKey("");
    root.name.clear();
    REQUIRE(at == lines.size());
    return root;
}

inline void renderKey(const DumpKey& k, const std::string& path, std::string& out) {
    // Appends only: this runs over 100,000 lines per comparison.
    out.append("K\t").append(path).append("\t").append(std::to_string(k.timestamp)).append("\t");
    out.append(std::to_string(k.children.size())).append("\t").append(std::to_string(k.values.size())).append("\n");
    for (const auto& v : k.values) {
        out.append("V\t").append(path).append("\t").append(escape(v.name)).append("\t");
        out.append(std::to_string(v.type)).append("\t").append(v.hex).append("\n");
    }
    std::string childPath = path;
    for (const auto& c : k.children) {
        childPath.resize(path.size());
        if (!path.empty()) childPath += '\\';
        childPath += escape(c.name);
        renderKey(c, childPath, out);
    }
}

/// The listing hivex-dump prints for this tree.
inline std::string renderDump(const DumpKey& root) {
    std::string out;
    out.reserve(1 << 20);
    renderKey(root, "", out);
    return out;
}

inline std::vector<std::string> pathParts(const std::string& path) {
    std::vector<std::string> parts;
    std::string p = path;
    if (!p.empty() && p.front() == '\\') p.erase(0, 1);
    size_t start = 0;
    while (start < p.size()) {
        size_t slash = p.find('\\', start);
        if (slash == std::string::npos) slash = p.size();
        parts.push_back(p.substr(start, slash - start));
        start = slash + 1;
    }
    return parts;
}

inline DumpKey* childOf(DumpKey& k, const std::string& name) {
    for (auto& c : k.children)
        if (compareUtf8Names(c.name, name) == 0) return &c;
    return nullptr;
}

inline DumpKey* resolve(DumpKey& root, const std::string& path, DumpKey** parent = nullptr) {
    DumpKey* at = &root;
    DumpKey* up = nullptr;
    for (const auto& part : pathParts(path)) {
        up = at;
        at = childOf(*at, part);
        if (!at) return nullptr;
    }
    if (parent) *parent = up;
    return at;
}

inline DumpKey& addChild(DumpKey& parent, const std::string& name, uint64_t ts) {
    DumpKey k;
    k.name = name;
    k.timestamp = ts;
    auto it = parent.children.begin();
    while (it != parent.children.end() && compareUtf8Names(it->name, name) < 0) ++it;
    return *parent.children.insert(it, std::move(k));
}

inline DumpValue* valueOf(DumpKey& k, const std::string& name) {
    for (auto& v : k.values)
        if (compareUtf8Names(v.name, name) == 0) return &v;
    return nullptr;
}

/// The independent model: applies `plan` to the tree. Keys whose record,
/// values or subkeys change get `ts`.
inline void applyToModel(DumpKey& root, const hivekit::Plan& plan, uint64_t ts) {
    using K = hivekit::Edit::Kind;
    for (const auto& e : plan.edits()) {
        auto ensure = [&](const std::string& path) {
            DumpKey* at = &root;
            for (const auto& part : pathParts(path)) {
                DumpKey* next = childOf(*at, part);
                if (!next) {
                    at->timestamp = ts;
                    next = &addChild(*at, part, ts);
                }
                at = next;
            }
            return at;
        };
        switch (e.kind) {
        case K::CreateKey: ensure(e.path); break;
        case K::DeleteKey: {
            DumpKey* parent = nullptr;
            DumpKey* k = resolve(root, e.path, &parent);
            if (!k) break;
            parent->timestamp = ts;
            parent->children.erase(parent->children.begin() + (k - parent->children.data()));
            break;
        }
        case K::SetValue: {
            DumpKey* k = e.createParents ? ensure(e.path) : resolve(root, e.path);
            REQUIRE(k);
            k->timestamp = ts;
            const std::string hex = hivekit::hexBytesCompact(e.data);
            if (DumpValue* v = valueOf(*k, e.name)) {
                v->type = e.type;
                v->hex = hex;
            } else {
                k->values.push_back(DumpValue{e.name, e.type, hex});
            }
            break;
        }
        case K::DeleteValue: {
            DumpKey* k = resolve(root, e.path);
            if (!k) break;
            for (size_t i = 0; i < k->values.size(); ++i)
                if (compareUtf8Names(k->values[i].name, e.name) == 0) {
                    k->values.erase(k->values.begin() + static_cast<ptrdiff_t>(i));
                    k->timestamp = ts;
                    break;
                }
            break;
        }
        case K::RenameKey: {
            DumpKey* parent = nullptr;
            DumpKey* k = resolve(root, e.path, &parent);
            REQUIRE(k);
            DumpKey moved = std::move(*k);
            parent->children.erase(parent->children.begin() + (k - parent->children.data()));
            moved.name = e.newName;
            moved.timestamp = ts;
            parent->timestamp = ts;
            auto it = parent->children.begin();
            while (it != parent->children.end() && compareUtf8Names(it->name, e.newName) < 0) ++it;
            parent->children.insert(it, std::move(moved));
            break;
        }
        case K::RenameValue: {
            DumpKey* k = resolve(root, e.path);
            REQUIRE(k);
            DumpValue* v = valueOf(*k, e.name);
            REQUIRE(v);
            v->name = e.newName;
            k->timestamp = ts;
            break;
        }
        case K::SetClassName: {
            DumpKey* k = resolve(root, e.path);
            REQUIRE(k);
            k->timestamp = ts;
            break;
        }
        }
    }
}

inline std::string oraclePath() { return testsupport::hivexDumpScript(); }

/// hivex-dump's listing of a hive (REQUIREs that hivex walks it).
inline std::string hivexDump(const std::string& path) {
    auto r = testsupport::run({"/usr/bin/python3", oraclePath(), path});
    INFO("hivex-dump stderr: " << r.err);
    REQUIRE(r.exitCode == 0);
    return r.out;
}

/// The same listing from HiveKit's reader, as Hive::open sees the file
/// (logs replayed when the hive is dirty): the state a crash left.
inline std::string engineDump(const std::string& path) {
    auto opened = hivekit::Hive::open(path);
    REQUIRE(opened);
    const hivekit::Hive& hive = **opened;
    std::string out;
    hivekit::TreeWalker walker(hive);
    walker.setNameEscaper(escape);
    walker.walk([&](const hivekit::WalkedKey& k) {
        const std::vector<uint32_t> values = hive.values(*k.node);
        out += "K\t" + *k.path + "\t" + std::to_string(k.node->lastWritten) + "\t" +
               std::to_string(hive.subkeys(*k.node).size()) + "\t" + std::to_string(values.size()) + "\n";
        for (uint32_t off : values) {
            // Plain checks: a big hive has 100,000 values.
            auto v = hive.valueRecord(off);
            if (!v) FAIL(v.error().message);
            auto data = hive.valueData(*v);
            if (!data) FAIL(data.error().message);
            out += "V\t" + *k.path + "\t" + escape(v->nameUtf8()) + "\t" + std::to_string(v->type) + "\t" +
                   hivekit::hexBytesCompact(data->bytes()) + "\n";
        }
        return true;
    });
    return out;
}

/// Our checker on the hive as Hive::open sees it: REQUIREs it clean.
inline void requireClean(const std::string& path) {
    auto hive = hivekit::Hive::open(path);
    REQUIRE(hive);
    const hivekit::CheckReport report = hivekit::checkHive(**hive);
    std::string problems;
    for (const auto& d : report.diagnostics.items())
        if (d.severity != hivekit::Diagnostic::Severity::Info)
            problems += std::string(hivekit::severityName(d.severity)) + " [" + hivekit::hexOffset(d.offset) +
                        "]: " + d.message + "\n";
    INFO("checker on " << path << ":\n" << problems);
    REQUIRE(report.clean());
}

/// regfexport (libregf) and reglookup (libregfi) read the hive without an
/// error. Two kinds of reglookup WARN lines are not errors: data it cannot
/// quote, and names it cannot convert to US-ASCII (it always converts to
/// ASCII; it warns the same on hivex's own test hive "special").
inline void requireOtherReadersAccept(const std::string& path) {
    // Their listings go to /dev/null: only the exit status and stderr count.
    const std::string quoted = "'" + path + "'";
    auto exported = testsupport::run({"/bin/sh", "-c", "/usr/bin/regfexport " + quoted + " >/dev/null"});
    INFO("regfexport stderr: " << exported.err);
    CHECK(exported.exitCode == 0);
    CHECK(exported.err.empty());
    auto looked = testsupport::run({"/bin/sh", "-c", "/usr/bin/reglookup " + quoted + " >/dev/null"});
    std::string errors;
    std::istringstream in(looked.err);
    for (std::string l; std::getline(in, l);)
        if (l.rfind("WARN: While quoting", 0) != 0 && l.rfind("WARN: Error occurred while converting", 0) != 0)
            errors += l + "\n";
    INFO("reglookup stderr: " << errors);
    CHECK(looked.exitCode == 0);
    CHECK(errors.empty());
}

}  // namespace edittest
