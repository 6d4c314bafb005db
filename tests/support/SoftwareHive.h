// A SOFTWARE hive for the artefact tests. The corpus has none (real ones
// are large and hold personal data), so the tests build one with
// HiveBuilder: the keys and value names a Windows 10 21H2 (build 19044)
// machine has, with data of the kinds Microsoft documents and real machines
// show (product name, build numbers, Unix InstallDate and FILETIME
// InstallTime, SYSTEMTIME network dates, 6-byte gateway MACs, the sticky
// keys debugger trick...). RegRipper reads the same file, which checks both
// the hive we wrote and HiveKit's decoders.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "artefacts/Artefact.h"
#include "hive/Hive.h"

namespace testsupport {

/// Key last-write times the builder sets (FILETIME), so that tests can
/// check them: every other key keeps HiveBuilder's fixed time.
struct SoftwareHiveTimes {
    static constexpr uint64_t kDefault = 0x01D6A1B2C3D4E5F6ULL;  ///< HiveBuilder's: 2020-10-13T22:47:01.5768566Z
    static constexpr uint64_t kFirefox = 132862345670000000ULL;    ///< 2022-01-09T20:42:47Z
    static constexpr uint64_t kSevenZip = 132778300000000000ULL;   ///< 2021-10-04T14:06:40Z
    static constexpr uint64_t kUserProfile = 132871234560000000ULL;  ///< 2022-01-20T03:37:36Z
};

/// Writes the SOFTWARE hive to `path` (a new file) and returns `path`.
std::string writeSoftwareHive(const std::string& path);

// What the artefact tests compare: a decoder's rows as text.

/// A field as text: times in isoTime's ISO 8601, bytes in lower-case hex,
/// booleans "true"/"false", "" for an empty field.
std::string fieldText(const hivekit::artefacts::Field& field);

/// One decoded row: column name -> fieldText, plus "note" (the row's note)
/// and "key" (its source key path).
using ArtefactRow = std::map<std::string, std::string>;

/// The rows of the decoder called `decoderName` on `hive`. Throws (the test
/// fails) when there is no such decoder or its table has an error.
std::vector<ArtefactRow> artefactRows(const hivekit::Hive& hive, std::string_view decoderName);

/// The first row whose `column` is `value`; throws when there is none.
const ArtefactRow& rowWhere(const std::vector<ArtefactRow>& rows, const std::string& column,
                            const std::string& value);

}  // namespace testsupport
