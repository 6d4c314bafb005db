// Randomised plans (seeded, so every failure replays): thousands of edits of
// every kind over a copy of regipy/SYSTEM and over a fresh hive, with each
// strategy, committed in rounds. After every commit the checker is clean
// and hivex-dump equals the model byte for byte; after the last, HiveKit's
// reader agrees and regfexport and reglookup read the hive.
#include <catch2/catch.hpp>

#include <random>

#include "engine/EditTestSupport.h"
#include "merge/Session.h"
#include "support/HiveBuilder.h"
#include "tx/NewHive.h"

using namespace hivekit;
using namespace testsupport;
using namespace edittest;

namespace {

/// Generates valid random edits against the model, applying each to the
/// model as it goes (so later edits see earlier ones).
class RandomPlanner {
public:
    RandomPlanner(DumpKey& model, uint64_t seed) : model_(model), rng_(seed) {}

    Plan next(size_t edits, uint64_t timestamp) {
        Plan plan;
        while (plan.size() < edits) {
            Plan one = edit();
            if (one.empty()) continue;
            applyToModel(model_, one, timestamp);
            plan.append(one);
        }
        return plan;
    }

private:
    size_t below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
    bool chance(int percent) { return static_cast<int>(below(100)) < percent; }

    std::string randomName(bool allowEmpty) {
        static const char* const kPieces[] = {"a", "b", "c", "x", "Y", "Z", "K", "e", "0", "7", " ", "-", "_",
                                              ".", "ä", "ß", "É", "Ω", "Ж", "日", "本", "q", "R", "s"};
        if (allowEmpty && chance(3)) return "";
        std::string name;
        const size_t n = 1 + below(10);
        for (size_t i = 0; i < n; ++i) name += kPieces[below(std::size(kPieces))];
        return name;
    }

    std::vector<uint8_t> randomData() {
        const int r = static_cast<int>(below(100));
        size_t size;
        if (r < 30) size = below(5);
        else if (r < 65) size = 5 + below(100);
        else if (r < 90) size = 100 + below(1900);
        else if (r < 97) size = 2000 + below(8000);
        else size = 16345 + below(25000);
        return patternBytes(size, static_cast<uint8_t>(below(256)));
    }

    uint32_t randomType() {
        if (chance(5)) return 0x12345678;
        return static_cast<uint32_t>(below(12));
    }

    /// A random key by descent from the root; `path` gets its path.
    DumpKey* pickKey(std::string& path, DumpKey** parent = nullptr) {
        DumpKey* at = &model_;
        DumpKey* up = nullptr;
        path.clear();
        while (!at->children.empty() && !chance(30)) {
            up = at;
            at = &at->children[below(at->children.size())];
            path += (path.empty() ? "" : "\\") + at->name;
        }
        if (parent) *parent = up;
        return at;
    }

    /// The path with random letter case (lookups are case-insensitive).
    std::string recase(const std::string& path) {
        std::string out = path;
        for (char& c : out)
            if (c >= 'a' && c <= 'z' && chance(50)) c = static_cast<char>(c - 'a' + 'A');
        return out;
    }

    std::string freshChildName(DumpKey& k) {
        for (;;) {
            std::string n = randomName(false);
            if (!childOf(k, n)) return n;
        }
    }

    std::string freshValueName(DumpKey& k) {
        for (;;) {
            std::string n = randomName(true);
            if (!valueOf(k, n)) return n;
        }
    }

    static size_t subtreeSize(const DumpKey& k, size_t cap) {
        size_t n = 1;
        for (const auto& c : k.children) {
            if (n > cap) break;
            n += subtreeSize(c, cap);
        }
        return n;
    }

    Plan edit() {
        Plan p;
        std::string path;
        DumpKey* parent = nullptr;
        DumpKey* k = pickKey(path, &parent);
        const int r = static_cast<int>(below(100));
        if (r < 22) {
            p.setValue(path, freshValueName(*k), randomType(), randomData());
        } else if (r < 38) {
            if (k->values.empty()) return p;
            p.setValue(chance(30) ? recase(path) : path, k->values[below(k->values.size())].name, randomType(),
                       randomData());
        } else if (r < 48) {
            if (k->values.empty()) return p;
            p.deleteValue(path, k->values[below(k->values.size())].name);
        } else if (r < 62) {
            std::string child = freshChildName(*k);
            if (chance(25)) child += "\\" + randomName(false);
            p.createKey(path.empty() ? child : path + "\\" + child, true);
        } else if (r < 68) {
            if (!parent || subtreeSize(*k, 40) > 40) return p;
            p.deleteKey(path, !k->children.empty());
        } else if (r < 76) {
            if (!parent) return p;
            p.renameKey(path, freshChildName(*parent));
        } else if (r < 84) {
            if (k->values.empty()) return p;
            p.renameValue(path, k->values[below(k->values.size())].name, freshValueName(*k));
        } else if (r < 90) {
            p.setClassName(path, chance(20) ? "" : randomName(false));
        } else if (r < 95) {
            p.setValue(path, freshValueName(*k), randomType(), randomData(), true);
        } else {
            p.createKey(path, true);  // exists: changes nothing
        }
        return p;
    }

    DumpKey& model_;
    std::mt19937_64 rng_;
};

void runRandomRounds(const std::string& original, const DumpKey& originalTree, StrategyKind kind, uint64_t seed,
                     size_t rounds, size_t editsPerRound, bool otherReaders, bool ownReader) {
    INFO("strategy " << strategyName(kind) << ", seed " << seed);
    TempDir dir;
    const std::string path = copyFile(original, dir.file("random.hiv"));
    DumpKey model = originalTree;
    RandomPlanner planner(model, seed);
    uint64_t now = kTestClock;
    SessionOptions o;
    o.strategy = kind;
    o.tx.clock = [&now] { return now; };
    std::unique_ptr<Session> session;
    size_t applied = 0;
    for (size_t round = 0; round < rounds; ++round) {
        INFO("round " << round);
        now = kTestClock + round;
        const Plan plan = planner.next(editsPerRound, now);
        // Every other round continues the same session after its commit.
        if (!session || round % 2 == 0) {
            session.reset();
            auto s = Session::open(path, o);
            REQUIRE(s);
            session = std::move(*s);
        }
        auto r = session->apply(plan);
        INFO((r ? std::string() : r.error().message));
        REQUIRE(r);
        auto committed = session->commit();
        INFO((committed ? std::string() : committed.error().message));
        REQUIRE(committed);
        applied += plan.size();
        requireClean(path);
        REQUIRE(hivexDump(path) == renderDump(model));
    }
    CHECK(applied == rounds * editsPerRound);
    // HiveKit's own reader agrees too.
    if (ownReader) CHECK(engineDump(path) == renderDump(model));
    if (otherReaders) requireOtherReadersAccept(path);
}

}  // namespace

TEST_CASE("random plans over a fresh hive commit exactly the model's tree, with each strategy", "[edit][random]") {
    TempDir dir;
    const std::string fresh = dir.file("fresh.hiv");
    NewHiveOptions o;
    o.timestamp = kTestClock - 1;
    REQUIRE(createHive(fresh, o));
    const DumpKey tree = parseDump(hivexDump(fresh));
    uint64_t seed = 1000;
    for (StrategyKind kind : {StrategyKind::InPlace, StrategyKind::Append, StrategyKind::Hybrid})
        runRandomRounds(fresh, tree, kind, seed++, 4, 800, true, true);
}

TEST_CASE("random plans over a copy of regipy/SYSTEM commit exactly the model's tree, with each strategy", "[edit][random]") {
    const DumpKey tree = parseDump(hivexDump(hivePath("regipy/SYSTEM")));
    uint64_t seed = 2000;
    for (StrategyKind kind : {StrategyKind::InPlace, StrategyKind::Append, StrategyKind::Hybrid})
        runRandomRounds(hivePath("regipy/SYSTEM"), tree, kind, seed++, 2, 1000, kind == StrategyKind::Hybrid, false);
}
