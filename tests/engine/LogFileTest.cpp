// Tests of format/Marvin32 and format/LogFile: the hash against published
// vectors and real logs, log base blocks, HvLE entries (decode, encode,
// every check), the old format's dirty vector.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "format/BaseBlock.h"
#include "format/Layout.h"
#include "format/LogFile.h"
#include "format/Marvin32.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace testsupport;

namespace {

std::vector<uint8_t> unhex(const std::string& hex) {
    std::vector<uint8_t> out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
    return out;
}

/// A log base block: the first sector of a log with a valid checksum.
std::vector<uint8_t> logHeader(uint32_t fileType, uint32_t primary, uint32_t secondary, uint32_t hiveBins) {
    std::vector<uint8_t> b(512, 0);
    storeU32(b.data() + layout::base::Signature, layout::kBaseSignature);
    storeU32(b.data() + layout::base::PrimarySequence, primary);
    storeU32(b.data() + layout::base::SecondarySequence, secondary);
    storeU32(b.data() + layout::base::MajorVersion, 1);
    storeU32(b.data() + layout::base::MinorVersion, 5);
    storeU32(b.data() + layout::base::FileType, fileType);
    storeU32(b.data() + layout::base::FileFormat, 1);
    storeU32(b.data() + layout::base::HiveBinsDataSize, hiveBins);
    storeU32(b.data() + layout::base::ClusteringFactor, 1);
    storeU32(b.data() + layout::base::Checksum, baseBlockChecksum(Bytes(b.data(), 508)));
    return b;
}

std::vector<uint8_t> filled(size_t n, uint8_t v) { return std::vector<uint8_t>(n, v); }

}  // namespace

// ---------------------------------------------------------------------------
// Marvin32

TEST_CASE("Marvin32 reproduces the published .NET test vectors for every tail length", "[marvin32]") {
    // dotnet/corefx src/Common/tests/Tests/System/MarvinTests.cs.
    const uint64_t seed1 = 0x004FB61A001BDBCCULL, seed2 = 0x804FB61A001BDBCCULL;
    CHECK(marvin32(unhex(""), seed1) == 0x30ED35C100CD3C7DULL);
    CHECK(marvin32(unhex("af"), seed1) == 0x48E73FC77D75DDC1ULL);
    CHECK(marvin32(unhex("e70f"), seed1) == 0xB5F6E1FC485DBFF8ULL);
    CHECK(marvin32(unhex("37f495"), seed1) == 0xF0B07C789B8CF7E8ULL);
    CHECK(marvin32(unhex("8642dc59"), seed1) == 0x7008F2E87E9CF556ULL);
    CHECK(marvin32(unhex("153fb79826"), seed1) == 0xE6C08C6DA2AFA997ULL);
    CHECK(marvin32(unhex("0932e6246c47"), seed1) == 0x6F04BF1A5EA24060ULL);
    CHECK(marvin32(unhex("ab427ea8d10fc7"), seed1) == 0xE11847E4F0678C41ULL);
    CHECK(marvin32(unhex(""), seed2) == 0x10A9D5D3996FD65DULL);
    CHECK(marvin32(unhex("af"), seed2) == 0x68201F91960EBF91ULL);
    CHECK(marvin32(unhex("e70f"), seed2) == 0x64B581631F6AB378ULL);
    CHECK(marvin32(unhex("37f495"), seed2) == 0xE1F2DFA6E5131408ULL);
    CHECK(marvin32(unhex("8642dc59"), seed2) == 0x36289D9654FB49F6ULL);
    CHECK(marvin32(unhex("153fb79826"), seed2) == 0x0A06114B13464DBDULL);
}

TEST_CASE("Marvin32 with the registry seed gives the hashes Windows stored in a real log", "[marvin32]") {
    const auto log = readFile(hivePath("regipy/UsrClass.dat.LOG1"));
    // The first entry, at 0x200, is 0x3e00 bytes long.
    const Bytes entry(log.data() + 0x200, 0x3e00);
    CHECK(loadU64(entry.data() + layout::log::entry::Hash1) == 0xef3289cfcd51ec79ULL);
    CHECK(loadU64(entry.data() + layout::log::entry::Hash2) == 0xed656c4da9275e35ULL);
    CHECK(marvin32(entry.subspan(40)) == 0xef3289cfcd51ec79ULL);
    CHECK(marvin32(entry.first(32), kLogEntryMarvinSeed) == 0xed656c4da9275e35ULL);
}

// ---------------------------------------------------------------------------
// Log base blocks

TEST_CASE("a log base block of type 6 is a new-format log, types 1 and 2 are old-format", "[log]") {
    auto fresh = decodeLogHeader(logHeader(6, 42, 42, 0x1000));
    REQUIRE(fresh);
    CHECK(fresh->format == LogFormat::New);
    CHECK(fresh->sequence() == 42);
    auto old1 = decodeLogHeader(logHeader(1, 7, 7, 0x1000));
    REQUIRE(old1);
    CHECK(old1->format == LogFormat::Old);
    auto old2 = decodeLogHeader(logHeader(2, 7, 7, 0x1000));
    REQUIRE(old2);
    CHECK(old2->format == LogFormat::Old);
}

TEST_CASE("a log base block with another file type is refused", "[log]") {
    auto primary = decodeLogHeader(logHeader(0, 5, 5, 0x1000));
    REQUIRE(!primary);
    CHECK(primary.error().message == "file type is primary, not a transaction log (1, 2 or 6)");
    CHECK(primary.error().offset == layout::base::FileType);
    auto odd = decodeLogHeader(logHeader(3, 5, 5, 0x1000));
    REQUIRE(!odd);
    CHECK(odd.error().message == "file type is unknown (3), not a transaction log (1, 2 or 6)");
}

TEST_CASE("a log base block whose sequence numbers differ is refused", "[log]") {
    auto r = decodeLogHeader(logHeader(6, 9, 8, 0x1000));
    REQUIRE(!r);
    CHECK(r.error().message == "sequence numbers 9 and 8 differ: the log's own write was not completed");
}

TEST_CASE("a log base block with a bad checksum, no signature or under 512 bytes is refused", "[log]") {
    auto bytes = logHeader(6, 9, 9, 0x1000);
    bytes[0x40] ^= 1;
    auto sum = decodeLogHeader(bytes);
    REQUIRE(!sum);
    CHECK(sum.error().message.rfind("base block checksum is ", 0) == 0);
    CHECK(sum.error().offset == 0x1fc);
    auto nosig = logHeader(6, 9, 9, 0x1000);
    nosig[0] = 'x';
    auto r = decodeLogHeader(nosig);
    REQUIRE(!r);
    CHECK(r.error().code == ErrorCode::NotAHive);
    auto small = decodeLogHeader(std::vector<uint8_t>(511, 0));
    REQUIRE(!small);
    CHECK(small.error().message == "the file is 511 bytes long, shorter than a log's base block (512)");
}

// ---------------------------------------------------------------------------
// HvLE entries

TEST_CASE("an encoded entry decodes to the same fields and pages with valid hashes", "[log]") {
    const auto a = filled(4096, 0xAA), b = filled(512, 0xBB);
    auto entry = encodeLogEntry(77, 1, 0x3000, {{0x1000, a}, {0x2e00, b}});
    CHECK(entry.size() % 512 == 0);
    CHECK(entry.size() == 5120);  // 40 + 16 + 4608, padded
    auto d = decodeLogEntry(entry, 0);
    REQUIRE(d);
    CHECK(d->size == entry.size());
    CHECK(d->sequence == 77);
    CHECK(d->flags == 1);
    CHECK(d->hiveBinsDataSize == 0x3000);
    REQUIRE(d->pages.size() == 2);
    CHECK(d->pages[0].offset == 0x1000);
    CHECK(std::vector<uint8_t>(d->pages[0].data.begin(), d->pages[0].data.end()) == a);
    CHECK(d->pages[1].offset == 0x2e00);
    CHECK(std::vector<uint8_t>(d->pages[1].data.begin(), d->pages[1].data.end()) == b);
    CHECK(d->hash1 == logEntryHash1(entry));
    CHECK(d->hash2 == logEntryHash2(entry));
}

TEST_CASE("every entry of the real logs decodes, and re-encoding it yields the same pages", "[log]") {
    for (const char* name : {"regipy/UsrClass.dat.LOG1", "regipy/UsrClass.dat.LOG2",
                             "dfir/Server2022-APTSimulatorVM/Amcache.hve.LOG1"}) {
        INFO(name);
        const auto log = readFile(hivePath(name));
        uint64_t at = 512;
        int entries = 0;
        while (hasLogEntrySignature(log, at)) {
            auto e = decodeLogEntry(log, at);
            REQUIRE(e);
            auto again = encodeLogEntry(e->sequence, e->flags, e->hiveBinsDataSize, e->pages);
            auto d = decodeLogEntry(again, 0);
            REQUIRE(d);
            REQUIRE(d->pages.size() == e->pages.size());
            for (size_t i = 0; i < d->pages.size(); ++i) {
                CHECK(d->pages[i].offset == e->pages[i].offset);
                CHECK(std::equal(d->pages[i].data.begin(), d->pages[i].data.end(), e->pages[i].data.begin(),
                                 e->pages[i].data.end()));
            }
            at += e->size;
            ++entries;
        }
        CHECK(entries >= 4);
    }
}

TEST_CASE("an entry with a changed page byte fails hash-1", "[log]") {
    auto entry = encodeLogEntry(1, 0, 0x1000, {{0, filled(4096, 1)}});
    entry[40 + 8 + 100] ^= 0xFF;
    auto d = decodeLogEntry(entry, 0);
    REQUIRE(!d);
    CHECK(d.error().message.rfind("log entry at 0x0: hash-1 is 0x", 0) == 0);
    CHECK(d.error().offset == layout::log::entry::Hash1);
}

TEST_CASE("an entry with a changed header field fails hash-2 until it is resealed", "[log]") {
    auto entry = encodeLogEntry(1, 0, 0x1000, {{0, filled(4096, 1)}});
    storeU32(entry.data() + layout::log::entry::SequenceNumber, 2);
    auto bad = decodeLogEntry(entry, 0);
    REQUIRE(!bad);
    CHECK(bad.error().message.rfind("log entry at 0x0: hash-2 is 0x", 0) == 0);
    sealLogEntry(entry);
    auto good = decodeLogEntry(entry, 0);
    REQUIRE(good);
    CHECK(good->sequence == 2);
}

TEST_CASE("an entry running past the end of the log is truncated", "[log]") {
    auto entry = encodeLogEntry(1, 0, 0x1000, {{0, filled(4096, 1)}});
    std::vector<uint8_t> log(512, 0);
    log.insert(log.end(), entry.begin(), entry.end() - 512);
    auto d = decodeLogEntry(log, 512);
    REQUIRE(!d);
    CHECK(d.error().code == ErrorCode::Truncated);
    CHECK(d.error().message == "log entry at 0x200: truncated: its size 0x1200 goes past the end of the log (0x1200)");
    auto header = decodeLogEntry(std::vector<uint8_t>(530, 0), 512);
    REQUIRE(!header);
    CHECK(header.error().message ==
          "log entry at 0x200: truncated: its 40-byte header goes past the end of the log (0x212)");
}

TEST_CASE("an entry with a bad signature, size or hive bins data size is refused", "[log]") {
    auto entry = encodeLogEntry(1, 0, 0x1000, {{0, filled(4096, 1)}});
    auto nosig = entry;
    nosig[0] = 'h';
    CHECK(decodeLogEntry(nosig, 0).error().message == "log entry at 0x0: no \"HvLE\" signature");
    CHECK(!hasLogEntrySignature(nosig, 0));
    CHECK(hasLogEntrySignature(entry, 0));
    CHECK(!hasLogEntrySignature(entry, entry.size() - 2));

    auto odd = entry;
    storeU32(odd.data() + layout::log::entry::Size, 0x1100 + 1);
    CHECK(decodeLogEntry(odd, 0).error().message == "log entry at 0x0: size 0x1101 is not a nonzero multiple of 512");

    auto bins = entry;
    storeU32(bins.data() + layout::log::entry::HiveBinsDataSize, 0x1800);
    sealLogEntry(bins);
    CHECK(decodeLogEntry(bins, 0).error().message ==
          "log entry at 0x0: hive bins data size 0x1800 is not a nonzero multiple of 4096");
}

TEST_CASE("an entry whose page lies outside its hive bins data or past its end is refused", "[log]") {
    auto outside = encodeLogEntry(1, 0, 0x1000, {{0x800, filled(4096, 1)}});
    auto d = decodeLogEntry(outside, 0);
    REQUIRE(!d);
    CHECK(d.error().message ==
          "log entry at 0x0: dirty page 0 (0x1000 bytes at 0x800) lies outside its hive bins data (0x1000 bytes)");
    CHECK(d.error().offset == 40);

    auto entry = encodeLogEntry(1, 0, 0x4000, {{0, filled(4096, 1)}});
    storeU32(entry.data() + 40 + 4, 0x2000);  // the reference claims more bytes than the entry holds
    sealLogEntry(entry);
    auto past = decodeLogEntry(entry, 0);
    REQUIRE(!past);
    CHECK(past.error().message == "log entry at 0x0: dirty page 0 (0x2000 bytes) goes past the end of the entry (0x1200)");

    auto many = encodeLogEntry(1, 0, 0x1000, {});
    storeU32(many.data() + layout::log::entry::DirtyPagesCount, 100);
    sealLogEntry(many);
    CHECK(decodeLogEntry(many, 0).error().message ==
          "log entry at 0x0: 100 dirty page references do not fit in its 0x200 bytes");
}

// ---------------------------------------------------------------------------
// Old format

TEST_CASE("the dirty vector maps each set bit to a 512-byte page after the vector", "[log]") {
    // 0x2000 bytes of hive bins: 16 bits, 2 bytes of bitmap; pages start at 1024.
    CHECK(oldLogPagesOffset(0x2000) == 1024);
    CHECK(oldLogPagesOffset(0x1FC000) == 1024);  // 508 bytes of bitmap end the second sector exactly
    CHECK(oldLogPagesOffset(0x1FD000) == 1536);  // 509 bytes spill into the third
    std::vector<uint8_t> log = logHeader(1, 3, 3, 0x2000);
    log.resize(1024, 0);
    storeU32(log.data() + 512, layout::log::kDirtSignature);
    log[516] = 0x81;  // bits 0 and 7
    log[517] = 0x01;  // bit 8
    for (uint8_t v : {1, 2, 3}) {
        auto page = filled(512, v);
        log.insert(log.end(), page.begin(), page.end());
    }
    auto pages = decodeDirtyPages(log, 0x2000);
    REQUIRE(pages);
    REQUIRE(pages->size() == 3);
    CHECK((*pages)[0].offset == 0);
    CHECK((*pages)[1].offset == 7 * 512);
    CHECK((*pages)[2].offset == 8 * 512);
    CHECK((*pages)[2].data[0] == 3);

    log.resize(log.size() - 1);
    auto cut = decodeDirtyPages(log, 0x2000);
    REQUIRE(!cut);
    CHECK(cut.error().code == ErrorCode::Truncated);
    CHECK(cut.error().message.find("(page 2, for hive bins offset 0x1000)") != std::string::npos);

    log[512] = 'd';
    CHECK(decodeDirtyPages(log, 0x2000).error().message == "no \"DIRT\" signature at 0x200");
}
