// Helpers shared by the tests: where the real hives are, running hivectl,
// temporary directories, reading files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace testsupport {

/// ../shared (HIVEKIT_SHARED_DIR, or the HIVEKIT_SHARED_DIR environment variable).
std::string sharedDir();
/// The path of a hive under ../shared/hives, e.g. hivePath("regipy/SYSTEM").
std::string hivePath(const std::string& relative);
/// True when the shared hives are present (tests that need them skip otherwise).
bool haveSharedHives();

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
