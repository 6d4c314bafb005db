#include "GuiTestSupport.h"

#include <catch2/catch.hpp>

namespace guitest {

std::shared_ptr<const hivekit::Hive> openHive(const std::string& path, bool useLogs) {
    hivekit::OpenOptions options;
    options.useLogs = useLogs;
    auto hive = hivekit::Hive::open(path, options);
    if (!hive) FAIL("cannot open " << path << ": " << hive.error().message);
    return std::shared_ptr<const hivekit::Hive>(std::move(*hive));
}

}  // namespace guitest
