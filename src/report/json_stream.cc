#include "report/json_stream.h"

#include <stdexcept>
#include <string>

namespace plainsight {
namespace {
constexpr std::size_t kPiece = 64 * 1024;
}  // namespace

JsonStream::JsonStream(std::ostream& os)
    : os_(os),
      // The same indent character and error handling as json::dump(2): invalid UTF-8 throws.
      ser_(nlohmann::detail::output_adapter<char>(pending_), ' ',
           nlohmann::detail::error_handler_t::strict) {
  pending_.reserve(2 * kPiece);
}

void JsonStream::flush_if_full() {
  if (pending_.size() < kPiece && !levels_.empty()) return;
  os_.write(pending_.data(), static_cast<std::streamsize>(pending_.size()));
  pending_.clear();
}

void JsonStream::separator(Level& l) {
  if (l.empty)
    pending_ += '\n';
  else
    pending_ += ",\n";
  l.empty = false;
  write_indent();
}

void JsonStream::write_indent() { pending_.append(indent(), ' '); }

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
  pending_ += ": ";
  after_key_ = true;
}

void JsonStream::begin_object() {
  before_value();
  pending_ += '{';
  levels_.push_back({true});
}

void JsonStream::begin_array() {
  before_value();
  pending_ += '[';
  levels_.push_back({false});
}

void JsonStream::end() {
  if (levels_.empty() || after_key_)
    throw std::logic_error("JsonStream: end() without a container");
  const Level l = levels_.back();
  levels_.pop_back();
  if (!l.empty) {
    pending_ += '\n';
    write_indent();
  }
  pending_ += l.object ? '}' : ']';
  flush_if_full();
}

std::string JsonStream::dumped(const json& v) const {
  std::string out;
  nlohmann::detail::serializer<json> ser(nlohmann::detail::output_adapter<char>(out), ' ',
                                         nlohmann::detail::error_handler_t::strict);
  ser.dump(v, true, false, 2, indent());
  return out;
}

void JsonStream::raw(std::string_view dumped_text) {
  before_value();
  pending_ += dumped_text;
  flush_if_full();
}

void JsonStream::value(const json& v) {
  before_value();
  ser_.dump(v, true, false, 2, indent());
  flush_if_full();
}

}  // namespace plainsight
