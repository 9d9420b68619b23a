// A Slurm node inventory: the output of `scontrol show node -o`, one node per line as
// `Key=Value` fields. Read by the grammar Slurm prints it with (src/api/node_info.c,
// slurm_sprint_node_table), not by substrings: fields are separated by spaces and each key
// appears once; a value is one word, except
//  - the free text of OS (a kernel's uname string), which Slurm always follows with
//    RealMemory=, and of Reason, Comment and Extra, which end the line and are followed
//    only by the keys Slurm prints after them;
//  - the times (BootTime, SlurmdStartTime, LastBusyTime, ResumeAfterTime), which
//    SLURM_TIME_FORMAT may write with spaces: they run to the next word that is a key.
// Free text may end before any " KEY=" of a key Slurm prints after it, so a line can read
// more than one way: a kernel string holding " RealMemory=1 State=IDLE Reason=x" ends at its
// own RealMemory= or at Slurm's. When two readings give a field the reader uses (State,
// Gres, Partitions, the features, NodeName) different values, the line is refused where
// they part, never read one way silently; what does not fit the grammar at all is refused
// at its line and column.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace plainsight {

// The GPUs of a node's Gres: "gpu:h100:8(S:0-1)" -> {"h100", 8}; "gpu:8" -> {"", 8}.
struct GresGpus {
  std::string type;
  int count = 0;
};

struct SlurmNode {
  std::string name;
  std::string gres;  // "gpu:h100:8(S:0-1)"; "" when none
  GresGpus gpus;     // what the Gres says of GPUs (read with the line)
  // ActiveFeatures where the line has them (what the node runs as now; a node-features
  // plugin may reboot it into others), else AvailableFeatures, as written ("h100,ib,cc").
  std::string features;
  std::string partitions;  // "secure,gpu"
  std::string state;       // "IDLE", "DOWN*", "MIXED+DRAIN"
  int line = 0;
};

// What does not parse, and where: `offset` is 0-based in the text that was parsed (a line,
// or a Gres value).
struct SlurmSyntaxError : std::invalid_argument {
  SlurmSyntaxError(std::size_t at, const std::string& what)
      : std::invalid_argument(what), offset(at) {}
  std::size_t offset;
};

struct ScontrolField {
  std::string_view key, value;
  std::size_t offset = 0;  // of the value in the line
};

// The fields of one line, in order. Throws SlurmSyntaxError for a line that does not fit
// the grammar: a word that is not KEY=VALUE where a field must start, a key given twice, a
// key that is not Slurm's (upper-case letter, then letters, digits or '_').
std::vector<ScontrolField> scontrol_fields(std::string_view line);

// The GPUs a Gres value lists (none: count 0). Gres is entries separated by commas, each
// NAME[:TYPE...]:COUNT with an optional "(...)" at its end (the sockets or indexes of the
// GPUs). Throws SlurmSyntaxError at the character that does not parse (unbalanced
// parentheses, text after ')', an empty entry or field, a count that is not 0 to 1024), or
// when GPUs of several types share a node.
GresGpus gres_gpus(std::string_view gres);

// "a,b,c" -> its items; "(null)" and "" -> none.
std::vector<std::string> slurm_list(std::string_view value);

// Whether a node cannot be scheduled now: down, drained or draining, failed, not responding,
// not registered (FUTURE, UNKNOWN, INVAL), in error or maintenance, being rebooted, powered
// down (src/load/slurm_nodes.cc lists every state and flag of Slurm's). A value that is no
// Slurm state counts as out of service (the reader refuses it before).
bool slurm_unavailable(std::string_view state);

// Calls `each` for every node of an inventory, in order, reading it a block at a time
// (an inventory may be a gigabyte; its nodes are never all held). InputError at
// file:line:col for a line that is not a node, a node listed twice, past the limits.
void for_each_slurm_node(const std::filesystem::path& file,
                         const std::function<void(const SlurmNode&)>& each);
// The same from text (`name` for messages).
void for_each_slurm_node(std::string_view text, const std::string& name,
                         const std::function<void(const SlurmNode&)>& each);

// Every node, held: for small inventories and tests.
std::vector<SlurmNode> read_slurm_nodes(const std::filesystem::path& file);
std::vector<SlurmNode> parse_slurm_nodes(std::string_view text, const std::string& name);

}  // namespace plainsight
