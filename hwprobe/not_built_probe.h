// Stands in for a probe whose toolkit was missing at build time (CUDA, NCCL), so every
// build lists the same keys and says why one cannot run, instead of "unknown probe".
#pragma once

#include <string>

#include "hwprobe/harness/probe.h"

namespace hwprobe {

class NotBuiltProbe : public Probe {
 public:
  NotBuiltProbe(std::string key, std::string suite, std::string missing)
      : key_(std::move(key)), suite_(std::move(suite)), missing_(std::move(missing)) {}
  std::string key() const override { return key_; }
  std::string suite() const override { return suite_; }
  std::string description() const override { return "not in this build (" + missing_ + ")"; }
  Filter filter(const Environment&) const override {
    return Filter::no("this build has no " + missing_ + ": rebuild where it is installed");
  }
  void run(Context&) override { throw ProbeError(key_ + ": not built"); }

 private:
  std::string key_, suite_, missing_;
};

}  // namespace hwprobe
