// A parsed YAML file that remembers its name, so every node can say file:line:col.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/input_error.h"
#include "core/limits.h"
#include "load/yaml_tree.h"

namespace plainsight {

class YamlFile {
 public:
  // Reads and parses; throws InputError for unreadable, oversized, empty, too deeply
  // nested or malformed input, and for more than one document.
  // `too_large`: what to add to the message for a file over the size limit (how to say the
  // same in less), or "".
  static YamlFile load(const std::filesystem::path& path, std::string_view too_large = {});
  static YamlFile parse(const std::string& text, const std::string& name);

  const std::string& name() const { return name_; }
  YamlNode root() const { return tree_->root(); }
  // For --set, which edits the tree before it is read.
  YamlTree& tree() { return *tree_; }
  // Location of a node; nodes created by --set have no mark and point at the override.
  SourceLocation at(const YamlNode& node) const;
  // Location of the i-th element of a list: where its alias stands when it is one.
  SourceLocation at_item(const YamlNode& list, std::size_t i) const;
  // Records an override so that errors on the values it set name it; returns its number.
  std::size_t note_override(std::string text) {
    overrides_.push_back(std::move(text));
    return overrides_.size() - 1;
  }
  // Records a node the override numbered `override` created: errors on it name that one.
  void note_override_node(std::uint32_t node, std::size_t override) {
    set_nodes_.emplace_back(node, override);
  }
  // For --set: the item of `list` whose scalar `id` is `id` (the last of equal ids), or
  // kNone. Each list is indexed once, so a thousand overrides on a 200,000-stage list do not
  // scan it a thousand times; forget_item_ids() after an override changes an id.
  std::uint32_t item_with_id(const YamlNode& list, std::string_view id);
  void forget_item_ids() { item_ids_.clear(); }
  // Records that the override numbered `override` changed an id away from `from`, so that a
  // reference to the old id can say which override renamed it.
  void note_renamed_id(std::string from, std::size_t override) {
    renamed_.emplace_back(std::move(from), override);
  }
  // ", renamed by --set KEY=VALUE" when an override changed an id `id` to another, else "".
  std::string renamed_note(std::string_view id) const;

 private:
  std::string name_;
  // Behind a pointer so that nodes keep pointing at it when the file is moved.
  std::unique_ptr<YamlTree> tree_ = std::make_unique<YamlTree>();
  std::vector<std::string> overrides_;
  std::vector<std::pair<std::uint32_t, std::size_t>> set_nodes_;  // node, its override
  std::vector<std::pair<std::string, std::size_t>> renamed_;      // old id, its override
  // List node -> its items by id (item_with_id).
  std::unordered_map<std::uint32_t, std::unordered_map<std::string_view, std::uint32_t>> item_ids_;
};

// Throws InputError at the first byte of `text` that is not well-formed UTF-8. YAML is
// Unicode text; every report format carries strings on, and JSON, SARIF and HTML output
// cannot carry invalid UTF-8.
void check_utf8(const std::string& text, const std::string& name);

}  // namespace plainsight
