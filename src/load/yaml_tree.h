// A parsed YAML document as a compact tree: nodes in one flat array, children by index,
// scalar text in a few large blocks. A 100,000-stage scenario has about two million nodes;
// yaml-cpp's shared_ptr node graph spent more time building and freeing them than parsing.
// YamlNode is a cheap handle (tree + index) with the part of yaml-cpp's Node API that the
// loaders use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plainsight {

enum class YamlKind : std::uint8_t { null, scalar, sequence, map };

// Where a node starts in the text, 0-based like yaml-cpp's Mark; line -1 for nodes that no
// text holds (values set by --set).
struct YamlMark {
  int line = -1;
  int column = -1;         // in characters, as libyaml counts them
  std::size_t offset = 0;  // in bytes
  bool is_null() const { return line < 0; }
};

class YamlNode;

class YamlTree {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  YamlTree();
  YamlTree(YamlTree&&) noexcept = default;
  YamlTree& operator=(YamlTree&&) noexcept = default;
  YamlTree(const YamlTree&) = delete;
  YamlTree& operator=(const YamlTree&) = delete;

  YamlNode root() const;
  YamlNode node(std::uint32_t index) const;

  // Sizes the arrays for a text of this many bytes (about one node per 9 bytes of YAML), so
  // that building does not copy them as they grow.
  void reserve_for(std::size_t text_bytes);

  // Building, in document order (the parser's events). A collection's children are
  // gathered while it is open and stored contiguously when it closes.
  std::uint32_t add_null(const YamlMark& mark);
  // `plain` scalars without a tag resolve like yaml-cpp: empty, ~, null, Null, NULL are null.
  std::uint32_t add_scalar(std::string_view text, std::string_view tag, bool plain,
                           const YamlMark& mark);
  std::uint32_t open(YamlKind kind, std::string_view tag, const YamlMark& mark);
  std::uint32_t close();  // the collection closed
  // Adds a finished node (new, or an alias's anchored one) to the open collection, or
  // makes it the root when none is open.
  void attach(std::uint32_t index);
  // Attaches an alias's anchored node and remembers where the alias stands, for messages
  // about the item it makes (a stage listed twice through an alias).
  void attach_alias(std::uint32_t index, const YamlMark& mark);
  // Where the i-th child of `parent` (a map's keys and values counted alike) stands in the
  // text: its alias when an alias put it there, else the node itself.
  YamlMark item_mark(std::uint32_t parent, std::size_t i) const;
  std::size_t open_depth() const { return open_.size(); }
  bool is_open(std::uint32_t index) const;

  // Mutation, for --set: the new nodes have no mark.
  std::uint32_t new_scalar(std::string_view text);
  std::uint32_t new_map();
  // Sets `key` of `map` to `value`, replacing the old value or appending a new key (whose
  // index goes to *new_key). A null node becomes an empty map first, as in yaml-cpp.
  void set(std::uint32_t map, std::string_view key, std::uint32_t value,
           std::uint32_t* new_key = nullptr);

 private:
  friend class YamlNode;
  struct Node {
    const char* text = nullptr;  // scalar text, in blocks_
    std::uint32_t size = 0;      // scalar length
    std::uint32_t first = 0;     // first child in children_
    std::uint32_t count = 0;     // children; a map's are key, value, key, value...
    std::int32_t line = -1, column = -1;
    std::size_t offset = 0;
    std::uint16_t tag = 0;  // index into tags_
    YamlKind kind = YamlKind::null;
  };
  struct Open {
    std::uint32_t node;
    std::size_t first_pending;  // its children so far: pending_[first_pending..]
  };
  struct AliasUse {
    std::uint32_t parent;
    std::size_t child;  // position among the parent's children
    YamlMark mark;
  };

  std::uint32_t push(Node n);
  const char* store(std::string_view text);
  std::uint16_t tag_index(std::string_view tag);

  std::vector<Node> nodes_;
  std::vector<std::uint32_t> children_;
  std::vector<std::uint32_t> pending_;
  std::vector<Open> open_;
  std::vector<std::string> tags_;
  std::vector<AliasUse> aliases_;  // in document order
  // Scalar text: blocks never move, so string_views into them stay valid as text is added.
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* block_next_ = nullptr;
  std::size_t block_left_ = 0;
  std::uint32_t root_ = kNone;
};

// A node of a YamlTree, or an undefined node (no such key): false in a boolean context.
class YamlNode {
 public:
  YamlNode() = default;
  YamlNode(const YamlTree* tree, std::uint32_t index) : tree_(tree), index_(index) {}

  bool IsDefined() const { return tree_ && index_ != YamlTree::kNone; }
  explicit operator bool() const { return IsDefined(); }
  YamlKind kind() const { return IsDefined() ? n().kind : YamlKind::null; }
  bool IsNull() const { return IsDefined() && n().kind == YamlKind::null; }
  bool IsScalar() const { return IsDefined() && n().kind == YamlKind::scalar; }
  bool IsSequence() const { return IsDefined() && n().kind == YamlKind::sequence; }
  bool IsMap() const { return IsDefined() && n().kind == YamlKind::map; }

  // The text of a scalar; empty for anything else.
  std::string_view Scalar() const {
    return IsScalar() ? std::string_view(n().text, n().size) : std::string_view();
  }
  // "?" for an untagged plain scalar or collection, "!" for an untagged quoted scalar (as
  // yaml-cpp), else the resolved tag ("tag:yaml.org,2002:str" for !!str).
  const std::string& Tag() const;
  YamlMark Mark() const;

  // Elements of a sequence, entries of a map; 0 for anything else.
  std::size_t size() const;
  YamlNode operator[](std::size_t i) const;         // a sequence's element, or undefined
  YamlNode operator[](std::string_view key) const;  // a map's value, or undefined
  YamlNode key(std::size_t i) const;                // a map's i-th key
  YamlNode value(std::size_t i) const;              // a map's i-th value

  // Same node (aliases of one anchor are the same node).
  bool is(const YamlNode& other) const { return tree_ == other.tree_ && index_ == other.index_; }
  std::uint32_t index() const { return index_; }

  // A sequence's elements, for range-for.
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = YamlNode;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = YamlNode;
    iterator(const YamlTree* t, const std::uint32_t* p) : tree_(t), p_(p) {}
    YamlNode operator*() const { return YamlNode(tree_, *p_); }
    iterator& operator++() {
      ++p_;
      return *this;
    }
    bool operator==(const iterator& o) const { return p_ == o.p_; }
    bool operator!=(const iterator& o) const { return p_ != o.p_; }

   private:
    const YamlTree* tree_;
    const std::uint32_t* p_;
  };
  iterator begin() const;
  iterator end() const;

 private:
  const YamlTree::Node& n() const { return tree_->nodes_[index_]; }
  const YamlTree* tree_ = nullptr;
  std::uint32_t index_ = YamlTree::kNone;
};

inline YamlNode YamlTree::root() const { return YamlNode(this, root_); }
inline YamlNode YamlTree::node(std::uint32_t index) const { return YamlNode(this, index); }

}  // namespace plainsight
