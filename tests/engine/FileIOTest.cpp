// The FileIO seam: the real implementation's queries and durable copy, and
// the crash-simulating one's durability model (support/CrashFileIO.h), rule
// by rule: only a Data or Full flush makes a file's bytes and size durable,
// only a directory flush its name; a process kill keeps everything; the torn
// and reordered power cuts keep exactly what they say.
#include <catch2/catch.hpp>

#include <cerrno>
#include <string>
#include <vector>

#include "support/CrashFileIO.h"
#include "support/TestSupport.h"
#include "tx/FileIO.h"

using namespace hivekit;
using namespace testsupport;

namespace {

using Crash = CrashFileIO::Crash;

std::vector<uint8_t> filled(size_t n, uint8_t value) { return std::vector<uint8_t>(n, value); }

/// Opens `path` through `io` (REQUIREs it).
FileId openFile(FileIO& io, const std::string& path, bool create) {
    auto f = io.open(path, create);
    INFO((f ? std::string() : f.error().message));
    REQUIRE(f);
    return *f;
}

}  // namespace

TEST_CASE("the real FileIO says whether a file exists and how large it is without opening it", "[fileio]") {
    TempDir dir;
    const std::string path = dir.file("f.bin");
    FileIO& io = realFileIO();
    auto absent = io.exists(path);
    REQUIRE(absent);
    CHECK_FALSE(*absent);
    auto noSize = io.fileSize(path);
    REQUIRE_FALSE(noSize);
    CHECK(noSize.error().message == path + ": cannot stat: No such file or directory");
    writeFile(path, filled(1234, 7));
    auto present = io.exists(path);
    REQUIRE(present);
    CHECK(*present);
    auto size = io.fileSize(path);
    REQUIRE(size);
    CHECK(*size == 1234);
}

TEST_CASE("a durable copy has the source's bytes and never replaces an existing file", "[fileio]") {
    TempDir dir;
    const std::string from = dir.file("hive");
    std::vector<uint8_t> bytes;
    for (size_t i = 0; i < 3 * 1024 * 1024 + 17; ++i) bytes.push_back(static_cast<uint8_t>(i * 31));
    writeFile(from, bytes);
    REQUIRE(copyFileDurably(realFileIO(), from, dir.file("hive.bak")));
    CHECK(readFile(dir.file("hive.bak")) == bytes);
    writeFile(dir.file("taken"), {1});
    auto refused = copyFileDurably(realFileIO(), from, dir.file("taken"));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message == dir.file("taken") + ": cannot copy " + from + " there: the file exists");
    CHECK(readFile(dir.file("taken")) == std::vector<uint8_t>{1});
    auto missing = copyFileDurably(realFileIO(), dir.file("nothing"), dir.file("nothing.bak"));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message == dir.file("nothing") + ": no such file");
}

TEST_CASE("a durable copy survives a power cut right after it returns", "[fileio][crash]") {
    TempDir dir;
    const std::string from = dir.file("hive");
    writeFile(from, filled(10000, 5));
    CrashFileIO io(realFileIO());
    REQUIRE(copyFileDurably(io, from, dir.file("hive.bak")));
    // The write, the flush of its data and size, then its directory's.
    CHECK(io.points() == 3);
    io.crashNow(Crash::PowerCut);
    CHECK(readFile(dir.file("hive.bak")) == filled(10000, 5));
}

TEST_CASE("a durable copy cut short by a power cut before its directory is flushed leaves no file", "[fileio][crash]") {
    TempDir dir;
    const std::string from = dir.file("hive");
    writeFile(from, filled(10000, 5));
    CrashFileIO io(realFileIO());
    io.crashAt(2, Crash::PowerCut);  // write 0, flush 1, the directory's flush 2
    REQUIRE_FALSE(copyFileDurably(io, from, dir.file("hive.bak")));
    CHECK_FALSE(fileExists(dir.file("hive.bak")));
}

TEST_CASE("a power cut keeps only what a data or full flush made durable", "[fileio][crash]") {
    TempDir dir;
    const std::string path = dir.file("f.bin");
    writeFile(path, filled(1024, 1));  // existed before: durable as it is
    CrashFileIO io(realFileIO());
    const FileId f = openFile(io, path, false);
    REQUIRE(io.write(f, 0, filled(512, 2)));
    REQUIRE(io.sync(f, SyncKind::Data));
    REQUIRE(io.write(f, 512, filled(512, 3)));
    REQUIRE(io.sync(f, SyncKind::Written));  // sync_file_range: not durable
    REQUIRE(io.write(f, 1024, filled(512, 4)));  // grows the file, unflushed
    REQUIRE(io.close(f));                        // closing makes nothing durable
    io.crashNow(Crash::PowerCut);
    std::vector<uint8_t> expected = filled(512, 2);
    const std::vector<uint8_t> old = filled(512, 1);
    expected.insert(expected.end(), old.begin(), old.end());
    CHECK(readFile(path) == expected);
}

TEST_CASE("a process kill keeps every write, flushed or not", "[fileio][crash]") {
    TempDir dir;
    const std::string path = dir.file("f.bin");
    writeFile(path, filled(512, 1));
    CrashFileIO io(realFileIO());
    const FileId f = openFile(io, path, false);
    REQUIRE(io.write(f, 0, filled(1024, 2)));
    io.crashAt(io.points(), Crash::ProcessKill);
    REQUIRE_FALSE(io.write(f, 0, filled(512, 3)));  // the point itself does not happen
    CHECK(io.crashed());
    CHECK(readFile(path) == filled(1024, 2));
    auto after = io.sync(f, SyncKind::Data);
    REQUIRE_FALSE(after);
    CHECK(after.error().message.find("after the crash") != std::string::npos);
}

TEST_CASE("a size change is durable only after a data flush", "[fileio][crash]") {
    TempDir dir;
    const std::string path = dir.file("f.bin");
    writeFile(path, filled(4096, 1));
    SECTION("growth") {
        CrashFileIO io(realFileIO());
        const FileId f = openFile(io, path, false);
        REQUIRE(io.reserve(f, 8192));
        REQUIRE(io.sync(f, SyncKind::Written));
        io.crashNow(Crash::PowerCut);
        CHECK(readFile(path).size() == 4096);
    }
    SECTION("growth, flushed") {
        CrashFileIO io(realFileIO());
        const FileId f = openFile(io, path, false);
        REQUIRE(io.reserve(f, 8192));
        REQUIRE(io.sync(f, SyncKind::Data));
        io.crashNow(Crash::PowerCut);
        CHECK(readFile(path).size() == 8192);
    }
    SECTION("truncation") {
        CrashFileIO io(realFileIO());
        const FileId f = openFile(io, path, false);
        REQUIRE(io.truncate(f, 100));
        io.crashNow(Crash::PowerCut);
        CHECK(readFile(path) == filled(4096, 1));
    }
}

TEST_CASE("a created file vanishes at a power cut unless its directory was flushed, even with its data flushed", "[fileio][crash]") {
    TempDir dir;
    const std::string path = dir.file("new.LOG1");
    SECTION("the directory never flushed") {
        CrashFileIO io(realFileIO());
        const FileId f = openFile(io, path, true);
        REQUIRE(io.write(f, 0, filled(512, 9)));
        REQUIRE(io.sync(f, SyncKind::Full));
        io.crashNow(Crash::PowerCut);
        CHECK_FALSE(fileExists(path));
    }
    SECTION("the directory flushed, the data not") {
        CrashFileIO io(realFileIO());
        const FileId f = openFile(io, path, true);
        REQUIRE(io.write(f, 0, filled(512, 9)));
        REQUIRE(io.syncDirectory(dir.path()));
        io.crashNow(Crash::PowerCut);
        REQUIRE(fileExists(path));
        CHECK(readFile(path).empty());
    }
    SECTION("both flushed") {
        CrashFileIO io(realFileIO());
        const FileId f = openFile(io, path, true);
        REQUIRE(io.write(f, 0, filled(512, 9)));
        REQUIRE(io.sync(f, SyncKind::Data));
        REQUIRE(io.syncDirectory(dir.path()));
        io.crashNow(Crash::PowerCut);
        CHECK(readFile(path) == filled(512, 9));
    }
}

TEST_CASE("a rename is undone by a power cut unless its directory was flushed", "[fileio][crash]") {
    TempDir dir;
    const std::string temp = dir.file("hive.tmp"), target = dir.file("hive");
    writeFile(target, filled(100, 1));
    for (bool flushed : {false, true}) {
        INFO("directory flushed: " << flushed);
        writeFile(target, filled(100, 1));
        CrashFileIO io(realFileIO());
        const FileId f = openFile(io, temp, true);
        REQUIRE(io.write(f, 0, filled(200, 2)));
        REQUIRE(io.sync(f, SyncKind::Full));
        REQUIRE(io.close(f));
        REQUIRE(io.rename(temp, target));
        if (flushed) REQUIRE(io.syncDirectory(dir.path()));
        io.crashNow(Crash::PowerCut);
        CHECK(readFile(target) == (flushed ? filled(200, 2) : filled(100, 1)));
        CHECK_FALSE(fileExists(temp));  // never durably named
    }
}

TEST_CASE("a torn power cut keeps the first sector of the write in flight and garbles the rest of it", "[fileio][crash]") {
    TempDir dir;
    const std::string path = dir.file("f.bin");
    writeFile(path, filled(8192, 1));
    CrashFileIO io(realFileIO());
    const FileId f = openFile(io, path, false);
    REQUIRE(io.write(f, 0, filled(512, 7)));  // unflushed: lost
    io.crashAt(io.points(), Crash::PowerCutTornWrite);
    REQUIRE_FALSE(io.write(f, 4096, filled(2048, 3)));
    const std::vector<uint8_t> after = readFile(path);
    REQUIRE(after.size() == 8192);
    CHECK(std::vector<uint8_t>(after.begin(), after.begin() + 4096) == filled(4096, 1));
    CHECK(std::vector<uint8_t>(after.begin() + 4096, after.begin() + 4608) == filled(512, 3));
    for (size_t i = 4608; i < 6144; ++i) {
        INFO("byte " << i);
        REQUIRE(after[i] != 1);
        REQUIRE(after[i] != 3);
    }
    CHECK(std::vector<uint8_t>(after.begin() + 6144, after.end()) == filled(2048, 1));
}

TEST_CASE("a torn power cut between operations tears the last unflushed write", "[fileio][crash]") {
    TempDir dir;
    const std::string path = dir.file("f.bin");
    writeFile(path, filled(4096, 1));
    CrashFileIO io(realFileIO());
    const FileId f = openFile(io, path, false);
    REQUIRE(io.write(f, 0, filled(512, 2)));
    REQUIRE(io.write(f, 1024, filled(512, 3)));
    io.crashNow(Crash::PowerCutTornWrite);
    std::vector<uint8_t> expected = filled(4096, 1);
    std::fill(expected.begin() + 1024, expected.begin() + 1536, 3);
    CHECK(readFile(path) == expected);
}

TEST_CASE("a reordered power cut loses the oldest unflushed write of each file and keeps the later ones", "[fileio][crash]") {
    TempDir dir;
    const std::string path = dir.file("f.bin");
    writeFile(path, filled(4096, 1));
    CrashFileIO io(realFileIO());
    const FileId f = openFile(io, path, false);
    REQUIRE(io.write(f, 0, filled(512, 2)));
    REQUIRE(io.sync(f, SyncKind::Data));       // a barrier: durable
    REQUIRE(io.reserve(f, 8192));               // a size change: kept
    REQUIRE(io.write(f, 512, filled(512, 3)));  // the oldest unflushed write: lost
    REQUIRE(io.write(f, 1024, filled(512, 4)));
    REQUIRE(io.write(f, 4096, filled(512, 5)));
    io.crashNow(Crash::PowerCutReordered);
    std::vector<uint8_t> expected = filled(8192, 0);
    std::fill(expected.begin(), expected.begin() + 4096, 1);
    std::fill(expected.begin(), expected.begin() + 512, 2);
    std::fill(expected.begin() + 1024, expected.begin() + 1536, 4);
    std::fill(expected.begin() + 4096, expected.begin() + 4608, 5);
    CHECK(readFile(path) == expected);
}

TEST_CASE("an injected failure fails one operation without doing it and the next ones proceed", "[fileio][crash]") {
    TempDir dir;
    const std::string path = dir.file("f.bin");
    writeFile(path, filled(512, 1));
    CrashFileIO io(realFileIO());
    const FileId f = openFile(io, path, false);
    io.failAt(0, ENOSPC);
    auto failed = io.write(f, 0, filled(512, 2));
    REQUIRE_FALSE(failed);
    CHECK(failed.error().message == "write of 512 bytes at 0x0 to " + path +
                                        " failed: No space left on device (simulated at point 0)");
    CHECK(readFile(path) == filled(512, 1));
    REQUIRE(io.write(f, 0, filled(512, 3)));
    CHECK(readFile(path) == filled(512, 3));
    CHECK_FALSE(io.crashed());
    io.failOpens(EACCES);
    auto refused = io.open(path, false);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message == path + ": cannot open for writing: Permission denied (simulated)");
}
