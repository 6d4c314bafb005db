// A comparison as a .reg file that turns hive A into hive B: removed keys as
// "[-KEY]", removed values as "name"=-, added keys with every value of their
// subtree, added and changed values written in full; key lines and value
// lines formatted by regfile/RegExport exactly as `hivectl export` writes
// them (same root prefix, same escaping, same hex wrapping).
//
// What a .reg file cannot carry is not in it: last-write times, class
// names and security descriptors (KeyChanged alone writes nothing), and
// keys or values regfile cannot name (a key name that is empty or holds '\',
// a NUL or a line break; a value name with a line break): each such one is
// a warning in DiffRegWriter::problems().
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "diff/HiveDiff.h"
#include "hive/Diagnostics.h"
#include "regfile/RegExport.h"

namespace hivekit {

/// Builds the .reg text from the differences of a comparison made with
/// DiffOptions::listDescendants (an added key's values and subkeys must be
/// reported to be written) and without DiffOptions::escapeName (the paths
/// are written as they are). Feed it every difference in the order the
/// comparison reports them; take the text in pieces with takeText().
class DiffRegWriter {
public:
    /// REQUIRES: options.rootName is usable (checkRegRootName).
    explicit DiffRegWriter(const RegExportOptions& options = {});

    /// Adds the lines for one difference.
    void add(const Difference& difference);
    /// The text so far (UTF-8, CRLF; the header first), emptied: call it
    /// now and then to stream, and once after the last add(). The text is
    /// encoded by encodeRegText(text, version) as an export is.
    std::string takeText();
    /// Bytes of text not yet taken.
    size_t pendingSize() const { return out_.size(); }
    /// What could not be written (warnings with the key or value named).
    const Diagnostics& problems() const { return problems_; }
    /// Key lines and value lines written.
    uint64_t keyLines() const { return keyLines_; }
    uint64_t valueLines() const { return valueLines_; }

private:
    void keyLine(const Difference& d, bool remove);
    bool writable(const Difference& d);

    RegExportOptions options_;
    std::string out_;
    std::string currentKey_;  ///< the path whose key line was written last
    bool haveKey_ = false;
    /// The names of a key left out: its subtree is left out too.
    std::vector<std::u16string> skippedNames_;
    bool skipping_ = false;
    Diagnostics problems_;
    uint64_t keyLines_ = 0;
    uint64_t valueLines_ = 0;
};

/// Fails (Invalid) when `rootName` cannot begin key lines, with the message
/// exportReg gives.
[[nodiscard]] Result<void> checkRegRootName(const std::string& rootName);

}  // namespace hivekit
