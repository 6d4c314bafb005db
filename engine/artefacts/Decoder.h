// An artefact decoder: a small class that knows one artefact (UserAssist,
// ShimCache, the SAM's users, ...), the hives that hold it, the keys it
// reads, and the columns of its table. DecodeContext gives it the hive and
// the lookups every decoder needs (control set, keys, values), so that a
// decoder is only the artefact's own logic.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "artefacts/Artefact.h"
#include "format/KeyNode.h"
#include "format/ValueRecord.h"
#include "hive/Hive.h"
#include "index/Index.h"

namespace hivekit::artefacts {

/// One value as a decoder reads it.
struct ValueView {
    std::string name;  ///< UTF-8; "" is the default value
    uint32_t type = 0;
    uint32_t offset = kNoCell;  ///< the vk cell
    ValueData data;             ///< empty with dataError set when unreadable
    std::string dataError;
};

/// What a decoder reads through: the hive (already replayed from its logs
/// when the caller chose so), its kind and current control set, and lookups
/// that treat a missing key or value as "not there" rather than an error.
class DecodeContext {
public:
    DecodeContext(const Hive& hive, HiveKind kind);

    const Hive& hive() const { return hive_; }
    const Index& index() const { return index_; }
    HiveKind kind() const { return kind_; }

    /// The control set Select\Current names ("ControlSet001"), or "" when
    /// the hive has none (not a SYSTEM hive, or Select is missing).
    const std::string& currentControlSet() const { return controlSet_; }
    /// `path` with "{ControlSet}" replaced by currentControlSet() (or by
    /// "ControlSet001" when there is none).
    std::string resolve(std::string_view path) const;

    /// The key at `path` (resolved, relative to the root), or nothing.
    std::optional<uint32_t> key(std::string_view path) const;
    /// The key node at `keyOffset`, or nothing when it cannot be read.
    std::optional<KeyNode> keyNode(uint32_t keyOffset) const;
    /// The subkey of `keyOffset` named `name`, or nothing.
    std::optional<uint32_t> subkey(uint32_t keyOffset, std::string_view name) const;
    /// The subkeys of a key as (UTF-8 name, offset), in the hive's order.
    std::vector<std::pair<std::string, uint32_t>> subkeys(uint32_t keyOffset) const;
    /// The values of a key, in the hive's order.
    std::vector<ValueView> values(uint32_t keyOffset) const;
    /// The value of `keyOffset` named `name` ("" the default), or nothing.
    std::optional<ValueView> value(uint32_t keyOffset, std::string_view name) const;

    /// A value's data as a string (REG_SZ, REG_EXPAND_SZ, or REG_MULTI_SZ
    /// joined by "; "), or nothing for other types.
    static std::optional<std::string> text(const ValueView& value);
    /// A value's data as a number (REG_DWORD, REG_DWORD_BIG_ENDIAN,
    /// REG_QWORD, or a 4 or 8-byte REG_BINARY), or nothing.
    static std::optional<int64_t> number(const ValueView& value);

    /// The key's path from the root ("" for the root).
    std::string pathOf(uint32_t keyOffset) const;
    /// The key's last-write time.
    FileTime lastWritten(uint32_t keyOffset) const;
    /// A row source for a key, or for one of its values.
    RowSource source(uint32_t keyOffset) const;
    RowSource source(uint32_t keyOffset, const ValueView& value) const;

private:
    const Hive& hive_;
    Index index_;
    HiveKind kind_;
    std::string controlSet_;
};

/// An artefact decoder. Implementations are stateless: decode may run on
/// several hives at once from different threads.
class Decoder {
public:
    virtual ~Decoder() = default;

    /// The short name hivectl takes ("userassist"): lower case, no spaces.
    virtual std::string_view name() const = 0;
    /// The title a table is shown under ("UserAssist").
    virtual std::string_view title() const = 0;
    /// One sentence: what the artefact tells an analyst.
    virtual std::string_view description() const = 0;
    /// The hive kinds that hold the artefact.
    virtual std::vector<HiveKind> kinds() const = 0;
    /// The key paths read, relative to the root ("{ControlSet}" for the
    /// current control set), for documentation and the GUI.
    virtual std::vector<std::string> keyPaths() const = 0;
    virtual std::vector<Column> columns() const = 0;
    /// Appends the artefact's rows. Missing keys give no rows; data that
    /// cannot be decoded gives a row with a note; never throws.
    virtual void decode(const DecodeContext& context, std::vector<Row>& rows) const = 0;

    bool appliesTo(HiveKind kind) const;
};

}  // namespace hivekit::artefacts
