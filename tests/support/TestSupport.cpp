#include "support/TestSupport.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace testsupport {

std::string corpusDir() { return HIVEKIT_TEST_DATA_DIR; }

std::string hivePath(const std::string& relative) {
    std::string path = corpusDir() + "/hives/" + relative;
    if (!fileExists(path))
        throw std::runtime_error("test corpus file " + path + " is missing: the build unpacks it from tests/data/hives/" +
                                 relative + ".xz (build the test_corpus target)");
    return path;
}

std::vector<std::string> corpusFiles() {
    const std::filesystem::path root = corpusDir() + "/hives";
    std::error_code ec;
    std::vector<std::string> files;
    for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file()) files.push_back(std::filesystem::relative(it->path(), root).generic_string());
    if (ec || files.empty())
        throw std::runtime_error("the test corpus " + root.string() +
                                 " is missing or empty: build the test_corpus target");
    std::sort(files.begin(), files.end());
    return files;
}

std::string reglookupUnescape(const std::string& field) {
    std::string out;
    for (size_t i = 0; i < field.size(); ++i) {
        if (field[i] == '%' && i + 2 < field.size()) {
            out += static_cast<char>(std::stoi(field.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += field[i];
        }
    }
    return out;
}

std::string hivexDumpScript() {
    std::string path = std::string(HIVEKIT_ORACLE_DIR) + "/hivex-dump";
    if (!fileExists(path)) throw std::runtime_error(path + " is missing");
    return path;
}

std::string hivectlPath() {
    if (const char* env = std::getenv("HIVECTL")) return env;
#ifdef HIVECTL_PATH
    return HIVECTL_PATH;
#else
    return "hivectl";
#endif
}

ProcessResult run(const std::vector<std::string>& argv) {
    int outPipe[2], errPipe[2];
    if (pipe(outPipe) != 0 || pipe(errPipe) != 0) throw std::runtime_error("pipe failed");
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        dup2(outPipe[1], 1);
        dup2(errPipe[1], 2);
        close(outPipe[0]);
        close(errPipe[0]);
        close(outPipe[1]);
        close(errPipe[1]);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        std::fprintf(stderr, "exec %s: %s\n", args[0], std::strerror(errno));
        _exit(127);
    }
    close(outPipe[1]);
    close(errPipe[1]);
    ProcessResult r;
    pollfd fds[2] = {{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}};
    int open = 2;
    char buf[65536];
    while (open > 0) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            } else {
                (i == 0 ? r.out : r.err).append(buf, static_cast<size_t>(n));
            }
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

ProcessResult hivectl(const std::vector<std::string>& args) {
    std::vector<std::string> argv{hivectlPath()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv);
}

std::string regripper(const std::string& hive, const std::string& plugin) {
    if (!fileExists("/usr/bin/regripper"))
        throw std::runtime_error("/usr/bin/regripper is missing: apt-get install regripper");
    ProcessResult r = run({"/usr/bin/regripper", "-r", hive, "-p", plugin});
    if (r.exitCode != 0)
        throw std::runtime_error("regripper -r " + hive + " -p " + plugin + " failed (" +
                                 std::to_string(r.exitCode) + "): " + r.err);
    return r.out;
}

TempDir::TempDir() {
    char tmpl[] = "/tmp/hivekit-test-XXXXXX";
    if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
}

std::string blankKeyTimes(const std::string& dump) {
    std::string out;
    size_t start = 0;
    while (start < dump.size()) {
        size_t end = dump.find('\n', start);
        if (end == std::string::npos) end = dump.size();
        std::string line = dump.substr(start, end - start);
        if (line.starts_with("K\t")) {
            const size_t a = line.find('\t', 2);
            const size_t b = line.find('\t', a + 1);
            line = line.substr(0, a + 1) + "-" + line.substr(b);
        }
        out += line + "\n";
        start = end + 1;
    }
    return out;
}

std::vector<uint8_t> readFile(const std::string& path) {
    // One read of the whole size: byte-wise iterators cost the crash loops
    // most of their time in a Debug build.
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    const std::streamoff size = in ? static_cast<std::streamoff>(in.tellg()) : -1;
    if (size < 0) throw std::runtime_error("cannot read " + path);
    std::vector<uint8_t> bytes(static_cast<size_t>(size));
    in.seekg(0);
    if (!in.read(reinterpret_cast<char*>(bytes.data()), size)) throw std::runtime_error("cannot read " + path);
    return bytes;
}

void writeFile(const std::string& path, const std::vector<uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path);
}

std::string readText(const std::string& path) {
    auto b = readFile(path);
    return std::string(b.begin(), b.end());
}

std::string copyFile(const std::string& from, const std::string& to) {
    std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing);
    std::filesystem::permissions(to, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::add);
    return to;
}

bool fileExists(const std::string& path) { return std::filesystem::exists(path); }

}  // namespace testsupport
