// The engine's folders are layers, util → format → hive → index → tx →
// alloc → strategy → merge → regfile → diff → artefacts → timeline: a file includes headers of its own
// folder and of folders below it, never above. These tests read the
// sources, so an include that breaks the order fails the build's tests.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/TestSupport.h"

namespace fs = std::filesystem;
using testsupport::TempDir;

namespace {

const std::vector<std::string> kLayers = {"util", "format", "hive", "index", "tx", "alloc", "strategy", "merge", "regfile", "diff", "artefacts", "timeline"};

/// The layer of an engine folder; kLayers.size() for a folder not in the order.
size_t layerOf(const std::string& folder) {
    return static_cast<size_t>(std::find(kLayers.begin(), kLayers.end(), folder) - kLayers.begin());
}

/// "hive/Hive.cpp includes index/Index.h" for every include of a folder
/// above the including file's folder (or of a folder not in the order).
std::vector<std::string> upwardIncludes(const fs::path& engineDir) {
    std::vector<std::string> found;
    for (const auto& entry : fs::recursive_directory_iterator(engineDir)) {
        if (!entry.is_regular_file()) continue;
        const std::string ext = entry.path().extension().string();
        if (ext != ".h" && ext != ".cpp") continue;
        const fs::path relative = fs::relative(entry.path(), engineDir);
        const std::string folder = relative.begin()->string();
        std::ifstream in(entry.path());
        std::string line;
        while (std::getline(in, line)) {
            const std::string prefix = "#include \"";
            if (line.rfind(prefix, 0) != 0) continue;
            const std::string included = line.substr(prefix.size(), line.find('"', prefix.size()) - prefix.size());
            const size_t slash = included.find('/');
            if (slash == std::string::npos) continue;  // a file of the same folder
            const std::string target = included.substr(0, slash);
            if (layerOf(target) > layerOf(folder) || layerOf(target) == kLayers.size())
                found.push_back(relative.generic_string() + " includes " + included);
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

void writeText(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

}  // namespace

TEST_CASE("No engine folder includes a folder above it in the layer order") {
    CHECK(upwardIncludes(HIVEKIT_ENGINE_DIR) == std::vector<std::string>{});
}

TEST_CASE("Every engine folder has its place in the layer order") {
    for (const auto& entry : fs::directory_iterator(HIVEKIT_ENGINE_DIR)) {
        if (!entry.is_directory()) continue;
        INFO(entry.path().filename().string());
        CHECK(layerOf(entry.path().filename().string()) < kLayers.size());
    }
}

TEST_CASE("The layer check reports an include of a folder above and accepts one below") {
    TempDir dir;
    const fs::path engine = fs::path(dir.path()) / "engine";
    writeText(engine / "hive" / "Scanner.cpp",
              "#include \"hive/Scanner.h\"\n#include \"format/Layout.h\"\n#include \"index/Index.h\"\n");
    writeText(engine / "merge" / "Plan.h", "#include <vector>\n#include \"tx/TxManager.h\"\n#include \"regfile/RegFile.h\"\n");
    CHECK(upwardIncludes(engine) ==
          std::vector<std::string>{"hive/Scanner.cpp includes index/Index.h", "merge/Plan.h includes regfile/RegFile.h"});
}
