// HiveLock (tx/HiveLock.h): one writer at a time. The locks are OFD locks,
// which belong to an open file description: a second lock in the same
// process conflicts with the first exactly as one in another process does,
// so these in-process tests prove what two processes would see (the
// two-process tests are in tests/cli/WriteCommandsTest.cpp).
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <thread>
#include <unistd.h>

#include "merge/Session.h"
#include "support/TestSupport.h"
#include "tx/HiveLock.h"
#include "tx/TxManager.h"

using namespace hivekit;
using namespace testsupport;
using namespace std::chrono_literals;

namespace {

std::string freshHive(const TempDir& dir, const std::string& name = "locked.hiv") {
    const std::string path = dir.file(name);
    REQUIRE(createHive(path));
    return path;
}

/// What the error names this process by: its pid and /proc/self/comm.
std::string thisProcess() {
    std::ifstream comm("/proc/self/comm");
    std::string name;
    std::getline(comm, name);
    return "process " + std::to_string(::getpid()) + " (" + name + "), this process";
}

std::unique_ptr<HiveLock> take(const std::string& path, LockKind kind = LockKind::Exclusive) {
    auto lock = HiveLock::acquire(path, kind);
    INFO((lock ? std::string() : lock.error().message));
    REQUIRE(lock);
    return std::move(*lock);
}

}  // namespace

TEST_CASE("A second exclusive lock on a hive fails at once, naming the file and the process holding it", "[lock]") {
    TempDir dir;
    const std::string hive = freshHive(dir);
    auto first = take(hive);
    CHECK(first->kind() == LockKind::Exclusive);
    // Without a wait it returns at once (a blocking acquire would hang here
    // until the test's timeout: the first lock is never released).
    auto second = HiveLock::acquire(hive, LockKind::Exclusive);
    REQUIRE_FALSE(second);
    CHECK(second.error().code == ErrorCode::Locked);
    CHECK(second.error().message == hive + " is locked by another writer, " + thisProcess());
}

TEST_CASE("A shared lock conflicts with an exclusive one both ways, and shared locks coexist", "[lock]") {
    TempDir dir;
    const std::string hive = freshHive(dir);
    {
        auto exclusive = take(hive);
        CHECK_FALSE(HiveLock::acquire(hive, LockKind::Shared));
    }
    auto shared = take(hive, LockKind::Shared);
    auto another = take(hive, LockKind::Shared);
    auto writer = HiveLock::acquire(hive, LockKind::Exclusive);
    REQUIRE_FALSE(writer);
    CHECK(writer.error().message == hive + " is locked by another writer, " + thisProcess());
}

TEST_CASE("A lock ends with its HiveLock, and the next writer gets it", "[lock]") {
    TempDir dir;
    const std::string hive = freshHive(dir);
    take(hive);  // destroyed at once
    auto again = take(hive);
    CHECK(HiveLock::holderOf(hive, LockKind::Exclusive).pid == ::getpid());
    again.reset();
    CHECK(HiveLock::holderOf(hive, LockKind::Exclusive).pid == 0);
    take(hive);
}

TEST_CASE("The lock is on the file, not its name: a hard link to a locked hive is locked too", "[lock]") {
    TempDir dir;
    const std::string hive = freshHive(dir);
    const std::string link = dir.file("other-name.hiv");
    REQUIRE(::link(hive.c_str(), link.c_str()) == 0);
    auto lock = take(hive);
    CHECK(lock->covers(link));
    CHECK_FALSE(lock->covers(freshHive(dir, "another.hiv")));
    auto second = HiveLock::acquire(link, LockKind::Exclusive);
    REQUIRE_FALSE(second);
    CHECK(second.error().message == link + " is locked by another writer, " + thisProcess());
}

TEST_CASE("A waiting acquire gets the lock as soon as its holder lets go", "[lock]") {
    TempDir dir;
    const std::string hive = freshHive(dir);
    auto holder = take(hive);
    std::thread release([&] {
        std::this_thread::sleep_for(300ms);
        holder.reset();
    });
    const auto started = std::chrono::steady_clock::now();
    auto waited = HiveLock::acquire(hive, LockKind::Exclusive, 10s);
    const auto took = std::chrono::steady_clock::now() - started;
    release.join();
    CHECK(waited);
    CHECK(took >= 250ms);
    CHECK(took < 10s);  // it returned on the release, not at the end of its wait
}

TEST_CASE("A waiting acquire gives up after its wait, saying how long it waited", "[lock]") {
    TempDir dir;
    const std::string hive = freshHive(dir);
    auto holder = take(hive);
    const auto started = std::chrono::steady_clock::now();
    auto waited = HiveLock::acquire(hive, LockKind::Exclusive, 250ms);
    const auto took = std::chrono::steady_clock::now() - started;
    REQUIRE_FALSE(waited);
    CHECK(took >= 250ms);
    CHECK(waited.error().code == ErrorCode::Locked);
    CHECK(waited.error().message ==
          hive + " is locked by another writer, " + thisProcess() + "; still locked after waiting 0.25 s");
    auto seconds = HiveLock::acquire(hive, LockKind::Exclusive, 1s);
    REQUIRE_FALSE(seconds);
    CHECK(seconds.error().message.ends_with("; still locked after waiting 1 s"));
}

TEST_CASE("Locking a missing file, a directory or a device fails with what it is", "[lock]") {
    TempDir dir;
    auto missing = HiveLock::acquire(dir.file("none"), LockKind::Exclusive);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::Io);
    CHECK(missing.error().message == dir.file("none") + ": no such file");
    auto directory = HiveLock::acquire(dir.path(), LockKind::Exclusive);
    REQUIRE_FALSE(directory);
    CHECK(directory.error().message == dir.path() + ": is a directory, not a hive file");
    auto device = HiveLock::acquire("/dev/null", LockKind::Exclusive);
    REQUIRE_FALSE(device);
    CHECK(device.error().message == "/dev/null: not a regular file; only files can be edited");
}

TEST_CASE("A TxManager holds its hive's lock from open to destruction", "[lock][tx]") {
    TempDir dir;
    const std::string hive = freshHive(dir);
    auto first = TxManager::open(hive);
    REQUIRE(first);
    auto second = TxManager::open(hive);
    REQUIRE_FALSE(second);
    CHECK(second.error().code == ErrorCode::Locked);
    CHECK(second.error().message == hive + " is locked by another writer, " + thisProcess());
    CHECK_FALSE(Session::open(hive));
    first->reset();
    auto third = TxManager::open(hive);
    CHECK(third);
}

TEST_CASE("A Session's commit keeps the lock: another writer waits until the Session is gone", "[lock][tx]") {
    TempDir dir;
    const std::string hive = freshHive(dir);
    auto session = Session::open(hive);
    REQUIRE(session);
    REQUIRE((*session)->apply(Plan().createKey("A")));
    REQUIRE((*session)->commit());
    CHECK(HiveLock::holderOf(hive, LockKind::Exclusive).pid == ::getpid());
    CHECK_FALSE(HiveLock::acquire(hive, LockKind::Exclusive));
    session->reset();
    CHECK(HiveLock::holderOf(hive, LockKind::Exclusive).pid == 0);
}

TEST_CASE("TxManagers given the caller's lock share it, and a lock on another file is refused", "[lock][tx]") {
    TempDir dir;
    const std::string hive = freshHive(dir);
    std::shared_ptr<HiveLock> lock = take(hive);
    TxOptions shared;
    shared.lock = lock;
    auto a = TxManager::open(hive, shared);
    REQUIRE(a);
    auto b = TxManager::open(hive, shared);
    CHECK(b);
    CHECK_FALSE(TxManager::open(hive));  // without it: locked

    const std::string other = freshHive(dir, "other.hiv");
    auto wrong = TxManager::open(other, shared);
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == ErrorCode::Invalid);
    CHECK(wrong.error().message == other + ": the lock given is on another file (" + hive + ")");
}
