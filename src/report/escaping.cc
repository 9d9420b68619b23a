#include "report/escaping.h"

#include <fmt/format.h>

#include "core/printable.h"

namespace plainsight {

std::string shown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = text.find('\n', start);
    out += printable(text.substr(start, nl == std::string_view::npos ? nl : nl - start));
    if (nl == std::string_view::npos) break;
    out += '\n';
    start = nl + 1;
  }
  return out;
}

std::string html_text(std::string_view text) {
  std::string out;
  for (char c : shown(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string md_text(std::string_view text) {
  std::string out;
  for (char c : shown(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '\n':
        out += ' ';
        break;
      case '|':
      case '[':
      case ']':
      case '`':
      case '\\':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string csv_field(std::string_view text) {
  std::string out = "\"";
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
    out += '\'';
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csv_number(double value) { return fmt::format("{}", value); }

std::string dot_string(std::string_view text) {
  std::string out = "\"";
  for (char c : shown(text)) {
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

int ShownStream::overflow(int c) {
  if (c == std::char_traits<char>::eof()) return std::char_traits<char>::not_eof(c);
  const char ch = static_cast<char>(c);
  xsputn(&ch, 1);
  return c;
}

std::streamsize ShownStream::xsputn(const char* s, std::streamsize n) {
  std::string_view v(s, static_cast<std::size_t>(n));
  while (!v.empty()) {
    const std::size_t nl = v.find('\n');
    if (nl == std::string_view::npos) {
      line_.append(v);
      break;
    }
    line_.append(v.substr(0, nl));
    flush_line();
    out_.put('\n');
    v.remove_prefix(nl + 1);
  }
  return n;
}

void ShownStream::flush_line() {
  if (line_.empty()) return;
  const std::string p = printable(line_);
  out_.write(p.data(), static_cast<std::streamsize>(p.size()));
  line_.clear();
}

}  // namespace plainsight
