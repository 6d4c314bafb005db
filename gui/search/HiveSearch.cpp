#include "search/HiveSearch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <functional>
#include <mutex>
#include <thread>

#include "common/Display.h"
#include "editing/ValueCodec.h"
#include "format/Names.h"
#include "format/ValueData.h"
#include "format/ValueText.h"
#include "hive/TreeWalker.h"

namespace hivekit::gui {

namespace {

// The context lupdate files these strings under (they are in HiveSearch's
// members), so that their translations are found.
QString tr(const char* text) { return QCoreApplication::translate("hivekit::gui::HiveSearch", text); }

/// The texts of a value's data that a text search looks at: each string of
/// a multi-string on its own (so a whole word or an anchored expression
/// means the same in every string), numbers as the table shows them.
QStringList dataTexts(uint32_t type, Bytes bytes) {
    const DecodedValue d = decodeValue(type, bytes);
    QStringList out;
    switch (d.kind) {
    case ValueKind::Text:
        out << toQString(d.text);
        break;
    case ValueKind::TextList:
        for (const auto& s : d.list) out << toQString(s);
        break;
    case ValueKind::Number:
        out << toQString(formatRegNumber(d.number));
        break;
    case ValueKind::Resources:
        for (const auto& s : d.lines) out << toQString(s);
        break;
    case ValueKind::Bytes:
        // Binary data is searched as bytes (Mode::HexBytes), not as text.
        break;
    }
    return out;
}

/// Up to 80 characters of `text` around position `at`.
QString snippet(QStringView text, qsizetype at) {
    constexpr qsizetype kBefore = 24;
    constexpr qsizetype kWidth = 80;
    const qsizetype start = std::max<qsizetype>(0, at - kBefore);
    QString s = text.mid(start, kWidth).toString();
    if (start > 0) s.prepend(QChar(0x2026));
    if (start + kWidth < text.size()) s.append(QChar(0x2026));
    return s;
}

}  // namespace

HiveSearch::HiveSearch(SearchQuery query) : query_(std::move(query)) {
    if (query_.text.isEmpty()) {
        error_ = tr("Type something to search for.");
        return;
    }
    if (!query_.keyNames && !query_.valueNames && !query_.valueData) {
        error_ = tr("Choose where to search: key names, value names or value data.");
        return;
    }
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (!query_.caseSensitive) options |= QRegularExpression::CaseInsensitiveOption;
    switch (query_.mode) {
    case SearchQuery::Mode::Plain:
        break;
    case SearchQuery::Mode::WholeWord:
        // \b would misbehave for a needle that starts or ends with a
        // non-word character; "no word character beside it" does not.
        regex_ = QRegularExpression(QStringLiteral("(?<!\\w)") + QRegularExpression::escape(query_.text) +
                                        QStringLiteral("(?!\\w)"),
                                    options);
        break;
    case SearchQuery::Mode::Regex:
        regex_ = QRegularExpression(query_.text, options);
        if (!regex_.isValid())
            error_ = tr("The regular expression is not valid: %1 (at character %2).")
                         .arg(regex_.errorString())
                         .arg(regex_.patternErrorOffset());
        break;
    case SearchQuery::Mode::HexBytes: {
        // The editor's parser: its error names the character at fault.
        ParsedData parsed = ValueCodec::parseHex(query_.text);
        if (!parsed.ok() || parsed.bytes.empty()) {
            error_ = tr("Hex bytes are pairs of hex digits, like \"de ad be ef\" or \"0xde,0xad\".");
            if (!parsed.ok()) error_ += QLatin1Char(' ') + parsed.error;
        } else if (!query_.valueData) {
            error_ = tr("Hex bytes are searched in value data: tick \"Value data\".");
        } else {
            pattern_ = std::move(parsed.bytes);
        }
        break;
    }
    }
    if (regex_.isValid() && query_.mode != SearchQuery::Mode::Plain) regex_.optimize();
}

std::optional<std::vector<uint8_t>> HiveSearch::parseHexBytes(const QString& text) {
    // The grammar every hex field reads (engine/format/ValueText.h).
    auto bytes = hivekit::parseHexBytes(utf16ToUtf8(text.toStdU16String()));
    if (!bytes) return std::nullopt;
    return std::move(*bytes);
}

std::optional<qsizetype> HiveSearch::matchText(QStringView text) const {
    if (!isValid() || query_.mode == SearchQuery::Mode::HexBytes) return std::nullopt;
    if (query_.mode == SearchQuery::Mode::Plain) {
        const qsizetype at =
            text.indexOf(query_.text, 0, query_.caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive);
        if (at < 0) return std::nullopt;
        return at;
    }
    const QRegularExpressionMatch m = regex_.match(text.toString());
    if (!m.hasMatch()) return std::nullopt;
    return m.capturedStart();
}

std::optional<size_t> HiveSearch::matchBytes(Bytes bytes) const {
    if (pattern_.empty() || bytes.size() < pattern_.size()) return std::nullopt;
    auto it = std::search(bytes.begin(), bytes.end(),
                          std::boyer_moore_horspool_searcher(pattern_.begin(), pattern_.end()));
    if (it == bytes.end()) return std::nullopt;
    return static_cast<size_t>(it - bytes.begin());
}

namespace {

/// Cutting stops at this depth, or when there are this many subtrees per
/// worker: enough for the workers to share a lopsided tree (SYSTEM's
/// ControlSet001\Services alone holds most of it) without many tiny parts.
constexpr unsigned kCutDepth = 4;
constexpr size_t kSubtreesPerWorker = 64;

/// One part of the tree: a key searched on its own, or a key with its
/// subtree. `chain` holds the nk offsets from the root's child down to the
/// key (empty for the root).
struct Part {
    uint32_t offset = 0;
    std::vector<uint32_t> chain;
    bool subtree = true;
};

/// The tree in parts, in preorder: searching the parts in order visits the
/// keys in the order a depth-first walk of the whole tree does.
std::vector<Part> cutTree(const Hive& hive, size_t wantedSubtrees) {
    std::vector<Part> parts{Part{hive.rootOffset(), {}, true}};
    std::vector<uint32_t> children;
    for (unsigned depth = 0; depth < kCutDepth; ++depth) {
        const size_t subtrees =
            static_cast<size_t>(std::count_if(parts.begin(), parts.end(), [](const Part& p) { return p.subtree; }));
        if (subtrees >= wantedSubtrees) break;
        std::vector<Part> next;
        next.reserve(parts.size() * 4);
        bool cut = false;
        for (Part& p : parts) {
            if (!p.subtree || p.chain.size() != depth) {
                next.push_back(std::move(p));
                continue;
            }
            auto key = hive.keyNode(p.offset);
            if (!key || key->subkeyCount == 0) {
                next.push_back(std::move(p));
                continue;
            }
            hive.subkeys(*key, children);
            if (children.empty()) {
                next.push_back(std::move(p));
                continue;
            }
            next.push_back(Part{p.offset, p.chain, false});
            for (uint32_t child : children) {
                Part c{child, p.chain, true};
                c.chain.push_back(child);
                next.push_back(std::move(c));
            }
            cut = true;
        }
        parts = std::move(next);
        if (!cut) break;
    }
    return parts;
}

/// The key's name without a copy where the stored bytes allow it.
QString storedNameText(Bytes stored, bool compressed) {
    if (compressed)
        return QString::fromLatin1(reinterpret_cast<const char*>(stored.data()), static_cast<qsizetype>(stored.size()));
    return QString::fromUtf16(reinterpret_cast<const char16_t*>(stored.data()),
                              static_cast<qsizetype>(stored.size() / 2));
}

/// UTF-16LE units of value data as a string view when the bytes are
/// aligned for it (cell data always is), else as a copy in `buffer`.
QStringView unitsView(Bytes data, size_t from, size_t to, QString& buffer) {
    const auto* p = data.data() + from * 2;
    const auto n = static_cast<qsizetype>(to - from);
    if (reinterpret_cast<uintptr_t>(p) % alignof(char16_t) == 0) return QStringView(reinterpret_cast<const char16_t*>(p), n);
    buffer.resize(n);
    std::memcpy(buffer.data(), p, static_cast<size_t>(n) * 2);
    return buffer;
}

bool isNulUnit(Bytes data, size_t unit) { return data[unit * 2] == 0 && data[unit * 2 + 1] == 0; }

}  // namespace

/// One search: the parts, the workers that take them in turn, and the
/// hand-over of each part's hits in order. The walk of a part is its own,
/// not TreeWalker's: every part shares one bitmap of visited keys (a
/// TreeWalker per part would clear one the size of the hive each time), and
/// key paths are built for hits only.
class HiveSearch::Run {
public:
    Run(const HiveSearch& search, const Hive& hive, const SearchControl& control)
        : search_(search), query_(search.query_), hive_(hive), control_(control),
          hex_(query_.mode == SearchQuery::Mode::HexBytes),
          wantValues_(hex_ ? query_.valueData : (query_.valueNames || query_.valueData)),
          seen_((uint64_t{hive.binsEnd()} / 8 + 64) / 64) {}

    SearchSummary run() {
        QElapsedTimer timer;
        timer.start();
        const int threads = query_.threads > 0 ? query_.threads : std::max(1, QThread::idealThreadCount());
        parts_ = cutTree(hive_, kSubtreesPerWorker * static_cast<size_t>(threads));
        results_.resize(parts_.size());
        done_.assign(parts_.size(), false);
        const uint32_t first = std::min<uint32_t>(query_.resumeAt.part, static_cast<uint32_t>(parts_.size()));
        nextPart_ = first;
        nextToHandOver_ = first;
        std::vector<std::thread> workers;
        for (int i = 1; i < threads; ++i) workers.emplace_back([this] { work(); });
        work();
        for (auto& w : workers) w.join();
        summary_.keysVisited = keys_;
        summary_.valuesVisited = values_;
        summary_.cancelled = cancelled_;
        if (!summary_.cancelled && !summary_.truncated && control_.progress) control_.progress(1000);
        summary_.milliseconds = timer.elapsed();
        return summary_;
    }

private:
    /// What one worker finds in one part, with its reusable buffers.
    struct Found {
        std::vector<SearchHit> hits;
        uint64_t limit = 0;  ///< hits past this many are never handed over
        std::vector<uint32_t> valueOffsets;
        QString units;  ///< strings of unaligned data, copied
    };

    bool stopping() {
        if (stop_.load(std::memory_order_relaxed)) return true;
        if (control_.cancelled && control_.cancelled()) {
            cancelled_ = true;
            stop_ = true;
        }
        return stop_.load(std::memory_order_relaxed);
    }

    /// False when the key was visited already (a cycle, or a key listed
    /// by two parents): each key is searched once.
    bool firstVisit(uint32_t offset) {
        const uint64_t slot = offset / 8;
        if (slot / 64 >= seen_.size()) return true;  // keyNode() refuses it
        const uint64_t bit = uint64_t{1} << (slot % 64);
        return (seen_[slot / 64].fetch_or(bit, std::memory_order_relaxed) & bit) == 0;
    }

    void work() {
        Found found;
        for (;;) {
            const size_t i = nextPart_.fetch_add(1);
            if (i >= parts_.size() || stopping()) return;
            found.hits.clear();
            found.limit = query_.maxHits + 1 + (i == query_.resumeAt.part ? query_.resumeAt.hitsInPart : 0);
            searchPart(parts_[i], found);
            handOver(i, std::move(found.hits));
        }
    }

    /// Records a part's hits and passes on, in order, every part whose
    /// predecessors are all done.
    void handOver(size_t i, std::vector<SearchHit>&& hits) {
        std::lock_guard lock(mutex_);
        results_[i] = std::move(hits);
        done_[i] = true;
        while (nextToHandOver_ < parts_.size() && done_[nextToHandOver_] && !summary_.truncated) {
            std::vector<SearchHit> part = std::move(results_[nextToHandOver_]);
            const uint64_t skip =
                nextToHandOver_ == query_.resumeAt.part ? std::min<uint64_t>(query_.resumeAt.hitsInPart, part.size()) : 0;
            for (size_t k = skip; k < part.size(); ++k) {
                if (summary_.hits >= query_.maxHits) {
                    summary_.truncated = true;
                    summary_.next = SearchPosition{static_cast<uint32_t>(nextToHandOver_), k};
                    stop_ = true;
                    break;
                }
                ++summary_.hits;
                if (control_.hit) control_.hit(std::move(part[k]));
            }
            if (summary_.truncated) break;
            ++nextToHandOver_;
            const int permille = static_cast<int>(nextToHandOver_ * 1000 / parts_.size());
            if (permille != lastPermille_ && permille < 1000 && control_.progress) {
                lastPermille_ = permille;
                control_.progress(permille);
            }
        }
    }

    void searchPart(const Part& part, Found& found) {
        struct Frame {
            uint32_t offset;
            unsigned depth;  ///< below the part's key
        };
        std::vector<Frame> stack{Frame{part.offset, 0}};
        std::vector<uint32_t> below;  // offsets from the part's key's child down to the key visited
        std::vector<uint32_t> children;
        while (!stack.empty()) {
            if (stopping() || found.hits.size() >= found.limit) return;
            const Frame f = stack.back();
            stack.pop_back();
            if (!firstVisit(f.offset)) continue;
            auto key = hive_.keyNode(f.offset);
            if (!key) continue;
            below.resize(f.depth);
            if (f.depth > 0) below[f.depth - 1] = f.offset;
            ++keys_;
            searchKey(part, below, f.offset, *key, found);
            if (!part.subtree || key->subkeyCount == 0) continue;
            if (part.chain.size() + f.depth + 1 > TreeWalker::kMaxDepth) continue;
            hive_.subkeys(*key, children);
            for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(Frame{*it, f.depth + 1});
        }
    }

    SearchHit makeHit(const Part& part, const std::vector<uint32_t>& below, uint32_t keyOffset,
                      SearchHit::Where where) const {
        SearchHit hit;
        hit.where = where;
        hit.chain = part.chain;
        hit.chain.insert(hit.chain.end(), below.begin(), below.end());
        hit.keyOffset = keyOffset;
        // The path is built for hits only: most keys have none.
        QString path;
        for (uint32_t offset : hit.chain) {
            auto k = hive_.keyNode(offset);
            if (!path.isEmpty()) path += QLatin1Char('\\');
            if (k) path += toQString(k->nameUtf8());
        }
        hit.keyPath = path;
        return hit;
    }

    void searchKey(const Part& part, const std::vector<uint32_t>& below, uint32_t keyOffset, const KeyNode& key,
                   Found& found) {
        if (!hex_ && query_.keyNames) {
            const QString name = storedNameText(key.nameBytes, key.compressedName());
            if (auto at = search_.matchText(name)) {
                SearchHit hit = makeHit(part, below, keyOffset, SearchHit::Where::KeyName);
                hit.context = snippet(name, *at);
                found.hits.push_back(std::move(hit));
            }
        }
        if (!wantValues_) return;
        hive_.values(key, found.valueOffsets);
        for (uint32_t vkOffset : found.valueOffsets) {
            if (stopping() || found.hits.size() >= found.limit) return;
            ++values_;
            auto vk = hive_.valueRecord(vkOffset);
            if (!vk) continue;
            std::optional<QString> valueName;
            auto name = [&]() -> const QString& {
                if (!valueName) valueName = storedNameText(vk->nameBytes, vk->compressedName());
                return *valueName;
            };
            auto valueHit = [&](SearchHit::Where where, QString context) {
                SearchHit hit = makeHit(part, below, keyOffset, where);
                hit.valueOffset = vkOffset;
                hit.valueName = toQString(vk->nameUtf8());
                hit.context = std::move(context);
                found.hits.push_back(std::move(hit));
            };
            if (!hex_ && query_.valueNames) {
                if (auto at = search_.matchText(name())) {
                    valueHit(SearchHit::Where::ValueName, snippet(name(), *at));
                    continue;  // one hit per value is enough to find it
                }
            }
            if (!query_.valueData) continue;
            auto data = hive_.valueData(*vk);
            if (!data) continue;
            const Bytes bytes = data->bytes();
            if (hex_) {
                if (auto at = search_.matchBytes(bytes))
                    valueHit(SearchHit::Where::ValueData, QCoreApplication::translate("hivekit::gui::HiveSearch", "bytes at data offset %1").arg(hexOffsetText(*at)));
                continue;
            }
            if (auto hit = matchData(vk->type, bytes, found.units)) valueHit(SearchHit::Where::ValueData, std::move(*hit));
        }
    }

    /// The snippet of the first of the data's texts that matches. Strings
    /// are matched where they lie in the cell; other types through the
    /// texts the table shows.
    std::optional<QString> matchData(uint32_t type, Bytes bytes, QString& buffer) const {
        const size_t units = bytes.size() / 2;
        switch (type) {
        case kRegSz:
        case kRegExpandSz:
        case kRegLink: {
            size_t end = 0;
            while (end < units && !isNulUnit(bytes, end)) ++end;
            const QStringView text = unitsView(bytes, 0, end, buffer);
            if (auto at = search_.matchText(text)) return snippet(text, *at);
            return std::nullopt;
        }
        case kRegMultiSz: {
            // Each string on its own; the empty strings that end the list are
            // not strings of it.
            size_t last = units;
            while (last > 0 && isNulUnit(bytes, last - 1)) --last;
            size_t start = 0;
            for (size_t i = 0; i <= last && start <= last; ++i) {
                if (i < last && !isNulUnit(bytes, i)) continue;
                if (i == last && start == last) break;
                const QStringView text = unitsView(bytes, start, i, buffer);
                if (auto at = search_.matchText(text)) return snippet(text, *at);
                start = i + 1;
            }
            return std::nullopt;
        }
        default:
            for (const QString& text : dataTexts(type, bytes))
                if (auto at = search_.matchText(text)) return snippet(text, *at);
            return std::nullopt;
        }
    }

    const HiveSearch& search_;
    const SearchQuery& query_;
    const Hive& hive_;
    const SearchControl& control_;
    const bool hex_;
    const bool wantValues_;
    std::vector<std::atomic<uint64_t>> seen_;
    std::vector<Part> parts_;
    std::atomic<size_t> nextPart_{0};
    std::atomic<bool> stop_{false};
    std::atomic<bool> cancelled_{false};
    std::atomic<uint64_t> keys_{0};
    std::atomic<uint64_t> values_{0};

    std::mutex mutex_;  // guards what follows
    std::vector<std::vector<SearchHit>> results_;
    std::vector<bool> done_;
    size_t nextToHandOver_ = 0;
    int lastPermille_ = -1;
    SearchSummary summary_;
};

SearchSummary HiveSearch::run(const Hive& hive, const SearchControl& control) const {
    if (!isValid()) return SearchSummary{};
    return Run(*this, hive, control).run();
}

}  // namespace hivekit::gui
