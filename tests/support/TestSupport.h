// Helpers shared by the tests: where the real hives are, running hivectl,
// temporary directories, reading files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace testsupport {

/// The unpacked test corpus in the build tree (tests/data unpacks it there).
std::string corpusDir();
/// The path of a corpus hive, e.g. hivePath("regipy/SYSTEM"). Throws (the
/// test fails, naming the file and how to get it) when the file is missing:
/// a test never passes without its data.
std::string hivePath(const std::string& relative);
/// Every file of the corpus (hives and logs), relative to corpusDir()/hives,
/// sorted; throws when the corpus is missing.
std::vector<std::string> corpusFiles();

/// tests/oracle/hivex-dump: the canonical dump through libhivex.
std::string hivexDumpScript();
/// A field of reglookup's CSV output with its %XX escapes decoded.
std::string reglookupUnescape(const std::string& field);

/// The hivectl binary built beside the tests.
std::string hivectlPath();

/// Result of running a command.
struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

/// Runs argv[0] with arguments (no shell), capturing stdout and stderr.
ProcessResult run(const std::vector<std::string>& argv);
/// Runs hivectl with the given arguments.
ProcessResult hivectl(const std::vector<std::string>& args);
/// RegRipper 3.0's report of one plugin on a hive (`regripper -r HIVE -p
/// PLUGIN`, Debian's regripper): its standard output. Throws, naming the
/// package, when regripper is missing or fails.
std::string regripper(const std::string& hive, const std::string& plugin);

/// A fresh directory under /tmp, removed with its contents on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

/// A dump in hivex-dump's format with each key line's timestamp field
/// replaced by "-": what an import into another hive cannot carry over.
std::string blankKeyTimes(const std::string& dump);

std::vector<uint8_t> readFile(const std::string& path);
void writeFile(const std::string& path, const std::vector<uint8_t>& bytes);
std::string readText(const std::string& path);
/// Copies a file; returns the destination.
std::string copyFile(const std::string& from, const std::string& to);
bool fileExists(const std::string& path);

}  // namespace testsupport
