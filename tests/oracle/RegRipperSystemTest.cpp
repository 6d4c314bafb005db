// SYSTEM artefact decoders against RegRipper 3.0 (Debian's regripper), an
// independent decoder: the same hive, the same answers.
#include <catch2/catch.hpp>

#include <regex>

#include "support/TestSupport.h"

using namespace testsupport;

TEST_CASE("The computer name decoder agrees with RegRipper's compname") {
    const std::string hive = hivePath("regipy/SYSTEM");
    // RegRipper: "ComputerName    = WKS-WIN732BITA".
    const std::string theirs = regripper(hive, "compname");
    std::smatch m;
    REQUIRE(std::regex_search(theirs, m, std::regex("ComputerName\\s+=\\s+(\\S+)")));
    ProcessResult ours = hivectl({"artefacts", hive, "computername", "--csv"});
    REQUIRE(ours.exitCode == 0);
    CHECK(ours.out == "Computer name,Control set,Last write,key,value,note\r\n" + m[1].str() +
                          ",ControlSet001,2010-11-10T17:18:08.7187500Z,"
                          "ControlSet001\\Control\\ComputerName\\ComputerName,ComputerName,\r\n");
}
