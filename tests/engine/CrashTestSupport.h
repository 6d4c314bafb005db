// Pieces shared by the crash tests (CrashTest, SecondCrashTest): the crash
// kinds, session options for a commit through a CrashFileIO, the small hive
// the loops edit, and what a crash left as a reader sees it.
#pragma once

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <optional>
#include <string>

#include "engine/EditTestSupport.h"
#include "merge/Session.h"
#include "support/CrashFileIO.h"
#include "support/HiveBuilder.h"
#include "tx/NewHive.h"

namespace crashtest {

using namespace hivekit;
using namespace testsupport;
using namespace edittest;

using Crash = CrashFileIO::Crash;

inline constexpr std::array<Crash, 4> kEveryCrash = {Crash::ProcessKill, Crash::PowerCut,
                                                     Crash::PowerCutTornWrite, Crash::PowerCutReordered};
inline constexpr std::array<Crash, 3> kPowerCuts = {Crash::PowerCut, Crash::PowerCutTornWrite,
                                                    Crash::PowerCutReordered};

inline SessionOptions crashOptions(FileIO* io, StrategyKind kind = StrategyKind::Hybrid,
                                   ProtocolMutation mutation = ProtocolMutation::None,
                                   FlushMode flush = FlushMode::Durable) {
    SessionOptions o;
    o.strategy = kind;
    o.tx.io = io;
    o.tx.clock = [] { return kTestClock; };
    o.tx.mutation = mutation;
    o.tx.flush = flush;
    return o;
}

/// The hive before the plan: a fresh hive with a few keys, committed.
inline std::string makeOriginal(const TempDir& dir) {
    const std::string path = dir.file("original.hiv");
    NewHiveOptions o;
    o.timestamp = kTestClock - 100;
    REQUIRE(createHive(path, o));
    Plan setup;
    setup.createKey("Software\\Vendor", true);
    setup.setValue("Software", "gone", kRegSz, regSzBytes(u"bye"));
    setup.setValue("Software", "v", kRegBinary, patternBytes(64, 2));
    setup.createKey("Old\\Child\\GrandChild", true);
    for (int i = 0; i < 40; ++i) setup.setValue("Old\\Child", "value" + std::to_string(i), kRegDword, {uint8_t(i), 0, 0, 0});
    SessionOptions so;
    so.tx.clock = [] { return kTestClock - 50; };
    auto s = Session::open(path, so);
    REQUIRE(s);
    REQUIRE((*s)->apply(setup));
    REQUIRE((*s)->commit());
    return path;
}

/// Copies the hive alone (no log) to `to`.
inline std::string freshCopy(const std::string& from, const std::string& to) {
    copyFile(from, to);
    std::remove((to + ".LOG1").c_str());
    return to;
}

inline const char* crashName(Crash c) {
    switch (c) {
    case Crash::ProcessKill: return "ProcessKill";
    case Crash::PowerCut: return "PowerCut";
    case Crash::PowerCutTornWrite: return "PowerCutTornWrite";
    case Crash::PowerCutReordered: return "PowerCutReordered";
    }
    return "?";
}

/// engineDump without failing the test: nothing when a value cannot be read.
inline std::optional<std::string> treeOf(const Hive& hive) {
    std::string out;
    bool readable = true;
    TreeWalker walker(hive);
    walker.setNameEscaper(escape);
    walker.walk([&](const WalkedKey& k) {
        const std::vector<uint32_t> values = hive.values(*k.node);
        out += "K\t" + *k.path + "\t" + std::to_string(k.node->lastWritten) + "\t" +
               std::to_string(hive.subkeys(*k.node).size()) + "\t" + std::to_string(values.size()) + "\n";
        for (uint32_t off : values) {
            auto v = hive.valueRecord(off);
            auto data = v ? hive.valueData(*v) : Result<ValueData>(std::unexpected(v.error()));
            if (!data) {
                readable = false;
                return false;
            }
            out += "V\t" + *k.path + "\t" + escape(v->nameUtf8()) + "\t" + std::to_string(v->type) + "\t" +
                   hexBytesCompact(data->bytes()) + "\n";
        }
        return true;
    });
    if (!readable) return std::nullopt;
    return out;
}

/// What a crash left, as a reader opening the hive sees it.
struct Outcome {
    enum Kind { Old, New, Broken } kind = Broken;
    std::string why;  ///< for Broken
};

inline Outcome outcomeOf(const std::string& path, const std::string& oldTree, const std::string& newTree) {
    auto hive = Hive::open(path);
    if (!hive) return {Outcome::Broken, "the hive does not open: " + hive.error().message};
    if ((*hive)->recovery().wasDirty && !(*hive)->recovery().recovered)
        return {Outcome::Broken, "the hive is dirty and no log recovers it"};
    const CheckReport report = checkHive(**hive);
    if (!report.clean()) {
        std::string first;
        for (const auto& d : report.diagnostics.items())
            if (d.severity != Diagnostic::Severity::Info) {
                first = d.message;
                break;
            }
        return {Outcome::Broken, "the checker finds problems: " + first};
    }
    const auto tree = treeOf(**hive);
    if (!tree) return {Outcome::Broken, "a value cannot be read"};
    if (*tree == oldTree) return {Outcome::Old, ""};
    if (*tree == newTree) return {Outcome::New, ""};
    return {Outcome::Broken, "the tree is neither the old nor the new one"};
}

}  // namespace crashtest
