#include "load/slurm_nodes.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/input_error.h"
#include "core/limits.h"
#include "core/printable.h"

namespace plainsight {
namespace {

bool upper(char c) { return c >= 'A' && c <= 'Z'; }
// ASCII only, without the locale: this runs on every byte of a gigabyte inventory.
bool key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The length of a key starting a word at `at` ("State" of "State=IDLE"), 0 when the word
// there is not KEY=...: an upper-case letter, then letters, digits or '_' up to '='.
std::size_t key_length(std::string_view line, std::size_t at) {
  if (at > 0 && line[at - 1] != ' ') return 0;
  if (at >= line.size() || !upper(line[at])) return 0;
  std::size_t i = at;
  while (i < line.size() && key_char(line[i])) ++i;
  return i < line.size() && line[i] == '=' ? i - at : 0;
}

std::size_t word_end(std::string_view line, std::size_t from) {
  return std::min(line.find(' ', from), line.size());
}

std::string_view rtrim(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// How far a value runs (slurm_sprint_node_table in Slurm's src/api/node_info.c).
enum class Extent { word, time, free_text };

struct KeyRule {
  std::string_view key;
  Extent extent;
  // Free text ends at the first " KEY=" of these: the keys Slurm prints after it.
  std::array<std::string_view, 5> followers{};
};

constexpr std::array<KeyRule, 8> kRules{{
    // The kernel's uname string, which may hold anything; Slurm prints RealMemory= next.
    {"OS", Extent::free_text, {"RealMemory"}},
    // Set by an administrator; the last fields of the line.
    {"Reason",
     Extent::free_text,
     {"Comment", "Extra", "InstanceId", "InstanceType", "ReservationName"}},
    {"Comment", Extent::free_text, {"Extra", "InstanceId", "InstanceType", "ReservationName"}},
    {"Extra", Extent::free_text, {"InstanceId", "InstanceType", "ReservationName"}},
    // slurm_make_time_str follows SLURM_TIME_FORMAT, which may hold spaces.
    {"BootTime", Extent::time, {}},
    {"SlurmdStartTime", Extent::time, {}},
    {"LastBusyTime", Extent::time, {}},
    {"ResumeAfterTime", Extent::time, {}},
}};

const KeyRule* rule_of(std::string_view key) {
  for (const KeyRule& r : kRules)
    if (r.key == key) return &r;
  return nullptr;
}

// Where free text ends: before the first " KEY=" of its followers, else the line's end.
std::size_t free_text_end(std::string_view line, std::size_t from, const KeyRule& r) {
  std::size_t end = std::string_view::npos;
  for (std::string_view f : r.followers) {
    if (f.empty()) break;
    for (std::size_t at = line.find(f, from); at != std::string_view::npos;
         at = line.find(f, at + 1)) {
      if (at > from && line[at - 1] == ' ' && at + f.size() < line.size() &&
          line[at + f.size()] == '=') {
        end = std::min(end, at - 1);
        break;
      }
    }
  }
  return end;
}

}  // namespace

std::vector<ScontrolField> scontrol_fields(std::string_view line) {
  std::vector<ScontrolField> out;
  // Keys seen so far, by a small hash: a line has about 40 fields, and a repeated key is
  // looked for only where the hash says it may be one.
  std::array<std::uint64_t, 4> seen{};
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ') {
      ++i;
      continue;
    }
    const std::size_t len = key_length(line, i);
    if (len == 0) {
      const std::size_t end = word_end(line, i);
      throw SlurmSyntaxError(
          i, fmt::format("expected a field KEY=VALUE, got '{}'", echo(line.substr(i, end - i))));
    }
    const std::string_view key = line.substr(i, len);
    const unsigned h = (static_cast<unsigned char>(key.front()) * 31u +
                        static_cast<unsigned char>(key.back()) * 7u + len) &
                       255u;
    if (seen[h / 64] >> (h % 64) & 1u) {
      for (const ScontrolField& f : out)
        if (f.key == key)
          throw SlurmSyntaxError(i, fmt::format("'{}=' again (first at column {}): a line lists "
                                                "each field once",
                                                key, f.offset - key.size()));
    }
    seen[h / 64] |= std::uint64_t{1} << (h % 64);
    const std::size_t from = i + len + 1;
    std::size_t end = word_end(line, from);
    if (const KeyRule* r = rule_of(key)) {
      if (r->extent == Extent::free_text) {
        end = free_text_end(line, from, *r);
        if (end == std::string_view::npos) {
          if (r->followers[0] == "RealMemory")
            throw SlurmSyntaxError(
                from,
                "OS= is not followed by RealMemory= (Slurm prints it right after the "
                "kernel string): where the kernel string ends cannot be told");
          end = line.size();
        }
      } else {
        // A time runs over words that are not fields.
        for (std::size_t next = end; next < line.size();) {
          while (next < line.size() && line[next] == ' ') ++next;
          if (next >= line.size() || key_length(line, next) > 0) break;
          end = next = word_end(line, next);
        }
      }
    }
    out.push_back({key, rtrim(line.substr(from, end - from)), from});
    i = end;
  }
  return out;
}

GresGpus gres_gpus(std::string_view gres) {
  GresGpus out;
  if (gres == "(null)" || gres.empty()) return out;
  std::size_t start = 0;
  while (start <= gres.size()) {
    // One entry: NAME(:FIELD)* with an optional "(...)" at its end.
    std::size_t i = start, open = std::string_view::npos;
    std::vector<std::string_view> fields;
    std::size_t field_start = i;
    for (;; ++i) {
      const char c = i < gres.size() ? gres[i] : ',';
      if (c == ':' || c == ',' || c == '(') {
        if (i == field_start)
          throw SlurmSyntaxError(i, c == ',' && fields.empty()
                                        ? "an empty Gres entry"
                                        : "an empty field in a Gres entry (expected NAME:TYPE:"
                                          "COUNT)");
        fields.push_back(gres.substr(field_start, i - field_start));
        field_start = i + 1;
        if (c != ':') break;
        continue;
      }
      if (c == ')') throw SlurmSyntaxError(i, "')' without '(' in Gres");
      if (!key_char(c) && c != '.' && c != '-' && c != '/')
        throw SlurmSyntaxError(i, fmt::format("'{}' in a Gres name or type", echo({&c, 1})));
    }
    if (i < gres.size() && gres[i] == '(') {
      open = i;
      const std::size_t close = gres.find_first_of("()", i + 1);
      if (close == std::string_view::npos || gres[close] == '(')
        throw SlurmSyntaxError(open, "'(' without its ')' in Gres");
      i = close + 1;
      if (i < gres.size() && gres[i] != ',')
        throw SlurmSyntaxError(i, "text after ')' in a Gres entry (expected ',' or the end)");
    }
    const std::size_t entry_start = start;
    start = i + 1;
    if (fields.front() != "gpu") {
      if (i >= gres.size()) break;
      continue;
    }
    if (fields.size() < 2)
      throw SlurmSyntaxError(entry_start, "a Gres 'gpu' entry without a count");
    const std::string_view count = fields.back();
    int n = 0;
    auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), n);
    if (ec != std::errc() || end != count.data() + count.size() || n < 0 || n > 1024)
      throw SlurmSyntaxError(
          static_cast<std::size_t>(count.data() - gres.data()),
          fmt::format("GPU count '{}': expected a whole number from 0 to 1024", echo(count)));
    // The type: the fields between the name and the count, as written.
    const std::string type(
        fields.size() > 2
            ? std::string_view(
                  fields[1].data(),
                  static_cast<std::size_t>(fields[fields.size() - 2].end() - fields[1].begin()))
            : std::string_view());
    if (n > 0) {
      if (out.count + n > 1024)
        throw SlurmSyntaxError(entry_start, "more than 1024 GPUs in one node");
      if (out.count > 0 && type != out.type)
        throw SlurmSyntaxError(entry_start,
                               fmt::format("GPUs of several types in one node ('{}' and '{}'); a "
                                           "node class has one",
                                           echo(out.type), echo(type)));
      out.type = std::move(type);
      out.count += n;
    }
    if (i >= gres.size()) break;
  }
  return out;
}

std::vector<std::string> slurm_list(std::string_view v) {
  std::vector<std::string> out;
  if (v == "(null)") return out;
  for (std::size_t start = 0; start <= v.size();) {
    const std::size_t comma = std::min(v.find(',', start), v.size());
    if (comma > start) out.emplace_back(v.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

bool slurm_unavailable(std::string_view state) {
  for (std::size_t start = 0; start <= state.size();) {
    const std::size_t plus = std::min(state.find('+', start), state.size());
    std::string flag(state.substr(start, plus - start));
    while (!flag.empty() && !std::isalpha(static_cast<unsigned char>(flag.back()))) flag.pop_back();
    for (char& c : flag) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const char* out : {"DOWN", "DRAIN", "DRAINED", "DRAINING", "FAIL", "FAILING", "FUTURE",
                            "POWERED_DOWN", "POWER_DOWN", "POWERING_DOWN"})
      if (flag == out) return true;
    start = plus + 1;
  }
  return false;
}

namespace {

bool host_name(std::string_view s) {
  if (s.empty() || s.size() > kMaxIdChars) return false;
  for (char c : s)
    if (!key_char(c) && c != '-' && c != '.') return false;
  return true;
}

// A state as Slurm writes it: words of letters and '_' joined by '+', each with the flag
// characters Slurm appends (DOWN*, IDLE~, MIXED#).
bool slurm_state(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t start = 0; start <= s.size();) {
    const std::size_t plus = std::min(s.find('+', start), s.size());
    std::size_t i = start;
    while (i < plus && (std::isalpha(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
    if (i == start) return false;
    for (; i < plus; ++i)
      if (std::string_view("*~#!%$@^-").find(s[i]) == std::string_view::npos) return false;
    start = plus + 1;
  }
  return true;
}

// One node from one line (leading spaces removed; `lead` of them, for columns).
SlurmNode node_of(std::string_view line, const std::string& name, int line_no, std::size_t lead) {
  const auto at = [&](std::size_t offset) {
    return SourceLocation{name, line_no, static_cast<int>(lead + offset + 1)};
  };
  if (line.size() > kMaxInventoryLineBytes)
    throw InputError(at(0), fmt::format("a line of {} bytes; the limit is {}", line.size(),
                                        kMaxInventoryLineBytes));
  if (!is_printable(line))
    throw InputError(at(0), fmt::format("expected text, got '{}'", echo(line)));
  if (!line.starts_with("NodeName="))
    throw InputError(at(0), fmt::format("expected a node of `scontrol show node -o` (NodeName=... "
                                        "Gres=... State=...), got '{}'",
                                        echo(line)));
  std::vector<ScontrolField> fields;
  try {
    fields = scontrol_fields(line);
  } catch (const SlurmSyntaxError& e) {
    throw InputError(at(e.offset), e.what());
  }
  SlurmNode node;
  node.line = line_no;
  bool active = false, has_state = false;
  for (const ScontrolField& f : fields) {
    if (f.key == "NodeName") node.name = std::string(f.value);
    if (f.key == "State") {
      if (!slurm_state(f.value))
        throw InputError(at(f.offset), fmt::format("State '{}' is not a Slurm node state (e.g. "
                                                   "IDLE, MIXED+DRAIN, DOWN*)",
                                                   echo(f.value)));
      node.state = std::string(f.value);
      has_state = true;
    }
    if (f.key == "Gres") {
      node.gres = std::string(f.value);
      try {
        node.gpus = gres_gpus(f.value);
      } catch (const SlurmSyntaxError& e) {
        throw InputError(at(f.offset + e.offset),
                         fmt::format("Gres '{}': {}", echo(f.value), e.what()));
      }
    }
    if (f.key == "Partitions") node.partitions = std::string(f.value);
    if (f.key == "ActiveFeatures") node.features = std::string(f.value), active = true;
    if (f.key == "AvailableFeatures" && !active) node.features = std::string(f.value);
  }
  if (!host_name(node.name))
    throw InputError(at(9), fmt::format("NodeName '{}' is not a host name (letters, digits, '-', "
                                        "'_', '.', at most {} characters)",
                                        echo(node.name), kMaxIdChars));
  if (!has_state)
    throw InputError(at(line.size()),
                     "no State= field: whether the node is in service cannot "
                     "be told (`scontrol show node -o` prints it on every node)");
  return node;
}

// Lines of `text` with their numbers, leading spaces removed (with their count).
template <class F>
void for_each_line(std::string_view text, int& line_no, F&& f) {
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t nl = std::min(text.find('\n', start), text.size());
    std::string_view line = rtrim(text.substr(start, nl - start));
    start = nl + 1;
    ++line_no;
    std::size_t lead = 0;
    while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\t')) ++lead;
    line.remove_prefix(lead);
    if (!line.empty()) f(line, line_no, lead);
  }
}

// Reads nodes line by line. Names are remembered by their hash only (8 bytes a node); when
// two hashes are equal, a second pass over the text finds whether a name repeats.
class InventoryReader {
 public:
  InventoryReader(std::string name, const std::function<void(const SlurmNode&)>& each)
      : name_(std::move(name)), each_(each) {}

  void line(std::string_view line, int n, std::size_t lead) {
    const SlurmNode node = node_of(line, name_, n, lead);
    if (hashes_.size() >= static_cast<std::size_t>(kMaxCount))
      throw InputError({name_, n, 1}, fmt::format("more than {} nodes", kMaxCount));
    hashes_.push_back(std::hash<std::string_view>{}(node.name));
    each_(node);
  }

  // After the first pass: whether a second is needed (two names share a hash).
  bool finish() {
    if (hashes_.empty())
      throw InputError({name_}, "no nodes: expected the output of `scontrol show node -o`");
    std::sort(hashes_.begin(), hashes_.end());
    for (std::size_t i = 1; i < hashes_.size(); ++i)
      if (hashes_[i] == hashes_[i - 1]) repeated_.insert(hashes_[i]);
    hashes_ = {};
    return !repeated_.empty();
  }

  // The second pass: only the names matter; every line parsed the first time.
  void again(std::string_view line, int n, std::size_t lead) {
    std::string_view v = line.substr(9);  // after "NodeName="
    v = v.substr(0, std::min(v.find(' '), v.size()));
    if (!repeated_.count(std::hash<std::string_view>{}(v))) return;
    const auto [it, fresh] = first_.emplace(std::string(v), n);
    if (!fresh)
      throw InputError({name_, n, static_cast<int>(lead + 1)},
                       fmt::format("node '{}' again (first at line {})", echo(v), it->second));
  }

 private:
  std::string name_;
  const std::function<void(const SlurmNode&)>& each_;
  std::vector<std::uint64_t> hashes_;
  std::unordered_set<std::uint64_t> repeated_;
  std::unordered_map<std::string, int> first_;
};

// The lines of a file, read a block at a time: a line longer than the limit is refused
// before it is held whole.
template <class F>
void for_each_file_line(const std::filesystem::path& file, F&& f) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError({file.string()}, "cannot open for reading");
  constexpr std::size_t kBlock = 1 << 20;
  std::string buffer;
  int line_no = 0;
  for (bool more = true; more;) {
    const std::size_t had = buffer.size();
    buffer.resize(had + kBlock);
    in.read(buffer.data() + had, static_cast<std::streamsize>(kBlock));
    buffer.resize(had + static_cast<std::size_t>(in.gcount()));
    more = in.gcount() > 0;
    const std::size_t last_nl = buffer.rfind('\n');
    if (more && last_nl == std::string::npos) {
      if (buffer.size() > kMaxInventoryLineBytes + 1)
        throw InputError({file.string(), line_no + 1, 1},
                         fmt::format("a line of more than {} bytes; the limit is {}",
                                     kMaxInventoryLineBytes, kMaxInventoryLineBytes));
      continue;
    }
    const std::size_t upto = more ? last_nl + 1 : buffer.size();
    for_each_line(std::string_view(buffer).substr(0, upto), line_no, f);
    buffer.erase(0, upto);
  }
}

}  // namespace

void for_each_slurm_node(std::string_view text, const std::string& name,
                         const std::function<void(const SlurmNode&)>& each) {
  InventoryReader r(name, each);
  int line_no = 0;
  for_each_line(text, line_no,
                [&](std::string_view l, int n, std::size_t lead) { r.line(l, n, lead); });
  if (!r.finish()) return;
  line_no = 0;
  for_each_line(text, line_no,
                [&](std::string_view l, int n, std::size_t lead) { r.again(l, n, lead); });
}

void for_each_slurm_node(const std::filesystem::path& file,
                         const std::function<void(const SlurmNode&)>& each) {
  const std::string name = file.string();
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) throw InputError({name}, fmt::format("cannot read: {}", ec.message()));
  if (size > kMaxInventoryBytes)
    throw InputError({name},
                     fmt::format("file is {} bytes; the limit is {}", size, kMaxInventoryBytes));
  InventoryReader r(name, each);
  for_each_file_line(file,
                     [&](std::string_view l, int n, std::size_t lead) { r.line(l, n, lead); });
  if (!r.finish()) return;
  for_each_file_line(file,
                     [&](std::string_view l, int n, std::size_t lead) { r.again(l, n, lead); });
}

std::vector<SlurmNode> read_slurm_nodes(const std::filesystem::path& file) {
  std::vector<SlurmNode> out;
  for_each_slurm_node(file, [&](const SlurmNode& n) { out.push_back(n); });
  return out;
}

std::vector<SlurmNode> parse_slurm_nodes(std::string_view text, const std::string& name) {
  std::vector<SlurmNode> out;
  for_each_slurm_node(text, name, [&](const SlurmNode& n) { out.push_back(n); });
  return out;
}

}  // namespace plainsight
