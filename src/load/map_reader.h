// Strict reading of one YAML mapping: wrong types, duplicate keys, unknown keys (with
// "did you mean"), missing keys and absurd quantities all become InputError at file:line:col.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/quantity.h"
#include "load/scenario_keys.h"
#include "load/yaml_file.h"

namespace plainsight {

class MapReader {
 public:
  // `what` names the mapping in messages ("stage 'ckpt'").
  MapReader(const YamlFile& file, const YamlNode& node, std::string what);

  // Rejects any key not in `keys`, suggesting the closest allowed one.
  void allow(std::initializer_list<std::string_view> keys);
  // The same for a scenario mapping, from its key table (load/scenario_keys.h).
  void allow(const MappingSpec& spec);
  std::vector<std::string> keys() const;  // in file order

  bool has(std::string_view key) const;
  YamlNode node(std::string_view key);           // required
  YamlNode optional_node(std::string_view key);  // undefined (false) when absent

  // Text without control or invisible characters (line breaks allowed).
  std::string str(std::string_view key);
  std::string str_or(std::string_view key, const std::string& fallback);
  // A name: str() on one line, not empty, at most kMaxNameChars bytes.
  std::string name(std::string_view key);
  std::string name_or(std::string_view key, const std::string& fallback);
  std::string id(std::string_view key);  // [a-z0-9_.-]+, at most kMaxIdChars
  double number(std::string_view key, double min, double max);
  double number_or(std::string_view key, double fallback, double min, double max);
  // A whole number (shards, nodes, a level): 2.5 is an error, not 2.
  int integer(std::string_view key, int min, int max);
  int integer_or(std::string_view key, int fallback, int min, int max);
  // A count of events or loads: a whole number, possibly beyond int.
  double count(std::string_view key, double min, double max);
  bool on_off_or(std::string_view key, bool fallback);  // parse_on_off (core/on_off.h)
  // Quantities within the ranges of core/limits.h: kMinBytes..kMaxBytes and so on.
  double bytes(std::string_view key);
  double duration(std::string_view key);
  double bandwidth(std::string_view key);
  double rate(std::string_view key);
  std::vector<std::string> str_list(std::string_view key);           // optional: empty if absent
  std::map<std::string, std::string> str_map(std::string_view key);  // optional

  // Call after reading: every key not read is an unknown key.
  void finish();

  SourceLocation at_key(std::string_view key) const;
  SourceLocation at_value(std::string_view key) const;
  SourceLocation at() const { return file_.at(node_); }
  const YamlFile& file() const { return file_; }

 private:
  std::string_view scalar(std::string_view key);
  const YamlFile& file_;
  YamlNode node_;
  std::string what_;
  struct Entry {
    std::string_view name;  // the key's text, in the tree
    YamlNode key, value;
    bool used = false;
  };
  // The entry for a key, or null. A scenario's mappings have a handful of keys: a scan of
  // a flat vector beats hashing; big ones (a str_map) get an index.
  const Entry* find(std::string_view key) const;
  Entry* find(std::string_view key) { return const_cast<Entry*>(std::as_const(*this).find(key)); }
  std::vector<Entry> entries_;                               // in file order
  std::unordered_map<std::string_view, std::size_t> index_;  // key -> entry, only for big maps
};

// `text` as a quantity of `kind`: finite and within the plausible range (core/limits.h),
// else InputError at `at` ("what: 'key' ...").
double parse_quantity(std::string_view text, QuantityKind kind, const SourceLocation& at,
                      const std::string& what, std::string_view key);

// Reads a scalar from a node with its location; throws if it is not a scalar.
std::string scalar_of(const YamlFile& file, const YamlNode& node, const std::string& what);
// The elements of a sequence node; throws if it is not a sequence.
std::vector<YamlNode> sequence_of(const YamlFile& file, const YamlNode& node,
                                  const std::string& what);

}  // namespace plainsight
