#include "load/yaml_tree.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace plainsight {
namespace {

constexpr std::uint16_t kTagPlain = 0;   // "?": untagged plain scalar or collection
constexpr std::uint16_t kTagQuoted = 1;  // "!": untagged quoted scalar
constexpr std::uint16_t kTagNone = 2;    // "": a value set by --set
constexpr std::size_t kBlockBytes = 256 * 1024;

bool is_null_word(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

}  // namespace

YamlTree::YamlTree() : tags_{"?", "!", ""} {}

void YamlTree::reserve_for(std::size_t text_bytes) {
  // Reserved, not touched: an overestimate costs address space, not memory.
  nodes_.reserve(text_bytes / 6 + 16);
  children_.reserve(text_bytes / 6 + 16);
}

std::uint32_t YamlTree::push(Node n) {
  // Indices are 32-bit: a 64 MiB file cannot hold 2^32 nodes, but a caller could add them.
  if (nodes_.size() >= kNone) throw std::length_error("YAML tree too large");
  nodes_.push_back(n);
  return static_cast<std::uint32_t>(nodes_.size() - 1);
}

const char* YamlTree::store(std::string_view text) {
  if (text.empty()) return "";
  if (text.size() > block_left_) {
    // A scalar larger than a block gets a block of its own; the current one stays in use.
    if (text.size() > kBlockBytes / 4) {
      blocks_.push_back(std::make_unique<char[]>(text.size()));
      std::memcpy(blocks_.back().get(), text.data(), text.size());
      return blocks_.back().get();
    }
    blocks_.push_back(std::make_unique<char[]>(kBlockBytes));
    block_next_ = blocks_.back().get();
    block_left_ = kBlockBytes;
  }
  char* at = block_next_;
  std::memcpy(at, text.data(), text.size());
  block_next_ += text.size();
  block_left_ -= text.size();
  return at;
}

std::uint16_t YamlTree::tag_index(std::string_view tag) {
  for (std::size_t i = 0; i < tags_.size(); ++i)
    if (tags_[i] == tag) return static_cast<std::uint16_t>(i);
  // Distinct tags are few in any real file; past this many they all read as the last one.
  if (tags_.size() >= 0xFFFF) return static_cast<std::uint16_t>(tags_.size() - 1);
  tags_.emplace_back(tag);
  return static_cast<std::uint16_t>(tags_.size() - 1);
}

std::uint32_t YamlTree::add_null(const YamlMark& mark) {
  Node n;
  n.kind = YamlKind::null;
  n.line = mark.line;
  n.column = mark.column;
  n.offset = mark.offset;
  return push(n);
}

std::uint32_t YamlTree::add_scalar(std::string_view text, std::string_view tag, bool plain,
                                   const YamlMark& mark) {
  if (plain && tag.empty() && is_null_word(text)) return add_null(mark);
  Node n;
  n.kind = YamlKind::scalar;
  n.text = store(text);
  if (text.size() > 0xFFFFFFFFu) throw std::length_error("YAML scalar too large");
  n.size = static_cast<std::uint32_t>(text.size());
  n.tag = tag.empty() ? (plain ? kTagPlain : kTagQuoted) : tag_index(tag);
  n.line = mark.line;
  n.column = mark.column;
  n.offset = mark.offset;
  return push(n);
}

std::uint32_t YamlTree::open(YamlKind kind, std::string_view tag, const YamlMark& mark) {
  Node n;
  n.kind = kind;
  n.tag = tag.empty() ? kTagPlain : tag_index(tag);
  n.line = mark.line;
  n.column = mark.column;
  n.offset = mark.offset;
  const std::uint32_t index = push(n);
  open_.push_back({index, pending_.size()});
  return index;
}

std::uint32_t YamlTree::close() {
  const Open o = open_.back();
  open_.pop_back();
  Node& n = nodes_[o.node];
  n.first = static_cast<std::uint32_t>(children_.size());
  n.count = static_cast<std::uint32_t>(pending_.size() - o.first_pending);
  children_.insert(children_.end(), pending_.begin() + static_cast<std::ptrdiff_t>(o.first_pending),
                   pending_.end());
  pending_.resize(o.first_pending);
  attach(o.node);
  return o.node;
}

void YamlTree::attach(std::uint32_t index) {
  if (open_.empty())
    root_ = index;
  else
    pending_.push_back(index);
}

void YamlTree::attach_alias(std::uint32_t index, const YamlMark& mark) {
  if (!open_.empty())
    aliases_.push_back({open_.back().node, pending_.size() - open_.back().first_pending, mark});
  attach(index);
}

YamlMark YamlTree::item_mark(std::uint32_t parent, std::size_t i) const {
  // Looked up only for a message: a scan is enough.
  for (const AliasUse& a : aliases_)
    if (a.parent == parent && a.child == i) return a.mark;
  const Node& p = nodes_[parent];
  if (i >= p.count) return {};
  const Node& n = nodes_[children_[p.first + i]];
  return {n.line, n.column, n.offset};
}

bool YamlTree::is_open(std::uint32_t index) const {
  for (const Open& o : open_)
    if (o.node == index) return true;
  return false;
}

std::uint32_t YamlTree::new_scalar(std::string_view text) {
  Node n;
  n.kind = YamlKind::scalar;
  n.text = store(text);
  n.size = static_cast<std::uint32_t>(text.size());
  n.tag = kTagNone;
  return push(n);
}

std::uint32_t YamlTree::new_map() {
  Node n;
  n.kind = YamlKind::map;
  return push(n);
}

void YamlTree::set(std::uint32_t map, std::string_view key, std::uint32_t value,
                   std::uint32_t* new_key) {
  if (nodes_[map].kind == YamlKind::null) nodes_[map].kind = YamlKind::map;
  if (nodes_[map].kind != YamlKind::map) throw std::logic_error("YamlTree::set on a non-map");
  const Node m = nodes_[map];
  for (std::uint32_t i = 0; i + 1 < m.count; i += 2) {
    const Node& k = nodes_[children_[m.first + i]];
    if (k.kind == YamlKind::scalar && std::string_view(k.text, k.size) == key) {
      children_[m.first + i + 1] = value;
      return;
    }
  }
  // Children are contiguous: move this map's to the end and append the new entry.
  const std::uint32_t k = new_scalar(key);
  if (new_key) *new_key = k;
  const auto first = static_cast<std::uint32_t>(children_.size());
  for (std::uint32_t i = 0; i < m.count; ++i) children_.push_back(children_[m.first + i]);
  children_.push_back(k);
  children_.push_back(value);
  nodes_[map].first = first;
  nodes_[map].count = m.count + 2;
}

const std::string& YamlNode::Tag() const {
  static const std::string none;
  return IsDefined() ? tree_->tags_[n().tag] : none;
}

YamlMark YamlNode::Mark() const {
  if (!IsDefined()) return {};
  return {n().line, n().column, n().offset};
}

std::size_t YamlNode::size() const {
  if (IsSequence()) return n().count;
  if (IsMap()) return n().count / 2;
  return 0;
}

YamlNode YamlNode::operator[](std::size_t i) const {
  if (!IsSequence() || i >= n().count) return YamlNode(tree_, YamlTree::kNone);
  return YamlNode(tree_, tree_->children_[n().first + i]);
}

YamlNode YamlNode::operator[](std::string_view key) const {
  if (!IsMap()) return YamlNode(tree_, YamlTree::kNone);
  const std::uint32_t* c = tree_->children_.data() + n().first;
  for (std::uint32_t i = 0; i + 1 < n().count; i += 2) {
    const YamlTree::Node& k = tree_->nodes_[c[i]];
    if (k.kind == YamlKind::scalar && std::string_view(k.text, k.size) == key)
      return YamlNode(tree_, c[i + 1]);
  }
  return YamlNode(tree_, YamlTree::kNone);
}

YamlNode YamlNode::key(std::size_t i) const {
  if (!IsMap() || 2 * i >= n().count) return YamlNode(tree_, YamlTree::kNone);
  return YamlNode(tree_, tree_->children_[n().first + 2 * i]);
}

YamlNode YamlNode::value(std::size_t i) const {
  if (!IsMap() || 2 * i + 1 >= n().count) return YamlNode(tree_, YamlTree::kNone);
  return YamlNode(tree_, tree_->children_[n().first + 2 * i + 1]);
}

YamlNode::iterator YamlNode::begin() const {
  if (!IsSequence()) return iterator(tree_, nullptr);
  return iterator(tree_, tree_->children_.data() + n().first);
}

YamlNode::iterator YamlNode::end() const {
  if (!IsSequence()) return iterator(tree_, nullptr);
  return iterator(tree_, tree_->children_.data() + n().first + n().count);
}

}  // namespace plainsight
