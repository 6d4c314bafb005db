#include "artefacts/HiveKind.h"

#include <algorithm>
#include <set>
#include <string>

#include "format/Names.h"

namespace hivekit::artefacts {

namespace {

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

/// The root key's subkey names, upper-cased (ASCII is enough: every
/// signature name is ASCII).
std::set<std::string> rootSubkeys(const Hive& hive) {
    std::set<std::string> names;
    auto root = hive.keyNode(hive.rootOffset());
    if (!root) return names;
    for (uint32_t child : hive.subkeys(*root)) {
        auto node = hive.keyNode(child);
        if (node) names.insert(upper(node->nameUtf8()));
    }
    return names;
}

HiveKind fromFileName(const std::u16string& recorded) {
    std::string name = upper(utf16ToUtf8(recorded));
    const size_t slash = name.find_last_of("\\/");
    if (slash != std::string::npos) name = name.substr(slash + 1);
    if (name == "SYSTEM") return HiveKind::System;
    if (name == "SOFTWARE") return HiveKind::Software;
    if (name == "SAM") return HiveKind::Sam;
    if (name == "SECURITY") return HiveKind::Security;
    if (name == "NTUSER.DAT") return HiveKind::NtUser;
    if (name == "USRCLASS.DAT") return HiveKind::UsrClass;
    if (name == "AMCACHE.HVE") return HiveKind::Amcache;
    if (name == "BCD") return HiveKind::Bcd;
    return HiveKind::Unknown;
}

}  // namespace

HiveKind detectHiveKind(const Hive& hive) {
    const std::set<std::string> names = rootSubkeys(hive);
    auto has = [&](const char* n) { return names.count(n) != 0; };
    const bool controlSet = std::any_of(names.begin(), names.end(), [](const std::string& n) {
        return n.size() == 13 && n.starts_with("CONTROLSET");
    });
    if (has("SELECT") && controlSet) return HiveKind::System;
    if (has("SAM") && names.size() <= 2) return HiveKind::Sam;
    if (has("POLICY") && (has("RXACT") || has("CACHE"))) return HiveKind::Security;
    if (has("DESCRIPTION") && has("OBJECTS")) return HiveKind::Bcd;
    if (has("ROOT") && names.size() <= 2) {
        // Amcache.hve keeps everything under Root; so does no other hive.
        const HiveKind named = fromFileName(hive.header().fileName);
        if (named == HiveKind::Amcache || named == HiveKind::Unknown) return HiveKind::Amcache;
    }
    if (has("CONTROL PANEL") || (has("SOFTWARE") && (has("ENVIRONMENT") || has("APPEVENTS"))))
        return HiveKind::NtUser;
    if (has("MICROSOFT") && (has("CLASSES") || has("POLICIES") || has("CLIENTS"))) return HiveKind::Software;
    const HiveKind named = fromFileName(hive.header().fileName);
    if (named != HiveKind::Unknown) return named;
    // A user's classes hive: file extensions and CLSID at the root, or the
    // Local Settings key that holds shellbags.
    if (has("CLSID") || has("LOCAL SETTINGS") ||
        std::any_of(names.begin(), names.end(), [](const std::string& n) { return n.starts_with("."); }))
        return HiveKind::UsrClass;
    return HiveKind::Unknown;
}

}  // namespace hivekit::artefacts
