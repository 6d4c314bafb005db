// .reg files, the text format of Windows' regedit: parsing into a neutral
// list of edits (RegEdit), and the rules that both the parser and the
// exporter (regfile/RegExport.h) follow.
//
// What is accepted
// ----------------
// - Header: "Windows Registry Editor Version 5.00" or "REGEDIT4" on the
//   first line (spaces around it allowed). REGEDIT (Windows 3.1) files are
//   refused.
// - Encoding: UTF-16LE with its byte order mark (FF FE), or UTF-8 with or
//   without its mark (EF BB BF). REGEDIT4 text, "ANSI" on Windows, is read as
//   UTF-8; bytes that are not UTF-8 are an error, never guessed at. Lines end
//   in CRLF or LF. The header, not the encoding, decides the version.
// - Lines: blank lines; comments starting with ';' (after spaces or tabs);
//   key lines "[path]" and "[-path]" (delete the key and its subtree); value
//   lines "name"=data and @=data (the default value), with optional spaces
//   or tabs around '=' and a trailing "; comment".
// - Names: in value names and string data, \\ is a backslash and \" a
//   quote; any other backslash sequence is an error (regedit 5.00 writes no
//   other).
// - NUL characters (U+0000, a 00 byte in UTF-8, a 00 00 unit in UTF-16): a
//   key path holding one is an error naming its line and column, as
//   regedit refuses it (a key "a<NUL>b" is what rootkits hide behind: the
//   Win32 API cannot name it). A value name or string data may hold one:
//   the registry stores value names as counted strings, NtSetValueKey
//   accepts such names, and the exporter writes them as they are, so they
//   round-trip.
// - Data:
//     "text"          REG_SZ: the text in UTF-16LE plus a NUL unit
//     dword:1a2b      REG_DWORD: 1 to 8 hex digits, little-endian
//     hex:01,02       REG_BINARY: bytes of 1 or 2 hex digits, commas between
//     hex(n):01,02    type n (1 to 8 hex digits: hex(0), hex(2) REG_EXPAND_SZ,
//                     hex(7) REG_MULTI_SZ, hex(b) REG_QWORD, hex(ffff0000))
//     -               deletes the value
//   Hex data continues on the next line when a line ends with ",\"; the
//   next line's leading spaces are skipped, blank and comment lines between
//   are skipped (as regedit does). Spaces around bytes and commas are
//   allowed, and so is a trailing comma. This list syntax is regedit's,
//   stricter than the hex bytes hivectl and the GUI read (a subset of
//   format/ValueText's grammar: no runs of pairs, no 0x); each byte is read
//   by that codec. Hex bytes are stored exactly as
//   written: unlike Wine's regedit, no NUL terminator is ever added, so
//   every value round-trips. In REGEDIT4 files the bytes of hex(1), hex(2)
//   and hex(7) are narrow ("ANSI", here UTF-8) text, widened to UTF-16LE as
//   regedit does.
//
// The root prefix rule
// --------------------
// A hive does not know where Windows mounts it; a .reg file names keys from
// a registry root ("HKEY_LOCAL_MACHINE\SYSTEM\Select"). The part of each key
// path that stands for the hive's root key is the root prefix:
// - given explicitly (RegParseOptions::rootPrefix, hivectl import --root),
//   every key line must be that prefix or lie below it;
// - otherwise it is detected from the first key line: when its first
//   component is HKEY_LOCAL_MACHINE or HKEY_USERS (or HKLM, HKU), the prefix
//   is the first two components, the mount point
//   ("HKEY_LOCAL_MACHINE\SYSTEM", "HKEY_USERS\S-1-5-21-..."); for any other first component
//   (HKEY_CURRENT_USER, HKEY_CLASSES_ROOT, a hive's own root name, or the
//   empty name of hivexregedit's "[\Select]") the prefix is that one
//   component. Every later key line must start with the same prefix.
// Prefixes compare case-insensitively (Windows upcase rules). "[PREFIX]"
// (or "[PREFIX\]") is the hive's root key; deleting it is an error. The
// exporter writes "[ROOT\path]" with ROOT = "HKEY_LOCAL_MACHINE\HIVE" by
// default, which this rule detects back.
//
// Limits (hostile input)
// ----------------------
// - A file is read only from a regular file (never a device, FIFO, socket
//   or directory, which may never end) of at most kMaxRegFileBytes (1 GiB):
//   readRegFileBytes().
// - A line holds at most kMaxRegLineChars characters (4 Mi, 4,194,304): room
//   for a REG_SZ of 8 MiB; regedit wraps hex data at 80 characters. A longer
//   line is an error that ends the parse ("line 2: the line is longer than
//   4194304 characters, ...").
//
// Errors
// ------
// A malformed line is an error that names the line, what is wrong and,
// where it applies, the column: "line 12: hex byte 'zz' is not
// hexadecimal (column 17)". Lines and columns count from 1; a column counts
// characters (code points) from the start of the line. Parsing goes on after
// an error to report the others (up to RegParseOptions::maxErrors); a file
// with any error yields no edits at all.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "format/ByteReader.h"
#include "merge/Plan.h"
#include "util/Error.h"

namespace hivekit {

/// Which of regedit's two formats a file is in.
enum class RegVersion {
    V4,  ///< "REGEDIT4": narrow text; hex(1)/(2)/(7) data narrow
    V5,  ///< "Windows Registry Editor Version 5.00": UTF-16 data as is
};

/// How the file's bytes were encoded.
enum class RegEncoding { Utf8, Utf8Bom, Utf16LeBom };

/// One edit read from a .reg file. Paths are relative to the hive's root
/// key (the root prefix removed), names joined by '\' ("" is the root);
/// names are UTF-8 (WTF-8 for unpaired surrogates), as Plan's are.
struct RegEdit {
    enum class Kind {
        CreateKey,    ///< "[path]": the key and its missing parents
        DeleteKey,    ///< "[-path]": the key and its subtree; a missing key is no error
        SetValue,     ///< "name"=data in the key of the last key line
        DeleteValue,  ///< "name"=-; a missing value is no error
    };
    Kind kind = Kind::CreateKey;
    std::string path;
    std::string name;           ///< SetValue, DeleteValue; "" is the default value
    uint32_t type = 0;          ///< SetValue
    std::vector<uint8_t> data;  ///< SetValue: the bytes to store, exactly
    unsigned line = 0;          ///< the line the edit comes from (1-based)

    bool operator==(const RegEdit&) const = default;
};

/// A parsed file.
struct RegFile {
    RegVersion version = RegVersion::V5;
    RegEncoding encoding = RegEncoding::Utf8;
    /// The root prefix in effect, as written in the file's first key line
    /// (or as given); empty when the file has no key line.
    std::string rootPrefix;
    std::vector<RegEdit> edits;
};

/// One problem found while parsing.
struct RegParseError {
    unsigned line = 0;
    unsigned column = 0;  ///< 0 when the problem concerns no column
    /// The full message: "line 12: hex byte 'zz' is not hexadecimal (column 17)".
    std::string message;
};

/// The most bytes a .reg file may have (see "Limits" above).
inline constexpr uint64_t kMaxRegFileBytes = uint64_t{1} << 30;
/// The most characters (code points) a line of a .reg file may hold.
inline constexpr size_t kMaxRegLineChars = size_t{1} << 22;

struct RegParseOptions {
    /// The key path that stands for the hive's root
    /// ("HKEY_LOCAL_MACHINE\SYSTEM"); empty to detect it (see the root
    /// prefix rule above).
    std::string rootPrefix;
    /// Parsing stops after this many errors (a last message says so).
    size_t maxErrors = 50;
    /// A longer line is an error that stops the parse.
    size_t maxLineChars = kMaxRegLineChars;
};

/// The outcome with every error found; `file.edits` is empty when there is
/// any error.
struct RegParseResult {
    RegFile file;
    std::vector<RegParseError> errors;
    bool ok() const { return errors.empty(); }
};

/// The bytes of the .reg file at `path`, refusing what is not a regular file
/// ("PATH: not a regular file (a character device); ...") and a file larger
/// than `maxBytes` (checked before reading and while reading, so a file
/// that grows cannot get past it). ErrorCode::Io for a file that cannot be
/// opened or read ("cannot open PATH: REASON"), ErrorCode::Invalid for the
/// rest.
[[nodiscard]] Result<std::vector<uint8_t>> readRegFileBytes(const std::string& path,
                                                            uint64_t maxBytes = kMaxRegFileBytes);

/// Parses the bytes of a .reg file, reporting every error.
RegParseResult parseRegFileReportingAll(Bytes input, const RegParseOptions& options = {});

/// Parses the bytes of a .reg file. On failure the Error (ErrorCode::Invalid)
/// holds every error message, one per line, in file order.
[[nodiscard]] Result<RegFile> parseRegFile(Bytes input, const RegParseOptions& options = {});

/// The edits as a Plan: [path] creates the key with its parents, [-path]
/// deletes it recursively, ignoring a missing key, "v"=- ignores a missing
/// value, as regedit does. `lines`, when given, receives the .reg line of
/// each plan edit (same index), so that an error about edit i can name its
/// line.
Plan toPlan(const RegFile& file, std::vector<unsigned>* lines = nullptr);
/// The same, moving the names and data out of `file` (a large import is
/// not copied).
Plan toPlan(RegFile&& file, std::vector<unsigned>* lines = nullptr);

}  // namespace hivekit
