#include "load/yaml_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>

namespace plainsight {
namespace {

// Where each document of a YAML stream starts, nothing else. yaml-cpp 0.7's LoadAll never
// returns on some malformed input: a stray ',' at the top level yields empty documents at
// the same position forever, until memory runs out. Counting starts ourselves lets the
// caller stop after a few and tell such a loop from a real second document.
class DocumentStarts : public YAML::EventHandler {
 public:
  std::vector<YAML::Mark> marks;       // where each document starts ('---' or its content)
  std::vector<YAML::Mark> first_node;  // each document's first node, for messages
  void OnDocumentStart(const YAML::Mark& mark) override { marks.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { node(m); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { node(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                const std::string&) override {
    node(m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    node(m);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    node(m);
  }
  void OnMapEnd() override {}

 private:
  void node(const YAML::Mark& m) {
    if (first_node.size() < marks.size()) first_node.push_back(m);
  }
};

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
    std::istringstream in(text);
    YAML::Parser parser(in);
    DocumentStarts starts;
    while (starts.marks.size() < 3 && parser.HandleNextDocument(starts)) {
    }
    const auto& m = starts.marks;
    for (std::size_t i = 1; i < m.size(); ++i) {
      // No progress since the previous document: a token that starts no value.
      if (m[i].pos == m[i - 1].pos) {
        const char c = m[i].pos >= 0 && static_cast<std::size_t>(m[i].pos) < text.size()
                           ? text[m[i].pos]
                           : ' ';
        throw InputError({name, m[i].line + 1, m[i].column + 1},
                         fmt::format("malformed YAML: unexpected '{}'", c));
      }
    }
    if (m.size() > 1) {
      const YAML::Mark at = starts.first_node.size() > 1 ? starts.first_node[1] : m[1];
      throw InputError({name, at.line + 1, at.column + 1},
                       "a second YAML document ('---'): expected one scenario per file");
    }
    f.root_ = YAML::Load(text);
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
