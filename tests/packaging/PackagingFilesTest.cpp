// The files that make HiveKit a desktop application: the AppStream metainfo,
// the .desktop entry and the MIME type validate with the freedesktop tools,
// hive files are recognised by their "regf" magic whatever their names, the
// icons come in the sizes the hicolor theme is installed with, and the man
// pages render without a warning.
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/TestSupport.h"

using namespace testsupport;

namespace {

const std::string kSource = HIVEKIT_SOURCE_DIR;
const std::string kPackaging = kSource + "/packaging";
const std::string kMimeType = "application/x-windows-registry-hive";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// A tool found at configure time; fails the test with the package to install when it is missing.
std::string tool(const char* path, const char* name, const char* package) {
    INFO(name << " was not found when the build was configured: scripts/install-deps.sh installs " << package);
    REQUIRE(std::string(path) != "");
    return path;
}

/// The lines of a freedesktop key file ("Key=Value") as found.
std::string keyValue(const std::string& text, const std::string& key) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (line.rfind(key + "=", 0) == 0) return line.substr(key.size() + 1);
    return {};
}

/// Width and height from a PNG's IHDR chunk (big-endian at bytes 16 and 20).
std::pair<uint32_t, uint32_t> pngSize(const std::string& path) {
    const std::vector<uint8_t> bytes = readFile(path);
    REQUIRE(bytes.size() > 24);
    REQUIRE(std::string(bytes.begin() + 1, bytes.begin() + 4) == "PNG");
    REQUIRE(std::string(bytes.begin() + 12, bytes.begin() + 16) == "IHDR");
    auto be32 = [&](size_t at) {
        return uint32_t(bytes[at]) << 24 | uint32_t(bytes[at + 1]) << 16 | uint32_t(bytes[at + 2]) << 8 | bytes[at + 3];
    };
    return {be32(16), be32(20)};
}

/// Runs update-mime-database over a data dir holding our MIME package, as a
/// package's trigger does.
void buildMimeDatabase(const TempDir& home) {
    const std::string packages = home.path() + "/mime/packages";
    std::filesystem::create_directories(packages);
    copyFile(kPackaging + "/hivekit-mime.xml", packages + "/hivekit.xml");
    // With the dir in XDG_DATA_HOME, as where it is looked up; any other
    // message is a complaint about the XML.
    auto updated = run({"env", "XDG_DATA_HOME=" + home.path(),
                        tool(HIVEKIT_UPDATE_MIME_DATABASE, "update-mime-database", "shared-mime-info"),
                        home.path() + "/mime"});
    INFO(updated.err);
    REQUIRE(updated.exitCode == 0);
    REQUIRE(updated.err.empty());
}

/// What xdg-mime says a file is, with our database in XDG_DATA_HOME on a
/// desktop-neutral session (xdg-mime then asks File::MimeInfo, which reads
/// the shared-mime-info database the way desktops do).
std::string xdgMimeType(const TempDir& home, const std::string& file) {
    // Without File::MimeInfo, xdg-mime falls back to file(1), which knows
    // nothing of the shared-mime-info database.
    INFO("xdg-mime needs mimetype: scripts/install-deps.sh installs libfile-mimeinfo-perl");
    REQUIRE(run({"sh", "-c", "command -v mimetype"}).exitCode == 0);
    auto query = run({"env", "-u", "XDG_CURRENT_DESKTOP", "-u", "KDE_FULL_SESSION", "-u", "GNOME_DESKTOP_SESSION_ID",
                      "XDG_DATA_HOME=" + home.path(), "XDG_DATA_DIRS=/usr/local/share:/usr/share",
                      tool(HIVEKIT_XDG_MIME, "xdg-mime", "xdg-utils"), "query", "filetype", file});
    INFO(query.err);
    REQUIRE(query.exitCode == 0);
    std::string type = query.out;
    while (!type.empty() && (type.back() == '\n' || type.back() == ' ')) type.pop_back();
    // File::MimeInfo may add "; charset=..." for text; a hive has none.
    return type.substr(0, type.find(';'));
}

}  // namespace

TEST_CASE("The AppStream metainfo validates with appstreamcli without errors or warnings", "[packaging]") {
    auto validated = run({tool(HIVEKIT_APPSTREAMCLI, "appstreamcli", "appstream"), "validate", "--no-net",
                          "--no-color", kPackaging + "/io.github.hivekit.HiveKit.metainfo.xml"});
    INFO(validated.out << validated.err);
    CHECK(validated.exitCode == 0);
    CHECK_FALSE(contains(validated.out, "\nE: "));
    CHECK_FALSE(contains(validated.out, "\nW: "));
    CHECK_FALSE(validated.out.rfind("E: ", 0) == 0);
    CHECK_FALSE(validated.out.rfind("W: ", 0) == 0);
}

TEST_CASE("The metainfo names the desktop entry, both programs and the hive MIME type", "[packaging]") {
    const std::string metainfo = readText(kPackaging + "/io.github.hivekit.HiveKit.metainfo.xml");
    CHECK(contains(metainfo, "<launchable type=\"desktop-id\">hivekit.desktop</launchable>"));
    CHECK(contains(metainfo, "<binary>hivekit</binary>"));
    CHECK(contains(metainfo, "<binary>hivectl</binary>"));
    CHECK(contains(metainfo, "<mediatype>" + kMimeType + "</mediatype>"));
    CHECK(contains(metainfo, "<release version=\"" HIVEKIT_VERSION "\""));
}

TEST_CASE("The desktop entry validates with desktop-file-validate", "[packaging]") {
    auto validated = run({tool(HIVEKIT_DESKTOP_FILE_VALIDATE, "desktop-file-validate", "desktop-file-utils"),
                          kPackaging + "/hivekit.desktop"});
    INFO(validated.out << validated.err);
    CHECK(validated.exitCode == 0);
    CHECK(validated.out.empty());
    CHECK(validated.err.empty());
}

TEST_CASE("The desktop entry starts hivekit with files, shows its icon and offers it for hives", "[packaging]") {
    const std::string entry = readText(kPackaging + "/hivekit.desktop");
    CHECK(keyValue(entry, "Exec") == "hivekit %F");
    CHECK(keyValue(entry, "Icon") == "hivekit");
    CHECK(keyValue(entry, "MimeType") == kMimeType + ";");
    CHECK(keyValue(entry, "Terminal") == "false");
    // Translated like the user interface.
    CHECK_FALSE(keyValue(entry, "Comment[de]").empty());
    CHECK_FALSE(keyValue(entry, "Comment[fr]").empty());
}

TEST_CASE("The MIME type is well-formed XML and declares the regf magic at offset 0 without globs", "[packaging]") {
    auto checked = run({tool(HIVEKIT_XMLLINT, "xmllint", "libxml2-utils"), "--noout", kPackaging + "/hivekit-mime.xml"});
    INFO(checked.err);
    CHECK(checked.exitCode == 0);
    const std::string xml = readText(kPackaging + "/hivekit-mime.xml");
    CHECK(contains(xml, "<mime-type type=\"" + kMimeType + "\">"));
    CHECK(contains(xml, "<match type=\"string\" value=\"regf\" offset=\"0\"/>"));
    CHECK_FALSE(contains(xml, "<glob"));
}

TEST_CASE("update-mime-database compiles the MIME type, with its German and French comments", "[packaging]") {
    TempDir home;
    buildMimeDatabase(home);
    const std::string compiled = home.path() + "/mime/application/x-windows-registry-hive.xml";
    REQUIRE(fileExists(compiled));
    const std::string xml = readText(compiled);
    CHECK(contains(xml, "Windows registry hive"));
    CHECK(contains(xml, "xml:lang=\"de\""));
    CHECK(contains(xml, "xml:lang=\"fr\""));
    CHECK(contains(readText(home.path() + "/mime/magic"), kMimeType));
}

TEST_CASE("A copy of a hive is recognised by its magic whatever its name, and other files are not", "[packaging]") {
    TempDir home;
    buildMimeDatabase(home);
    TempDir files;
    // Names that say nothing, or mislead: only the content can tell.
    const std::string plain = copyFile(hivePath("regipy/SAM"), files.file("evidence-0017"));
    const std::string misnamed = copyFile(hivePath("regipy/SYSTEM"), files.file("notes.bin"));
    CHECK(xdgMimeType(home, plain) == kMimeType);
    CHECK(xdgMimeType(home, misnamed) == kMimeType);

    std::vector<uint8_t> notHive = readFile(plain);
    notHive[0] = 'R';  // "Regf": the signature is case-sensitive
    writeFile(files.file("almost"), notHive);
    CHECK(xdgMimeType(home, files.file("almost")) != kMimeType);
}

TEST_CASE("The application icon's PNGs have the sizes they are installed as", "[packaging]") {
    for (uint32_t size : {16u, 32u, 48u, 64u, 128u, 256u}) {
        INFO("hivekit-" << size << ".png");
        auto [width, height] = pngSize(kPackaging + "/icons/hivekit-" + std::to_string(size) + ".png");
        CHECK(width == size);
        CHECK(height == size);
    }
    const std::string svg = readText(kPackaging + "/icons/hivekit.svg");
    CHECK(contains(svg, "viewBox=\"0 0 256 256\""));
}

TEST_CASE("The man pages render with groff without a warning", "[packaging]") {
    for (const char* page : {"hivectl.1", "hivekit.1"}) {
        INFO(page);
        // -ww: every warning; -z: format and discard, so only warnings print.
        auto rendered = run({tool(HIVEKIT_GROFF, "groff", "groff-base"), "-man", "-Tutf8", "-ww", "-z",
                             kPackaging + "/man/" + page});
        INFO(rendered.err);
        CHECK(rendered.exitCode == 0);
        CHECK(rendered.err.empty());
        auto text = run({HIVEKIT_GROFF, "-man", "-Tutf8", "-P-cbou", kPackaging + "/man/" + page});
        CHECK(contains(text.out, "NAME"));
        CHECK(contains(text.out, "SYNOPSIS"));
        CHECK(contains(text.out, "EXIT STATUS"));
    }
}

TEST_CASE("The hivectl man page describes every command and every option of hivectl --help", "[packaging]") {
    // Rendered without formatting, so that "\-\-json" reads "--json".
    auto rendered = run({tool(HIVEKIT_GROFF, "groff", "groff-base"), "-man", "-Tascii", "-P-cbou",
                         kPackaging + "/man/hivectl.1"});
    REQUIRE(rendered.exitCode == 0);
    std::string page = rendered.out;
    // Undo line breaks and hyphenation so that words can be found whole.
    std::string flat;
    for (size_t i = 0; i < page.size(); ++i) {
        if (page[i] == '-' && i + 1 < page.size() && page[i + 1] == '\n') {
            i += 1;
            while (i + 1 < page.size() && page[i + 1] == ' ') ++i;
            continue;
        }
        flat += page[i] == '\n' ? ' ' : page[i];
    }
    auto help = hivectl({"--help"});
    REQUIRE(help.exitCode == 0);
    std::istringstream in(help.out);
    int options = 0, commands = 0;
    for (std::string line; std::getline(in, line);) {
        // "  --json  ..." and "  -o FILE ..." are options; "  info HIVE ..." commands.
        if (line.rfind("  -", 0) == 0) {
            std::string option = line.substr(2, line.find(' ', 2) - 2);
            if (option.back() == ',') option.pop_back();  // "-h, --help"
            INFO(option);
            CHECK(contains(flat, option));
            ++options;
        } else if (line.size() > 3 && line.rfind("  ", 0) == 0 && std::islower(static_cast<unsigned char>(line[2]))) {
            const std::string word = line.substr(2, line.find(' ', 2) - 2);
            if (contains(line, " HIVE") || contains(line, " FILE")) {
                INFO(word);
                CHECK(contains(flat, " " + word + " "));
                ++commands;
            }
        }
    }
    CHECK(options >= 12);
    CHECK(commands >= 17);
}
