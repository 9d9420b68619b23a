#include "load/overlay.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/limits.h"
#include "core/printable.h"

namespace plainsight {

void apply_override(YamlFile& file, const std::string& assignment) {
  // Messages name the override, cut short: a value can be a megabyte.
  const SourceLocation where{"--set " + echo(assignment, kMaxEchoSetChars), 0, 0};
  auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    throw InputError(where, "expected KEY=VALUE, e.g. platform.confidential_mode=on");
  // A key is a path no deeper than a file may nest; walking a longer one costs a node, and
  // a message, per segment.
  if (eq > kMaxSetKeyBytes)
    throw InputError(where,
                     fmt::format("the key is {} bytes long; the limit is {}", eq, kMaxSetKeyBytes));
  if (std::count(assignment.begin(), assignment.begin() + static_cast<std::ptrdiff_t>(eq), '.') >=
      kMaxSetKeySegments)
    throw InputError(where, fmt::format("the key has more than {} segments", kMaxSetKeySegments));
  // Command-line bytes end up in reports like YAML text does.
  check_utf8(assignment, where.file);
  const std::size_t self = file.note_override(assignment);
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
    if (p.empty()) throw InputError(where, fmt::format("empty segment in key '{}'", echo(path)));

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
        throw InputError(where,
                         fmt::format("no item with id '{}' in '{}'", echo(part), echo(walked)));
      if (last)
        throw InputError(where, fmt::format("'{}' is a list item, not a value", echo(walked)));
      node = found;
      continue;
    }
    if (!node.IsMap() && !node.IsNull())
      throw InputError(where, fmt::format("'{}' is a value, not a mapping", echo(walked)));
    const YamlNode target = node[part];
    std::uint32_t new_key = YamlTree::kNone;
    if (last) {
      if (target.IsMap() || target.IsSequence())
        throw InputError(where, fmt::format("'{}' is a {}, not a value", echo(walked),
                                            target.IsMap() ? "mapping" : "list"));
      // A fresh node (no mark) replaces the old value, so errors on it name the override
      // rather than the line of the value it replaced.
      const std::uint32_t fresh = tree.new_scalar(value);
      tree.set(node.index(), part, fresh, &new_key);
      file.note_override_node(fresh, self);
      if (new_key != YamlTree::kNone) file.note_override_node(new_key, self);
      break;
    }
    if (target && !target.IsNull()) {
      node = target;
      continue;
    }
    // A missing or empty mapping on the way is created, as the override's own.
    const std::uint32_t map = tree.new_map();
    tree.set(node.index(), part, map, &new_key);
    file.note_override_node(map, self);
    if (new_key != YamlTree::kNone) file.note_override_node(new_key, self);
    node = tree.node(map);
  }
}

}  // namespace plainsight
