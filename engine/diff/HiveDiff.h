// Comparing two hives: the keys and values added, removed and changed from
// hive A to hive B, streamed to a sink as the two trees are walked in step.
//
// Matching: the root keys are matched whatever their names. Below them a
// subkey of A matches the subkey of B with the same name under the Windows
// upcase rules (format/Names, as Windows itself compares key names), and a
// value matches the value of the same name, also case-insensitively. Subkey
// lists are sorted by that order on disk, so matching is one merge of the two
// lists per key (a list found unsorted, which a damaged hive may hold, is
// sorted first); value lists are unsorted and are sorted by name per key.
// The whole comparison is linear in the size of the two trees.
//
// Reporting, in walk order (depth first, subkeys in name order; a key's own
// change and its values' differences before its subkeys):
// - a key only in A is KeyRemoved, a key only in B is KeyAdded, each once at
//   the top of its subtree (DiffOptions::listDescendants lists every key and
//   value below it too, marked `descendant`);
// - a key in both is KeyChanged when its last-write time, its class name or
//   its security descriptor's bytes differ (each flagged in `keyChanges`);
// - a value only in A or B is ValueRemoved or ValueAdded; one in both is
//   ValueChanged when its type or its data bytes differ.
// Differences in letter case alone (a key "Run" in A, "RUN" in B) are not
// differences: Windows treats both names as one.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "hive/Diagnostics.h"
#include "hive/Hive.h"
#include "util/Error.h"

namespace hivekit {

/// The kind of one difference.
enum class DiffKind {
    KeyAdded,      ///< the key is in B only (with its subtree)
    KeyRemoved,    ///< the key is in A only (with its subtree)
    KeyChanged,    ///< the key is in both; `keyChanges` says what differs
    ValueAdded,    ///< the value is in B only
    ValueRemoved,  ///< the value is in A only
    ValueChanged,  ///< the value is in both with another type or other data
};

/// "key added", "value changed", ...
const char* diffKindName(DiffKind kind);

/// What differs in a key that both hives hold (bits of Difference::keyChanges).
enum KeyChange : uint32_t {
    kKeyLastWritten = 1u << 0,  ///< the last-write time
    kKeyClassName = 1u << 1,    ///< the class name (present, absent, or other text)
    kKeySecurity = 1u << 2,     ///< the security descriptor's bytes
};

/// One side of a key in a difference (A's for removed keys, B's for added).
struct DiffKeySide {
    bool present = false;
    uint32_t offset = 0;  ///< the nk cell (relative offset, as records store it)
    uint64_t lastWritten = 0;
    bool hasClassName = false;
    std::u16string className;
    /// The security descriptor's bytes; filled only when kKeySecurity is
    /// flagged (a difference of keys in both hives).
    std::vector<uint8_t> security;
    uint32_t subkeyCount = 0;  ///< as the nk declares it
    uint32_t valueCount = 0;   ///< as the nk declares it
};

/// One side of a value in a difference.
struct DiffValueSide {
    bool present = false;
    uint32_t offset = 0;  ///< the vk cell (relative)
    uint32_t type = 0;
    std::vector<uint8_t> data;
};

/// One difference. Valid only during the sink's call (copy what you keep).
struct Difference {
    DiffKind kind = DiffKind::KeyChanged;
    /// The key's path from the root: names joined by '\' (UTF-8, or WTF-8
    /// for unpaired surrogates), "" for the root; each name passed through
    /// DiffOptions::escapeName. B's spelling where the key is in B, else A's.
    std::string path;
    /// The key's names from the root, unescaped UTF-16 (empty for the root):
    /// for a consumer that must tell a '\' inside a name from a separator.
    std::vector<std::u16string> names;
    /// Set on keys and values reported below an added or removed key
    /// (DiffOptions::listDescendants).
    bool descendant = false;
    /// KeyChanged: KeyChange bits.
    uint32_t keyChanges = 0;
    DiffKeySide oldKey;  ///< the key in A (absent for KeyAdded)
    DiffKeySide newKey;  ///< the key in B (absent for KeyRemoved)
    /// Values: the value's name as stored, UTF-16 ("" is the default value).
    std::u16string valueName;
    DiffValueSide oldValue;  ///< the value in A (absent for ValueAdded)
    DiffValueSide newValue;  ///< the value in B (absent for ValueRemoved)

    bool isKey() const { return kind <= DiffKind::KeyChanged; }
};

/// How to compare.
struct DiffOptions {
    /// Last-write times are not compared: a key whose only difference is
    /// its time is not reported, and kKeyLastWritten is never set.
    bool ignoreTimes = false;
    /// Below an added or removed key, report every key and value of its
    /// subtree too (`descendant` set), not only its top.
    bool listDescendants = false;
    /// Applied to each key name before it is joined into Difference::path
    /// (identity when unset), as TreeWalker's escaper.
    std::function<std::string(const std::string&)> escapeName;
    /// Polled every few hundred keys; true stops the comparison
    /// (DiffSummary::cancelled).
    std::function<bool()> cancelRequested;
    /// Called every few hundred keys with the keys compared so far.
    std::function<void(uint64_t keys)> progress;
};

/// Receives each difference in walk order; returning false stops the
/// comparison (DiffSummary::stopped).
using DiffSink = std::function<bool(const Difference&)>;

/// What a comparison found, in counts.
struct DiffSummary {
    uint64_t keysCompared = 0;  ///< keys present in both hives
    uint64_t keysAdded = 0;     ///< reports of each kind (descendants included)
    uint64_t keysRemoved = 0;
    uint64_t keysChanged = 0;
    uint64_t valuesAdded = 0;
    uint64_t valuesRemoved = 0;
    uint64_t valuesChanged = 0;
    bool stopped = false;    ///< the sink returned false
    bool cancelled = false;  ///< DiffOptions::cancelRequested returned true
    /// What could not be read in either hive (each message says which hive,
    /// "A:" or "B:"); what cannot be read is left out of the comparison.
    Diagnostics problems;

    uint64_t differences() const {
        return keysAdded + keysRemoved + keysChanged + valuesAdded + valuesRemoved + valuesChanged;
    }
};

/// Compares hive `a` (the old) with hive `b` (the new) and hands each
/// difference to `sink`. Fails only when a root key cannot be read; any
/// other unreadable record is reported in DiffSummary::problems and
/// skipped. Memory: the two keys' lists on the current path and a bitmap of
/// visited keys (a bit per 8 bytes of each hive), whatever the number of
/// differences.
[[nodiscard]] Result<DiffSummary> diffHives(const Hive& a, const Hive& b, const DiffOptions& options,
                                            const DiffSink& sink);

/// The same below two given keys (nk offsets), their paths starting from
/// `startPath` (as Difference::path is built; "" for the root) and
/// `startNames`. The two start keys are matched whatever their names.
[[nodiscard]] Result<DiffSummary> diffKeys(const Hive& a, uint32_t aKey, const Hive& b, uint32_t bKey,
                                           const std::string& startPath, const std::vector<std::u16string>& startNames,
                                           const DiffOptions& options, const DiffSink& sink);

}  // namespace hivekit
