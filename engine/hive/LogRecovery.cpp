#include "hive/LogRecovery.h"

#include <algorithm>
#include <cctype>
#include <dirent.h>

namespace hivekit {

std::vector<std::string> findLogFiles(const std::string& hivePath) {
    std::string dir = ".", base = hivePath;
    if (auto slash = hivePath.rfind('/'); slash != std::string::npos) {
        dir = hivePath.substr(0, slash);
        if (dir.empty()) dir = "/";
        base = hivePath.substr(slash + 1);
    }
    auto lower = [](std::string s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    const std::string want = lower(base);
    std::vector<std::string> found;
    DIR* d = opendir(dir.c_str());
    if (!d) return found;
    while (dirent* e = readdir(d)) {
        std::string name = e->d_name;
        std::string l = lower(name);
        if (l == want + ".log" || l == want + ".log1" || l == want + ".log2")
        {
            std::string full = dir;
            if (full.back() != '/') full += '/';
            full += name;
            found.push_back(std::move(full));
        }
    }
    closedir(d);
    // .LOG, .LOG1, .LOG2 order, whatever the directory order.
    std::sort(found.begin(), found.end(), [&](const std::string& a, const std::string& b) { return lower(a) < lower(b); });
    return found;
}

Result<std::vector<uint8_t>> recoverFromLogs(const std::string& hivePath, Bytes /*primary*/, RecoveryReport& report) {
    auto logs = findLogFiles(hivePath);
    if (logs.empty()) report.lines.push_back("no transaction logs found beside the hive");
    for (const auto& l : logs) report.lines.push_back("log found: " + l + " (replay not available yet)");
    return std::vector<uint8_t>{};
}

}  // namespace hivekit
