// Every platform key in one table: how it is written, what values it takes, how it reads and
// changes a Platform. The scenario loader, `--set`, controls, offerings, `generate` and the
// schema all go through it, so a new platform key is one entry here.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.h"
#include "core/platform.h"
#include "load/scenario_keys.h"

namespace plainsight {

struct PlatformKey {
  std::string_view name;  // "cpu_tee"; "link_encryption" names a family: link_encryption.MEDIUM
  ValueKind kind;         // catalog, choice, on_off or integer (the family: on_off per medium)
  std::string_view description;
  std::string_view ref = {};  // the catalog list of a `catalog` key (gpus, cpu_tees, ...)
  int min = 0, max = 0;       // integer
  std::span<const std::string_view> choices = {};
  bool family = false;         // link_encryption.MEDIUM
  bool scenario_only = false;  // nodes: the scenario's, not a place's
};

inline constexpr std::string_view kMultiGpuModes[] = {"none", "protected_pcie",
                                                      "nvlink_encryption"};

// The table. `nodes` stays last: a place's platform takes every key but it.
inline constexpr PlatformKey kPlatformKeys[] = {
    {"gpu", ValueKind::catalog, "The GPU (default: none).", "gpus"},
    {"gpus_per_node", ValueKind::integer, "GPUs per node (default 8 with a GPU).", {}, 0, 1024},
    {"cpu_tee", ValueKind::catalog, "The CPU TEE (default: none).", "cpu_tees"},
    {"confidential_mode", ValueKind::on_off, "GPU confidential computing (default off)."},
    {"multi_gpu_mode",
     ValueKind::choice,
     "How several GPUs share a confidential VM (default none).",
     {},
     0,
     0,
     kMultiGpuModes},
    {"key_custody", ValueKind::catalog, "Who holds the storage keys (default provider_kms).",
     "key_custodies"},
    {"link_encryption",
     ValueKind::on_off_map,
     "Encryption the scenario adds per medium, e.g. {fabric: on}.",
     "media",
     0,
     0,
     {},
     true},
    {"nodes",
     ValueKind::integer,
     "Nodes the platform spans: the scenario's cluster, or a place's nodes run as one admin "
     "domain (a group's count says how many); HBM shards need as many GPUs.",
     {},
     1,
     1000000000,
     {},
     false,
     true},
};

std::span<const PlatformKey> platform_keys();
// The entry of "cpu_tee" or "link_encryption.fabric"; null when there is none.
const PlatformKey* find_platform_key(std::string_view key);

// `text` as the key's value, normalised (on/off, a catalog id, a whole number); nullopt with
// `error` saying what was expected ("expected one of: none, sev_snp, tdx").
std::optional<std::string> parse_platform_value(const Catalog& catalog, std::string_view key,
                                                std::string_view text, std::string* error);
// Checks the key itself (a family's medium exists): "" when fine, else what is wrong.
std::string check_platform_key(const Catalog& catalog, std::string_view key);
// Sets a normalised value (parse_platform_value's) on a platform.
void set_platform_value(Platform& platform, std::string_view key, const std::string& value);
// The platform's value of a key, normalised.
std::string platform_value(const Platform& platform, std::string_view key);
// Every value the key may take in this catalog (a family's, per medium: on, off).
std::vector<std::string> platform_values(const Catalog& catalog, const PlatformKey& key);

}  // namespace plainsight
