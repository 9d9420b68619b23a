// host.memcpy: staging copy bandwidth by size and threads, from an ordinary buffer into a
// locked (pinned-style) one: the baseline every other host figure is read against.
#pragma once

#include "hwprobe/harness/probe.h"

namespace hwprobe {

class MemcpyProbe final : public Probe {
 public:
  std::string key() const override { return "host.memcpy"; }
  std::string suite() const override { return "host"; }
  std::string description() const override;
  Filter filter(const Environment& env) const override;
  void run(Context& ctx) override;
};

}  // namespace hwprobe
