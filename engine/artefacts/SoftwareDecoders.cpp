// Software artefact decoders.
#include "artefacts/Registry.h"

namespace hivekit::artefacts {

void addSoftwareDecoders(std::vector<std::unique_ptr<Decoder>>& /*out*/) {}

}  // namespace hivekit::artefacts
