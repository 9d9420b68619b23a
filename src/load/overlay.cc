#include "load/overlay.h"

#include <fmt/format.h>

#include "core/limits.h"
#include "core/printable.h"

namespace plainsight {
namespace {

struct Segment {
  std::string text;
  bool item = false;  // written [id]: a list item, whose id may hold dots
};

// "groups[node].stages[n0.ckpt].duration" -> groups, [node], stages, [n0.ckpt], duration.
std::vector<Segment> key_segments(const std::string& path, const SourceLocation& where) {
  std::vector<Segment> out;
  std::string word;
  bool after_item = false;  // just closed a bracket: a '.', a '[' or the end must follow
  auto close_word = [&] {
    if (word.empty() && !after_item)
      throw InputError(where, fmt::format("empty segment in key '{}'", echo(path)));
    if (!word.empty()) out.push_back({std::move(word), false});
    word.clear();
  };
  for (std::size_t i = 0; i < path.size(); ++i) {
    const char ch = path[i];
    if (after_item && ch != '.' && ch != '[')
      throw InputError(where,
                       fmt::format("in key '{}': expected '.' or '[' after ']'", echo(path)));
    if (ch == '.') {
      close_word();
      after_item = false;
    } else if (ch == '[') {
      if (!word.empty()) out.push_back({std::move(word), false});
      word.clear();
      const std::size_t end = path.find(']', i + 1);
      if (end == std::string::npos)
        throw InputError(where, fmt::format("in key '{}': '[' without a closing ']'", echo(path)));
      std::string id = path.substr(i + 1, end - i - 1);
      if (id.empty() || id.find('[') != std::string::npos)
        throw InputError(
            where, fmt::format("in key '{}': expected an id between '[' and ']'", echo(path)));
      out.push_back({std::move(id), true});
      i = end;
      after_item = true;
    } else if (ch == ']') {
      throw InputError(where, fmt::format("in key '{}': ']' without '['", echo(path)));
    } else {
      word += ch;
    }
  }
  if (!after_item) close_word();
  return out;
}

// Sets the value at `parts` below `node`; `walked` names the path so far in messages.
void set_below(YamlFile& file, YamlNode node, const std::vector<Segment>& parts, std::size_t first,
               const std::string& value, const SourceLocation& where, std::size_t self,
               std::string walked) {
  YamlTree& tree = file.tree();
  for (std::size_t i = first; i < parts.size(); ++i) {
    const std::string& part = parts[i].text;
    const bool last = i + 1 == parts.size();
    walked += parts[i].item ? "[" + part + "]" : (walked.empty() ? "" : ".") + part;
    if (node.IsSequence()) {
      // Indexed once per list (last of equal ids wins): overrides do not scan the list.
      const std::uint32_t index = file.item_with_id(node, part);
      const YamlNode found = index == YamlTree::kNone ? YamlNode() : tree.node(index);
      if (!found) {
        std::string_view dotted;  // an id that starts with this segment and a dot
        for (const YamlNode& item : node) {
          if (!item["id"].IsScalar()) continue;
          const std::string_view id = item["id"].Scalar();
          if (dotted.empty() && id.size() > part.size() && id.starts_with(part) &&
              id[part.size()] == '.')
            dotted = id;
        }
        // The list's own path, for the suggestion: "stages" of "stages.n0".
        std::string list = walked.substr(0, walked.size() - part.size() - (parts[i].item ? 2 : 0));
        if (!list.empty() && list.back() == '.') list.pop_back();
        // The longest run of the following segments that, joined by dots, is an id: the
        // whole key as it was meant ("stages[node-17.ckpt].duration").
        if (!parts[i].item) {
          std::string joined = part;
          std::string best;
          std::size_t best_end = i;
          for (std::size_t j = i + 1; j < parts.size() && !parts[j].item; ++j) {
            joined += "." + parts[j].text;
            for (const YamlNode& item : node)
              if (item["id"].IsScalar() && item["id"].Scalar() == joined) {
                best = joined;
                best_end = j;
              }
          }
          if (!best.empty()) {
            std::string meant = list + "[" + best + "]";
            for (std::size_t j = best_end + 1; j < parts.size(); ++j)
              meant += parts[j].item ? "[" + parts[j].text + "]" : "." + parts[j].text;
            throw InputError(where, fmt::format("no item with id '{}' in '{}'; an id with dots "
                                                "goes in brackets: {}",
                                                echo(part), echo(walked), echo(meant)));
          }
        }
        throw InputError(where,
                         fmt::format("no item with id '{}' in '{}'{}", echo(part), echo(walked),
                                     dotted.empty() || parts[i].item
                                         ? ""
                                         : fmt::format("; an id with dots goes in brackets: {}[{}]",
                                                       echo(list), echo(dotted))));
      }
      if (last)
        throw InputError(where, fmt::format("'{}' is a list item, not a value", echo(walked)));
      node = found;
      continue;
    }
    if (parts[i].item)
      throw InputError(where, fmt::format("'{}': [{}] names a list item, but this is not a list",
                                          echo(walked), echo(part)));
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
      if (part == "id" && target.IsScalar() && target.Scalar() != value)
        file.note_renamed_id(std::string(target.Scalar()), self);
      tree.set(node.index(), part, fresh, &new_key);
      if (part == "id") file.forget_item_ids();  // an item of some list may have a new id
      file.note_override_node(fresh, self);
      if (new_key != YamlTree::kNone) file.note_override_node(new_key, self);
      return;
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

}  // namespace

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
  // Command-line bytes end up in reports like YAML text does.
  check_utf8(assignment, where.file);
  const std::string path = assignment.substr(0, eq);
  const std::string value = assignment.substr(eq + 1);
  const std::vector<Segment> parts = key_segments(path, where);
  if (parts.size() > static_cast<std::size_t>(kMaxSetKeySegments))
    throw InputError(where, fmt::format("the key has more than {} segments", kMaxSetKeySegments));
  const std::size_t self = file.note_override(assignment);
  set_below(file, file.root(), parts, 0, value, where, self, "");
  // `platform.KEY` reaches every place of ours through the loader (load/scenario_places):
  // a place's own keys stay as stated (pinned).
}

std::vector<SetKeySegment> set_key_segments(const std::string& key, const SourceLocation& where) {
  std::vector<SetKeySegment> out;
  for (Segment& s : key_segments(key, where)) out.push_back({std::move(s.text), s.item});
  return out;
}

}  // namespace plainsight
