// timeline: every time the hives record (engine/timeline) as a Sleuth Kit
// body file, CSV or JSON Lines. Many hives at once: a directory argument
// is a triage folder, and every hive under it is read. Hives are read in
// parallel; each hive's events are sorted by time and written as one block,
// in the order of the hive list, as soon as that hive and those before it
// are done: the output streams, and memory holds the events of at most a
// few hives (never the whole folder's).
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

/// One hive's part of the output, filled by a worker.
struct HiveOutput {
    bool done = false;
    std::string text;      ///< its events, formatted, sorted by time
    std::string errors;    ///< lines for stderr
    bool failed = false;   ///< could not be opened (or read)
    uint64_t events = 0;
};

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
    // Workers run at most this far ahead of the writer, so memory holds
    // a bounded number of hives' events.
    const size_t lookahead = size_t{workers} * 2;

    std::vector<HiveOutput> outputs(hives.size());
    std::mutex mutex;
    std::condition_variable changed;
    size_t next = 0;     // the next hive a worker takes
    size_t written = 0;  // hives written so far
    const bool progress = isatty(STDERR_FILENO) == 1;

    const auto work = [&] {
        for (;;) {
            size_t i;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return next >= hives.size() || next < written + lookahead; });
                if (next >= hives.size()) return;
                i = next++;
            }
            HiveOutput result;
            OpenOptions openOptions;
            openOptions.useLogs = !args.noLogs;
            auto hive = Hive::open(hives[i], openOptions);
            if (!hive) {
                result.failed = true;
                result.errors = "hivectl: timeline: " + hive.error().message + "\n";
            } else {
                (*hive)->populate();
                TimelineOptions options;
                options.hiveName = hives[i];
                options.range = range;
                // Hives run in parallel already; one hive alone may split its scan.
                options.threads = workers > 1 ? 1 : threads;
                std::vector<TimelineEvent> events;
                auto summary = collectTimeline(**hive, options, [&](TimelineEvent&& e) { events.push_back(std::move(e)); });
                if (!summary) {
                    result.failed = true;
                    result.errors = "hivectl: timeline: " + hives[i] + ": " + summary.error().message + "\n";
                } else {
                    for (const std::string& e : summary->decoderErrors)
                        result.errors += "hivectl: timeline: " + hives[i] + ": decoder " + e + "\n";
                }
                sortEvents(events);
                for (const TimelineEvent& e : events) result.text += formatEvent(*format, e);
                result.events = events.size();
            }
            result.done = true;
            {
                std::lock_guard lock(mutex);
                outputs[i] = std::move(result);
            }
            changed.notify_all();
        }
    };

    std::vector<std::thread> pool;
    for (unsigned t = 0; t < workers && !hives.empty(); ++t) pool.emplace_back(work);
    uint64_t totalEvents = 0;
    for (size_t i = 0; i < hives.size(); ++i) {
        HiveOutput result;
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return outputs[i].done; });
            result = std::move(outputs[i]);
            outputs[i] = HiveOutput{};
            outputs[i].done = true;
        }
        out << result.text;
        out.flush();
        if (!result.errors.empty()) std::cerr << result.errors;
        if (result.failed) status = kCannotOpen;
        totalEvents += result.events;
        if (progress)
            std::cerr << "\rtimeline: " << (i + 1) << "/" << hives.size() << " hives, " << totalEvents << " events"
                      << (i + 1 == hives.size() ? "\n" : "") << std::flush;
        {
            std::lock_guard lock(mutex);
            written = i + 1;
        }
        changed.notify_all();
    }
    for (std::thread& t : pool) t.join();
    if (!out) {
        printError("timeline: cannot write the output: " + std::string(std::strerror(errno)));
        return kCannotOpen;
    }
    return status;
}

}  // namespace hivectl
