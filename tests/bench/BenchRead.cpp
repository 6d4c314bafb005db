// Read-path benchmark: HiveKit against libhivex, both linked here and
// measured in the same run on the same files.
//
// For each hive it measures, per library, in a child process of its own (so
// that one library's heap never counts against the other):
//   - open: Hive::open against hivex_open (median of the repetitions);
//   - walk: every key, every value, every value's data, names converted to
//     UTF-8 as a caller would use them, every data byte summed so nothing
//     can be optimised away (median, each repetition on a fresh handle);
//   - memory beyond the mapping: the peak of the process's anonymous
//     resident memory (resident minus file-backed pages, /proc/self/statm)
//     during one open + walk (HiveKit's TreeWalker walk included), less
//     what it was before the open. The mapped
//     file itself is page cache, shared and reclaimable; anonymous memory
//     is what the library really costs.
// Times are CPU time (see Stopwatch), wall time is printed beside them.
// Both walks must see the same keys, values, data bytes and data checksum,
// or the run fails: a fast walk that reads less proves nothing.
//
// Usage: bench_read [--reps N] [HIVE...]
// Without HIVE arguments it reads regipy/SYSTEM and the large hive that
// make-large-hive.py writes into the build directory.

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <hivex.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "hive/Hive.h"
#include "hive/TreeWalker.h"

using namespace hivekit;

namespace {

/// What a walk saw. Two libraries reading the same hive must agree on all
/// of it but nameBytes (kept for the report; both give UTF-8).
struct WalkCounts {
    uint64_t keys = 0;
    uint64_t values = 0;
    uint64_t dataBytes = 0;
    uint64_t dataSum = 0;  ///< sum of every data byte: proves both read the same data
    uint64_t nameBytes = 0;
    uint64_t errors = 0;
    bool operator==(const WalkCounts&) const = default;
};

/// What one child process sends back through its pipe (plain bytes).
struct ChildResult {
    bool ok = false;
    char error[256] = {};
    WalkCounts counts;
    double openMs = 0;       ///< median CPU time
    double walkMs = 0;       ///< median CPU time
    double walkMinMs = 0;    ///< fastest repetition's CPU time (less swayed by a busy host)
    double treeWalkMs = 0;   ///< median CPU time, HiveKit's TreeWalker (0 for hivex)
    double openWallMs = 0;   ///< the same as wall time
    double walkWallMs = 0;
    double treeWalkWallMs = 0;
    uint64_t anonBefore = 0; ///< anonymous resident bytes before the open
    uint64_t anonPeak = 0;   ///< their peak during open + walk
    long maxRssKb = 0;       ///< getrusage peak RSS, mapped pages included
};

enum class Library { HiveKit, Hivex };

// ---- measuring -------------------------------------------------------------

/// Anonymous resident bytes: statm's resident minus shared (file-backed)
/// pages. Read with open/read into a stack buffer so that measuring
/// allocates nothing.
uint64_t anonymousBytes() {
    int fd = ::open("/proc/self/statm", O_RDONLY);
    if (fd < 0) return 0;
    char buf[256];
    ssize_t n = ::read(fd, buf, sizeof buf - 1);
    ::close(fd);
    if (n <= 0) return 0;
    buf[n] = '\0';
    unsigned long long size = 0, resident = 0, shared = 0;
    if (std::sscanf(buf, "%llu %llu %llu", &size, &resident, &shared) != 3) return 0;
    return (resident - shared) * static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
}

/// Keeps the peak of anonymousBytes() over the samples taken.
struct PeakSampler {
    uint64_t peak = 0;
    void operator()() { peak = std::max(peak, anonymousBytes()); }
};

/// Does nothing: the timed walks do not sample.
struct NoSampler {
    void operator()() {}
};

constexpr uint64_t kSampleEvery = 1024;  // keys between memory samples

/// Wall time and the process's CPU time (user + system, page faults
/// included) of one operation. The table reports CPU time: on a machine
/// shared with other work, wall time also counts the time other processes
/// held the CPU; CPU time does not, and a single-threaded child spends no
/// CPU time on anything but what is measured.
struct Stopwatch {
    std::chrono::steady_clock::time_point wall0 = std::chrono::steady_clock::now();
    double cpu0 = cpuMs();
    static double cpuMs() {
        timespec ts{};
        ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
    }
    /// Stops: appends the elapsed CPU and wall milliseconds.
    void stop(std::vector<double>& cpu, std::vector<double>& wall) const {
        const double c = cpuMs();
        wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall0).count());
        cpu.push_back(c - cpu0);
    }
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/// Reads every byte, 8 at a time (a byte loop would cost more than some of
/// what is measured; both libraries' data goes through this same function).
uint64_t byteSum(const uint8_t* p, size_t n) {
    uint64_t s = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        s += w;
    }
    for (; i < n; ++i) s += uint64_t{p[i]} << (8 * (i % 8));
    return s;
}

void touchName(WalkCounts& c, std::string_view name) {
    c.nameBytes += name.size();
}

void touchData(WalkCounts& c, const uint8_t* p, size_t n) {
    c.dataBytes += n;
    c.dataSum += byteSum(p, n);
}

// ---- the two walks ---------------------------------------------------------

/// Every value of `key` with its name and data, as both HiveKit walks read
/// them (`values` is the caller's reused list buffer).
void walkValues(const Hive& hive, const KeyNode& key, std::vector<uint32_t>& values, WalkCounts& c) {
    hive.values(key, values);
    for (uint32_t v : values) {
        auto value = hive.valueRecord(v);
        if (!value) {
            ++c.errors;
            continue;
        }
        ++c.values;
        touchName(c, value->nameUtf8());
        auto data = hive.valueData(*value);
        if (!data) {
            ++c.errors;
            continue;
        }
        touchData(c, data->bytes().data(), data->size());
    }
}

/// HiveKit through its public read API, in on-disk list order, depth first.
template <class Sampler>
WalkCounts walkHiveKit(const Hive& hive, Sampler&& sample) {
    WalkCounts c;
    std::vector<uint32_t> stack{hive.rootOffset()};
    std::vector<uint32_t> values, children;  // reused: the lists' allocation-free form
    while (!stack.empty()) {
        const uint32_t offset = stack.back();
        stack.pop_back();
        auto key = hive.keyNode(offset);
        if (!key) {
            ++c.errors;
            continue;
        }
        if (++c.keys % kSampleEvery == 0) sample();
        touchName(c, key->nameUtf8());
        walkValues(hive, *key, values, c);
        hive.subkeys(*key, children);
        stack.insert(stack.end(), children.rbegin(), children.rend());
    }
    return c;
}

/// HiveKit through TreeWalker (what `hivectl dump` and `tree` use): the
/// same reads plus cycle detection and a path string per key.
template <class Sampler>
WalkCounts treeWalkHiveKit(const Hive& hive, Sampler&& sample) {
    WalkCounts c;
    TreeWalker walker(hive);
    std::vector<uint32_t> values;
    walker.walk([&](const WalkedKey& k) {
        if (++c.keys % kSampleEvery == 0) sample();
        touchName(c, *k.path);
        walkValues(hive, *k.node, values, c);
        return true;
    });
    return c;
}

/// libhivex through its C API, the way hivex-dump walks: names and data
/// come back as malloc'd copies that the caller frees.
template <class Sampler>
WalkCounts walkHivex(hive_h* h, Sampler&& sample) {
    WalkCounts c;
    std::vector<hive_node_h> stack{hivex_root(h)};
    while (!stack.empty()) {
        const hive_node_h node = stack.back();
        stack.pop_back();
        char* name = hivex_node_name(h, node);
        if (!name) {
            ++c.errors;
            continue;
        }
        if (++c.keys % kSampleEvery == 0) sample();
        touchName(c, name);
        std::free(name);
        if (hive_value_h* values = hivex_node_values(h, node)) {
            for (size_t i = 0; values[i]; ++i) {
                char* key = hivex_value_key(h, values[i]);
                if (!key) {
                    ++c.errors;
                    continue;
                }
                ++c.values;
                touchName(c, key);
                std::free(key);
                hive_type type;
                size_t len = 0;
                char* data = hivex_value_value(h, values[i], &type, &len);
                if (!data) {
                    ++c.errors;
                    continue;
                }
                touchData(c, reinterpret_cast<const uint8_t*>(data), len);
                std::free(data);
            }
            std::free(values);
        } else {
            ++c.errors;
        }
        if (hive_node_h* children = hivex_node_children(h, node)) {
            size_t n = 0;
            while (children[n]) ++n;
            for (size_t i = n; i-- > 0;) stack.push_back(children[i]);
            std::free(children);
        } else {
            ++c.errors;
        }
    }
    return c;
}

// ---- one library in one child process --------------------------------------

void setError(ChildResult& r, const std::string& message) {
    std::snprintf(r.error, sizeof r.error, "%s", message.c_str());
}

ChildResult measureHiveKit(const std::string& path, int reps) {
    ChildResult r;
    {
        PeakSampler sampler;
        r.anonBefore = anonymousBytes();
        sampler.peak = r.anonBefore;
        auto hive = Hive::open(path);
        sampler();
        if (!hive) {
            setError(r, hive.error().message);
            return r;
        }
        r.counts = walkHiveKit(**hive, sampler);
        sampler();
        WalkCounts viaWalker = treeWalkHiveKit(**hive, sampler);
        sampler();
        r.anonPeak = sampler.peak;
        if (viaWalker.keys != r.counts.keys || viaWalker.values != r.counts.values ||
            viaWalker.dataBytes != r.counts.dataBytes || viaWalker.dataSum != r.counts.dataSum) {
            setError(r, "TreeWalker saw other keys or values than the API walk");
            return r;
        }
    }
    std::vector<double> opens, walks, treeWalks, opensWall, walksWall, treeWalksWall;
    for (int i = 0; i < reps; ++i) {
        Stopwatch t;
        auto hive = Hive::open(path);
        t.stop(opens, opensWall);
        if (!hive) {
            setError(r, hive.error().message);
            return r;
        }
    }
    for (int i = 0; i < reps; ++i) {
        auto hive = Hive::open(path);
        if (!hive) return r;
        Stopwatch t;
        WalkCounts c = walkHiveKit(**hive, NoSampler{});
        t.stop(walks, walksWall);
        if (!(c == r.counts)) {
            setError(r, "two walks of the same hive disagree");
            return r;
        }
    }
    for (int i = 0; i < reps; ++i) {
        auto hive = Hive::open(path);
        if (!hive) return r;
        Stopwatch t;
        WalkCounts c = treeWalkHiveKit(**hive, NoSampler{});
        t.stop(treeWalks, treeWalksWall);
        if (c.keys != r.counts.keys) {
            setError(r, "two TreeWalker walks of the same hive disagree");
            return r;
        }
    }
    r.openMs = median(opens);
    r.walkMs = median(walks);
    r.walkMinMs = *std::min_element(walks.begin(), walks.end());
    r.treeWalkMs = median(treeWalks);
    r.openWallMs = median(opensWall);
    r.walkWallMs = median(walksWall);
    r.treeWalkWallMs = median(treeWalksWall);
    r.ok = true;
    return r;
}

ChildResult measureHivex(const std::string& path, int reps) {
    ChildResult r;
    {
        PeakSampler sampler;
        r.anonBefore = anonymousBytes();
        sampler.peak = r.anonBefore;
        hive_h* h = hivex_open(path.c_str(), 0);
        sampler();
        if (!h) {
            setError(r, "hivex_open: " + std::string(std::strerror(errno)));
            return r;
        }
        r.counts = walkHivex(h, sampler);
        sampler();
        r.anonPeak = sampler.peak;
        hivex_close(h);
    }
    std::vector<double> opens, walks, opensWall, walksWall;
    for (int i = 0; i < reps; ++i) {
        Stopwatch t;
        hive_h* h = hivex_open(path.c_str(), 0);
        t.stop(opens, opensWall);
        if (!h) return r;
        hivex_close(h);
    }
    for (int i = 0; i < reps; ++i) {
        hive_h* h = hivex_open(path.c_str(), 0);
        if (!h) return r;
        Stopwatch t;
        WalkCounts c = walkHivex(h, NoSampler{});
        t.stop(walks, walksWall);
        hivex_close(h);
        if (!(c == r.counts)) {
            setError(r, "two walks of the same hive disagree");
            return r;
        }
    }
    r.openMs = median(opens);
    r.walkMs = median(walks);
    r.walkMinMs = *std::min_element(walks.begin(), walks.end());
    r.openWallMs = median(opensWall);
    r.walkWallMs = median(walksWall);
    r.ok = true;
    return r;
}

/// Runs one library's measurements in a fresh child process.
ChildResult runInChild(Library lib, const std::string& path, int reps) {
    ChildResult r;
    int fds[2];
    if (::pipe(fds) != 0) {
        setError(r, "pipe failed");
        return r;
    }
    std::fflush(nullptr);
    pid_t pid = ::fork();
    if (pid < 0) {
        setError(r, "fork failed");
        return r;
    }
    if (pid == 0) {
        ::close(fds[0]);
        ChildResult mine = lib == Library::HiveKit ? measureHiveKit(path, reps) : measureHivex(path, reps);
        rusage ru{};
        ::getrusage(RUSAGE_SELF, &ru);
        mine.maxRssKb = ru.ru_maxrss;
        const char* p = reinterpret_cast<const char*>(&mine);
        size_t left = sizeof mine;
        while (left > 0) {
            ssize_t n = ::write(fds[1], p, left);
            if (n <= 0) break;
            p += n;
            left -= static_cast<size_t>(n);
        }
        ::_exit(0);
    }
    ::close(fds[1]);
    char* p = reinterpret_cast<char*>(&r);
    size_t got = 0;
    while (got < sizeof r) {
        ssize_t n = ::read(fds[0], p + got, sizeof r - got);
        if (n <= 0) break;
        got += static_cast<size_t>(n);
    }
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (got != sizeof r) {
        r = ChildResult{};
        setError(r, "the measuring process died (status " + std::to_string(status) + ")");
    }
    return r;
}

/// Reads the file once so that neither library pays for the disk.
bool warmPageCache(const std::string& path, uint64_t& size) {
    int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return false;
    struct stat st{};
    ::fstat(fd, &st);
    size = static_cast<uint64_t>(st.st_size);
    static char buf[1 << 20];
    while (::read(fd, buf, sizeof buf) > 0) {
    }
    ::close(fd);
    return true;
}

// ---- report ----------------------------------------------------------------

struct Row {
    std::string name;
    uint64_t size = 0;
    ChildResult ours, theirs;
};

double mib(uint64_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

std::string shortName(const std::string& path) {
    // The last two path components: "regipy/SYSTEM", "bench/large.hive".
    size_t last = path.rfind('/');
    if (last == std::string::npos || last == 0) return path;
    size_t prev = path.rfind('/', last - 1);
    return prev == std::string::npos ? path : path.substr(prev + 1);
}

void printTable(const std::vector<Row>& rows) {
    std::printf("\n%-18s %8s %8s %8s | %8s %8s %6s | %8s %8s %6s %9s | %-17s %-17s\n", "hive", "size MiB", "keys",
                "values", "open ms", "hivex", "ratio", "walk ms", "hivex", "ratio", "TreeWalk", "mem ours MiB (%)",
                "mem hivex MiB (%)");
    std::printf("%s\n", std::string(172, '-').c_str());
    for (const Row& r : rows) {
        const double oursMem = mib(r.ours.anonPeak - r.ours.anonBefore);
        const double theirMem = mib(r.theirs.anonPeak - r.theirs.anonBefore);
        const double fileMb = mib(r.size);
        char oursCol[32], theirCol[32];
        std::snprintf(oursCol, sizeof oursCol, "%.2f (%.2f%%)", oursMem, 100.0 * oursMem / fileMb);
        std::snprintf(theirCol, sizeof theirCol, "%.2f (%.2f%%)", theirMem, 100.0 * theirMem / fileMb);
        std::printf("%-18s %8.1f %8llu %8llu | %8.3f %8.3f %5.1fx | %8.1f %8.1f %5.1fx %9.1f | %-17s %-17s\n",
                    r.name.c_str(), fileMb, static_cast<unsigned long long>(r.ours.counts.keys),
                    static_cast<unsigned long long>(r.ours.counts.values), r.ours.openMs, r.theirs.openMs,
                    r.theirs.openMs / r.ours.openMs, r.ours.walkMs, r.theirs.walkMs, r.theirs.walkMs / r.ours.walkMs,
                    r.ours.treeWalkMs, oursCol, theirCol);
    }
    std::printf("\nTimes are CPU milliseconds (user + system), medians of the repetitions.\n"
                "ratio = hivex time / HiveKit time (higher is better for HiveKit).\n"
                "walk = every key, value and value's data through the library API; TreeWalk = HiveKit's\n"
                "TreeWalker (path strings, cycle check) doing the same. mem = peak anonymous memory of\n"
                "open + walk beyond the mapped file, in a process of its own; %% of the file size.\n");
    std::printf("\nOpen + walk, CPU ms (hivex maps in and scans every page at open, HiveKit as it walks):\n");
    for (const Row& r : rows) {
        const double ours = r.ours.openMs + r.ours.walkMs;
        const double theirs = r.theirs.openMs + r.theirs.walkMs;
        std::printf("  %-18s HiveKit %.1f, hivex %.1f, ratio %.1fx\n", r.name.c_str(), ours, theirs, theirs / ours);
    }
    std::printf("\nWalk, fastest repetition (CPU ms): on a host busy with other work the medians move,\n"
                "the fastest runs of both libraries less so:\n");
    for (const Row& r : rows)
        std::printf("  %-18s HiveKit %.1f, hivex %.1f, ratio %.1fx\n", r.name.c_str(), r.ours.walkMinMs,
                    r.theirs.walkMinMs, r.theirs.walkMinMs / r.ours.walkMinMs);
    std::printf("\nWall-clock medians (ms), for reference:\n");
    for (const Row& r : rows)
        std::printf("  %-18s open %.3f / hivex %.3f   walk %.1f / hivex %.1f   TreeWalk %.1f\n", r.name.c_str(),
                    r.ours.openWallMs, r.theirs.openWallMs, r.ours.walkWallMs, r.theirs.walkWallMs,
                    r.ours.treeWalkWallMs);
    std::printf("Peak RSS, mapped file pages included (getrusage):\n");
    for (const Row& r : rows)
        std::printf("  %-18s HiveKit %.1f MiB, hivex %.1f MiB\n", r.name.c_str(), r.ours.maxRssKb / 1024.0,
                    r.theirs.maxRssKb / 1024.0);
}

void printTargets(const std::vector<Row>& rows) {
    std::printf("\nTargets (issue 2):\n");
    for (const Row& r : rows) {
        const double walkRatio = r.theirs.walkMs / r.ours.walkMs;
        const double memPct = 100.0 * static_cast<double>(r.ours.anonPeak - r.ours.anonBefore) /
                              static_cast<double>(r.size);
        std::printf("  %-18s walk >= 3x hivex: %-4s (%.1fx)  open < 5 ms: %-4s (%.3f ms)  memory < 10%%: %-4s (%.2f%%)\n",
                    r.name.c_str(), walkRatio >= 3 ? "met" : "MISS", walkRatio, r.ours.openMs < 5 ? "met" : "MISS",
                    r.ours.openMs, memPct < 10 ? "met" : "MISS", memPct);
    }
}

std::vector<std::string> splitPaths(const std::string& list) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= list.size()) {
        size_t end = list.find(':', start);
        if (end == std::string::npos) end = list.size();
        if (end > start) out.push_back(list.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    int reps = 5;
    std::vector<std::string> hives;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--reps" && i + 1 < argc) {
            reps = std::max(1, std::atoi(argv[++i]));
        } else if (a == "-h" || a == "--help") {
            std::printf("usage: bench_read [--reps N] [HIVE...]\n"
                        "default hives: %s\n", HIVEKIT_BENCH_DEFAULT_HIVES);
            return 0;
        } else {
            hives.push_back(a);
        }
    }
    if (hives.empty()) hives = splitPaths(HIVEKIT_BENCH_DEFAULT_HIVES);

    std::vector<Row> rows;
    bool failed = false;
    for (const std::string& path : hives) {
        Row row;
        row.name = shortName(path);
        if (!warmPageCache(path, row.size)) {
            std::fprintf(stderr, "bench_read: %s: cannot read it (%s)%s\n", path.c_str(), std::strerror(errno),
                         path.ends_with("large.hive") ? "; write it with `ninja bench_large_hive` or "
                                                        "tests/bench/make-large-hive.py"
                                                      : "");
            failed = true;
            continue;
        }
        std::fprintf(stderr, "bench_read: %s (%.1f MiB), %d repetitions...\n", path.c_str(), mib(row.size), reps);
        row.ours = runInChild(Library::HiveKit, path, reps);
        row.theirs = runInChild(Library::Hivex, path, reps);
        if (!row.ours.ok || !row.theirs.ok) {
            std::fprintf(stderr, "bench_read: %s: %s%s\n", path.c_str(), row.ours.ok ? "" : row.ours.error,
                         row.theirs.ok ? "" : (std::string(" hivex: ") + row.theirs.error).c_str());
            failed = true;
            continue;
        }
        const WalkCounts& a = row.ours.counts;
        const WalkCounts& b = row.theirs.counts;
        if (a.keys != b.keys || a.values != b.values || a.dataBytes != b.dataBytes || a.dataSum != b.dataSum ||
            a.errors != b.errors) {
            std::fprintf(stderr,
                         "bench_read: %s: the walks disagree: HiveKit %llu keys, %llu values, %llu data bytes "
                         "(sum %llu), %llu errors; hivex %llu, %llu, %llu (sum %llu), %llu errors\n",
                         path.c_str(), (unsigned long long)a.keys, (unsigned long long)a.values,
                         (unsigned long long)a.dataBytes, (unsigned long long)a.dataSum, (unsigned long long)a.errors,
                         (unsigned long long)b.keys, (unsigned long long)b.values, (unsigned long long)b.dataBytes,
                         (unsigned long long)b.dataSum, (unsigned long long)b.errors);
            failed = true;
        }
        if (a.nameBytes != b.nameBytes)
            std::fprintf(stderr, "bench_read: %s: note: UTF-8 name bytes differ: HiveKit %llu, hivex %llu\n",
                         path.c_str(), (unsigned long long)a.nameBytes, (unsigned long long)b.nameBytes);
        rows.push_back(std::move(row));
    }
    if (!rows.empty()) {
        printTable(rows);
        printTargets(rows);
    }
    return failed ? 1 : 0;
}
