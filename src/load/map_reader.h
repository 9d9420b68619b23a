// Strict reading of one YAML mapping: wrong types, duplicate keys, unknown keys (with
// "did you mean"), missing keys and absurd quantities all become InputError at file:line:col.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "load/yaml_file.h"

namespace plainsight {

class MapReader {
 public:
  // `what` names the mapping in messages ("stage 'ckpt'").
  MapReader(const YamlFile& file, const YAML::Node& node, std::string what);

  // Rejects any key not in `keys`, suggesting the closest allowed one.
  void allow(const std::vector<std::string>& keys);
  const std::vector<std::string>& keys() const { return order_; }

  bool has(const std::string& key) const;
  YAML::Node node(const std::string& key);  // required
  YAML::Node optional_node(const std::string& key);

  std::string str(const std::string& key);
  std::string str_or(const std::string& key, const std::string& fallback);
  std::string id(const std::string& key);  // [a-z0-9_.-]+
  double number(const std::string& key, double min, double max);
  double number_or(const std::string& key, double fallback, double min, double max);
  // A whole number (shards, nodes, a level): 2.5 is an error, not 2.
  int integer(const std::string& key, int min, int max);
  int integer_or(const std::string& key, int fallback, int min, int max);
  bool on_off_or(const std::string& key, bool fallback);               // on/off, true/false
  double bytes(const std::string& key);                                // > 0, <= kMaxBytes
  double duration(const std::string& key);                             // > 0, <= kMaxSeconds
  double bandwidth(const std::string& key);                            // > 0
  double rate(const std::string& key);                                 // > 0
  std::vector<std::string> str_list(const std::string& key);           // optional: empty if absent
  std::map<std::string, std::string> str_map(const std::string& key);  // optional

  // Call after reading: every key not read is an unknown key.
  void finish();

  SourceLocation at_key(const std::string& key) const;
  SourceLocation at_value(const std::string& key) const;
  SourceLocation at() const { return file_.at(node_); }
  const YamlFile& file() const { return file_; }

 private:
  std::string scalar(const std::string& key);
  const YamlFile& file_;
  YAML::Node node_;
  std::string what_;
  struct Entry {
    YAML::Node key, value;
    bool used = false;
  };
  // The entry for a key, or null. A scenario's mappings have a handful of keys: a scan of
  // a flat vector beats a tree of node copies; big ones (a str_map) get an index.
  const Entry* find(const std::string& key) const;
  Entry* find(const std::string& key) { return const_cast<Entry*>(std::as_const(*this).find(key)); }
  std::vector<Entry> entries_;  // in file order, parallel to order_
  std::vector<std::string> order_;
  std::unordered_map<std::string, std::size_t> index_;  // key -> entry, only for big maps
};

// Reads a scalar from a node with its location; throws if it is not a scalar.
std::string scalar_of(const YamlFile& file, const YAML::Node& node, const std::string& what);
// The elements of a sequence node; throws if it is not a sequence.
std::vector<YAML::Node> sequence_of(const YamlFile& file, const YAML::Node& node,
                                    const std::string& what);

}  // namespace plainsight
