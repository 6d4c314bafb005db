// TreeEditor: carries out one validated Edit on the image, record by
// record, through a CellStore (so the Strategy decides where each record
// goes). It keeps the format's rules that every strategy obeys:
//
//  - subkey lists sorted by the Windows-upcased name, no duplicates; new
//    leaves lh from version 1.5, lf from 1.3, li before (an existing li leaf
//    stays li); lh hashes and lf hints computed for every entry written;
//  - a leaf holds at most kMaxLeafEntries (1013) entries; a full leaf is
//    split in two halves under an ri, as Windows' kernel does
//    (CmpMaxIndexPerHblock = (4096 - 40) / 4 - 1 in ReactOS'
//    sdk/lib/cmlib/cmindex.c, whose CmpAddSubKey roots a full leaf and
//    CmpSplitLeaf halves it; regipy/amcache.hve of the test corpus holds lh
//    leaves of 520 and 600 entries under an ri, beyond the 507 that fit a
//    4 KiB block, which matches);
//  - key fields kept true: subkey and value counts, largest subkey name,
//    class, value name (UTF-16 bytes) and value data size (upper bounds as
//    Windows keeps them; reset to 0 when the last subkey or value goes, as
//    CmDeleteKey and CmDeleteValueKey do), the last-write time of every key
//    whose own record, values or subkey list changed;
//  - security: a new key shares its parent's sk (reference count + 1); a
//    deleted key releases it; an sk whose count drops to 0 leaves the sk
//    list and is freed (when the strategy frees);
//  - data: 4 bytes or less inline in the vk; more than 16344 bytes in a db
//    record (version 1.4 and later) whose segments hold 16344 bytes each,
//    each segment cell with 4 bytes of room past its data (what Windows
//    writes, and what readers that drop a segment's last 4 bytes expect);
//  - names stored compressed (Latin-1) when every unit fits, else UTF-16LE.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "format/SubkeyList.h"
#include "merge/Plan.h"
#include "strategy/Strategy.h"
#include "tx/TxManager.h"

namespace hivekit {

/// Executes edits on the image. REQUIRES: a transaction is active and each
/// edit passed the Session's validation (missing keys and values, name
/// clashes, limits); what still fails is damage in the hive.
class TreeEditor {
public:
    /// Windows' limit of entries in one subkey leaf (see above).
    static constexpr size_t kMaxLeafEntries = 1013;
    /// Data bytes per big data segment.
    static constexpr uint32_t kSegmentSize = layout::kBigDataSegmentSize;

    TreeEditor(TxManager& tx, CellStore& store) : tx_(tx), store_(store) {}

    /// Applies one edit. Returns whether it changed anything (an existing
    /// key "created", a missing key or value deleted with ignoreMissing do
    /// not).
    [[nodiscard]] Result<bool> apply(const Edit& edit);

private:
    const Hive& hive() const { return tx_.hive(); }
    Result<KeyNode> key(uint32_t offset) const;
    /// The key at a path, or kNoCell when some component is missing.
    Result<uint32_t> find(const std::vector<std::u16string>& path) const;
    /// The key at a path, creating missing components.
    Result<uint32_t> ensure(const std::vector<std::u16string>& path, bool& created);
    /// The vk of the value `name` of a key, or kNoCell: through the key's
    /// entry in valueNames_, built on the key's first lookup, so that a
    /// plan of n values for one key costs n lookups, not n scans of a list.
    Result<uint32_t> findValue(uint32_t keyOffset, std::u16string_view name);

    Result<uint32_t> createChild(uint32_t parent, const std::u16string& name);
    // The parent is the key the path resolved through, never the nk's
    // parent field, which a damaged hive may have wrong.
    Result<void> deleteKey(uint32_t parentOffset, uint32_t keyOffset);
    Result<void> setValue(uint32_t keyOffset, const std::u16string& name, uint32_t type, Bytes data);
    Result<void> deleteValue(uint32_t keyOffset, uint32_t vk);
    Result<void> renameKey(uint32_t parentOffset, uint32_t keyOffset, const std::u16string& newName);
    Result<void> renameValue(uint32_t keyOffset, uint32_t vk, const std::u16string& newName);
    /// `parentOffset` is kNoCell for the root.
    Result<void> setClassName(uint32_t parentOffset, uint32_t keyOffset, const std::u16string& className);

    /// Subkey lists. Both return the list's (possibly new) offset; remove
    /// returns kNoCell when the list became empty (and was released).
    Result<uint32_t> listInsert(uint32_t list, uint32_t count, uint32_t child, std::u16string_view name);
    Result<uint32_t> listRemove(uint32_t list, uint32_t child);
    Result<std::vector<SubkeyListEntry>> leafEntries(uint32_t leaf, SubkeyList::Kind& kind) const;
    /// Index of the first entry whose key's name sorts after `name`.
    Result<size_t> insertPosition(const std::vector<SubkeyListEntry>& entries, std::u16string_view name) const;
    SubkeyList::Kind newLeafKind() const;

    /// Value data: writes `data` for a value whose current vk is `old`
    /// (nullptr for a new value); fills the vk's size and offset fields.
    Result<void> storeData(const ValueRecord* old, Bytes data, ValueRecord& out);
    /// Releases a value's data cells (one cell, or db, list and segments).
    Result<void> releaseData(const ValueRecord& value);
    Result<void> releaseValue(uint32_t vk);
    /// Rewrites a key's value list with `entries` (releasing it when empty)
    /// and stores the new list offset and count in the key. With `room`
    /// above the entries' count, the list's cell is sized for `room`
    /// entries (zeros past the count), where the strategy rewrites lists in
    /// place.
    Result<void> writeValueList(uint32_t keyOffset, const std::vector<uint32_t>& entries, uint32_t room = 0);
    /// Adds `vk` at the end of a key's value list: in place when the list's
    /// cell has room, else into a list rewritten with room to grow
    /// (valueListRoom), as Windows grows its lists, so that n new values
    /// cost O(n) and not O(n^2).
    Result<void> appendToValueList(uint32_t keyOffset, uint32_t vk);
    /// The value list entry `oldVk` becomes `newVk` (a value record moved).
    Result<void> replaceInValueList(uint32_t keyOffset, uint32_t oldVk, uint32_t newVk);
    /// The entries a value list of `entries` entries gets room for.
    static uint32_t valueListRoom(uint32_t entries);
    Result<std::vector<uint32_t>> valueList(const KeyNode& k) const;
    void releaseSecurity(uint32_t sk);

    void setField16(uint32_t cell, uint32_t field, uint16_t value);
    void setField32(uint32_t cell, uint32_t field, uint32_t value);
    void raiseField32(uint32_t cell, uint32_t field, uint32_t atLeast);
    void raiseSubkeyNameMax(uint32_t keyOffset, uint32_t bytes);
    void touch(uint32_t keyOffset);

    /// The value names of the keys looked up in this editor's life.
    /// An entry is trusted while the key's value list offset and count are
    /// the ones it was built from (setValue, deleteValue and renameValue
    /// keep it current); edits that may move or free key nodes drop them
    /// all (forget()).
    struct ValueNames {
        uint32_t list = 0;
        uint32_t count = 0;
        bool duplicates = false;  ///< a damaged list names a value twice: removals rebuild
        std::unordered_map<std::u16string, uint32_t> byName;  ///< upcased name -> vk
    };
    /// The key's entry, current with its value list (rebuilt when not).
    Result<ValueNames*> valueNames(uint32_t keyOffset);
    /// After a write of the key's value list: `name` now names `vk`, and
    /// the entry records the list as it is now.
    void noteValue(uint32_t keyOffset, std::u16string_view name, uint32_t vk);
    /// After a write of the key's value list: `name` names no value now.
    void noteRemoved(uint32_t keyOffset, std::u16string_view name);
    void forget() { valueNames_.clear(); }

    TxManager& tx_;
    CellStore& store_;
    std::unordered_map<uint32_t, ValueNames> valueNames_;
};

}  // namespace hivekit
