// `cmake --install` lays out a prefix with everything a user and a developer
// need, another CMake project builds against that prefix through
// find_package(HiveKit), and CPack's Debian packages carry the right files
// and dependencies. These install the whole build tree, so they run after a
// full build (ctest's usual place); they need no root.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "support/TestSupport.h"

using namespace testsupport;

namespace {

const std::string kBinary = HIVEKIT_BINARY_DIR;
const bool kWithGui = HIVEKIT_WITH_GUI;
const bool kWithLibfwsi = HIVEKIT_WITH_LIBFWSI;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// Installs the build tree into `prefix`.
void installInto(const std::string& prefix) {
    auto installed = run({HIVEKIT_CMAKE_COMMAND, "--install", kBinary, "--prefix", prefix});
    INFO(installed.out << installed.err);
    REQUIRE(installed.exitCode == 0);
}

/// The one file in `dir` whose name starts with `prefix`.
std::string findFile(const std::string& dir, const std::string& prefix) {
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().filename().string().rfind(prefix, 0) == 0) found.push_back(entry.path().string());
    INFO("files starting with " << prefix << " in " << dir);
    REQUIRE(found.size() == 1);
    return found[0];
}

}  // namespace

TEST_CASE("cmake --install lays out the programs, the engine with its headers and package config, and the man pages",
          "[install]") {
    TempDir stage;
    installInto(stage.path());
    std::vector<std::string> expected = {
        "bin/hivectl",
        "lib/libhivekit.a",
        // The engine's folders are kept, so "hive/Hive.h" resolves under include/hivekit.
        "include/hivekit/hive/Hive.h",
        "include/hivekit/util/Error.h",
        "include/hivekit/format/ByteReader.h",
        "include/hivekit/index/Index.h",
        "include/hivekit/merge/Session.h",
        "lib/cmake/HiveKit/HiveKitConfig.cmake",
        "lib/cmake/HiveKit/HiveKitConfigVersion.cmake",
        "lib/cmake/HiveKit/HiveKitTargets.cmake",
        "share/man/man1/hivectl.1.gz",
    };
    if (kWithGui) {
        expected.insert(expected.end(), {
            "bin/hivekit",
            "share/man/man1/hivekit.1.gz",
            "share/applications/hivekit.desktop",
            "share/metainfo/io.github.hivekit.HiveKit.metainfo.xml",
            "share/mime/packages/hivekit.xml",
            "share/icons/hicolor/scalable/apps/hivekit.svg",
            "share/icons/hicolor/scalable/mimetypes/application-x-windows-registry-hive.svg",
        });
        for (int size : {16, 32, 48, 64, 128, 256})
            expected.push_back("share/icons/hicolor/" + std::to_string(size) + "x" + std::to_string(size) +
                               "/apps/hivekit.png");
    }
    for (const auto& path : expected) {
        INFO(path);
        CHECK(fileExists(stage.file(path)));
    }
    // Only headers are installed from the engine's folders.
    for (const auto& entry : std::filesystem::recursive_directory_iterator(stage.file("include")))
        if (entry.is_regular_file()) CHECK(entry.path().extension() == ".h");

    auto version = run({stage.file("bin/hivectl"), "--version"});
    CHECK(version.exitCode == 0);
    CHECK(version.out == "hivectl " HIVEKIT_VERSION "\n");
}

TEST_CASE("Another CMake project builds against the installed prefix with find_package(HiveKit) and HiveKit::hivekit",
          "[install]") {
    TempDir work;
    const std::string prefix = work.file("prefix");
    installInto(prefix);

    const std::string build = work.file("consumer-build");
    auto configured = run({HIVEKIT_CMAKE_COMMAND, "-S", HIVEKIT_SOURCE_DIR "/tests/packaging/consumer", "-B", build,
                           "-G", HIVEKIT_CMAKE_GENERATOR, "-DCMAKE_MAKE_PROGRAM=" HIVEKIT_MAKE_PROGRAM,
                           "-DCMAKE_CXX_COMPILER=" HIVEKIT_CXX_COMPILER, "-DCMAKE_PREFIX_PATH=" + prefix,
                           // Only the staged prefix may satisfy find_package.
                           "-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF"});
    INFO(configured.out << configured.err);
    REQUIRE(configured.exitCode == 0);
    CHECK(contains(readText(build + "/CMakeCache.txt"), "HiveKit_DIR:PATH=" + prefix + "/lib/cmake/HiveKit"));

    auto built = run({HIVEKIT_CMAKE_COMMAND, "--build", build});
    INFO(built.out << built.err);
    REQUIRE(built.exitCode == 0);

    auto listed = run({build + "/list-root", hivePath("regipy/SAM"), "SAM\\Domains"});
    INFO(listed.err);
    CHECK(listed.exitCode == 0);
    CHECK(listed.out == "Account\nBuiltin\n");
}

TEST_CASE("A version of HiveKit with another minor version does not satisfy find_package", "[install]") {
    TempDir work;
    const std::string prefix = work.file("prefix");
    installInto(prefix);
    // A throwaway project asking for 0.2: the installed 0.1 must be refused.
    writeFile(work.file("CMakeLists.txt"), [] {
        const std::string text = "cmake_minimum_required(VERSION 3.25)\nproject(Probe LANGUAGES NONE)\n"
                                 "find_package(HiveKit 0.2 REQUIRED)\n";
        return std::vector<uint8_t>(text.begin(), text.end());
    }());
    auto configured = run({HIVEKIT_CMAKE_COMMAND, "-S", work.path(), "-B", work.file("build"),
                           "-G", HIVEKIT_CMAKE_GENERATOR, "-DCMAKE_PREFIX_PATH=" + prefix});
    CHECK(configured.exitCode != 0);
    CHECK(contains(configured.err, "HiveKit"));
}

TEST_CASE("CPack makes a hivekit and a hivekit-dev .deb with the right files and dependencies", "[install][deb]") {
    TempDir out;
    auto packed = run({HIVEKIT_CPACK_COMMAND, "--config", kBinary + "/CPackConfig.cmake", "-G", "DEB", "-B", out.path()});
    INFO(packed.out << packed.err);
    REQUIRE(packed.exitCode == 0);
    const std::string runtime = findFile(out.path(), "hivekit_" HIVEKIT_VERSION "_");
    const std::string dev = findFile(out.path(), "hivekit-dev_" HIVEKIT_VERSION "_");

    auto field = [](const std::string& deb, const std::string& name) {
        auto shown = run({"dpkg-deb", "--field", deb, name});
        REQUIRE(shown.exitCode == 0);
        return shown.out;
    };
    auto listing = [](const std::string& deb) {
        auto listed = run({"dpkg-deb", "--contents", deb});
        REQUIRE(listed.exitCode == 0);
        return listed.out;
    };

    CHECK(field(runtime, "Package") == "hivekit\n");
    // Each package has a synopsis of its own as the description's first line.
    CHECK(field(runtime, "Description").rfind("inspector and editor for offline Windows registry hives\n ", 0) == 0);
    CHECK(field(dev, "Description").rfind("regf engine of HiveKit: static library, headers, CMake package\n ", 0) == 0);
    const std::string depends = field(runtime, "Depends");
    INFO("Depends: " << depends);
    // From dpkg-shlibdeps: the C and C++ runtimes, versioned.
    CHECK(contains(depends, "libc6 (>="));
    CHECK(contains(depends, "libstdc++6 (>="));
    // Shell items (shellbags, ComDlg32): hivectl links libfwsi, and a
    // program built against libhivekit.a needs -lfwsi.
    CHECK(contains(depends, "libfwsi1") == kWithLibfwsi);
    CHECK(contains(field(dev, "Depends"), "libfwsi-dev") == kWithLibfwsi);
    const std::string files = listing(runtime);
    CHECK(contains(files, "./usr/bin/hivectl"));
    CHECK(contains(files, "./usr/share/man/man1/hivectl.1.gz"));
    CHECK_FALSE(contains(files, "libhivekit.a"));
    CHECK_FALSE(contains(files, "./usr/include/"));
    if (kWithGui) {
        CHECK(contains(depends, "libqt6widgets6 (>="));
        CHECK(contains(depends, "libqt6core6 (>="));
        // Plugins that no ELF dependency reveals.
        CHECK(contains(depends, "libqt6svg6"));
        CHECK(contains(depends, "qt6-qpa-plugins"));
        CHECK(contains(files, "./usr/bin/hivekit"));
        CHECK(contains(files, "./usr/share/applications/hivekit.desktop"));
        CHECK(contains(files, "./usr/share/metainfo/io.github.hivekit.HiveKit.metainfo.xml"));
        CHECK(contains(files, "./usr/share/mime/packages/hivekit.xml"));
        CHECK(contains(files, "./usr/share/icons/hicolor/48x48/apps/hivekit.png"));
        CHECK(contains(files, "./usr/share/icons/hicolor/scalable/apps/hivekit.svg"));
    }

    CHECK(field(dev, "Package") == "hivekit-dev\n");
    const std::string devFiles = listing(dev);
    CHECK(contains(devFiles, "./usr/lib/libhivekit.a"));
    CHECK(contains(devFiles, "./usr/include/hivekit/hive/Hive.h"));
    CHECK(contains(devFiles, "./usr/lib/cmake/HiveKit/HiveKitConfig.cmake"));
    CHECK_FALSE(contains(devFiles, "./usr/bin/"));
}
