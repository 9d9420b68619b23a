#include "load/yaml_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>

namespace plainsight {
namespace {
class FirstDocument;
}  // namespace
}  // namespace plainsight

// YAML::Node's constructor from a built tree is private; as_if is its friend, and this
// specialization, keyed on our builder, only wraps the tree it built.
template <>
struct YAML::as_if<plainsight::FirstDocument, void> {
  static Node wrap(detail::node& root, const detail::shared_memory_holder& memory) {
    return Node(root, memory);
  }
};

namespace plainsight {
namespace {

// Where each document of a YAML stream starts, and the first document's node tree, from
// one pass of the parser. yaml-cpp 0.7's LoadAll never returns on some malformed input: a
// stray ',' at the top level yields empty documents at the same position forever, until
// memory runs out. Counting starts ourselves lets the caller stop after a few and tell such
// a loop from a real second document. The tree is built here rather than by a second
// YAML::Load of the text because the scanner dominates load time (it halved the cost of a
// 100,000-stage scenario); yaml-cpp's own builder is not exported, so this one does what
// YAML::Load does for the first document: same nodes, marks, tags, styles and anchors.
class FirstDocument : public YAML::EventHandler {
 public:
  std::vector<YAML::Mark> marks;       // where each document starts ('---' or its content)
  std::vector<YAML::Mark> first_node;  // each document's first node, for messages

  // The first document's root; a null Node when the stream had no document.
  YAML::Node root() const {
    if (!root_) return YAML::Node();
    return YAML::as_if<FirstDocument, void>::wrap(*root_, memory_);
  }

  void OnDocumentStart(const YAML::Mark& mark) override { marks.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t anchor) override {
    if (!node(m)) return;
    YAML::detail::node& n = create(m, anchor);
    n.set_null();
    complete(n);
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t anchor) override {
    if (!node(m)) return;
    // The parser has checked that the anchor exists; an alias shares the anchored node.
    complete(*anchors_.at(anchor));
  }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (!node(m)) return;
    YAML::detail::node& n = create(m, anchor);
    n.set_scalar(value);
    n.set_tag(tag);
    complete(n);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    if (!node(m)) return;
    open(m, tag, anchor, style, YAML::NodeType::Sequence);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    if (!node(m)) return;
    open(m, tag, anchor, style, YAML::NodeType::Map);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YAML::detail::node* collection;
    YAML::detail::node* key;  // a map's key waiting for its value
  };

  // Records the node's mark for messages; true while the first document is being built.
  bool node(const YAML::Mark& m) {
    if (first_node.size() < marks.size()) first_node.push_back(m);
    return marks.size() == 1;
  }
  YAML::detail::node& create(const YAML::Mark& m, YAML::anchor_t anchor) {
    YAML::detail::node& n = memory_->create_node();
    n.set_mark(m);
    if (anchor != YAML::NullAnchor) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, nullptr);
      anchors_[anchor] = &n;
    }
    return n;
  }
  void open(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style, YAML::NodeType::value type) {
    YAML::detail::node& n = create(m, anchor);
    n.set_type(type);
    n.set_tag(tag);
    n.set_style(style);
    open_.push_back({&n, nullptr});
  }
  void close() {
    if (marks.size() != 1 || open_.empty()) return;
    YAML::detail::node& n = *open_.back().collection;
    open_.pop_back();
    complete(n);
  }
  // A finished node goes into the collection that is open around it, or is the root.
  void complete(YAML::detail::node& n) {
    if (open_.empty()) {
      root_ = &n;
      return;
    }
    Open& parent = *open_.rbegin();
    if (parent.collection->type() == YAML::NodeType::Sequence) {
      parent.collection->push_back(n, memory_);
    } else if (!parent.key) {
      parent.key = &n;
    } else {
      parent.collection->insert(*parent.key, n, memory_);
      parent.key = nullptr;
    }
  }

  YAML::detail::shared_memory_holder memory_ = std::make_shared<YAML::detail::memory_holder>();
  std::vector<YAML::detail::node*> anchors_;
  std::vector<Open> open_;
  YAML::detail::node* root_ = nullptr;
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

void check_utf8(const std::string& text, const std::string& name) {
  int line = 1, col = 1;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    // Length of the sequence and the allowed range of its second byte (RFC 3629: no
    // overlong forms, no surrogates, nothing past U+10FFFF).
    std::size_t len = 1;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b < 0x80) {
      len = 1;
    } else if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      len = 0;
    }
    bool ok = len > 0 && i + len <= text.size();
    for (std::size_t k = 1; ok && k < len; ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      ok = k == 1 ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xBF);
    }
    if (!ok)
      throw InputError({name, line, col},
                       fmt::format("invalid UTF-8 (byte 0x{:02X}): expected UTF-8 text", b));
    if (b == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
    i += len;
  }
}

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
  check_utf8(text, name);
  check_depth(text, name);
  try {
    // One document per file: a second one would otherwise be dropped without a word.
    std::istringstream in(text);
    YAML::Parser parser(in);
    FirstDocument starts;
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
    f.root_ = starts.root();
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
