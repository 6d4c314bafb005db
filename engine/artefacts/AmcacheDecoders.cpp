// Amcache artefact decoders.
#include "artefacts/Registry.h"

namespace hivekit::artefacts {

void addAmcacheDecoders(std::vector<std::unique_ptr<Decoder>>& /*out*/) {}

}  // namespace hivekit::artefacts
