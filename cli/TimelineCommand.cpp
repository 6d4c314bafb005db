// timeline: every time the hives record (engine/timeline) as a Sleuth Kit
// body file, CSV or JSON Lines. Many hives at once: a directory argument
// is a triage folder, and every hive under it is read. Hives are read in
// parallel; each hive's events are sorted by time and written as one block,
// in the order of the hive list, as soon as the hives before it are
// written: the output streams, and memory holds the events of at most one
// hive per thread (never the whole folder's).
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

#include "Cli.h"
#include "timeline/Timeline.h"
#include "timeline/TimelineFormat.h"

using namespace hivekit;
using namespace hivekit::timeline;
namespace fs = std::filesystem;

namespace hivectl {

namespace {

/// Transaction logs and backups start with "regf" too: they are not hives.
bool isLogOrBackupName(const fs::path& path) {
    std::string name = path.filename().string();
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char* suffix : {".log", ".log1", ".log2"})
        if (name.size() >= std::strlen(suffix) && name.compare(name.size() - std::strlen(suffix), std::string::npos, suffix) == 0)
            return true;
    // HIVE.bak, HIVE.bak.1, ... (what hivectl --backup writes)
    return name.find(".bak") != std::string::npos;
}

bool startsWithRegf(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    char signature[4] = {};
    return in.read(signature, 4) && std::memcmp(signature, "regf", 4) == 0;
}

/// Every hive under `dir` (by its "regf" signature, logs and backups
/// left out), sorted by path.
std::vector<std::string> hivesUnder(const fs::path& dir) {
    std::vector<std::string> found;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code typeError;
        if (!it->is_regular_file(typeError)) continue;
        if (isLogOrBackupName(it->path()) || !startsWithRegf(it->path())) continue;
        found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    return found;
}

std::optional<FileTime> parseBound(const std::string& option, const std::string& text, Bound bound,
                                   bool& bad) {
    if (text.empty()) return std::nullopt;
    auto time = parseIsoTime(text, bound);
    if (!time) {
        printError("timeline: " + option + " \"" + text +
                   "\" is not an ISO 8601 UTC time (2020-01-02 or 2020-01-02T03:04:05Z)");
        bad = true;
    }
    return time;
}

}  // namespace

int runTimeline(const Args& args) {
    const std::string formatName = args.format.empty() ? std::string("csv") : args.format;
    const auto format = timelineFormatNamed(formatName);
    if (!format) {
        printError("timeline: --format must be bodyfile, csv or jsonl, not \"" + args.format + "\"");
        return kUsage;
    }
    bool badTime = false;
    TimeRange range;
    if (auto from = parseBound("--from", args.from, Bound::From, badTime)) range.from = *from;
    if (auto to = parseBound("--to", args.to, Bound::To, badTime)) range.to = *to;
    if (badTime) return kUsage;
    if (range.from.ticks > range.to.ticks) {
        printError("timeline: --from " + args.from + " is after --to " + args.to);
        return kUsage;
    }

    // The hives: files as given, directories searched.
    std::vector<std::string> hives;
    int status = kOk;
    for (const std::string& argument : args.positional) {
        std::error_code ec;
        if (fs::is_directory(argument, ec)) {
            std::vector<std::string> found = hivesUnder(argument);
            if (found.empty()) {
                printError("timeline: " + argument + ": no hive found under this directory");
                status = kCannotOpen;
            }
            hives.insert(hives.end(), found.begin(), found.end());
        } else {
            hives.push_back(argument);
        }
    }

    std::ofstream file;
    if (!args.output.empty()) {
        file.open(args.output, std::ios::binary | std::ios::trunc);
        if (!file) {
            printError("timeline: cannot write " + args.output + ": " + std::strerror(errno));
            return kCannotOpen;
        }
    }
    std::ostream& out = args.output.empty() ? std::cout : file;
    if (*format == TimelineFormat::Csv) out << csvHeader();

    unsigned threads = threadsFromEnvironment();
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    const unsigned workers = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(hives.size(), 1)));
    // A worker collects and sorts its hive in parallel with the others,
    // then waits for the hives before it to be written and writes its own:
    // the output is in the order of the hive list, and memory holds the
    // events of at most one hive per worker (never a formatted copy).
    std::mutex mutex;
    std::condition_variable turn;
    size_t next = 0;     // the next hive a worker takes
    size_t written = 0;  // hives written so far
    uint64_t totalEvents = 0;
    const bool progress = isatty(STDERR_FILENO) == 1;

    const auto work = [&] {
        for (;;) {
            size_t i;
            {
                std::lock_guard lock(mutex);
                if (next >= hives.size()) return;
                i = next++;
            }
            std::string errors;
            bool failed = false;
            std::vector<TimelineEvent> events;
            OpenOptions openOptions;
            openOptions.useLogs = !args.noLogs;
            openOptions.binLookup = BinLookup::Chain;
            openOptions.readWhole = true;
            auto hive = Hive::open(hives[i], openOptions);
            if (!hive) {
                failed = true;
                errors = "hivectl: timeline: " + hive.error().message + "\n";
            } else {
                TimelineOptions options;
                options.hiveName = hives[i];
                options.range = range;
                // Hives run in parallel already; one hive alone may split its scan.
                options.threads = workers > 1 ? 1 : threads;
                auto summary = collectTimeline(**hive, options, [&](TimelineEvent&& e) { events.push_back(std::move(e)); });
                if (!summary) {
                    failed = true;
                    errors = "hivectl: timeline: " + hives[i] + ": " + summary.error().message + "\n";
                } else {
                    for (const std::string& e : summary->decoderErrors)
                        errors += "hivectl: timeline: " + hives[i] + ": decoder " + e + "\n";
                }
                sortEvents(events);
            }
            std::unique_lock lock(mutex);
            turn.wait(lock, [&] { return written == i; });
            std::string chunk;
            for (size_t e = 0; e < events.size(); ++e) {
                chunk += formatEvent(*format, events[e]);
                if (chunk.size() >= (1u << 20) || e + 1 == events.size()) {
                    out << chunk;
                    chunk.clear();
                }
            }
            out.flush();
            if (!errors.empty()) std::cerr << errors;
            if (failed) status = kCannotOpen;
            totalEvents += events.size();
            if (progress)
                std::cerr << "\rtimeline: " << (i + 1) << "/" << hives.size() << " hives, " << totalEvents << " events"
                          << (i + 1 == hives.size() ? "\n" : "") << std::flush;
            written = i + 1;
            lock.unlock();
            turn.notify_all();
        }
    };

    std::vector<std::thread> pool;
    for (unsigned t = 0; t < workers && !hives.empty(); ++t) pool.emplace_back(work);
    for (std::thread& t : pool) t.join();
    if (!out) {
        printError("timeline: cannot write the output: " + std::string(std::strerror(errno)));
        return kCannotOpen;
    }
    return status;
}

}  // namespace hivectl
