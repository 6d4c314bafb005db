#include "search/HiveSearch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <algorithm>
#include <functional>

#include "common/Display.h"
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
QString snippet(const QString& text, qsizetype at) {
    constexpr qsizetype kBefore = 24;
    constexpr qsizetype kWidth = 80;
    const qsizetype start = std::max<qsizetype>(0, at - kBefore);
    QString s = text.mid(start, kWidth);
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
        auto bytes = parseHexBytes(query_.text);
        if (!bytes || bytes->empty())
            error_ = tr("Hex bytes are pairs of hex digits, like \"de ad be ef\" or \"0xde,0xad\".");
        else if (!query_.valueData)
            error_ = tr("Hex bytes are searched in value data: tick \"Value data\".");
        else
            pattern_ = std::move(*bytes);
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

std::optional<qsizetype> HiveSearch::matchText(const QString& text) const {
    if (!isValid() || query_.mode == SearchQuery::Mode::HexBytes) return std::nullopt;
    if (query_.mode == SearchQuery::Mode::Plain) {
        const qsizetype at =
            text.indexOf(query_.text, 0, query_.caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive);
        if (at < 0) return std::nullopt;
        return at;
    }
    const QRegularExpressionMatch m = regex_.match(text);
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

SearchSummary HiveSearch::run(const Hive& hive, const SearchControl& control) const {
    QElapsedTimer timer;
    timer.start();
    SearchSummary summary;
    if (!isValid()) return summary;
    const bool hex = query_.mode == SearchQuery::Mode::HexBytes;
    const bool wantValues = hex ? query_.valueData : (query_.valueNames || query_.valueData);

    // Progress without counting the keys first: each key owns a slice of
    // [0, 1) and shares it equally among its subkeys; the walk is in
    // preorder, so the start of the key being visited only grows.
    struct Level {
        double start;
        double width;
        double childWidth;
        uint32_t nextChild;
    };
    std::vector<Level> levels;
    std::vector<uint32_t> chain;
    int lastPermille = -1;
    bool stop = false;

    auto cancelled = [&] {
        if (!stop && control.cancelled && control.cancelled()) {
            stop = true;
            summary.cancelled = true;
        }
        return stop;
    };
    auto report = [&](SearchHit&& hit) {
        if (summary.hits >= query_.maxHits) {
            summary.truncated = true;
            stop = true;
            return;
        }
        ++summary.hits;
        if (control.hit) control.hit(std::move(hit));
    };

    TreeWalker(hive).walk([&](const WalkedKey& k) {
        if (stop || cancelled()) return false;
        ++summary.keysVisited;

        // Where this key sits in the progress range, and the chain to it.
        levels.resize(k.depth + 1);
        chain.resize(k.depth);
        Level& me = levels[k.depth];
        if (k.depth == 0) {
            me.start = 0;
            me.width = 1;
        } else {
            Level& parent = levels[k.depth - 1];
            me.start = parent.start + parent.childWidth * parent.nextChild++;
            me.width = parent.childWidth;
            chain[k.depth - 1] = k.offset;
        }
        me.childWidth = me.width / std::max<uint32_t>(1, k.node->subkeyCount);
        me.nextChild = 0;
        const int permille = std::min(1000, static_cast<int>(me.start * 1000));
        if (permille != lastPermille && control.progress) {
            lastPermille = permille;
            control.progress(permille);
        }

        const QString keyPath = toQString(*k.path);
        auto makeHit = [&](SearchHit::Where where) {
            SearchHit hit;
            hit.where = where;
            hit.chain = chain;
            hit.keyOffset = k.offset;
            hit.keyPath = keyPath;
            return hit;
        };

        if (!hex && query_.keyNames) {
            const QString name = toQString(k.node->nameUtf8());
            if (auto at = matchText(name)) {
                SearchHit hit = makeHit(SearchHit::Where::KeyName);
                hit.context = snippet(name, *at);
                report(std::move(hit));
            }
        }
        if (!wantValues || stop) return !stop;

        for (uint32_t vkOffset : hive.values(*k.node)) {
            if (cancelled()) return false;
            ++summary.valuesVisited;
            auto vk = hive.valueRecord(vkOffset);
            if (!vk) continue;
            const QString valueName = toQString(vk->nameUtf8());
            auto valueHit = [&](SearchHit::Where where, QString context) {
                SearchHit hit = makeHit(where);
                hit.valueOffset = vkOffset;
                hit.valueName = valueName;
                hit.context = std::move(context);
                report(std::move(hit));
            };
            if (!hex && query_.valueNames) {
                if (auto at = matchText(valueName)) {
                    valueHit(SearchHit::Where::ValueName, snippet(valueName, *at));
                    if (stop) return false;
                    continue;  // one hit per value is enough to find it
                }
            }
            if (!query_.valueData) continue;
            auto data = hive.valueData(*vk);
            if (!data) continue;
            if (hex) {
                if (auto at = matchBytes(data->bytes()))
                    valueHit(SearchHit::Where::ValueData,
                             tr("bytes at data offset %1").arg(hexOffsetText(*at)));
            } else {
                for (const QString& text : dataTexts(vk->type, data->bytes())) {
                    if (auto at = matchText(text)) {
                        valueHit(SearchHit::Where::ValueData, snippet(text, *at));
                        break;
                    }
                }
            }
            if (stop) return false;
        }
        return !stop;
    });
    if (!summary.cancelled && !summary.truncated && control.progress) control.progress(1000);
    summary.milliseconds = timer.elapsed();
    return summary;
}

}  // namespace hivekit::gui
