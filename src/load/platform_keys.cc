#include "load/platform_keys.h"

#include <charconv>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/ids.h"
#include "core/on_off.h"

namespace plainsight {
namespace {

using K = ValueKind;

const std::vector<PlatformOption>* catalog_list(const Catalog& c, std::string_view ref) {
  if (ref == "gpus") return &c.gpus;
  if (ref == "cpu_tees") return &c.cpu_tees;
  if (ref == "key_custodies") return &c.key_custodies;
  return nullptr;
}

std::string_view family_member(std::string_view key) {
  const auto dot = key.find('.');
  return dot == std::string_view::npos ? std::string_view{} : key.substr(dot + 1);
}

}  // namespace

std::span<const PlatformKey> platform_keys() { return kPlatformKeys; }

const PlatformKey* find_platform_key(std::string_view key) {
  const std::string_view head = key.substr(0, key.find('.'));
  for (const PlatformKey& k : kPlatformKeys)
    if (k.name == head && (k.family ? key.size() > head.size() : key.size() == head.size()))
      return &k;
  return nullptr;
}

std::string check_platform_key(const Catalog& c, std::string_view key) {
  const PlatformKey* k = find_platform_key(key);
  if (!k) {
    std::vector<std::string_view> names;
    for (const PlatformKey& x : kPlatformKeys) names.push_back(x.name);
    return fmt::format("'{}' is not a platform key (known: {})", key, fmt::join(names, ", "));
  }
  if (k->family && !c.medium(std::string(family_member(key))))
    return fmt::format("'{}': '{}' is not a catalog medium (known: {})", key, family_member(key),
                       fmt::join(ids_of(c.media), ", "));
  return "";
}

std::optional<std::string> parse_platform_value(const Catalog& c, std::string_view key,
                                                std::string_view text, std::string* error) {
  const PlatformKey* k = find_platform_key(key);
  if (!k) {
    *error = check_platform_key(c, key);
    return std::nullopt;
  }
  if (k->kind == K::on_off || k->family) {
    bool on = false;
    if (parse_on_off(text, &on)) return std::string(on ? "on" : "off");
    *error = "expected on or off";
    return std::nullopt;
  }
  if (k->kind == K::integer) {
    int n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec == std::errc() && end == text.data() + text.size() && n >= k->min && n <= k->max)
      return std::to_string(n);
    *error = fmt::format("expected a whole number from {} to {}", k->min, k->max);
    return std::nullopt;
  }
  std::vector<std::string> known;
  if (k->kind == K::choice)
    for (std::string_view v : k->choices) known.emplace_back(v);
  else
    known = platform_values(c, *k);
  for (const std::string& v : known)
    if (v == text) return v;
  *error = fmt::format("expected one of: {}", fmt::join(known, ", "));
  return std::nullopt;
}

void set_platform_value(Platform& p, std::string_view key, const std::string& v) {
  if (key == "gpu")
    p.gpu = v == "none" ? "" : v;
  else if (key == "gpus_per_node")
    p.gpus_per_node = std::stoi(v);
  else if (key == "cpu_tee")
    p.cpu_tee = v;
  else if (key == "confidential_mode")
    p.confidential_mode = v == "on";
  else if (key == "multi_gpu_mode")
    p.multi_gpu_mode = v;
  else if (key == "key_custody")
    p.key_custody = v;
  else if (key == "nodes")
    p.nodes = std::stoi(v);
  else if (key.starts_with("link_encryption."))
    p.link_encryption[std::string(family_member(key))] = v == "on";
}

std::string platform_value(const Platform& p, std::string_view key) {
  if (key == "gpu") return p.gpu.empty() ? "none" : p.gpu;
  if (key == "gpus_per_node") return std::to_string(p.gpus_per_node);
  if (key == "cpu_tee") return p.cpu_tee;
  if (key == "confidential_mode") return p.confidential_mode ? "on" : "off";
  if (key == "multi_gpu_mode") return p.multi_gpu_mode;
  if (key == "key_custody") return p.key_custody;
  if (key == "nodes") return std::to_string(p.nodes);
  if (key.starts_with("link_encryption.")) {
    auto it = p.link_encryption.find(std::string(family_member(key)));
    return it != p.link_encryption.end() && it->second ? "on" : "off";
  }
  return "";
}

std::vector<std::string> platform_values(const Catalog& c, const PlatformKey& k) {
  if (k.kind == K::on_off || k.family) return {"off", "on"};
  if (k.kind == K::choice) return {k.choices.begin(), k.choices.end()};
  if (k.kind == K::catalog) {
    std::vector<std::string> out = ids_of(*catalog_list(c, k.ref));
    if (k.name == "gpu") out.insert(out.begin(), "none");  // no GPU: a file server, a client
    return out;
  }
  return {};
}

}  // namespace plainsight
