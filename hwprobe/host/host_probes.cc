#include "hwprobe/host/host_probes.h"

#include "hwprobe/host/aes_gcm_probe.h"
#include "hwprobe/host/bounce_buffer_probe.h"
#include "hwprobe/host/checkpoint_probe.h"
#include "hwprobe/host/envelope_probe.h"
#include "hwprobe/host/memcpy_probe.h"

namespace hwprobe {

void add_host_probes(std::vector<std::unique_ptr<Probe>>& list) {
  // memcpy first: the baseline the others are read against.
  list.push_back(std::make_unique<MemcpyProbe>());
  list.push_back(std::make_unique<AesGcmProbe>());
  list.push_back(std::make_unique<BounceBufferProbe>());
  list.push_back(std::make_unique<CheckpointProbe>());
  list.push_back(std::make_unique<EnvelopeProbe>());
}

}  // namespace hwprobe
