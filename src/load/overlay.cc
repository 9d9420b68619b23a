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

  YAML::Node node = file.root();
  std::string walked;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    const bool last = i + 1 == parts.size();
    walked += (walked.empty() ? "" : ".") + part;
    if (node.IsSequence()) {
      // A default-constructed YAML::Node is a defined null, so `!found` cannot tell
      // "no such item"; keep a flag.
      YAML::Node found;
      bool have = false;
      for (YAML::Node item : node)
        if (item.IsMap() && item["id"] && item["id"].IsScalar() && item["id"].Scalar() == part) {
          found.reset(item);
          have = true;
        }
      if (!have) throw InputError(where, fmt::format("no item with id '{}' in '{}'", part, walked));
      if (last) throw InputError(where, fmt::format("'{}' is a list item, not a value", walked));
      node.reset(found);
      continue;
    }
    if (!node.IsMap() && !node.IsNull())
      throw InputError(where, fmt::format("'{}' is a value, not a mapping", walked));
    if (last) {
      YAML::Node target = node[part];
      if (target && (target.IsMap() || target.IsSequence()))
        throw InputError(where, fmt::format("'{}' is a {}, not a value", walked,
                                            target.IsMap() ? "mapping" : "list"));
      // A fresh node (no mark) replaces the old value, so errors on it name the override
      // rather than the line of the value it replaced.
      YAML::Node fresh(value);
      node[part] = fresh;
      file.note_override(assignment, fresh);
      return;
    } else {
      YAML::Node next = node[part];
      if (!next || next.IsNull()) {
        node[part] = YAML::Node(YAML::NodeType::Map);
        next = node[part];
      }
      node.reset(next);
    }
  }
  file.note_override(assignment);
}

}  // namespace plainsight
