#include "load/slurm_nodes.h"

#include <cctype>
#include <charconv>
#include <fstream>
#include <set>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "core/input_error.h"
#include "core/limits.h"
#include "core/printable.h"

namespace plainsight {
namespace {

bool key_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Where a field starts: an upper-case letter at the start of a word, then letters, digits
// or '_' up to '='. Slurm's keys look so (NodeName, CPUTot, MCS_label); words inside values
// ("Not responding", "#101-Ubuntu") and pairs inside them (CfgTRES=cpu=96) do not.
std::size_t key_length(std::string_view line, std::size_t at) {
  if (at > 0 && line[at - 1] != ' ') return 0;
  if (at >= line.size() || !std::isupper(static_cast<unsigned char>(line[at]))) return 0;
  std::size_t i = at;
  while (i < line.size() && key_char(line[i])) ++i;
  return i < line.size() && line[i] == '=' ? i - at : 0;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// "a,b,c" -> its items; "(null)" and "" -> none.
std::vector<std::string> items_of(std::string_view v) {
  std::vector<std::string> out;
  if (v == "(null)") return out;
  for (std::size_t start = 0; start <= v.size();) {
    const std::size_t comma = std::min(v.find(',', start), v.size());
    if (std::string_view item = trim(v.substr(start, comma - start)); !item.empty())
      out.emplace_back(item);
    start = comma + 1;
  }
  return out;
}

bool host_name(std::string_view s) {
  if (s.empty() || s.size() > kMaxIdChars) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
      return false;
  return true;
}

}  // namespace

std::vector<std::pair<std::string_view, std::string_view>> scontrol_fields(std::string_view line) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  std::size_t key = std::string_view::npos, key_len = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    const std::size_t len = i < line.size() ? key_length(line, i) : 0;
    if (len == 0 && i < line.size()) continue;
    if (key != std::string_view::npos) {
      const std::size_t from = key + key_len + 1;
      out.emplace_back(line.substr(key, key_len), trim(line.substr(from, i - from)));
    }
    key = i;
    key_len = len;
    i += len;  // past the key; the loop steps over '='
  }
  return out;
}

GresGpus gres_gpus(std::string_view gres) {
  GresGpus out;
  if (gres == "(null)") return out;
  // Entries are separated by commas outside parentheses: "gpu:h100:8(S:0-1),shard:h100:32".
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= gres.size(); ++i) {
    if (i < gres.size() && gres[i] == '(') ++depth;
    if (i < gres.size() && gres[i] == ')') --depth;
    if (i < gres.size() && !(gres[i] == ',' && depth == 0)) continue;
    std::string_view e = trim(gres.substr(start, i - start));
    start = i + 1;
    if (!e.starts_with("gpu:")) continue;
    e.remove_prefix(4);
    e = e.substr(0, e.find('('));  // "(S:0-1)": the sockets the GPUs hang off
    std::string_view type, count = e;
    if (const std::size_t colon = e.rfind(':'); colon != std::string_view::npos) {
      type = e.substr(0, colon);
      count = e.substr(colon + 1);
    }
    int n = 0;
    auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), n);
    if (ec != std::errc() || end != count.data() + count.size() || n < 0 || n > 1024)
      throw std::invalid_argument(fmt::format(
          "Gres '{}': expected gpu[:TYPE]:COUNT, with a count from 0 to 1024", echo(gres)));
    if (n == 0) continue;
    if (out.count + n > 1024)
      throw std::invalid_argument(
          fmt::format("Gres '{}': more than 1024 GPUs in one node", echo(gres)));
    if (out.count > 0 && type != out.type)
      throw std::invalid_argument(fmt::format(
          "Gres '{}': GPUs of several types in one node ('{}' and '{}'); a node class has one",
          echo(gres), echo(out.type), echo(type)));
    out.type = std::string(type);
    out.count += n;
  }
  return out;
}

bool slurm_unavailable(const std::string& state) {
  for (std::size_t start = 0; start <= state.size();) {
    const std::size_t plus = std::min(state.find('+', start), state.size());
    std::string flag = state.substr(start, plus - start);
    while (!flag.empty() && !std::isalpha(static_cast<unsigned char>(flag.back()))) flag.pop_back();
    for (char& c : flag) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const char* out : {"DOWN", "DRAIN", "DRAINED", "DRAINING", "FAIL", "FAILING", "FUTURE",
                            "POWERED_DOWN", "POWER_DOWN", "POWERING_DOWN"})
      if (flag == out) return true;
    start = plus + 1;
  }
  return false;
}

std::vector<SlurmNode> parse_slurm_nodes(std::string_view text, const std::string& name) {
  std::vector<SlurmNode> out;
  std::unordered_map<std::string, int> first_line;  // node name -> its line
  int line_no = 0;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t nl = std::min(text.find('\n', start), text.size());
    const std::string_view line = trim(text.substr(start, nl - start));
    start = nl + 1;
    ++line_no;
    if (line.empty()) continue;
    const SourceLocation at{name, line_no, 1};
    if (line.size() > kMaxInventoryLineBytes)
      throw InputError(at, fmt::format("a line of {} bytes; the limit is {}", line.size(),
                                       kMaxInventoryLineBytes));
    if (!is_printable(line))
      throw InputError(at, fmt::format("expected text, got '{}'", echo(line)));
    SlurmNode node;
    node.line = line_no;
    bool active = false;
    // The first occurrence of each key counts: free text (Reason=, Comment=, Extra=) that
    // holds " State=..." must not override the node's own fields.
    std::set<std::string_view> seen;
    for (const auto& [key, value] : scontrol_fields(line)) {
      if (!seen.insert(key).second) continue;
      if (key == "NodeName") node.name = std::string(value);
      if (key == "Gres") node.gres = std::string(value);
      if (key == "State") node.state = std::string(value);
      if (key == "Partitions") node.partitions = items_of(value);
      if (key == "ActiveFeatures") node.features = items_of(value), active = true;
      if (key == "AvailableFeatures" && !active) node.features = items_of(value);
    }
    if (!line.starts_with("NodeName="))
      throw InputError(at, fmt::format("expected a node of `scontrol show node -o` (NodeName=... "
                                       "Gres=... State=...), got '{}'",
                                       echo(line)));
    if (!host_name(node.name))
      throw InputError(at, fmt::format("NodeName '{}' is not a host name (letters, digits, '-', "
                                       "'_', '.', at most {} characters)",
                                       echo(node.name), kMaxIdChars));
    if (out.size() >= static_cast<std::size_t>(kMaxCount))
      throw InputError(at, fmt::format("more than {} nodes", kMaxCount));
    // Two inventories concatenated would count their nodes twice.
    if (const auto [it, fresh] = first_line.emplace(node.name, line_no); !fresh)
      throw InputError(
          at, fmt::format("node '{}' again (first at line {})", echo(node.name), it->second));
    out.push_back(std::move(node));
  }
  if (out.empty())
    throw InputError({name}, "no nodes: expected the output of `scontrol show node -o`");
  return out;
}

std::vector<SlurmNode> read_slurm_nodes(const std::filesystem::path& file) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) throw InputError({file.string()}, fmt::format("cannot read: {}", ec.message()));
  if (size > kMaxInventoryBytes)
    throw InputError({file.string()},
                     fmt::format("file is {} bytes; the limit is {}", size, kMaxInventoryBytes));
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError({file.string()}, "cannot open for reading");
  std::string text(size, '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return parse_slurm_nodes(text, file.string());
}

}  // namespace plainsight
