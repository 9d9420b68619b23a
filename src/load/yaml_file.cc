#include "load/yaml_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace plainsight {
namespace {

// yaml-cpp parses recursively; reject nesting deeper than any scenario needs before
// handing it text that could exhaust the stack.
void check_depth(const std::string& text, const std::string& name) {
  int flow = 0, line = 1, col = 0;
  bool in_single = false, in_double = false, at_line_start = true, in_comment = false;
  int indent = 0, dashes = 0;
  char prev = '\n';
  for (char c : text) {
    ++col;
    const char before = prev;
    prev = c;
    if (c == '\n') {
      ++line;
      col = 0;
      at_line_start = true;
      indent = dashes = 0;
      in_single = false;  // plain YAML quotes do not span lines in our files
      in_comment = false;
      continue;
    }
    // A comment runs to the end of the line: its quotes and brackets are not YAML.
    if (in_comment) continue;
    if (at_line_start) {
      if (c == ' ') {
        ++indent;
        continue;
      }
      if (c == '-') {
        ++dashes;
        continue;
      }
      at_line_start = false;
      if ((indent / 2) + dashes > kMaxYamlDepth)
        throw InputError({name, line, col},
                         fmt::format("nesting deeper than {} levels", kMaxYamlDepth));
    }
    if (c == '"' && !in_single) in_double = !in_double;
    if (c == '\'' && !in_double) in_single = !in_single;
    if (in_single || in_double) continue;
    if (c == '#') {
      in_comment = before == ' ' || before == '\t' || before == '\n';
      continue;
    }
    if (c == '[' || c == '{') {
      if (++flow > kMaxYamlDepth)
        throw InputError({name, line, col},
                         fmt::format("nesting deeper than {} levels", kMaxYamlDepth));
    } else if ((c == ']' || c == '}') && flow > 0) {
      --flow;
    }
  }
}

}  // namespace

YamlFile YamlFile::load(const std::filesystem::path& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) throw InputError({path.string()}, fmt::format("cannot read: {}", ec.message()));
  if (size > kMaxYamlBytes)
    throw InputError({path.string()},
                     fmt::format("file is {} bytes; the limit is {}", size, kMaxYamlBytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path.string()}, "cannot open for reading");
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), path.string());
}

YamlFile YamlFile::parse(const std::string& text, const std::string& name) {
  YamlFile f;
  f.name_ = name;
  if (text.find('\0') != std::string::npos) {
    auto pos = text.find('\0');
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + pos, '\n'));
    auto nl = text.rfind('\n', pos);
    int col = 1 + static_cast<int>(nl == std::string::npos ? pos : pos - nl - 1);
    throw InputError({name, line, col}, "binary data (NUL byte): expected YAML text");
  }
  check_depth(text, name);
  try {
    // One document per file: a second one would otherwise be dropped without a word.
    std::vector<YAML::Node> docs = YAML::LoadAll(text);
    if (docs.size() > 1) {
      const YAML::Mark m = docs[1].Mark();
      throw InputError({name, m.line + 1, m.column + 1},
                       "a second YAML document ('---'): expected one scenario per file");
    }
    if (!docs.empty()) f.root_ = docs[0];
  } catch (const YAML::Exception& e) {
    throw InputError({name, e.mark.line + 1, e.mark.column + 1},
                     fmt::format("malformed YAML: {}", e.msg));
  }
  if (!f.root_ || f.root_.IsNull())
    throw InputError({name, 1, 1}, "the file is empty: expected a YAML mapping");
  return f;
}

SourceLocation YamlFile::at(const YAML::Node& node) const {
  const YAML::Mark m = node.Mark();
  if (m.is_null() || m.line < 0) {
    for (const auto& [value, text] : set_values_)
      if (value.is(node)) return {"--set " + text, 0, 0};
    std::string where = overrides_.empty() ? name_ : "--set " + overrides_.back();
    return {where, 0, 0};
  }
  return {name_, m.line + 1, m.column + 1};
}

}  // namespace plainsight
