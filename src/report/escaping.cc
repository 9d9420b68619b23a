#include "report/escaping.h"

#include <cctype>

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

namespace {

bool md_space(char c) { return c == ' ' || c == '\t'; }

// Whether `rest` starts a block of its own at the start of a line: a heading (#), a quote
// (>), a list item (- + * or digits then . or ) and a space), a thematic break or setext
// underline (--- *** ___ ===), a fence (~~~ ```). Returns how many characters to keep before
// the one to backslash-escape, or npos when it starts nothing.
std::size_t block_marker(std::string_view rest) {
  if (rest.empty()) return std::string_view::npos;
  const char c = rest[0];
  const char next = rest.size() > 1 ? rest[1] : '\0';
  switch (c) {
    case '#':
    case '>':
      return 0;
    case '-':
    case '+':
    case '*':
      return next == '\0' || md_space(next) || next == c ? 0 : std::string_view::npos;
    case '=':
    case '_':
    case '~':
      return next == '\0' || next == c ? 0 : std::string_view::npos;
    default:
      break;
  }
  std::size_t i = 0;
  while (i < rest.size() && i < 10 && rest[i] >= '0' && rest[i] <= '9') ++i;
  if (i == 0 || i > 9 || i >= rest.size() || (rest[i] != '.' && rest[i] != ')'))
    return std::string_view::npos;
  return i + 1 >= rest.size() || md_space(rest[i + 1]) ? i : std::string_view::npos;
}

// Whether the character at `i` sits between two ASCII letters or digits: an underscore
// there neither opens nor closes emphasis ("cvm_decrypt"). Beside anything else (punctuation,
// which may be non-ASCII) it might, and is escaped.
bool inside_word(std::string_view v, std::size_t i) {
  const auto word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  return i > 0 && i + 1 < v.size() && word(v[i - 1]) && word(v[i + 1]);
}

bool starts_with_ci(std::string_view s, std::size_t at, std::string_view what) {
  if (at + what.size() > s.size()) return false;
  for (std::size_t k = 0; k < what.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(s[at + k])) != what[k]) return false;
  return true;
}

std::string md_escaped(std::string_view text, bool block_start) {
  std::string one_line = shown(text);
  for (char& c : one_line)
    if (c == '\n') c = ' ';
  std::string_view v = one_line;
  // Leading spaces would make an indented code block (four of them) or nest a list item.
  while (!v.empty() && md_space(v.front())) v.remove_prefix(1);
  const std::size_t marker = block_start ? block_marker(v) : std::string_view::npos;
  // GitHub links bare URLs, www. names and e-mail addresses as it parses (and again on the
  // tree it built): an empty <span> between the parts keeps them apart in both passes.
  constexpr std::string_view kBreak = "<span></span>";
  std::string out;
  out.reserve(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    // Emphasis and strikethrough (* and ~ anywhere; _ where it is not inside a word, the only
    // place CommonMark lets it open or close emphasis) are always escaped below.
    const bool emphasis = c == '*' || c == '~' || (c == '_' && !inside_word(v, i));
    if (i == marker && !emphasis) out += '\\';
    if ((c == ':' && v.substr(i + 1).starts_with("//")) || c == '@' ||
        (starts_with_ci(v, i, "www.") &&
         (i == 0 || !std::isalnum(static_cast<unsigned char>(v[i - 1])))))
      out += kBreak;
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
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
        if (emphasis) out += '\\';
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string md_text(std::string_view text) { return md_escaped(text, true); }

std::string md_cell(std::string_view text) { return md_escaped(text, false); }

namespace {

// Whether a spreadsheet could read the text as a formula (OWASP, CSV injection): it starts
// with a tab or a carriage return, or its first character after leading spaces and line
// breaks is = + - @ or their full-width forms (U+FF1D, U+FF0B, U+FF0D, U+FF20), which some
// spreadsheets fold to ASCII.
bool formula_like(std::string_view text) {
  if (!text.empty() && (text.front() == '\t' || text.front() == '\r')) return true;
  const std::size_t i = text.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos) return false;
  const std::string_view rest = text.substr(i);
  if (std::string_view("=+-@").find(rest.front()) != std::string_view::npos) return true;
  for (std::string_view wide : {"\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D", "\xEF\xBC\xA0"})
    if (rest.starts_with(wide)) return true;
  return false;
}

}  // namespace

std::string csv_field(std::string_view text) {
  std::string out = "\"";
  if (formula_like(text)) out += '\'';
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
