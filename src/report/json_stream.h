// Writes one JSON document to a stream piece by piece, byte for byte what nlohmann's
// dump(2) gives for the same tree. A report at cluster scale (100k windows, a million
// exposure cells) would otherwise hold its whole DOM and then its whole text in memory.
// Callers build small values (one window, one row) and hand them over; the braces, commas,
// keys and indentation of the containers around them are written here.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace plainsight {

class JsonStream {
 public:
  using json = nlohmann::ordered_json;

  explicit JsonStream(std::ostream& os);

  // Open a container as the next value (after key() in an object, or as an array element).
  void begin_object();
  void begin_array();
  // Close the innermost open container: "{}" / "[]" when nothing was written into it.
  // Closing the outermost one writes out all that is pending.
  void end();
  // The next member's key; the value follows with value(), begin_object() or begin_array().
  void key(std::string_view k);
  // A whole value at the current position, indented as dump(2) would indent it there.
  void value(const json& v);

  // The text value(v) would write at the current depth, and that text written as the next
  // value: a value repeated across thousands of windows (a fact's citation, an exposure
  // cell) is serialized once and written many times, byte for byte the same.
  std::string dumped(const json& v) const;
  void raw(std::string_view dumped_text);

  void member(std::string_view k, const json& v) {
    key(k);
    value(v);
  }

 private:
  struct Level {
    bool object;
    bool empty = true;
  };
  void before_value();
  void separator(Level& l);
  void write_indent();
  void flush_if_full();
  unsigned indent() const { return static_cast<unsigned>(2 * levels_.size()); }

  std::ostream& os_;
  // The serializer writes character by character; into a string that is handed to the
  // stream in 64 KiB pieces, rather than through a stream call per character.
  std::string pending_;
  nlohmann::detail::serializer<json> ser_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace plainsight
