#include "tx/NewHive.h"

#include <filesystem>
#include <memory>

#include "tx/TxManager.h"

namespace hivekit {

Result<void> createHive(const std::string& path, const NewHiveOptions& options, FileIO* given) {
    std::unique_ptr<FileIO> owned;
    FileIO* io = given;
    if (!io) {
        owned = makeRealFileIO();
        io = owned.get();
    }
    auto exists = io->exists(path);
    if (!exists) return std::unexpected(exists.error());
    if (*exists) return fail(ErrorCode::Invalid, path + ": already exists; a new hive is never written over a file");
    const std::string fileName = std::filesystem::path(path).filename().string();
    NewHiveOptions stamped = options;
    if (stamped.timestamp == 0) stamped.timestamp = filetimeNow();
    const std::vector<uint8_t> image = emptyHiveImage(stamped, fileName);
    const std::string temp = path + ".new-hive-tmp";
    auto written = [&]() -> Result<void> {
        auto f = io->open(temp, true);
        if (!f) return std::unexpected(f.error());
        auto r = io->truncate(*f, 0);
        if (r) r = io->write(*f, 0, image);
        if (r) r = io->sync(*f, SyncKind::Full);
        auto closed = io->close(*f);
        if (!r) return r;
        if (!closed) return closed;
        if (auto m = io->rename(temp, path); !m) return m;
        return io->syncDirectory(directoryOf(path));
    }();
    if (!written) {
        std::error_code ec;
        std::filesystem::remove(temp, ec);
        return written;
    }
    return {};
}

}  // namespace hivekit
