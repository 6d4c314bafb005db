// Search: the three text modes and hex bytes, hits that lead to the right
// key or value, and cancellation on the worker thread.
#include <catch2/catch.hpp>

#include <QSignalSpy>

#include <algorithm>
#include <atomic>

#include "GuiTestSupport.h"
#include "document/HiveDocument.h"
#include "search/HiveSearch.h"
#include "browse/KeyTreeModel.h"
#include "search/SearchJob.h"
#include "hive/TreeWalker.h"
#include "support/TestSupport.h"

using namespace hivekit::gui;
using namespace testsupport;

namespace {

std::vector<SearchHit> searchAll(const hivekit::Hive& hive, const SearchQuery& query, SearchSummary* summary = nullptr) {
    HiveSearch search(query);
    REQUIRE(search.isValid());
    std::vector<SearchHit> hits;
    SearchControl control;
    control.hit = [&](SearchHit&& h) { hits.push_back(std::move(h)); };
    const SearchSummary s = search.run(hive, control);
    if (summary) *summary = s;
    return hits;
}

SearchQuery keysOnly(const QString& text, SearchQuery::Mode mode = SearchQuery::Mode::Plain) {
    SearchQuery q;
    q.text = text;
    q.mode = mode;
    q.valueNames = false;
    q.valueData = false;
    return q;
}

bool hasPath(const std::vector<SearchHit>& hits, const QString& path) {
    return std::any_of(hits.begin(), hits.end(), [&](const SearchHit& h) { return h.keyPath == path; });
}

uint64_t keyCount(const hivekit::Hive& hive) {
    uint64_t n = 0;
    hivekit::TreeWalker(hive).walk([&](const hivekit::WalkedKey&) { return ++n, true; });
    return n;
}

}  // namespace

TEST_CASE("Searching key names of regipy/SYSTEM finds the Tcpip service keys", "[gui][search]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    SearchSummary summary;
    const auto hits = searchAll(*hive, keysOnly(QStringLiteral("tcpip")), &summary);
    CHECK(hasPath(hits, QStringLiteral("ControlSet001\\services\\Tcpip")));
    CHECK(hasPath(hits, QStringLiteral("ControlSet002\\services\\Tcpip")));
    CHECK(hasPath(hits, QStringLiteral("ControlSet001\\services\\TCPIP6")));
    CHECK_FALSE(summary.cancelled);
    CHECK(summary.keysVisited == keyCount(*hive));
    for (const SearchHit& h : hits) {
        CHECK(h.where == SearchHit::Where::KeyName);
        CHECK(h.keyPath.section(QLatin1Char('\\'), -1).contains(QStringLiteral("tcpip"), Qt::CaseInsensitive));
    }

    // Each hit's chain leads the tree model to that key.
    KeyTreeModel model;
    model.setHive(hive);
    const auto tcpip = std::find_if(hits.begin(), hits.end(), [](const SearchHit& h) {
        return h.keyPath == QStringLiteral("ControlSet001\\services\\Tcpip");
    });
    const QModelIndex index = model.indexForChain(tcpip->chain);
    REQUIRE(index.isValid());
    CHECK(model.pathOf(index) == tcpip->keyPath);
    CHECK(model.offsetOf(index) == tcpip->keyOffset);
}

TEST_CASE("Whole-word and regular-expression searches match less than plain text", "[gui][search]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    const auto plain = searchAll(*hive, keysOnly(QStringLiteral("Tcpip")));
    const auto word = searchAll(*hive, keysOnly(QStringLiteral("Tcpip"), SearchQuery::Mode::WholeWord));
    const auto regex = searchAll(*hive, keysOnly(QStringLiteral("^tcpip6$"), SearchQuery::Mode::Regex));
    CHECK(hasPath(plain, QStringLiteral("ControlSet001\\services\\TCPIP6")));
    CHECK(hasPath(word, QStringLiteral("ControlSet001\\services\\Tcpip")));
    CHECK_FALSE(hasPath(word, QStringLiteral("ControlSet001\\services\\TCPIP6")));
    CHECK(word.size() < plain.size());
    REQUIRE(regex.size() >= 2);
    for (const SearchHit& h : regex) CHECK(h.keyPath.endsWith(QStringLiteral("\\Tcpip6"), Qt::CaseInsensitive));

    // "TCPIP6" and "Tcpip6" (eventlog\System) differ in case only.
    SearchQuery caseSensitive = keysOnly(QStringLiteral("TCPIP6"));
    const auto anyCase = searchAll(*hive, caseSensitive);
    caseSensitive.caseSensitive = true;
    const auto sameCase = searchAll(*hive, caseSensitive);
    CHECK(sameCase.size() < anyCase.size());
    CHECK(hasPath(anyCase, QStringLiteral("ControlSet001\\services\\eventlog\\System\\Tcpip6")));
    CHECK_FALSE(hasPath(sameCase, QStringLiteral("ControlSet001\\services\\eventlog\\System\\Tcpip6")));
    CHECK(hasPath(sameCase, QStringLiteral("ControlSet001\\services\\TCPIP6")));

    HiveSearch bad(keysOnly(QStringLiteral("(unclosed"), SearchQuery::Mode::Regex));
    CHECK_FALSE(bad.isValid());
    CHECK(bad.error().contains(QStringLiteral("regular expression")));
    CHECK_FALSE(HiveSearch(keysOnly(QString())).isValid());
}

TEST_CASE("Searching value data finds strings in data, and hex bytes in raw data", "[gui][search]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    SearchQuery text;
    text.text = QStringLiteral("drivers\\tcpip.sys");
    text.keyNames = false;
    text.valueNames = false;
    const auto hits = searchAll(*hive, text);
    const auto it = std::find_if(hits.begin(), hits.end(), [](const SearchHit& h) {
        return h.keyPath == QStringLiteral("ControlSet001\\services\\Tcpip");
    });
    REQUIRE(it != hits.end());
    CHECK(it->where == SearchHit::Where::ValueData);
    CHECK(it->valueName == QStringLiteral("ImagePath"));
    CHECK(it->context.contains(QStringLiteral("tcpip.sys")));

    SearchQuery names;
    names.text = QStringLiteral("NdisMinorVersion");
    names.keyNames = false;
    names.valueData = false;
    names.mode = SearchQuery::Mode::WholeWord;
    CHECK(hasPath(searchAll(*hive, names), QStringLiteral("ControlSet001\\services\\Tcpip")));

    // "tcpip.sys" as UTF-16LE bytes: found by the hex search in the same value.
    SearchQuery hex;
    hex.mode = SearchQuery::Mode::HexBytes;
    hex.text = QStringLiteral("74 00 63 00 70 00 69 00 70 00 2e 00 73 00 79 00 73 00");
    const auto hexHits = searchAll(*hive, hex);
    const auto h = std::find_if(hexHits.begin(), hexHits.end(), [](const SearchHit& x) {
        return x.keyPath == QStringLiteral("ControlSet001\\services\\Tcpip") && x.valueName == QStringLiteral("ImagePath");
    });
    CHECK(h != hexHits.end());

    CHECK(HiveSearch::parseHexBytes(QStringLiteral("de ad BE ef")) == std::vector<uint8_t>{0xde, 0xad, 0xbe, 0xef});
    CHECK(HiveSearch::parseHexBytes(QStringLiteral("0xde,0xa")) == std::vector<uint8_t>{0xde, 0x0a});
    CHECK(HiveSearch::parseHexBytes(QStringLiteral("deadbee")) == std::nullopt);
    CHECK(HiveSearch::parseHexBytes(QStringLiteral("zz")) == std::nullopt);
}

TEST_CASE("A search stops as soon as it is cancelled and says so", "[gui][search]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    const uint64_t total = keyCount(*hive);
    SearchQuery absent;
    absent.text = QStringLiteral("no-such-text-anywhere-in-this-hive");

    // On the calling thread: cancelled after 100 keys.
    HiveSearch search(absent);
    SearchControl control;
    uint64_t polled = 0;
    std::atomic<int> lastProgress{-1};
    control.cancelled = [&] { return ++polled > 500; };
    control.progress = [&](int p) { lastProgress = p; };
    const SearchSummary direct = search.run(*hive, control);
    CHECK(direct.cancelled);
    CHECK(direct.hits == 0);
    CHECK(direct.keysVisited + direct.valuesVisited <= 500);
    CHECK(lastProgress < 1000);

    // On the worker thread, through the job the search dock uses.
    SearchJob job;
    QSignalSpy finished(&job, &SearchJob::finished);
    REQUIRE(job.start(hive, absent));
    CHECK(job.isRunning());
    job.cancel();
    REQUIRE(guitest::waitUntil([&] { return finished.count() == 1; }));
    const SearchSummary summary = finished.at(0).at(0).value<SearchSummary>();
    CHECK(summary.cancelled);
    CHECK(summary.keysVisited < total);
    CHECK(job.summary().cancelled);

    // Not cancelled, the same search covers every key and reports 100%.
    QSignalSpy progress(&job, &SearchJob::progressChanged);
    REQUIRE(job.start(hive, absent));
    REQUIRE(guitest::waitUntil([&] { return finished.count() == 2; }));
    const SearchSummary full = finished.at(1).at(0).value<SearchSummary>();
    CHECK_FALSE(full.cancelled);
    CHECK(full.keysVisited == total);
    CHECK(full.hits == 0);
    REQUIRE(progress.count() > 0);
    CHECK(progress.last().at(0).toInt() == 1000);
}

TEST_CASE("The search job delivers its hits to the GUI thread", "[gui][search]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    SearchJob job;
    QList<SearchHit> hits;
    QObject::connect(&job, &SearchJob::hitsFound, [&](const QList<SearchHit>& batch) { hits += batch; });
    QSignalSpy finished(&job, &SearchJob::finished);
    REQUIRE(job.start(hive, keysOnly(QStringLiteral("Tcpip"), SearchQuery::Mode::WholeWord)));
    REQUIRE(guitest::waitUntil([&] { return finished.count() == 1; }));
    CHECK(static_cast<uint64_t>(hits.size()) == job.summary().hits);
    CHECK(std::any_of(hits.begin(), hits.end(),
                      [](const SearchHit& h) { return h.keyPath == QStringLiteral("ControlSet001\\services\\Tcpip"); }));
    QString error;
    CHECK_FALSE(job.start(hive, keysOnly(QString()), &error));
    CHECK_FALSE(error.isEmpty());
}
