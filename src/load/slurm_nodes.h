// A Slurm node inventory: the output of `scontrol show node -o`, one node per line as
// `Key=Value` fields separated by spaces. A value runs until the next ` Key=`, so values
// that hold spaces (OS=Linux 5.15.0-91-generic #101-Ubuntu SMP ...) or '=' (CfgTRES=cpu=96,
// mem=...) are read whole.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plainsight {

struct SlurmNode {
  std::string name;
  std::string gres;  // "gpu:h100:8(S:0-1)"; "" when none
  // ActiveFeatures where the line has them (what the node runs as now; a node-features
  // plugin may reboot it into others), else AvailableFeatures.
  std::vector<std::string> features;
  std::vector<std::string> partitions;
  std::string state;  // "IDLE", "DOWN*", "MIXED+DRAIN"
  int line = 0;
};

// The GPUs of a node's Gres: "gpu:h100:8(S:0-1)" -> {"h100", 8}; "gpu:8" -> {"", 8}.
struct GresGpus {
  std::string type;
  int count = 0;
};

// The `Key=Value` fields of one line, in order.
std::vector<std::pair<std::string_view, std::string_view>> scontrol_fields(std::string_view line);

// The GPUs a Gres value lists (none: count 0). Throws std::invalid_argument with what is
// wrong when it lists GPUs of several types or an unreadable count.
GresGpus gres_gpus(std::string_view gres);

// Whether a node is out of service: down, drained or draining, failed, or powered off.
bool slurm_unavailable(const std::string& state);

// Every node of an inventory file; InputError at file:line for a line that is not a node.
std::vector<SlurmNode> read_slurm_nodes(const std::filesystem::path& file);
// The same from text (`name` for messages).
std::vector<SlurmNode> parse_slurm_nodes(std::string_view text, const std::string& name);

}  // namespace plainsight
