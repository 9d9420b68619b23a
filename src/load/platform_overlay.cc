#include "load/platform_overlay.h"

namespace plainsight {
namespace {

bool on_off(const std::string& v, bool* out) {
  if (v == "on" || v == "true") return *out = true, true;
  if (v == "off" || v == "false") return *out = false, true;
  return false;
}

}  // namespace

bool try_apply_platform_set(Scenario& s, const Catalog& c, const std::string& assignment) {
  return try_apply_platform_set(s.platform, c, assignment);
}

bool try_apply_platform_set(Platform& p, const Catalog& c, const std::string& assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos) return false;
  const std::string key = assignment.substr(0, eq), value = assignment.substr(eq + 1);
  if (key == "platform.gpu") {
    if (!Catalog::find(c.gpus, value)) return false;
    p.gpu = value;
  } else if (key == "platform.cpu_tee") {
    if (!Catalog::find(c.cpu_tees, value)) return false;
    p.cpu_tee = value;
  } else if (key == "platform.key_custody") {
    if (!Catalog::find(c.key_custodies, value)) return false;
    p.key_custody = value;
  } else if (key == "platform.multi_gpu_mode") {
    if (value != "none" && value != "protected_pcie" && value != "nvlink_encryption") return false;
    p.multi_gpu_mode = value;
  } else if (key == "platform.confidential_mode") {
    bool on = false;
    if (!on_off(value, &on) || (on && p.gpu.empty())) return false;
    p.confidential_mode = on;
  } else if (key.starts_with("platform.link_encryption.")) {
    const std::string medium = key.substr(std::string("platform.link_encryption.").size());
    bool on = false;
    if (!c.medium(medium) || !on_off(value, &on)) return false;
    p.link_encryption[medium] = on;
  } else {
    return false;
  }
  return true;
}

}  // namespace plainsight
