#include "load/overlay.h"

#include <fmt/format.h>

namespace plainsight {

void apply_override(YamlFile& file, const std::string& assignment) {
  const SourceLocation where{"--set " + assignment, 0, 0};
  auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    throw InputError(where, "expected KEY=VALUE, e.g. platform.confidential_mode=on");
  // Command-line bytes end up in reports like YAML text does.
  check_utf8(assignment, where.file);
  std::string path = assignment.substr(0, eq);
  std::string value = assignment.substr(eq + 1);
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    auto dot = path.find('.', start);
    parts.push_back(path.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  for (const auto& p : parts)
    if (p.empty()) throw InputError(where, fmt::format("empty segment in key '{}'", path));

  YamlTree& tree = file.tree();
  YamlNode node = file.root();
  std::string walked;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    const bool last = i + 1 == parts.size();
    walked += (walked.empty() ? "" : ".") + part;
    if (node.IsSequence()) {
      YamlNode found;
      for (const YamlNode& item : node)
        if (item["id"].IsScalar() && item["id"].Scalar() == part) found = item;  // last wins
      if (!found)
        throw InputError(where, fmt::format("no item with id '{}' in '{}'", part, walked));
      if (last) throw InputError(where, fmt::format("'{}' is a list item, not a value", walked));
      node = found;
      continue;
    }
    if (!node.IsMap() && !node.IsNull())
      throw InputError(where, fmt::format("'{}' is a value, not a mapping", walked));
    const YamlNode target = node[part];
    std::uint32_t new_key = YamlTree::kNone;
    if (last) {
      if (target.IsMap() || target.IsSequence())
        throw InputError(where, fmt::format("'{}' is a {}, not a value", walked,
                                            target.IsMap() ? "mapping" : "list"));
      // A fresh node (no mark) replaces the old value, so errors on it name the override
      // rather than the line of the value it replaced.
      const std::uint32_t fresh = tree.new_scalar(value);
      tree.set(node.index(), part, fresh, &new_key);
      file.note_override_node(fresh, assignment);
      if (new_key != YamlTree::kNone) file.note_override_node(new_key, assignment);
      break;
    }
    if (target && !target.IsNull()) {
      node = target;
      continue;
    }
    // A missing or empty mapping on the way is created, as the override's own.
    const std::uint32_t map = tree.new_map();
    tree.set(node.index(), part, map, &new_key);
    file.note_override_node(map, assignment);
    if (new_key != YamlTree::kNone) file.note_override_node(new_key, assignment);
    node = tree.node(map);
  }
  file.note_override(assignment);
}

}  // namespace plainsight
