#include "load/slurm_nodes.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <functional>
#include <optional>
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
  // Where free text may end: before " KEY=" of one of these, the keys Slurm prints after it
  // (in slurm_sprint_node_table's order); the free text of OS must end there.
  std::array<std::string_view, 9> followers{};
  bool ends_line = false;  // free text that may also run to the end of the line
};

constexpr std::array<KeyRule, 8> kRules{{
    // The kernel's uname string, which may hold anything; Slurm prints RealMemory= next.
    {"OS", Extent::free_text, {"RealMemory"}, false},
    // Set by an administrator; the last fields of the line, then the optional ones.
    {"Reason",
     Extent::free_text,
     {"Comment", "Extra", "InstanceId", "InstanceType", "ReservationName", "TLSCertTokenSet",
      "TLSCertLastRenewal", "Topology", "Parameters"},
     true},
    {"Comment",
     Extent::free_text,
     {"Extra", "InstanceId", "InstanceType", "ReservationName", "TLSCertTokenSet",
      "TLSCertLastRenewal", "Topology", "Parameters"},
     true},
    {"Extra",
     Extent::free_text,
     {"InstanceId", "InstanceType", "ReservationName", "TLSCertTokenSet", "TLSCertLastRenewal",
      "Topology", "Parameters"},
     true},
    // slurm_make_time_str follows SLURM_TIME_FORMAT, which may hold spaces.
    {"BootTime", Extent::time, {}, false},
    {"SlurmdStartTime", Extent::time, {}, false},
    {"LastBusyTime", Extent::time, {}, false},
    {"ResumeAfterTime", Extent::time, {}, false},
}};

const KeyRule* rule_of(std::string_view key) {
  for (const KeyRule& r : kRules)
    if (r.key == key) return &r;
  return nullptr;
}

// Where free text starting at `from` may end: before each " KEY=" of its followers, in order,
// then the line's end where it may run there. Empty: it cannot end (OS= without RealMemory=).
std::vector<std::size_t> free_text_ends(std::string_view line, std::size_t from, const KeyRule& r) {
  std::vector<std::size_t> out;
  for (std::size_t at = line.find('=', from); at != std::string_view::npos;
       at = line.find('=', at + 1)) {
    std::size_t k = at;
    while (k > from && key_char(line[k - 1])) --k;
    if (k <= from || k == at || line[k - 1] != ' ') continue;
    const std::string_view key = line.substr(k, at - k);
    for (std::string_view f : r.followers)
      if (!f.empty() && f == key) out.push_back(k - 1);
  }
  if (r.ends_line) out.push_back(line.size());
  return out;
}

// The fields the reader uses: two readings of a line that give them the same values are
// the same node, whatever they make of the rest.
constexpr std::array<std::string_view, 6> kReadKeys{
    "State", "Gres", "Partitions", "ActiveFeatures", "AvailableFeatures", "NodeName"};

std::optional<std::string_view> value_of(const std::vector<ScontrolField>& fields,
                                         std::string_view key) {
  for (const ScontrolField& f : fields)
    if (f.key == key) return f.value;
  return std::nullopt;
}

// A line read every way the grammar allows. Free text may end before any of its followers'
// keys: Slurm prints it raw, so a kernel string or a reason that holds " RealMemory=1
// State=IDLE" can be read as fields. The first reading (each free text ending as early as
// it can) is the line's, unless another reading gives a field the reader uses another
// value: then the line is refused where the two part, never read one way silently.
class LineReadings {
 public:
  explicit LineReadings(std::string_view line) : line_(line) {}

  std::vector<ScontrolField> read() {
    std::vector<ScontrolField> fields;
    walk(0, fields, {});
    if (!first_) throw *error_;
    return std::move(*first_);
  }

 private:
  using Seen = std::array<std::uint64_t, 4>;
  // Enough to part two readings; a hostile line with thousands of " KEY=" stops here.
  static constexpr int kMaxReadings = 64;

  void fail(std::size_t at, std::string what) {
    if (!error_) error_.emplace(at, std::move(what));
  }

  void complete(const std::vector<ScontrolField>& fields) {
    if (!first_) {
      first_ = fields;
      return;
    }
    for (std::string_view key : kReadKeys) {
      const std::optional<std::string_view> a = value_of(*first_, key), b = value_of(fields, key);
      if (a == b) continue;
      ambiguous(fields, key, a ? fmt::format("'{}'", echo(*a)) : "absent",
                b ? fmt::format("'{}'", echo(*b)) : "absent");
    }
  }

  // Throws at the first place the two readings part: where one ends a free text that the
  // other runs on.
  [[noreturn]] void ambiguous(const std::vector<ScontrolField>& other, std::string_view key,
                              const std::string& one, const std::string& two) {
    const std::vector<ScontrolField>& first = *first_;
    std::size_t i = 0;
    while (i + 1 < first.size() && i + 1 < other.size() && first[i].key == other[i].key &&
           first[i].value == other[i].value)
      ++i;
    const ScontrolField& a = first[i];
    const ScontrolField& b = other[i];
    const std::size_t at = a.offset + std::min(a.value.size(), b.value.size()) + 1;
    const std::size_t later = std::max(a.offset + a.value.size(), b.offset + b.value.size()) + 2;
    throw SlurmSyntaxError(
        at, fmt::format("the line reads two ways: the free text of {}= may end here or run on to "
                        "column {}, and {} would be {} or {} (free text holding ' KEY=' cannot be "
                        "told from the fields Slurm prints after it)",
                        a.key, later, key, one, two));
  }

  void walk(std::size_t i, std::vector<ScontrolField>& fields, Seen seen) {
    const std::size_t depth = fields.size();
    while (i < line_.size()) {
      if (line_[i] == ' ') {
        ++i;
        continue;
      }
      const std::size_t len = key_length(line_, i);
      if (len == 0) {
        const std::size_t end = word_end(line_, i);
        fail(i,
             fmt::format("expected a field KEY=VALUE, got '{}'", echo(line_.substr(i, end - i))));
        fields.resize(depth);
        return;
      }
      const std::string_view key = line_.substr(i, len);
      // Keys seen so far, by a small hash: a line has about 40 fields, and a repeated key is
      // looked for only where the hash says it may be one.
      const unsigned h = (static_cast<unsigned char>(key.front()) * 31u +
                          static_cast<unsigned char>(key.back()) * 7u + len) &
                         255u;
      if (seen[h / 64] >> (h % 64) & 1u) {
        for (const ScontrolField& f : fields)
          if (f.key == key) {
            fail(i, fmt::format("'{}=' again (first at column {}): a line lists each field once",
                                key, f.offset - key.size()));
            fields.resize(depth);
            return;
          }
      }
      seen[h / 64] |= std::uint64_t{1} << (h % 64);
      const std::size_t from = i + len + 1;
      std::size_t end = word_end(line_, from);
      const KeyRule* r = rule_of(key);
      if (r && r->extent == Extent::free_text) {
        const std::vector<std::size_t> ends = free_text_ends(line_, from, *r);
        if (ends.empty())
          fail(from,
               "OS= is not followed by RealMemory= (Slurm prints it right after the kernel "
               "string): where the kernel string ends cannot be told");
        // Each way the free text may end, earliest first, with the rest of the line after it.
        const std::size_t here = fields.size();
        for (std::size_t e : ends) {
          if (++readings_ > kMaxReadings) {
            // This is why the line is refused, whatever an earlier reading stumbled on.
            error_.reset();
            fail(from, fmt::format("the free text of {}= holds ' KEY=' so often that the line "
                                   "reads more than {} ways",
                                   key, kMaxReadings));
            if (first_) throw *error_;
            break;
          }
          fields.push_back({key, rtrim(line_.substr(from, e - from)), from});
          walk(e, fields, seen);
          fields.resize(here);
        }
        fields.resize(depth);
        return;
      }
      if (r && r->extent == Extent::time) {
        // A time runs over words that are not fields.
        for (std::size_t next = end; next < line_.size();) {
          while (next < line_.size() && line_[next] == ' ') ++next;
          if (next >= line_.size() || key_length(line_, next) > 0) break;
          end = next = word_end(line_, next);
        }
      }
      fields.push_back({key, rtrim(line_.substr(from, end - from)), from});
      i = end;
    }
    complete(fields);
    fields.resize(depth);
  }

  std::string_view line_;
  std::optional<std::vector<ScontrolField>> first_;
  std::optional<SlurmSyntaxError> error_;
  int readings_ = 0;
};

}  // namespace

std::vector<ScontrolField> scontrol_fields(std::string_view line) {
  return LineReadings(line).read();
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

namespace {

// A node state as `scontrol show node -o` prints it (Slurm's src/common/slurm_protocol_defs.c):
// node_state_string_complete writes a base state, then "+FLAG" for each flag; releases
// before 21.08 wrote node_state_string's compact name with one suffix character (DOWN*,
// IDLE~), then "+DRAIN", "+POWER", ... Each name says whether the node can be scheduled:
// Slurm leaves a node out of its available nodes when it is down, drained, failed or not
// responding (slurmctld/node_mgr.c, _sync_bitmaps), and a node that is not yet or no longer
// registered (FUTURE, UNKNOWN, INVAL), in error, in maintenance, being rebooted or powered
// down cannot run a job now either.
struct StateName {
  std::string_view name;
  bool in_service;
};

constexpr auto kStates = std::to_array<StateName>({
    // node_states[]: the base states; INVALID is what node_state_base_string prints for none.
    {"IDLE", true},
    {"ALLOCATED", true},
    {"MIXED", true},
    {"DOWN", false},
    {"ERROR", false},
    {"FUTURE", false},
    {"UNKNOWN", false},
    {"INVALID", false},
    // node_state_string's compact names (17.11 to now; PERFCTRS until 23.11).
    {"INVAL", false},
    {"MAINT", false},
    {"REBOOT", false},
    {"DRAINING", false},
    {"DRAINED", false},
    {"FAILING", false},
    {"FAIL", false},
    {"REBOOT_ISSUED", false},
    {"CANCEL_REBOOT", true},
    {"CLOUD", true},
    {"EXTERNAL", true},
    {"POWER_DOWN", false},
    {"POWER_UP", true},
    {"POWERING_DOWN", false},
    {"POWERED_DOWN", false},
    {"POWERING_UP", true},
    {"UNDRAIN", true},
    {"DYNAMIC_FUTURE", false},
    {"DYNAMIC_NORM", true},
    {"COMPLETING", true},
    {"RESERVED", true},
    {"BLOCKED", true},
    {"PLANNED", true},
    {"RESUME", true},
    {"PERFCTRS", true},
});

constexpr auto kFlags = std::to_array<StateName>({
    // node_state_flags[] (22.05 adds PERFCTRS, 24.05 BLOCKED), and 20.11's "+POWER".
    {"BLOCKED", true},         {"CLOUD", true},           {"COMPLETING", true},
    {"DRAIN", false},          {"DYNAMIC_FUTURE", false}, {"DYNAMIC_NORM", true},
    {"EXTERNAL", true},        {"INVALID_REG", false},    {"FAIL", false},
    {"MAINTENANCE", false},    {"POWER_DOWN", false},     {"POWER_UP", true},
    {"PERFCTRS", true},        {"POWERED_DOWN", false},   {"REBOOT_REQUESTED", true},
    {"REBOOT_ISSUED", false},  {"RESERVED", true},        {"RESUME", true},
    {"NOT_RESPONDING", false}, {"PLANNED", true},         {"POWERING_UP", true},
    {"POWERING_DOWN", false},  {"POWER", false},
});

// node_state_string's suffix characters, for the flag each stands for.
constexpr auto kSuffixes = std::to_array<StateName>({
    {"*", false},  // not responding
    {"~", false},  // powered down
    {"%", false},  // powering down
    {"!", false},  // power down pending
    {"$", false},  // maintenance
    {"^", false},  // reboot issued
    {"@", true},   // reboot requested
    {"#", true},   // powering up
    {"-", true},   // planned
});

template <std::size_t N>
const StateName* find_name(const std::array<StateName, N>& names, std::string_view s) {
  for (const StateName& n : names)
    if (n.name == s) return &n;
  return nullptr;
}

// Reads a State value: whether the node is in service; none, with why the value is no Slurm
// state in `error` and the offset in it in `at`, when it is not one.
std::optional<bool> read_state(std::string_view s, std::string* error, std::size_t* at) {
  bool in_service = true;
  for (std::size_t start = 0, word = 0; start <= s.size(); ++word) {
    const std::size_t plus = std::min(s.find('+', start), s.size());
    std::string_view name = s.substr(start, plus - start);
    if (word == 0 && !name.empty()) {
      if (const StateName* suffix = find_name(kSuffixes, name.substr(name.size() - 1))) {
        in_service &= suffix->in_service;
        name.remove_suffix(1);
      }
    }
    const StateName* known = word == 0 ? find_name(kStates, name) : find_name(kFlags, name);
    if (!known) {
      *at = start;
      *error = name.empty()
                   ? std::string("an empty state name")
                   : fmt::format("'{}' is not a Slurm node {}", echo(name),
                                 word == 0 ? "state (IDLE, MIXED, ALLOCATED, DOWN, ...)"
                                           : "state flag (DRAIN, FAIL, NOT_RESPONDING, ...)");
      return std::nullopt;
    }
    in_service &= known->in_service;
    start = plus + 1;
  }
  return in_service;
}

}  // namespace

bool slurm_unavailable(std::string_view state) {
  std::string error;
  std::size_t at = 0;
  return !read_state(state, &error, &at).value_or(false);
}

namespace {

bool host_name(std::string_view s) {
  if (s.empty() || s.size() > kMaxIdChars) return false;
  for (char c : s)
    if (!key_char(c) && c != '-' && c != '.') return false;
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
  std::size_t bad_length = 0;
  if (const std::size_t bad = first_unprintable(line, &bad_length); bad != std::string_view::npos)
    throw InputError(at(bad), fmt::format("a control or invisible character ({}) in a node line",
                                          printable(line.substr(bad, bad_length))));
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
      std::string why;
      std::size_t where = 0;
      if (!read_state(f.value, &why, &where))
        throw InputError(at(f.offset + where), fmt::format("State '{}' is not a Slurm node state: "
                                                           "{}",
                                                           echo(f.value), why));
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
