// The walk of bench_read, alone and repeated: for A/B comparisons of engine
// changes on a busy machine, where the fastest of many runs says more than a
// median. Each repetition walks a freshly opened hive (every key, value and
// value's data through the public API, names converted to UTF-8), in CPU time.
//
// Usage: bench_walk HIVE [--reps N] [--part keys|names|values|all]
//   keys: key nodes and subkey lists only; names: and key names;
//   values: and value records with their names; all: and value data.

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "hive/Hive.h"

using namespace hivekit;

namespace {

double cpuMs() {
    timespec ts{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

enum class Part { Keys, Names, Values, All };

struct Counts {
    uint64_t keys = 0, values = 0, nameBytes = 0, dataBytes = 0, dataSum = 0;
};

Counts walk(const Hive& hive, Part part) {
    Counts c;
    std::vector<uint32_t> stack{hive.rootOffset()}, values, children;
    while (!stack.empty()) {
        const uint32_t offset = stack.back();
        stack.pop_back();
        auto key = hive.keyNode(offset);
        if (!key) continue;
        ++c.keys;
        if (part != Part::Keys) c.nameBytes += key->nameUtf8().size();
        if (part == Part::Values || part == Part::All) {
            hive.values(*key, values);
            for (uint32_t v : values) {
                auto value = hive.valueRecord(v);
                if (!value) continue;
                ++c.values;
                c.nameBytes += value->nameUtf8().size();
                if (part != Part::All) continue;
                auto data = hive.valueData(*value);
                if (!data) continue;
                const uint8_t* p = data->bytes().data();
                const size_t n = data->size();
                c.dataBytes += n;
                size_t i = 0;
                for (; i + 8 <= n; i += 8) {
                    uint64_t w;
                    std::memcpy(&w, p + i, 8);
                    c.dataSum += w;
                }
                for (; i < n; ++i) c.dataSum += p[i];
            }
        }
        hive.subkeys(*key, children);
        stack.insert(stack.end(), children.rbegin(), children.rend());
    }
    return c;
}

}  // namespace

int main(int argc, char** argv) {
    std::string path;
    int reps = 15;
    Part part = Part::All;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--reps" && i + 1 < argc) {
            reps = std::max(1, std::atoi(argv[++i]));
        } else if (a == "--part" && i + 1 < argc) {
            const std::string p = argv[++i];
            part = p == "keys" ? Part::Keys : p == "names" ? Part::Names : p == "values" ? Part::Values : Part::All;
        } else if (path.empty() && !a.starts_with("-")) {
            path = a;
        } else {
            std::fprintf(stderr, "usage: bench_walk HIVE [--reps N] [--part keys|names|values|all]\n");
            return 2;
        }
    }
    if (path.empty()) {
        std::fprintf(stderr, "usage: bench_walk HIVE [--reps N] [--part keys|names|values|all]\n");
        return 2;
    }
    std::vector<double> times;
    Counts last;
    for (int r = 0; r < reps; ++r) {
        auto hive = Hive::open(path);
        if (!hive) {
            std::fprintf(stderr, "bench_walk: %s\n", hive.error().message.c_str());
            return 3;
        }
        const double t0 = cpuMs();
        last = walk(**hive, part);
        times.push_back(cpuMs() - t0);
    }
    std::sort(times.begin(), times.end());
    std::printf("%s: %llu keys, %llu values, %llu data bytes; CPU ms min %.1f, median %.1f over %d runs\n",
                path.c_str(), static_cast<unsigned long long>(last.keys), static_cast<unsigned long long>(last.values),
                static_cast<unsigned long long>(last.dataBytes), times.front(), times[times.size() / 2], reps);
    return 0;
}
