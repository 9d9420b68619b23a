#include "report/json_stream.h"

#include <stdexcept>
#include <string>

namespace plainsight {

JsonStream::JsonStream(std::ostream& os)
    : os_(os),
      // The same indent character and error handling as json::dump(2): invalid UTF-8 throws.
      ser_(nlohmann::detail::output_adapter<char>(os), ' ',
           nlohmann::detail::error_handler_t::strict) {}

void JsonStream::separator(Level& l) {
  os_.put(l.empty ? '\n' : ',');
  if (!l.empty) os_.put('\n');
  l.empty = false;
  write_indent();
}

void JsonStream::write_indent() {
  if (spaces_.size() < indent()) spaces_.resize(indent(), ' ');
  os_.write(spaces_.data(), indent());
}

void JsonStream::before_value() {
  if (levels_.empty() || after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.back().object) throw std::logic_error("JsonStream: a value in an object needs a key");
  separator(levels_.back());
}

void JsonStream::key(std::string_view k) {
  if (levels_.empty() || !levels_.back().object || after_key_)
    throw std::logic_error("JsonStream: a key outside an object");
  separator(levels_.back());
  // Escaped exactly as the serializer escapes object keys.
  ser_.dump(json(std::string(k)), false, false, 0, 0);
  os_.write(": ", 2);
  after_key_ = true;
}

void JsonStream::begin_object() {
  before_value();
  os_.put('{');
  levels_.push_back({true});
}

void JsonStream::begin_array() {
  before_value();
  os_.put('[');
  levels_.push_back({false});
}

void JsonStream::end() {
  if (levels_.empty() || after_key_)
    throw std::logic_error("JsonStream: end() without a container");
  const Level l = levels_.back();
  levels_.pop_back();
  if (!l.empty) {
    os_.put('\n');
    write_indent();
  }
  os_.put(l.object ? '}' : ']');
}

void JsonStream::value(const json& v) {
  before_value();
  ser_.dump(v, true, false, 2, indent());
}

}  // namespace plainsight
