// A parsed YAML file that remembers its name, so every node can say file:line:col.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/input_error.h"

namespace plainsight {

class YamlFile {
 public:
  // Reads and parses; throws InputError for unreadable, oversized, empty, too deeply
  // nested or malformed input.
  static YamlFile load(const std::filesystem::path& path);
  static YamlFile parse(const std::string& text, const std::string& name);

  const std::string& name() const { return name_; }
  YAML::Node& root() { return root_; }
  const YAML::Node& root() const { return root_; }
  // Location of a node; nodes created by --set have no mark and point at the override.
  SourceLocation at(const YAML::Node& node) const;
  // Records an override so that errors on the values it set name it.
  void note_override(std::string text) { overrides_.push_back(std::move(text)); }
  // Records an override and the value node it set: errors on that node name this override.
  void note_override(std::string text, const YAML::Node& value) {
    set_values_.emplace_back(value, text);
    overrides_.push_back(std::move(text));
  }

 private:
  std::string name_;
  YAML::Node root_;
  std::vector<std::string> overrides_;
  std::vector<std::pair<YAML::Node, std::string>> set_values_;
};

// Throws InputError at the first byte of `text` that is not well-formed UTF-8. YAML is
// Unicode text and yaml-cpp does not check; every report format carries strings on, and
// JSON, SARIF and HTML output cannot carry invalid UTF-8.
void check_utf8(const std::string& text, const std::string& name);

// Input limits: a scenario is text a person writes; past these it is an error, not a crash.
inline constexpr std::size_t kMaxYamlBytes = 64u << 20;
inline constexpr int kMaxYamlDepth = 64;

}  // namespace plainsight
