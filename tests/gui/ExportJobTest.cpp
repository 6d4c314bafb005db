// Export off the GUI thread: the worker writes what the engine's export
// writes, reports progress, and a cancel leaves no file behind.
#include <catch2/catch.hpp>

#include <QSignalSpy>

#include <filesystem>

#include "GuiTestSupport.h"
#include "editing/ExportJob.h"
#include "regfile/RegExport.h"
#include "support/TestSupport.h"

using namespace hivekit::gui;
using namespace testsupport;

namespace {

std::vector<uint8_t> bytesOf(const std::string& text) { return {text.begin(), text.end()}; }

}  // namespace

TEST_CASE("An export on the worker writes the bytes of the engine's export of the whole hive", "[gui][export]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    TempDir dir;
    const std::string file = dir.file("system.reg");
    ExportJob job;
    QSignalSpy finished(&job, &ExportJob::finished);
    REQUIRE(job.start(hive, QString(), guitest::qpath(file)));
    CHECK(job.isRunning());
    CHECK_FALSE(job.start(hive, QString(), guitest::qpath(dir.file("second.reg"))));  // one at a time
    REQUIRE(guitest::waitUntil([&] { return finished.count() == 1; }, 120000));
    const auto outcome = finished.at(0).at(0).value<ExportOutcome>();
    INFO(outcome.message.toStdString());
    REQUIRE(outcome.ok);
    CHECK_FALSE(job.isRunning());

    auto text = hivekit::exportRegText(*hive, "");
    REQUIRE(text);
    const auto expected = hivekit::encodeRegText(text->text, hivekit::RegVersion::V5);
    CHECK(readFile(file) == expected);
    CHECK(outcome.bytes == expected.size());
    CHECK(outcome.keys == text->keys);
    CHECK(outcome.message.contains(guitest::qpath(file)));
    CHECK_FALSE(std::filesystem::exists(file + ".partial"));
}

TEST_CASE("A cancelled export leaves no file behind and an existing file as it was", "[gui][export]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    TempDir dir;
    const std::string fresh = dir.file("fresh.reg");
    const std::string existing = dir.file("existing.reg");
    writeFile(existing, bytesOf("what was there"));
    ExportJob job;
    QSignalSpy finished(&job, &ExportJob::finished);
    for (const std::string& target : {fresh, existing}) {
        INFO(target);
        const int before = finished.count();
        REQUIRE(job.start(hive, QString(), guitest::qpath(target)));
        job.cancel();
        REQUIRE(guitest::waitUntil([&] { return finished.count() == before + 1; }, 120000));
        const auto outcome = finished.last().at(0).value<ExportOutcome>();
        CHECK(outcome.cancelled);
        CHECK_FALSE(outcome.ok);
        CHECK_FALSE(std::filesystem::exists(target + ".partial"));
    }
    CHECK_FALSE(std::filesystem::exists(fresh));
    CHECK(readFile(existing) == bytesOf("what was there"));
}

TEST_CASE("An export to a folder that does not exist fails naming the file, on the GUI thread's terms", "[gui][export]") {
    auto hive = guitest::openHive(hivePath("hivex/minimal"));
    TempDir dir;
    const std::string target = dir.file("no-such-folder/out.reg");
    ExportJob job;
    QSignalSpy finished(&job, &ExportJob::finished);
    REQUIRE(job.start(hive, QString(), guitest::qpath(target)));
    job.waitForFinished();
    REQUIRE(finished.count() == 1);
    const auto outcome = finished.at(0).at(0).value<ExportOutcome>();
    CHECK_FALSE(outcome.ok);
    CHECK_FALSE(outcome.cancelled);
    CHECK(outcome.message.contains(guitest::qpath(target)));
    CHECK_FALSE(std::filesystem::exists(target));
}
