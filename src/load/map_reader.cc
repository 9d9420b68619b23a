#include "load/map_reader.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/limits.h"
#include "core/on_off.h"
#include "core/printable.h"
#include "core/quantity.h"
#include "load/did_you_mean.h"

namespace plainsight {
namespace {

std::string kind_of(const YamlNode& n) {
  switch (n.kind()) {
    case YamlKind::map:
      return "a mapping";
    case YamlKind::sequence:
      return "a list";
    case YamlKind::scalar:
      return fmt::format("'{}'", echo(n.Scalar()));
    case YamlKind::null:
      return n ? "nothing" : "an undefined value";
  }
  return "an undefined value";
}

bool is_id(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
      return false;
  return true;
}

// Mappings with more keys than this are looked up through an index instead of a scan.
constexpr std::size_t kIndexed = 16;

}  // namespace

std::string scalar_of(const YamlFile& file, const YamlNode& node, const std::string& what) {
  if (!node.IsScalar())
    throw InputError(file.at(node),
                     fmt::format("{}: expected a value, got {}", what, kind_of(node)));
  return std::string(node.Scalar());
}

std::vector<YamlNode> sequence_of(const YamlFile& file, const YamlNode& node,
                                  const std::string& what) {
  if (!node.IsSequence())
    throw InputError(file.at(node),
                     fmt::format("{}: expected a list, got {}", what, kind_of(node)));
  return std::vector<YamlNode>(node.begin(), node.end());
}

MapReader::MapReader(const YamlFile& file, const YamlNode& node, std::string what)
    : file_(file), node_(node), what_(std::move(what)) {
  if (!node.IsMap())
    throw InputError(file.at(node), fmt::format("{}: expected a mapping of keys to values, got {}",
                                                what_, kind_of(node)));
  const std::size_t n = node.size();
  entries_.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const YamlNode k = node.key(i);
    if (!k.IsScalar())
      throw InputError(file.at(k), fmt::format("{}: keys must be plain words", what_));
    const std::string_view key = k.Scalar();
    if (key == "<<" && k.Tag() == "?")
      throw InputError(file.at(k), fmt::format("{}: merge keys ('<<') are not supported: write "
                                               "the keys out (an alias of a whole value works)",
                                               what_));
    if (const Entry* first = find(key))
      throw InputError(file.at(k), fmt::format("{}: duplicate key '{}' (first at line {})", what_,
                                               key, file.at(first->key).line));
    entries_.push_back({key, k, node.value(i)});
    if (entries_.size() == kIndexed + 1)
      for (std::size_t j = 0; j < entries_.size(); ++j) index_.emplace(entries_[j].name, j);
    else if (entries_.size() > kIndexed)
      index_.emplace(key, entries_.size() - 1);
  }
}

const MapReader::Entry* MapReader::find(std::string_view key) const {
  if (entries_.size() > kIndexed) {
    auto it = index_.find(key);
    return it == index_.end() ? nullptr : &entries_[it->second];
  }
  for (const Entry& e : entries_)
    if (e.name == key) return &e;
  return nullptr;
}

std::vector<std::string> MapReader::keys() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const Entry& e : entries_) out.emplace_back(e.name);
  return out;
}

void MapReader::allow(std::initializer_list<std::string_view> keys) {
  for (const Entry& e : entries_)
    if (std::find(keys.begin(), keys.end(), e.name) == keys.end()) {
      const std::vector<std::string> allowed(keys.begin(), keys.end());
      const std::string k(e.name);
      throw InputError(file_.at(e.key),
                       fmt::format("{}: unknown key '{}'{}", what_, k, did_you_mean(k, allowed)));
    }
}

void MapReader::allow(const MappingSpec& spec) {
  for (const Entry& e : entries_) {
    bool known = false;
    for (const KeySpec& k : spec.keys) known = known || k.name == e.name;
    if (known) continue;
    std::vector<std::string> allowed;
    for (const KeySpec& k : spec.keys) allowed.emplace_back(k.name);
    const std::string k(e.name);
    throw InputError(file_.at(e.key),
                     fmt::format("{}: unknown key '{}'{}", what_, k, did_you_mean(k, allowed)));
  }
}

bool MapReader::has(std::string_view key) const { return find(key) != nullptr; }

SourceLocation MapReader::at_key(std::string_view key) const {
  const Entry* e = find(key);
  return e ? file_.at(e->key) : at();
}

SourceLocation MapReader::at_value(std::string_view key) const {
  const Entry* e = find(key);
  return e ? file_.at(e->value) : at();
}

YamlNode MapReader::node(std::string_view key) {
  Entry* e = find(key);
  if (!e) throw InputError(at(), fmt::format("{}: missing required key '{}'", what_, key));
  e->used = true;
  return e->value;
}

YamlNode MapReader::optional_node(std::string_view key) {
  Entry* e = find(key);
  if (!e) return YamlNode();
  e->used = true;
  return e->value;
}

std::string_view MapReader::scalar(std::string_view key) {
  YamlNode n = node(key);
  if (!n.IsScalar()) scalar_of(file_, n, fmt::format("{}: '{}'", what_, key));  // throws
  return n.Scalar();
}

std::string MapReader::str(std::string_view key) {
  const std::string_view v = scalar(key);
  // Text goes into terminals and reports: nothing in it may act on a terminal or hide.
  // Line breaks stay allowed in long texts (descriptions written as YAML block scalars).
  for (std::size_t start = 0; start <= v.size();) {
    const std::size_t nl = std::min(v.find('\n', start), v.size());
    if (!is_printable(v.substr(start, nl - start)))
      throw InputError(at_value(key),
                       fmt::format("{}: '{}' contains an invisible or control character: '{}'",
                                   what_, key, echo(v)));
    start = nl + 1;
  }
  return std::string(v);
}

std::string MapReader::name(std::string_view key) {
  const std::string v = str(key);
  if (v.empty() || v.find_first_not_of(' ') == std::string::npos)
    throw InputError(at_value(key), fmt::format("{}: '{}' is empty", what_, key));
  if (v.find('\n') != std::string::npos)
    throw InputError(at_value(key), fmt::format("{}: '{}' must be one line", what_, key));
  if (v.size() > kMaxNameChars)
    throw InputError(at_value(key), fmt::format("{}: '{}' is {} bytes long; the limit is {}", what_,
                                                key, v.size(), kMaxNameChars));
  return v;
}

std::string MapReader::name_or(std::string_view key, const std::string& fallback) {
  return has(key) ? name(key) : fallback;
}

std::string MapReader::str_or(std::string_view key, const std::string& fallback) {
  return has(key) ? str(key) : fallback;
}

std::string MapReader::id(std::string_view key) {
  std::string_view v = scalar(key);
  if (v.size() > kMaxIdChars)
    throw InputError(at_value(key),
                     fmt::format("{}: '{}' is too long for an id ({} characters; the limit is {})",
                                 what_, key, v.size(), kMaxIdChars));
  if (!is_id(v))
    throw InputError(at_value(key),
                     fmt::format("{}: '{}' must be an id of lower-case letters, digits, '_', "
                                 "'-' or '.', got '{}'",
                                 what_, key, echo(v)));
  return std::string(v);
}

double MapReader::number(std::string_view key, double min, double max) {
  std::string_view v = scalar(key);
  QuantityError err;
  double d = parse_bytes(v, &err);  // plain numbers parse as bytes with factor 1
  bool plain = !v.empty() && v.find_first_not_of("0123456789.eE+-") == std::string_view::npos;
  if (!plain || std::isnan(d))
    throw InputError(at_value(key),
                     fmt::format("{}: '{}' expected a number, got '{}'", what_, key, echo(v)));
  if (d < min || d > max)
    throw InputError(at_value(key), fmt::format("{}: '{}' is {}; expected between {} and {}", what_,
                                                key, echo(v), min, max));
  return d;
}

double MapReader::number_or(std::string_view key, double fallback, double min, double max) {
  return has(key) ? number(key, min, max) : fallback;
}

int MapReader::integer(std::string_view key, int min, int max) {
  double d = number(key, min, max);
  if (d != std::floor(d))
    throw InputError(at_value(key), fmt::format("{}: '{}' expected a whole number, got '{}'", what_,
                                                key, echo(scalar(key))));
  return static_cast<int>(d);
}

double MapReader::count(std::string_view key, double min, double max) {
  const double d = number(key, min, max);
  if (d != std::floor(d))
    throw InputError(at_value(key), fmt::format("{}: '{}' is a count: expected a whole number, got "
                                                "'{}'",
                                                what_, key, echo(scalar(key))));
  return d;
}

int MapReader::integer_or(std::string_view key, int fallback, int min, int max) {
  return has(key) ? integer(key, min, max) : fallback;
}

bool MapReader::on_off_or(std::string_view key, bool fallback) {
  if (!has(key)) return fallback;
  std::string_view v = scalar(key);
  if (bool on = false; parse_on_off(v, &on)) return on;
  throw InputError(at_value(key),
                   fmt::format("{}: '{}' expected on or off, got '{}'", what_, key, echo(v)));
}

double parse_quantity(std::string_view v, QuantityKind kind, const SourceLocation& at,
                      const std::string& what, std::string_view key) {
  using Parse = double (*)(std::string_view, QuantityError*);
  static constexpr Parse kParse[] = {parse_bytes, parse_duration, parse_bandwidth, parse_rate};
  QuantityError err;
  const double d = kParse[static_cast<int>(kind)](v, &err);
  if (std::isnan(d)) throw InputError(at, fmt::format("{}: '{}': {}", what, key, err.message));
  if (const std::string why = implausible(kind, d); !why.empty())
    throw InputError(at, fmt::format("{}: '{}' is {}; {}", what, key, echo(v), why));
  return d;
}

double MapReader::bytes(std::string_view key) {
  return parse_quantity(scalar(key), QuantityKind::size, at_value(key), what_, key);
}
double MapReader::duration(std::string_view key) {
  return parse_quantity(scalar(key), QuantityKind::duration, at_value(key), what_, key);
}
double MapReader::bandwidth(std::string_view key) {
  return parse_quantity(scalar(key), QuantityKind::bandwidth, at_value(key), what_, key);
}
double MapReader::rate(std::string_view key) {
  return parse_quantity(scalar(key), QuantityKind::rate, at_value(key), what_, key);
}

std::vector<std::string> MapReader::str_list(std::string_view key) {
  std::vector<std::string> out;
  YamlNode n = optional_node(key);
  if (!n) return out;
  for (const YamlNode& item : sequence_of(file_, n, fmt::format("{}: '{}'", what_, key)))
    out.push_back(scalar_of(file_, item, fmt::format("{}: '{}' item", what_, key)));
  return out;
}

std::map<std::string, std::string> MapReader::str_map(std::string_view key) {
  std::map<std::string, std::string> out;
  YamlNode n = optional_node(key);
  if (!n) return out;
  MapReader sub(file_, n, fmt::format("{}: '{}'", what_, key));
  for (const Entry& e : sub.entries_) out[std::string(e.name)] = sub.str(e.name);
  return out;
}

void MapReader::finish() {
  // The keys read, sorted: did_you_mean breaks ties by this order.
  std::vector<std::string> known;
  for (const Entry& e : entries_)
    if (e.used) known.emplace_back(e.name);
  std::sort(known.begin(), known.end());
  for (const Entry& e : entries_)
    if (!e.used) {
      const std::string k(e.name);
      throw InputError(file_.at(e.key),
                       fmt::format("{}: unknown key '{}'{}", what_, k, did_you_mean(k, known)));
    }
}

}  // namespace plainsight
