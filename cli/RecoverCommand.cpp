// recover: writes what a dirty hive holds once its transaction logs are
// replayed to a new, clean file. The hive and its logs are only read.
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <sys/stat.h>
#include <unistd.h>

#include "Cli.h"
#include "hive/LogRecovery.h"

using namespace hivekit;

namespace hivectl {

namespace {

/// True when `a` and `b` name the same file (hard links and symlinks too).
bool sameFile(const std::string& a, const std::string& b) {
    struct stat sa {}, sb {};
    if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/// Writes `bytes` to a temporary file beside `path`, flushes it and renames
/// it over `path`, so that a reader never sees half a hive.
bool writeWhole(const std::string& path, Bytes bytes, std::string& error) {
    const std::string temp = path + ".hivectl-tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = "cannot create " + temp + ": " + std::strerror(errno);
        return false;
    }
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            error = "cannot write " + temp + ": " + std::strerror(errno);
            ::close(fd);
            ::unlink(temp.c_str());
            return false;
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        error = "cannot flush " + temp + ": " + std::strerror(errno);
        ::unlink(temp.c_str());
        return false;
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        error = "cannot rename " + temp + " to " + path + ": " + std::strerror(errno);
        ::unlink(temp.c_str());
        return false;
    }
    return true;
}

}  // namespace

int runRecover(const Args& args) {
    if (args.noLogs) {
        printError("recover: --no-logs contradicts recover, which replays the logs");
        return kUsage;
    }
    const std::string out = args.arg(0);
    if (out.empty()) {
        printError("recover: missing OUT argument (see hivectl --help)");
        return kUsage;
    }
    const std::string& in = args.hivePath();
    std::vector<std::string> evidence = findLogFiles(in);
    evidence.push_back(in);
    for (const auto& file : evidence)
        if (sameFile(out, file)) {
            printError("recover: refusing to write over " + file + ": OUT must be a new file");
            return kUsage;
        }

    auto hive = openHive(args);
    if (!hive) return kCannotOpen;
    const RecoveryReport& rec = hive->recovery();
    for (const auto& line : rec.lines) std::cout << line << "\n";
    if (rec.wasDirty && !rec.recovered) {
        printError(in + ": the hive is dirty and no log could be applied; nothing written");
        return kProblems;
    }
    std::string error;
    if (!writeWhole(out, hive->bytes(), error)) {
        printError(error);
        return kCannotOpen;
    }
    const BaseBlock& b = hive->header();
    std::cout << (rec.wasDirty ? "wrote the recovered hive to " : "the hive is clean; wrote a copy to ") << out
              << ": " << hive->bytes().size() << " bytes, sequence numbers " << b.primarySequence << "/"
              << b.secondarySequence << ", hive bins data " << hexOffset(b.hiveBinsDataSize) << "\n";
    return kOk;
}

}  // namespace hivectl
