// Search: the three text modes and hex bytes, hits that lead to the right
// key or value, and cancellation on the worker thread.
#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QThread>

#include <algorithm>
#include <atomic>

#include "GuiTestSupport.h"
#include "document/HiveDocument.h"
#include "search/HiveSearch.h"
#include "browse/KeyTreeModel.h"
#include "search/SearchDock.h"
#include "search/SearchJob.h"
#include "search/SearchResultsModel.h"

#include <QToolButton>
#include "format/ValueData.h"
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
    // A malformed pattern is refused naming the character at fault.
    SearchQuery badHex = hex;
    badHex.text = QStringLiteral("de az");
    HiveSearch refused(badHex);
    CHECK_FALSE(refused.isValid());
    INFO(refused.error().toStdString());
    CHECK(refused.error().endsWith(QStringLiteral("\"z\" at position 5 is not a hex digit.")));
    CHECK(HiveSearch::parseHexBytes(QStringLiteral("0xde,0xa")) == std::vector<uint8_t>{0xde, 0x0a});
    CHECK(HiveSearch::parseHexBytes(QStringLiteral("deadbee")) == std::nullopt);
    CHECK(HiveSearch::parseHexBytes(QStringLiteral("zz")) == std::nullopt);
}

TEST_CASE("A search stops as soon as it is cancelled and says so", "[gui][search]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    const uint64_t total = keyCount(*hive);
    SearchQuery absent;
    absent.text = QStringLiteral("no-such-text-anywhere-in-this-hive");

    // On the calling thread (and the workers it starts): cancelled after 500
    // polls; each key and value is polled before it is visited.
    HiveSearch search(absent);
    SearchControl control;
    std::atomic<uint64_t> polled{0};
    std::atomic<int> lastProgress{-1};
    control.cancelled = [&] { return ++polled > 500; };
    control.progress = [&](int p) { lastProgress = p; };
    const SearchSummary direct = search.run(*hive, control);
    CHECK(direct.cancelled);
    CHECK(direct.hits == 0);
    // Each worker may be past its poll when another one sees the cancel.
    CHECK(direct.keysVisited + direct.valuesVisited <= 500 + static_cast<uint64_t>(QThread::idealThreadCount()));
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

namespace {

/// The hits of a search as text, in order, for comparing two searches.
QStringList hitLines(const std::vector<SearchHit>& hits) {
    QStringList out;
    for (const SearchHit& h : hits)
        out << QString::number(static_cast<int>(h.where)) + QLatin1Char('|') + h.keyPath + QLatin1Char('|') +
                   h.valueName + QLatin1Char('|') + QString::number(h.valueOffset);
    return out;
}

/// A plain search written for this test: one thread, TreeWalker, every
/// value's data decoded by the engine's decodeValue. Case-insensitive
/// plain text in names and string data.
std::vector<SearchHit> referenceSearch(const hivekit::Hive& hive, const QString& needle) {
    std::vector<SearchHit> out;
    auto contains = [&](const QString& text) { return text.contains(needle, Qt::CaseInsensitive); };
    hivekit::TreeWalker(hive).walk([&](const hivekit::WalkedKey& k) {
        const QString path = QString::fromStdString(*k.path);
        if (contains(QString::fromStdString(k.node->nameUtf8()))) {
            SearchHit h;
            h.where = SearchHit::Where::KeyName;
            h.keyPath = path;
            out.push_back(h);
        }
        for (uint32_t vk : hive.values(*k.node)) {
            auto v = hive.valueRecord(vk);
            if (!v) continue;
            SearchHit h;
            h.keyPath = path;
            h.valueName = QString::fromStdString(v->nameUtf8());
            h.valueOffset = vk;
            if (contains(h.valueName)) {
                h.where = SearchHit::Where::ValueName;
                out.push_back(h);
                continue;
            }
            auto data = hive.valueData(*v);
            if (!data) continue;
            const hivekit::DecodedValue d = hivekit::decodeValue(v->type, data->bytes());
            QStringList texts;
            if (d.kind == hivekit::ValueKind::Text) texts << QString::fromStdString(d.text);
            if (d.kind == hivekit::ValueKind::TextList)
                for (const auto& t : d.list) texts << QString::fromStdString(t);
            if (d.kind == hivekit::ValueKind::Number) texts << QString::fromStdString(hivekit::formatRegNumber(d.number));
            if (d.kind == hivekit::ValueKind::Resources)
                for (const auto& t : d.lines) texts << QString::fromStdString(t);
            if (std::any_of(texts.begin(), texts.end(), contains)) {
                h.where = SearchHit::Where::ValueData;
                out.push_back(h);
            }
        }
        return true;
    });
    return out;
}

}  // namespace

TEST_CASE("A search on worker threads finds what a plain one-thread walk finds, in the same order", "[gui][search]") {
    for (const char* file : {"regipy/SYSTEM", "regipy/NTUSER.DAT", "regipy/amcache.hve"}) {
        INFO(file);
        auto hive = guitest::openHive(hivePath(file));
        SearchQuery q;
        q.text = QStringLiteral("micro");
        const auto reference = hitLines(referenceSearch(*hive, q.text));
        REQUIRE(reference.size() > 50);
        for (int threads : {1, 2, 3}) {
            INFO("threads: " << threads);
            q.threads = threads;
            SearchSummary summary;
            const auto found = hitLines(searchAll(*hive, q, &summary));
            CHECK(summary.keysVisited == keyCount(*hive));
            CHECK(found == reference);
        }
    }
}

TEST_CASE("A search stopped at its limit of hits continues where it stopped", "[gui][search]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    SearchQuery q;
    q.text = QStringLiteral("e");
    const auto all = hitLines(searchAll(*hive, q));
    REQUIRE(all.size() > 3000);

    // In pieces of 997 hits (not a divisor of anything), each piece starting
    // where the last one stopped: together, every hit once, in order.
    q.maxHits = 997;
    std::vector<SearchHit> pieces;
    int runs = 0;
    for (;;) {
        SearchSummary s;
        const auto piece = searchAll(*hive, q, &s);
        ++runs;
        CHECK(piece.size() <= q.maxHits);
        pieces.insert(pieces.end(), piece.begin(), piece.end());
        if (!s.truncated) break;
        CHECK(piece.size() == q.maxHits);
        q.resumeAt = s.next;
        REQUIRE(runs < 1000);
    }
    CHECK(runs == static_cast<int>((all.size() + 996) / 997));
    CHECK(hitLines(pieces) == all);
}

TEST_CASE("The search dock offers Show more when a search stops at its limit, and continues it", "[gui][search]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    SearchDock dock;
    SearchQuery q;
    q.text = QStringLiteral("tcpip");
    dock.setQuery(q);
    dock.setHitLimit(40);
    QWidget target;
    QSignalSpy finished(dock.job(), &SearchJob::finished);
    dock.search(hive, &target);
    REQUIRE(guitest::waitUntil([&] { return finished.count() == 1; }));
    CHECK(dock.results()->rowCount() == 40);
    REQUIRE(dock.moreButton()->isVisibleTo(&dock));
    dock.moreButton()->click();
    REQUIRE(guitest::waitUntil([&] { return finished.count() == 2; }));
    CHECK(dock.results()->rowCount() > 40);

    SearchQuery full = q;
    const auto all = searchAll(*hive, full);
    while (dock.moreButton()->isVisibleTo(&dock)) {
        const int before = finished.count();
        dock.moreButton()->click();
        REQUIRE(guitest::waitUntil([&] { return finished.count() == before + 1; }));
    }
    REQUIRE(dock.results()->rowCount() == static_cast<int>(all.size()));
    for (int row = 0; row < dock.results()->rowCount(); ++row) {
        CHECK(dock.results()->hit(row).keyPath == all[static_cast<size_t>(row)].keyPath);
        CHECK(dock.results()->hit(row).valueOffset == all[static_cast<size_t>(row)].valueOffset);
    }
}

TEST_CASE("The search job hands hits to the GUI thread in batches, not one by one", "[gui][search]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    SearchJob job;
    int batches = 0;
    qsizetype hits = 0;
    QObject::connect(&job, &SearchJob::hitsFound, [&](const QList<SearchHit>& batch) {
        ++batches;
        hits += batch.size();
    });
    QSignalSpy finished(&job, &SearchJob::finished);
    SearchQuery q;
    q.text = QStringLiteral("e");
    REQUIRE(job.start(hive, q));
    REQUIRE(guitest::waitUntil([&] { return finished.count() == 1; }));
    REQUIRE(hits > 10000);
    CHECK(static_cast<uint64_t>(hits) == job.summary().hits);
    CHECK(batches <= hits / 100);
}
