// Export of a hive's keys and values as a .reg file, in the form regedit
// writes, so that regedit, Wine's regedit, hivexregedit and HiveKit's own
// parser (regfile/RegFile.h) read it back.
//
// The form, as regedit 5.00 writes it:
// - the header line, a blank line, then per key (depth first, subkeys in
//   the order of the hive's subkey list, which is sorted): "[ROOT\path]",
//   one line per value in the order of the key's value list, a blank line.
//   Lines end in CRLF.
// - REG_SZ as "text" with \ and " escaped; REG_DWORD of 4 bytes as
//   dword:0000002a; REG_BINARY as hex:01,02; every other type, and a
//   REG_DWORD of another size, as hex(n):01,02 with n in lowercase hex
//   (REG_EXPAND_SZ hex(2), REG_MULTI_SZ hex(7), REG_QWORD hex(b)).
// - hex data is wrapped the way regedit wraps it: after a byte's comma,
//   when the line has reached 77 characters (counting the "name"= and
//   hex(n): before the first byte), the line ends in "\" and the next
//   starts with two spaces, so no line is longer than 80 characters.
//
// Exactness: what a string form would lose is written as hex(1) instead:
// REG_SZ data of odd length, without a terminating NUL unit, with a NUL
// before the end, holding a line break, or an unpaired surrogate. Parsing
// the export of a regedit 5.00 file gives every value's type and bytes
// exactly. REGEDIT4 holds hex(1), hex(2) and hex(7) data as narrow text
// (here UTF-8, widened back on import), which cannot hold an odd final byte:
// such values are written without it, with a warning.
//
// What a .reg file cannot hold at all is left out with a warning: keys
// whose name is empty or holds '\', a carriage return, a line feed or a NUL
// (with their subtrees), and values whose name holds a line break.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "hive/Diagnostics.h"
#include "hive/Hive.h"
#include "regfile/RegFile.h"
#include "tx/FileIO.h"

namespace hivekit {

struct RegExportOptions {
    RegVersion version = RegVersion::V5;
    /// What stands for the hive's root key in key lines. The default is
    /// where `reg load HKLM\HIVE file` mounts a hive on Windows, and what
    /// the import's root prefix rule detects back.
    std::string rootName = "HKEY_LOCAL_MACHINE\\HIVE";
};

/// An export: the text, and what could not be written (or not exactly).
struct RegExport {
    /// UTF-8 text with CRLF line ends and no byte order mark; encodeRegText
    /// turns it into the file's bytes.
    std::string text;
    /// Warnings for what was left out or written inexactly, errors for what
    /// could not be read from the hive (each with its offset).
    Diagnostics problems;
    size_t keys = 0;
    size_t values = 0;
};

/// Exports the key at `path` ("" for the root) with its subtree. Fails
/// (NotFound, Invalid) only when the key cannot be found or the root name is
/// unusable (empty, or holding ']' or a line break); what cannot be read
/// below it goes to RegExport::problems.
[[nodiscard]] Result<RegExport> exportRegText(const Hive& hive, std::string_view path,
                                              const RegExportOptions& options = {});

/// The file's bytes: V5 as UTF-16LE after the byte order mark FF FE, V4 as
/// UTF-8 without one.
std::vector<uint8_t> encodeRegText(std::string_view text, RegVersion version);

/// Receives a streaming export's bytes: consecutive pieces of the file, in
/// order (the first starts with the byte order mark in V5). A failure ends
/// the export with that error.
using RegExportWriter = std::function<Result<void>(Bytes piece)>;

/// How a caller follows and stops a streaming export running on another
/// thread. Both members are optional.
struct RegExportControl {
    /// Called on the exporting thread every few hundred keys, and once at
    /// the end, with the keys written and the bytes handed to the writer.
    std::function<void(uint64_t keys, uint64_t bytes)> progress;
    /// Polled every few hundred keys; once it returns true the export ends
    /// with RegExportSummary::cancelled set.
    std::function<bool()> cancelRequested;
};

/// What a streaming export did (its text went to the writer).
struct RegExportSummary {
    Diagnostics problems;
    size_t keys = 0;
    size_t values = 0;
    uint64_t bytes = 0;      ///< handed to the writer
    bool cancelled = false;  ///< RegExportControl::cancelRequested ended it early
};

/// exportRegText's export, encoded as encodeRegText encodes it (the same
/// bytes), written as the tree is walked: the memory it needs is a buffer
/// of about 256 KiB and the walk's, whatever the size of the hive. Fails
/// as exportRegText fails, or with the writer's error.
[[nodiscard]] Result<RegExportSummary> exportReg(const Hive& hive, std::string_view path,
                                                 const RegExportOptions& options, const RegExportWriter& writer,
                                                 const RegExportControl& control = {});

/// exportReg into the file `file` through `io`: written to `file` +
/// ".partial" beside it, flushed, and renamed over `file` when complete, so
/// that a failed or cancelled export leaves no partial file (the temporary
/// one is removed, and an existing `file` is left as it was).
[[nodiscard]] Result<RegExportSummary> exportRegFile(const Hive& hive, std::string_view path,
                                                     const RegExportOptions& options, const std::string& file,
                                                     FileIO& io, const RegExportControl& control = {});

/// One value as regedit writes it: `"name"=data` (`@=` for the default
/// value), hex data continued over lines ending in "\" + CRLF, without the
/// final CRLF. `name` is in UTF-16 units as stored. When the value cannot
/// be written exactly, `note` (if given) receives why; when it cannot be
/// written at all (a line break in its name), the result is empty.
std::string formatRegValue(std::u16string_view name, uint32_t type, Bytes data, RegVersion version,
                           std::string* note = nullptr);

}  // namespace hivekit
