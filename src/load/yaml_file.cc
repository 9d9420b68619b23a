#include "load/yaml_file.h"

#include <yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <new>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "core/limits.h"
#include "core/printable.h"

namespace plainsight {
namespace {

constexpr const char* kSecondDocument =
    "a second YAML document ('---'): expected one scenario per file";

bool is_ascii(const char* p, std::size_t n) {
  std::uint64_t high = 0;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    high |= w;
  }
  for (; i < n; ++i) high |= static_cast<unsigned char>(p[i]);
  return (high & 0x8080808080808080ull) == 0;
}

// Byte offsets of libyaml marks, which count characters. Node marks arrive in text order,
// so a cursor that moves with them makes this linear over the file; ASCII needs none.
class ByteOffsets {
 public:
  explicit ByteOffsets(const std::string& text) : text_(text) {
    // libyaml skips a UTF-8 byte order mark without counting it.
    if (text.starts_with("\xEF\xBB\xBF")) base_ = byte_ = 3;
    ascii_ = is_ascii(text.data(), text.size());
  }
  std::size_t operator()(std::size_t index) {
    if (ascii_) return base_ + index;
    // An error's mark may lie behind the cursor: step back rather than rescan.
    while (chars_ > index && byte_ > base_) {
      --byte_;
      while (byte_ > base_ && (static_cast<unsigned char>(text_[byte_]) & 0xC0) == 0x80) --byte_;
      --chars_;
    }
    while (chars_ < index && byte_ < text_.size()) {
      const auto b = static_cast<unsigned char>(text_[byte_]);
      byte_ += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;  // valid UTF-8: checked before
      ++chars_;
    }
    return byte_;
  }

 private:
  const std::string& text_;
  bool ascii_ = true;
  std::size_t base_ = 0, chars_ = 0, byte_ = 0;
};

// One libyaml parser over `text`, and the event it returned last.
class EventParser {
 public:
  explicit EventParser(const std::string& text) {
    if (!yaml_parser_initialize(&parser_)) throw std::bad_alloc();
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  ~EventParser() {
    clear();
    yaml_parser_delete(&parser_);
  }
  EventParser(const EventParser&) = delete;
  EventParser& operator=(const EventParser&) = delete;

  // The next event, or null on a syntax error (then error() says what).
  const yaml_event_t* next() {
    clear();
    if (!yaml_parser_parse(&parser_, &event_)) {
      if (parser_.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
      return nullptr;
    }
    have_event_ = true;
    return &event_;
  }
  const yaml_parser_t& error() const { return parser_; }

 private:
  void clear() {
    if (have_event_) yaml_event_delete(&event_);
    have_event_ = false;
  }
  yaml_parser_t parser_;
  yaml_event_t event_;
  bool have_event_ = false;
};

// Line and column (1-based, columns in characters) of a byte of valid UTF-8 text.
SourceLocation location_of_byte(const std::string& text, std::size_t pos, const std::string& name) {
  pos = std::min(pos, text.size());
  int line = 1, col = 1;
  for (std::size_t i = 0; i < pos; ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == '\n') {
      ++line;
      col = 1;
    } else if ((b & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {name, line, col};
}

// What stands at byte `at`, for a message: libyaml's parser says what it expected only.
std::string found_at(const std::string& text, std::size_t at) {
  if (at >= text.size()) return "the end of the file";
  constexpr std::string_view kIndicators = ",[]{}:?-|>!&*%@`#'\"";
  if (kIndicators.find(text[at]) != std::string_view::npos) return fmt::format("'{}'", text[at]);
  std::size_t end = at;
  while (end < text.size() && end - at < 24 &&
         !std::isspace(static_cast<unsigned char>(text[end])) &&
         std::string_view(",[]{}:#").find(text[end]) == std::string_view::npos)
    ++end;
  // Never cut a UTF-8 sequence: the message goes into JSON and HTML reports.
  while (end < text.size() && end > at && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
    --end;
  return fmt::format("'{}'", text.substr(at, end - at));
}

// libyaml's problem, made specific where its words are vague, and its context.
std::string syntax_problem(const yaml_parser_t& p, const std::string& text, ByteOffsets& bytes) {
  std::string problem = p.problem ? p.problem : "unknown syntax error";
  if (p.error == YAML_READER_ERROR && p.problem_value >= 0)
    problem += fmt::format(" (U+{:04X})", p.problem_value);
  if (p.error == YAML_PARSER_ERROR && problem.starts_with("did not find"))
    problem += ", found " + found_at(text, bytes(p.problem_mark.index));
  if (problem == "found character that cannot start any token") {
    const std::size_t at = bytes(p.problem_mark.index);
    const char c = at < text.size() ? text[at] : ' ';
    if (c == '\t')
      problem = "found a tab that cannot start any token; YAML indents with spaces, not tabs";
    else if (static_cast<unsigned char>(c) > ' ' && static_cast<unsigned char>(c) < 0x7F)
      problem = fmt::format("found character '{}' that cannot start any token", c);
  }
  // libyaml stops a plain key after 1024 characters and says only that it found no ':'.
  if (problem == "could not find expected ':'" && p.context &&
      std::string_view(p.context) == "while scanning a simple key" &&
      p.context_mark.line == p.problem_mark.line &&
      p.problem_mark.index - p.context_mark.index >= kMaxYamlKeyChars)
    return fmt::format(
        "a key longer than {} characters (started at line {}, column {}): YAML "
        "allows no longer key",
        kMaxYamlKeyChars, p.context_mark.line + 1, p.context_mark.column + 1);
  if (!p.context) return problem;
  if (p.context_mark.line == p.problem_mark.line && p.context_mark.column == p.problem_mark.column)
    return fmt::format("{} ({})", problem, p.context);
  return fmt::format("{} ({} started at line {}, column {})", problem, p.context,
                     p.context_mark.line + 1, p.context_mark.column + 1);
}

// Builds the tree of the stream's only document from libyaml's events. Aliases share the
// anchored node, so an alias bomb costs one node per alias, not an expansion.
class TreeBuilder {
 public:
  TreeBuilder(const std::string& text, const std::string& name, YamlTree& tree)
      : text_(text), name_(name), tree_(tree), bytes_(text) {}

  void run() {
    EventParser parser(text_);
    tree_.reserve_for(text_.size());
    int documents = 0;
    bool first_ended = false;
    for (;;) {
      const yaml_event_t* e = parser.next();
      if (!e) {
        const yaml_parser_t& p = parser.error();
        const SourceLocation at =
            p.error == YAML_READER_ERROR
                ? location_of_byte(text_, p.problem_offset, name_)
                : SourceLocation{name_, static_cast<int>(p.problem_mark.line) + 1,
                                 static_cast<int>(p.problem_mark.column) + 1};
        // libyaml wants '---' before every document after the first; whatever it found
        // there instead is more than one document. (A bad character is bad anywhere.)
        if (first_ended && p.error != YAML_READER_ERROR) throw InputError(at, kSecondDocument);
        throw InputError(at, "malformed YAML: " + syntax_problem(p, text_, bytes_));
      }
      switch (e->type) {
        case YAML_STREAM_START_EVENT:
        case YAML_NO_EVENT:
          break;
        case YAML_STREAM_END_EVENT:
          return;
        case YAML_DOCUMENT_START_EVENT:
          if (++documents > 1) second_document(parser, e->start_mark);
          break;
        case YAML_DOCUMENT_END_EVENT:
          first_ended = true;
          break;
        case YAML_ALIAS_EVENT:
          alias(*e);
          break;
        case YAML_SCALAR_EVENT: {
          const auto& s = e->data.scalar;
          check_tag(str(s.tag), YamlKind::scalar, e->start_mark);
          const std::uint32_t n =
              tree_.add_scalar(std::string_view(reinterpret_cast<const char*>(s.value), s.length),
                               str(s.tag), s.style == YAML_PLAIN_SCALAR_STYLE, mark(e->start_mark));
          if (s.anchor) define(str(s.anchor), n);
          tree_.attach(n);
          break;
        }
        case YAML_SEQUENCE_START_EVENT:
          open(YamlKind::sequence, str(e->data.sequence_start.tag),
               str(e->data.sequence_start.anchor), e->start_mark);
          break;
        case YAML_MAPPING_START_EVENT:
          open(YamlKind::map, str(e->data.mapping_start.tag), str(e->data.mapping_start.anchor),
               e->start_mark);
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: {
          const std::uint32_t n = tree_.close();
          const std::size_t definition = open_anchors_.back();
          open_anchors_.pop_back();
          if (definition != kNoAnchor) complete(definition, n);
          break;
        }
      }
    }
  }

 private:
  static std::string_view str(const yaml_char_t* s) {
    return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
  }
  YamlMark mark(const yaml_mark_t& m) {
    return {static_cast<int>(m.line), static_cast<int>(m.column), bytes_(m.index)};
  }
  SourceLocation at(const yaml_mark_t& m) const {
    return {name_, static_cast<int>(m.line) + 1, static_cast<int>(m.column) + 1};
  }

  // Anchors, in the order their nodes start: an alias names the latest one before it, as
  // in yaml-cpp. A collection's node is known when it closes; an alias inside it would
  // make a cycle.
  static constexpr std::size_t kNoAnchor = static_cast<std::size_t>(-1);
  struct Anchor {
    std::uint32_t node = YamlTree::kNone;  // kNone while its collection is open
  };
  std::size_t define(std::string_view name, std::uint32_t node) {
    definitions_.push_back({node});
    latest_[std::string(name)] = definitions_.size() - 1;
    return definitions_.size() - 1;
  }
  void complete(std::size_t definition, std::uint32_t node) {
    definitions_[definition].node = node;
  }
  void open(YamlKind kind, std::string_view tag, std::string_view anchor, const yaml_mark_t& m) {
    // The document's top node does not count: "a: [[...]]" may hold kMaxYamlDepth brackets.
    // Checked as the events arrive, so libyaml never scans more than a few levels past the
    // limit (its scanner is quadratic in the nesting depth).
    if (tree_.open_depth() > static_cast<std::size_t>(kMaxYamlDepth))
      throw InputError(at(m), fmt::format("nesting deeper than {} levels", kMaxYamlDepth));
    check_tag(tag, kind, m);
    tree_.open(kind, tag, mark(m));
    open_anchors_.push_back(anchor.empty() ? kNoAnchor : define(anchor, YamlTree::kNone));
  }

  // Tags would ask for a type the reader never builds (!!python/object) or contradict the
  // node (!!map on a list): only the three that say what the node already is are accepted.
  void check_tag(std::string_view tag, YamlKind kind, const yaml_mark_t& m) const {
    if (tag.empty()) return;
    constexpr std::string_view kCore = "tag:yaml.org,2002:";
    const std::string shown =
        tag.starts_with(kCore) ? "!!" + std::string(tag.substr(kCore.size())) : std::string(tag);
    const char* own = kind == YamlKind::scalar     ? "!!str"
                      : kind == YamlKind::sequence ? "!!seq"
                                                   : "!!map";
    if (shown == own) return;
    const char* what = kind == YamlKind::scalar     ? "a value"
                       : kind == YamlKind::sequence ? "a list"
                                                    : "a mapping";
    if (shown == "!!str" || shown == "!!seq" || shown == "!!map")
      throw InputError(at(m), fmt::format("malformed YAML: tag '{}' on {}", shown, what));
    throw InputError(at(m), fmt::format("YAML tag '{}' is not supported: the file is plain data "
                                        "(drop the tag; only !!str, !!seq and !!map are "
                                        "accepted, on the node they name)",
                                        echo(shown)));
  }

  void alias(const yaml_event_t& e) {
    const std::string_view name = str(e.data.alias.anchor);
    const auto it = latest_.find(std::string(name));
    if (it != latest_.end() && definitions_[it->second].node != YamlTree::kNone) {
      tree_.attach_alias(definitions_[it->second].node, mark(e.start_mark));
      return;
    }
    if (it != latest_.end())
      throw InputError(at(e.start_mark),
                       fmt::format("malformed YAML: alias '*{}' inside the node it names: a "
                                   "scenario cannot contain itself",
                                   name));
    throw InputError(
        at(e.start_mark),
        fmt::format("malformed YAML: alias '*{}' before any anchor '&{}'", name, name));
  }

  // Names the second document where its content starts ('---' when it has none).
  [[noreturn]] void second_document(EventParser& parser, const yaml_mark_t& start) {
    yaml_mark_t where = start;
    if (const yaml_event_t* n = parser.next()) {
      const bool empty = n->type == YAML_SCALAR_EVENT && n->data.scalar.length == 0 &&
                         !n->data.scalar.tag && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
      if (!empty && n->type != YAML_DOCUMENT_END_EVENT) where = n->start_mark;
    }
    throw InputError(at(where), kSecondDocument);
  }

  const std::string& text_;
  const std::string& name_;
  YamlTree& tree_;
  ByteOffsets bytes_;
  std::vector<Anchor> definitions_;
  std::unordered_map<std::string, std::size_t> latest_;  // anchor name -> its latest definition
  std::vector<std::size_t> open_anchors_;  // per open collection: its definition, or kNoAnchor
};

}  // namespace

void check_utf8(const std::string& text, const std::string& name) {
  for (std::size_t i = 0; i < text.size();) {
    // ASCII, eight bytes at a time: nearly all of a scenario.
    if (is_ascii(text.data() + i, std::min<std::size_t>(8, text.size() - i))) {
      i += 8;
      continue;
    }
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
      throw InputError(location_of_byte(text, i, name),
                       fmt::format("invalid UTF-8 (byte 0x{:02X}): expected UTF-8 text", b));
    i += len;
  }
}

YamlFile YamlFile::load(const std::filesystem::path& path, std::string_view too_large) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) throw InputError({path.string()}, fmt::format("cannot read: {}", ec.message()));
  if (size > kMaxYamlBytes)
    throw InputError({path.string()}, fmt::format("file is {} bytes; the limit is {}{}", size,
                                                  kMaxYamlBytes, too_large));
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
  // A byte order mark belongs only at the start; one further on is usually two files joined
  // with cat, and libyaml reports it as whatever it found next.
  if (const auto bom = text.find("\xEF\xBB\xBF", 1); bom != std::string::npos)
    throw InputError(location_of_byte(text, bom, name),
                     "a byte order mark (U+FEFF) in mid-file: it belongs only at the start (two "
                     "files joined?)");
  TreeBuilder(text, name, *f.tree_).run();
  if (!f.root() || f.root().IsNull())
    throw InputError({name, 1, 1}, "the file is empty: expected a YAML mapping");
  return f;
}

std::uint32_t YamlFile::item_with_id(const YamlNode& list, std::string_view id) {
  auto [it, fresh] = item_ids_.try_emplace(list.index());
  if (fresh) {
    // Views into the tree's scalar blocks, which never move.
    for (const YamlNode& item : list)
      if (item["id"].IsScalar()) it->second[item["id"].Scalar()] = item.index();
  }
  const auto found = it->second.find(id);
  return found == it->second.end() ? YamlTree::kNone : found->second;
}

SourceLocation YamlFile::at_item(const YamlNode& parent, std::size_t i) const {
  const YamlMark m = tree_->item_mark(parent.index(), i);
  if (m.is_null()) return at(tree_->node(parent.index())[i]);
  return {name_, m.line + 1, m.column + 1};
}

std::string YamlFile::renamed_note(std::string_view id) const {
  for (auto it = renamed_.rbegin(); it != renamed_.rend(); ++it)
    if (it->first == id)
      return ", renamed by --set " + echo(overrides_[it->second], kMaxEchoSetChars);
  return "";
}

SourceLocation YamlFile::at(const YamlNode& node) const {
  const YamlMark m = node.Mark();
  if (m.is_null()) {
    for (const auto& [index, k] : set_nodes_)
      if (node.index() == index) return {"--set " + echo(overrides_[k], kMaxEchoSetChars), 0, 0};
    std::string where =
        overrides_.empty() ? name_ : "--set " + echo(overrides_.back(), kMaxEchoSetChars);
    return {where, 0, 0};
  }
  return {name_, m.line + 1, m.column + 1};
}

}  // namespace plainsight
