#include "report/text_wrap.h"

#include <algorithm>
#include <sstream>

#include "report/text_table.h"

namespace plainsight {
namespace {

// Byte offset of the code point after the first `n` code points of `s`.
std::size_t offset_of(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (n == 0) return i;
      --n;
    }
  return s.size();
}

}  // namespace

std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::vector<std::string> wrap_lines(std::string_view text, std::size_t width) {
  width = std::max<std::size_t>(width, 1);
  std::vector<std::string> out;
  std::string line;
  std::size_t line_w = 0;
  auto flush = [&] {
    out.push_back(line);
    line.clear();
    line_w = 0;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\r' &&
           text[j] != '\t')
      ++j;
    std::string_view word = text.substr(i, j - i);
    i = j;
    std::size_t ww = display_width(word);
    if (line_w > 0 && line_w + 1 + ww <= width) {
      line += ' ';
      line += word;
      line_w += 1 + ww;
      continue;
    }
    if (line_w > 0) flush();
    // A word longer than the line: cut it across lines.
    while (ww > width) {
      const std::size_t cut = offset_of(word, width);
      out.emplace_back(word.substr(0, cut));
      word = word.substr(cut);
      ww -= width;
    }
    line = std::string(word);
    line_w = ww;
  }
  if (line_w > 0 || out.empty()) flush();
  return out;
}

std::string wrap_paragraph(std::string_view text, std::size_t width, std::string_view first,
                           std::string_view rest) {
  const std::size_t indent = std::max(display_width(first), display_width(rest));
  const std::vector<std::string> lines =
      wrap_lines(text, width > indent + 20 ? width - indent : 20);
  std::string out;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    out += k == 0 ? first : rest;
    out += lines[k];
    out += '\n';
  }
  return out;
}

namespace {

bool is_rule(std::string_view line) {
  if (line.empty() || line[0] != '-') return false;
  return line.find_first_not_of("- ") == std::string_view::npos;
}

// The cells of an aligned line cut at the rule's column starts (byte offsets into the rule,
// which equal code points there; the line is cut at the same code-point positions).
std::vector<std::string> cells_of(std::string_view line, const std::vector<std::size_t>& starts) {
  std::vector<std::string> out;
  for (std::size_t c = 0; c < starts.size(); ++c) {
    const std::size_t a = offset_of(line, starts[c]);
    const std::size_t b = c + 1 < starts.size() ? offset_of(line, starts[c + 1]) : line.size();
    std::string cell(line.substr(a, b > a ? b - a : 0));
    while (!cell.empty() && cell.back() == ' ') cell.pop_back();
    while (!cell.empty() && cell.front() == ' ') cell.erase(cell.begin());
    out.push_back(std::move(cell));
  }
  return out;
}

}  // namespace

std::string fit_plain_text(std::string_view text, std::size_t width) {
  std::vector<std::string_view> lines;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t j = text.find('\n', i);
    const std::size_t end = j == std::string_view::npos ? text.size() : j;
    lines.push_back(text.substr(i, end - i));
    i = end + 1;
  }
  std::ostringstream out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (i + 1 < lines.size() && is_rule(lines[i + 1]) && display_width(lines[i + 1]) > width) {
      const std::string_view rule = lines[i + 1];
      std::vector<std::size_t> starts;
      for (std::size_t k = 0; k < rule.size(); ++k)
        if (rule[k] == '-' && (k == 0 || rule[k - 1] == ' ')) starts.push_back(k);
      TextTable t;
      t.header = cells_of(line, starts);
      std::size_t k = i + 2;
      for (; k < lines.size() && !lines[k].empty(); ++k)
        t.rows.push_back(cells_of(lines[k], starts));
      t.write_wrapped(out, width);
      i = k - 1;
      continue;
    }
    if (display_width(line) <= width) {
      out << line << '\n';
      continue;
    }
    const std::size_t lead = line.find_first_not_of(' ');
    const std::string indent(lead == std::string_view::npos ? 0 : lead, ' ');
    out << wrap_paragraph(line.substr(indent.size()), width, indent, indent + "  ");
  }
  std::string s = std::move(out).str();
  // The input's last line had no line break of its own where it did not end with one.
  if (!text.ends_with('\n') && !s.empty()) s.pop_back();
  return s;
}

}  // namespace plainsight
