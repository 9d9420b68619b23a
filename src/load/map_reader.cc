#include "load/map_reader.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/quantity.h"
#include "load/did_you_mean.h"

namespace plainsight {
namespace {

std::string kind_of(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Scalar:
      return "'" + n.Scalar() + "'";
    case YAML::NodeType::Null:
      return "nothing";
    default:
      return "an undefined value";
  }
}

bool is_id(const std::string& s) {
  if (s.empty() || s.size() > 128) return false;
  for (char c : s)
    if (!(std::islower(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'))
      return false;
  return true;
}

// Mappings with more keys than this are looked up through an index instead of a scan.
constexpr std::size_t kIndexed = 16;

}  // namespace

std::string scalar_of(const YamlFile& file, const YAML::Node& node, const std::string& what) {
  if (!node.IsScalar())
    throw InputError(file.at(node),
                     fmt::format("{}: expected a value, got {}", what, kind_of(node)));
  return node.Scalar();
}

std::vector<YAML::Node> sequence_of(const YamlFile& file, const YAML::Node& node,
                                    const std::string& what) {
  if (!node.IsSequence())
    throw InputError(file.at(node),
                     fmt::format("{}: expected a list, got {}", what, kind_of(node)));
  std::vector<YAML::Node> out;
  for (const YAML::Node& n : node) out.push_back(n);
  return out;
}

MapReader::MapReader(const YamlFile& file, const YAML::Node& node, std::string what)
    : file_(file), node_(node), what_(std::move(what)) {
  if (!node.IsMap())
    throw InputError(file.at(node), fmt::format("{}: expected a mapping of keys to values, got {}",
                                                what_, kind_of(node)));
  // Sized once: growing them entry by entry fragmented the heap the YAML tree shares (the
  // peak of analyzing a 100,000-stage scenario rose from 1.11 to 1.39 GB).
  entries_.reserve(node.size());
  order_.reserve(node.size());
  for (const auto& kv : node) {
    if (!kv.first.IsScalar())
      throw InputError(file.at(kv.first), fmt::format("{}: keys must be plain words", what_));
    const std::string& key = kv.first.Scalar();
    if (const Entry* first = find(key))
      throw InputError(file.at(kv.first), fmt::format("{}: duplicate key '{}' (first at line {})",
                                                      what_, key, file.at(first->key).line));
    entries_.push_back({kv.first, kv.second});
    order_.push_back(key);
    if (order_.size() == kIndexed + 1)
      for (std::size_t i = 0; i < order_.size(); ++i) index_.emplace(order_[i], i);
    else if (order_.size() > kIndexed)
      index_.emplace(key, order_.size() - 1);
  }
}

const MapReader::Entry* MapReader::find(const std::string& key) const {
  if (order_.size() > kIndexed) {
    auto it = index_.find(key);
    return it == index_.end() ? nullptr : &entries_[it->second];
  }
  for (std::size_t i = 0; i < order_.size(); ++i)
    if (order_[i] == key) return &entries_[i];
  return nullptr;
}

void MapReader::allow(const std::vector<std::string>& keys) {
  for (const std::string& k : order_)
    if (std::find(keys.begin(), keys.end(), k) == keys.end())
      throw InputError(at_key(k),
                       fmt::format("{}: unknown key '{}'{}", what_, k, did_you_mean(k, keys)));
}

bool MapReader::has(const std::string& key) const { return find(key) != nullptr; }

SourceLocation MapReader::at_key(const std::string& key) const {
  const Entry* e = find(key);
  return e ? file_.at(e->key) : at();
}

SourceLocation MapReader::at_value(const std::string& key) const {
  const Entry* e = find(key);
  return e ? file_.at(e->value) : at();
}

YAML::Node MapReader::node(const std::string& key) {
  Entry* e = find(key);
  if (!e) throw InputError(at(), fmt::format("{}: missing required key '{}'", what_, key));
  e->used = true;
  return e->value;
}

YAML::Node MapReader::optional_node(const std::string& key) {
  Entry* e = find(key);
  if (!e) return YAML::Node(YAML::NodeType::Undefined);
  e->used = true;
  return e->value;
}

std::string MapReader::scalar(const std::string& key) {
  YAML::Node n = node(key);
  return scalar_of(file_, n, fmt::format("{}: '{}'", what_, key));
}

std::string MapReader::str(const std::string& key) { return scalar(key); }

std::string MapReader::str_or(const std::string& key, const std::string& fallback) {
  return has(key) ? scalar(key) : fallback;
}

std::string MapReader::id(const std::string& key) {
  std::string v = scalar(key);
  if (!is_id(v))
    throw InputError(at_value(key),
                     fmt::format("{}: '{}' must be an id of lower-case letters, digits, '_', "
                                 "'-' or '.', got '{}'",
                                 what_, key, v));
  return v;
}

double MapReader::number(const std::string& key, double min, double max) {
  std::string v = scalar(key);
  QuantityError err;
  double d = parse_bytes(v, &err);  // plain numbers parse as bytes with factor 1
  bool plain = !v.empty() && v.find_first_not_of("0123456789.eE+-") == std::string::npos;
  if (!plain || std::isnan(d))
    throw InputError(at_value(key),
                     fmt::format("{}: '{}' expected a number, got '{}'", what_, key, v));
  if (d < min || d > max)
    throw InputError(at_value(key), fmt::format("{}: '{}' is {}; expected between {} and {}", what_,
                                                key, v, min, max));
  return d;
}

double MapReader::number_or(const std::string& key, double fallback, double min, double max) {
  return has(key) ? number(key, min, max) : fallback;
}

int MapReader::integer(const std::string& key, int min, int max) {
  double d = number(key, min, max);
  if (d != std::floor(d))
    throw InputError(at_value(key), fmt::format("{}: '{}' expected a whole number, got '{}'", what_,
                                                key, scalar(key)));
  return static_cast<int>(d);
}

int MapReader::integer_or(const std::string& key, int fallback, int min, int max) {
  return has(key) ? integer(key, min, max) : fallback;
}

bool MapReader::on_off_or(const std::string& key, bool fallback) {
  if (!has(key)) return fallback;
  std::string v = scalar(key);
  if (v == "on" || v == "true" || v == "yes") return true;
  if (v == "off" || v == "false" || v == "no") return false;
  throw InputError(at_value(key),
                   fmt::format("{}: '{}' expected on or off, got '{}'", what_, key, v));
}

namespace {
template <class F>
double quantity(MapReader& r, const std::string& what, const std::string& key, const std::string& v,
                F parse, double max, const char* kind) {
  QuantityError err;
  double d = parse(v, &err);
  if (std::isnan(d))
    throw InputError(r.at_value(key), fmt::format("{}: '{}': {}", what, key, err.message));
  if (d <= 0)
    throw InputError(r.at_value(key),
                     fmt::format("{}: '{}' is {}; a {} must be positive", what, key, v, kind));
  if (d > max)
    throw InputError(r.at_value(key), fmt::format("{}: '{}' is {}; that is beyond any plausible {}",
                                                  what, key, v, kind));
  return d;
}
}  // namespace

double MapReader::bytes(const std::string& key) {
  return quantity(*this, what_, key, scalar(key), parse_bytes, kMaxBytes, "size");
}
double MapReader::duration(const std::string& key) {
  return quantity(*this, what_, key, scalar(key), parse_duration, kMaxSeconds, "duration");
}
double MapReader::bandwidth(const std::string& key) {
  return quantity(*this, what_, key, scalar(key), parse_bandwidth, 1e16, "bandwidth");
}
double MapReader::rate(const std::string& key) {
  return quantity(*this, what_, key, scalar(key), parse_rate, 1e6, "rate");
}

std::vector<std::string> MapReader::str_list(const std::string& key) {
  std::vector<std::string> out;
  YAML::Node n = optional_node(key);
  if (!n) return out;
  for (const YAML::Node& item : sequence_of(file_, n, fmt::format("{}: '{}'", what_, key)))
    out.push_back(scalar_of(file_, item, fmt::format("{}: '{}' item", what_, key)));
  return out;
}

std::map<std::string, std::string> MapReader::str_map(const std::string& key) {
  std::map<std::string, std::string> out;
  YAML::Node n = optional_node(key);
  if (!n) return out;
  MapReader sub(file_, n, fmt::format("{}: '{}'", what_, key));
  for (const std::string& k : sub.order_) out[k] = sub.str(k);
  return out;
}

void MapReader::finish() {
  // The keys read, sorted: did_you_mean breaks ties by this order.
  std::vector<std::string> known;
  for (std::size_t i = 0; i < order_.size(); ++i)
    if (entries_[i].used) known.push_back(order_[i]);
  std::sort(known.begin(), known.end());
  for (std::size_t i = 0; i < order_.size(); ++i)
    if (!entries_[i].used)
      throw InputError(
          file_.at(entries_[i].key),
          fmt::format("{}: unknown key '{}'{}", what_, order_[i], did_you_mean(order_[i], known)));
}

}  // namespace plainsight
