// HiveSearch: finds key names, value names and value data in one hive by a
// walk of its tree. Plain text, whole words or a regular expression; value
// data also as hex bytes. Runs on any thread; reports progress and stops when
// asked (see SearchJob for the GUI's use of it).
//
// The tree is cut into parts in preorder (the keys of its first levels on
// their own, then the subtrees below them), and worker threads search the
// parts; hits are still reported in the tree's order, because a part's hits
// are handed on only once every part before it is done. A search stopped at
// its hit limit says where it stopped (SearchSummary::next), and the same
// query with resumeAt set there continues from the next hit.
#pragma once

#include <QMetaType>
#include <QRegularExpression>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "hive/Hive.h"

namespace hivekit::gui {

/// A place in a search's sequence of hits: the part of the tree, and how
/// many of that part's hits come before it.
struct SearchPosition {
    uint32_t part = 0;
    uint64_t hitsInPart = 0;
};

/// What to look for and where.
struct SearchQuery {
    enum class Mode { Plain, WholeWord, Regex, HexBytes };

    QString text;
    Mode mode = Mode::Plain;
    bool caseSensitive = false;
    bool keyNames = true;
    bool valueNames = true;
    /// Value data as text (strings, multi-strings, numbers as shown,
    /// resource lists); with Mode::HexBytes, the raw bytes of any type.
    bool valueData = true;
    /// More hits than this stop the search (the summary says truncated and
    /// where to go on).
    size_t maxHits = 100000;
    /// Where to start: the default is the beginning; a summary's `next`
    /// continues a search that stopped at its limit.
    SearchPosition resumeAt;
    /// Worker threads; 0: one per core.
    int threads = 0;
};

/// One place where the query matched.
struct SearchHit {
    enum class Where { KeyName, ValueName, ValueData };

    Where where = Where::KeyName;
    /// nk offsets from the root's child down to the key (empty: the root),
    /// for KeyTreeModel::indexForChain.
    std::vector<uint32_t> chain;
    uint32_t keyOffset = 0;
    /// The vk offset for value hits, 0xffffffff for key hits.
    uint32_t valueOffset = 0xFFFFFFFF;
    QString keyPath;
    QString valueName;  ///< as stored ("" for the default value)
    QString context;    ///< the matching text around the match, or where the bytes are
};

/// How a search ended.
struct SearchSummary {
    uint64_t keysVisited = 0;
    uint64_t valuesVisited = 0;
    uint64_t hits = 0;
    bool cancelled = false;
    bool truncated = false;
    /// For a truncated search: where the next hit is (SearchQuery::resumeAt).
    SearchPosition next;
    qint64 milliseconds = 0;
};

/// The callbacks a search calls. `cancelled` is polled by every worker
/// thread (it must be thread-safe); `progress` and `hit` are called by one
/// thread at a time, hits in the tree's order.
struct SearchControl {
    /// Polled before each key and value; true stops the search.
    std::function<bool()> cancelled;
    /// Per mille of the tree covered, called when it changes.
    std::function<void(int)> progress;
    std::function<void(SearchHit&&)> hit;
};

/// A compiled query: runs it over a hive.
class HiveSearch {
public:
    /// Compiles `query`; when it is not valid (an empty text, a bad regular
    /// expression, odd hex digits) `error()` says why and run() finds nothing.
    explicit HiveSearch(SearchQuery query);

    bool isValid() const { return error_.isEmpty(); }
    const QString& error() const { return error_; }
    const SearchQuery& query() const { return query_; }

    /// Searches the tree of `hive` and reports every hit in list order.
    SearchSummary run(const Hive& hive, const SearchControl& control) const;

    /// Where `text` matches (the first match's start, or nullopt); public
    /// for the tests of the three text modes.
    std::optional<qsizetype> matchText(QStringView text) const;
    /// Where the hex pattern occurs in `bytes`, or nullopt.
    std::optional<size_t> matchBytes(Bytes bytes) const;

    /// Parses hex bytes ("de ad be ef", "deadbeef", "0xde,0xad") in the
    /// engine's grammar (format/ValueText.h); nullopt when malformed.
    static std::optional<std::vector<uint8_t>> parseHexBytes(const QString& text);

private:
    class Run;

    SearchQuery query_;
    QString error_;
    QRegularExpression regex_;
    std::vector<uint8_t> pattern_;
};

}  // namespace hivekit::gui

Q_DECLARE_METATYPE(hivekit::gui::SearchHit)
Q_DECLARE_METATYPE(hivekit::gui::SearchSummary)
