#include "support/CrashFileIO.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

using namespace hivekit;

namespace testsupport {

namespace {

constexpr size_t kSector = 512;

std::string directoryKey(const std::string& path) {
    return std::filesystem::path(directoryOf(path)).lexically_normal().string();
}

std::vector<uint8_t> readWhole(const std::string& path) {
    // One read of the whole size (byte-wise iterators are slow in Debug).
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    const std::streamoff size = in ? static_cast<std::streamoff>(in.tellg()) : 0;
    std::vector<uint8_t> bytes(static_cast<size_t>(std::max<std::streamoff>(size, 0)));
    in.seekg(0);
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    return bytes;
}

void writeWhole(const std::string& path, const std::vector<uint8_t>& content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(content.data()), static_cast<std::streamsize>(content.size()));
}

}  // namespace

void CrashFileIO::apply(std::vector<uint8_t>& content, const Change& change) {
    if (change.resize) {
        content.resize(static_cast<size_t>(change.offset), 0);
        return;
    }
    const size_t end = static_cast<size_t>(change.offset) + change.bytes.size();
    if (content.size() < end) content.resize(end, 0);
    std::copy(change.bytes.begin(), change.bytes.end(), content.begin() + static_cast<ptrdiff_t>(change.offset));
}

Result<void> CrashFileIO::enter(const std::string& what, const std::optional<LastWrite>& inFlight) {
    if (crashed_) return fail(ErrorCode::Io, "simulated crash: " + what + " after the crash");
    const uint64_t point = points_++;
    if (point == failPoint_)
        return fail(ErrorCode::Io, what + " failed: " + std::strerror(failErrno_) + " (simulated at point " +
                                       std::to_string(point) + ")");
    if (point == crashPoint_) {
        crashed_ = true;
        if (crashHow_ != Crash::ProcessKill) cutPower(crashHow_, inFlight);
        return fail(ErrorCode::Io, "simulated crash at point " + std::to_string(point) + ": " + what);
    }
    return {};
}

void CrashFileIO::crashNow(Crash how) {
    crashed_ = true;
    if (how != Crash::ProcessKill) cutPower(how, std::nullopt);
}

void CrashFileIO::know(const std::string& path) {
    if (live_.count(path) || durable_.count(path)) return;
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
        nodes_.push_back(Node{readWhole(path), {}});
        live_[path] = nodes_.size() - 1;
        durable_[path] = nodes_.size() - 1;
    } else {
        durable_[path] = std::nullopt;
    }
}

void CrashFileIO::record(FileId file, Change change) {
    const auto it = open_.find(file);
    if (it == open_.end()) return;
    if (!change.resize)
        lastUnsyncedWrite_ = LastWrite{it->second, change.offset, change.bytes};
    nodes_[it->second].unsynced.push_back(std::move(change));
}

void CrashFileIO::cutPower(Crash how, const std::optional<LastWrite>& inFlight) {
    // What reached the disk of each file.
    std::vector<std::vector<uint8_t>> content;
    for (const Node& node : nodes_) {
        content.push_back(node.durable);
        if (how != Crash::PowerCutReordered) continue;
        bool lostOne = false;
        for (const Change& change : node.unsynced) {
            if (!change.resize && !lostOne) {
                lostOne = true;  // the oldest write
                continue;
            }
            apply(content.back(), change);
        }
    }
    const std::optional<LastWrite>& torn = inFlight ? inFlight : lastUnsyncedWrite_;
    if (how == Crash::PowerCutTornWrite && torn) {
        std::vector<uint8_t>& file = content[torn->node];
        for (size_t i = 0; i < torn->bytes.size(); ++i) {
            const uint64_t at = torn->offset + i;
            if (at >= file.size()) break;
            uint8_t& byte = file[static_cast<size_t>(at)];
            if (i < kSector) {
                byte = torn->bytes[i];
                continue;
            }
            // Garbage: a byte that is neither the old one nor the new one.
            for (uint8_t garbage : {uint8_t{0xA5}, uint8_t{0x5A}, uint8_t{0xC3}})
                if (garbage != byte && garbage != torn->bytes[i]) {
                    byte = garbage;
                    break;
                }
        }
    }
    // Every name as its directory last made it durable.
    for (const auto& [path, node] : durable_) {
        std::error_code ec;
        if (node) writeWhole(path, content[*node]);
        else std::filesystem::remove(path, ec);
    }
    for (const auto& [path, node] : live_) {
        (void)node;
        if (!durable_.count(path)) {
            std::error_code ec;
            std::filesystem::remove(path, ec);
        }
    }
}

Result<FileId> CrashFileIO::open(const std::string& path, bool create) {
    if (crashed_) return fail(ErrorCode::Io, "simulated crash: open " + path + " after the crash");
    if (failOpenErrno_)
        return fail(ErrorCode::Io, path + ": cannot open for writing: " + std::strerror(failOpenErrno_) + " (simulated)");
    know(path);
    auto id = inner_.open(path, create);
    if (!id) return id;
    auto it = live_.find(path);
    if (it == live_.end()) {
        // Created now: a new file, empty as far as any flush knows.
        nodes_.push_back(Node{});
        it = live_.emplace(path, nodes_.size() - 1).first;
    }
    open_[*id] = it->second;
    return id;
}

Result<FileId> CrashFileIO::openForReading(const std::string& path) {
    if (crashed_) return fail(ErrorCode::Io, "simulated crash: open " + path + " after the crash");
    if (failOpenErrno_)
        return fail(ErrorCode::Io, path + ": cannot open for reading: " + std::strerror(failOpenErrno_) + " (simulated)");
    return inner_.openForReading(path);
}

Result<void> CrashFileIO::close(FileId file) {
    // Closing makes nothing durable.
    open_.erase(file);
    return inner_.close(file);
}

Result<void> CrashFileIO::read(FileId file, uint64_t offset, std::span<uint8_t> out) {
    if (crashed_) return fail(ErrorCode::Io, "simulated crash: read after the crash");
    return inner_.read(file, offset, out);
}

Result<void> CrashFileIO::write(FileId file, uint64_t offset, Bytes data) {
    const std::string what =
        "write of " + std::to_string(data.size()) + " bytes at " + hexOffset(offset) + " to " + pathOf(file);
    std::optional<LastWrite> inFlight;
    if (const auto it = open_.find(file); it != open_.end())
        inFlight = LastWrite{it->second, offset, std::vector<uint8_t>(data.begin(), data.end())};
    if (auto entered = enter(what, inFlight); !entered) return entered;
    bytesWritten_[pathOf(file)] += data.size();
    record(file, Change{false, offset, std::vector<uint8_t>(data.begin(), data.end())});
    return inner_.write(file, offset, data);
}

Result<void> CrashFileIO::sync(FileId file, SyncKind kind) {
    if (auto entered = enter("flush of " + pathOf(file)); !entered) return entered;
    if (kind == SyncKind::Written) return {};  // nothing durable against a power cut
    const auto it = open_.find(file);
    if (it == open_.end()) return {};
    Node& node = nodes_[it->second];
    for (const Change& change : node.unsynced) apply(node.durable, change);
    node.unsynced.clear();
    if (lastUnsyncedWrite_ && lastUnsyncedWrite_->node == it->second) lastUnsyncedWrite_.reset();
    return {};
}

Result<void> CrashFileIO::truncate(FileId file, uint64_t size) {
    if (auto entered = enter("truncation of " + pathOf(file) + " to " + std::to_string(size) + " bytes"); !entered)
        return entered;
    record(file, Change{true, size, {}});
    return inner_.truncate(file, size);
}

Result<void> CrashFileIO::reserve(FileId file, uint64_t size) {
    if (auto entered = enter("growth of " + pathOf(file) + " to " + std::to_string(size) + " bytes"); !entered)
        return entered;
    auto current = inner_.size(file);
    if (!current) return std::unexpected(current.error());
    if (*current < size) record(file, Change{true, size, {}});
    return inner_.reserve(file, size);
}

Result<uint64_t> CrashFileIO::size(FileId file) {
    if (crashed_) return fail(ErrorCode::Io, "simulated crash: stat after the crash");
    return inner_.size(file);
}

Result<void> CrashFileIO::rename(const std::string& from, const std::string& to) {
    if (auto entered = enter("rename of " + from + " to " + to); !entered) return entered;
    know(from);
    know(to);
    auto r = inner_.rename(from, to);
    if (!r) return r;
    // The names change now; durably only when their directories are flushed.
    if (const auto it = live_.find(from); it != live_.end()) {
        live_[to] = it->second;
        live_.erase(from);
    }
    return r;
}

Result<void> CrashFileIO::syncDirectory(const std::string& directory) {
    if (auto entered = enter("flush of the directory " + directory); !entered) return entered;
    const std::string key = std::filesystem::path(directory).lexically_normal().string();
    for (auto& [path, node] : durable_) {
        if (directoryKey(path) != key) continue;
        const auto it = live_.find(path);
        node = it == live_.end() ? std::nullopt : std::optional<size_t>(it->second);
    }
    for (const auto& [path, node] : live_)
        if (!durable_.count(path) && directoryKey(path) == key) durable_[path] = node;
    return {};
}

Result<bool> CrashFileIO::exists(const std::string& path) {
    if (crashed_) return fail(ErrorCode::Io, "simulated crash: stat after the crash");
    return inner_.exists(path);
}

Result<uint64_t> CrashFileIO::fileSize(const std::string& path) {
    if (crashed_) return fail(ErrorCode::Io, "simulated crash: stat after the crash");
    return inner_.fileSize(path);
}

}  // namespace testsupport
