#include "hive/LogHistory.h"

#include <algorithm>

#include "format/BaseBlock.h"

namespace hivekit {

Result<DirtyHive> DirtyHive::open(const std::string& hivePath) {
    auto primary = FileMapping::open(hivePath);
    if (!primary) return std::unexpected(primary.error());
    DirtyHive hive;
    hive.name_ = hivePath.substr(hivePath.rfind('/') + 1);
    hive.primary_ = std::move(*primary);
    for (const auto& path : findLogFiles(hivePath)) {
        const std::string name = path.substr(path.rfind('/') + 1);
        auto mapping = FileMapping::open(path);
        if (!mapping) {
            hive.unreadable_.emplace_back(name, "cannot be read: " + mapping.error().message);
            continue;
        }
        hive.logs_.push_back(Log{name, std::move(*mapping)});
    }
    return hive;
}

DirtyHive DirtyHive::fromBytes(std::vector<uint8_t> primary,
                               std::vector<std::pair<std::string, std::vector<uint8_t>>> logs) {
    DirtyHive hive;
    hive.name_ = "(memory)";
    hive.primary_ = FileMapping::fromBuffer(std::move(primary));
    for (auto& [name, bytes] : logs) hive.logs_.push_back(Log{name, FileMapping::fromBuffer(std::move(bytes))});
    return hive;
}

std::vector<LogInput> DirtyHive::inputs() const {
    std::vector<LogInput> out;
    for (const auto& log : logs_) out.push_back(LogInput{log.name, log.bytes->bytes()});
    return out;
}

Result<LogHistory> DirtyHive::history() const {
    const Bytes primaryBytes = primary();
    auto base = decodeBaseBlock(primaryBytes);
    if (!base) return std::unexpected(base.error());
    LogHistory out;
    out.hiveLastWritten = base->lastWritten;
    out.primarySequence = base->primarySequence;
    out.secondarySequence = base->secondarySequence;

    for (const auto& log : logs_) {
        HistoryLog info;
        info.name = log.name;
        info.size = log.bytes->bytes().size();
        if (auto header = decodeLogHeader(log.bytes->bytes())) {
            info.usable = true;
            info.format = header->format;
            info.sequence = header->sequence();
            info.lastWritten = header->base.lastWritten;
        }
        out.logs.push_back(std::move(info));
    }
    for (const auto& [name, why] : unreadable_) out.logs.push_back(HistoryLog{name, false, LogFormat::New, 0, 0, 0, false, why});
    auto logNamed = [&](const std::string& name) -> HistoryLog* {
        for (auto& log : out.logs)
            if (log.name == name) return &log;
        return nullptr;
    };

    ReplayOptions options;
    options.onStep = [&](const ReplayStep& step) {
        HistoryEntry entry;
        entry.entry = step;
        if (step.applied) entry.step = ++out.applied;
        if (HistoryLog* log = logNamed(step.log)) {
            entry.logWritten = log->lastWritten;
            if (step.applied) log->replayed = true;
        }
        out.entries.push_back(std::move(entry));
    };
    options.onLogNotReplayed = [&](const std::string& name, const std::string& why) {
        if (HistoryLog* log = logNamed(name)) log->why = why;
    };
    auto replay = replayLogs(primaryBytes, inputs(), out.report, options);
    if (!replay) return std::unexpected(replay.error());
    for (const auto& [name, why] : unreadable_) out.report.lines.insert(out.report.lines.begin(), name + ": " + why);

    // A log that was not replayed still holds entries (often the older
    // history, before the hive's last checkpoint): list them, unapplied.
    for (const auto& log : logs_) {
        HistoryLog* info = logNamed(log.name);
        if (!info || info->replayed || !info->usable || info->format != LogFormat::New) continue;
        const bool alreadyListed = std::any_of(out.entries.begin(), out.entries.end(),
                                               [&](const HistoryEntry& e) { return e.entry.log == log.name; });
        if (alreadyListed) continue;
        const std::string why = info->why.empty() ? std::string("its log was not replayed") : "its log was not replayed: " + info->why;
        const Bytes bytes = log.bytes->bytes();
        for (uint64_t at = layout::log::kFirstEntryOffset; at < bytes.size() && hasLogEntrySignature(bytes, at);) {
            HistoryEntry entry;
            entry.logWritten = info->lastWritten;
            entry.entry.log = log.name;
            entry.entry.entryOffset = at;
            auto decoded = decodeLogEntry(bytes, at);
            if (!decoded) {
                entry.entry.why = decoded.error().message;
                out.entries.push_back(std::move(entry));
                break;
            }
            entry.entry.sequence = decoded->sequence;
            entry.entry.hiveBinsDataSize = decoded->hiveBinsDataSize;
            entry.entry.hashesVerified = true;
            for (const auto& page : decoded->pages) {
                entry.entry.pageOffsets.push_back(page.offset);
                entry.entry.pageBytes += page.data.size();
            }
            entry.entry.why = why;
            out.entries.push_back(std::move(entry));
            at += decoded->size;
        }
    }
    return out;
}

Result<std::vector<uint8_t>> DirtyHive::imageAfter(uint32_t steps) const {
    const Bytes primaryBytes = primary();
    if (steps == 0) return std::vector<uint8_t>(primaryBytes.begin(), primaryBytes.end());
    ReplayOptions options;
    options.stopAfter = steps;
    uint32_t applied = 0;
    options.onStep = [&](const ReplayStep& step) { applied += step.applied ? 1 : 0; };
    RecoveryReport report;
    auto replay = replayLogs(primaryBytes, inputs(), report, options);
    if (!replay) return std::unexpected(replay.error());
    if (applied < steps)
        return fail(ErrorCode::NotFound, "the logs apply " + std::to_string(applied) + " entries, not " +
                                             std::to_string(steps));
    if (replay->image.empty()) return std::vector<uint8_t>(primaryBytes.begin(), primaryBytes.end());
    return std::move(replay->image);
}

}  // namespace hivekit
