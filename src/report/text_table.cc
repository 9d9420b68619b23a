#include "report/text_table.h"

#include <algorithm>
#include <sstream>

#include "report/escaping.h"
#include "report/text_wrap.h"

namespace plainsight {

void TextTable::write_plain(std::ostream& out) const {
  std::vector<std::size_t> w(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) w[i] = display_width(header[i]);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size() && i < w.size(); ++i)
      w[i] = std::max(w[i], display_width(r[i]));
  std::string line;  // reused: one line at a time, trailing spaces trimmed before writing
  auto write_line = [&](const std::vector<std::string>& cells) {
    line.clear();
    for (std::size_t i = 0; i < w.size(); ++i) {
      const std::string& c = i < cells.size() ? cells[i] : "";
      // A line break in a cell (a multi-line location) would start a forged row at column 0:
      // a cell is one line.
      const std::size_t from = line.size();
      line += c;
      std::replace_if(
          line.begin() + static_cast<std::ptrdiff_t>(from), line.end(),
          [](char ch) { return ch == '\n' || ch == '\r'; }, ' ');
      if (i + 1 < w.size()) line.append(w[i] - display_width(c) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  };
  write_line(header);
  std::vector<std::string> rule;
  for (std::size_t x : w) rule.push_back(std::string(x, '-'));
  write_line(rule);
  for (const auto& r : rows) write_line(r);
}

void TextTable::write_wrapped(std::ostream& out, std::size_t max_width) const {
  const std::size_t n = header.size();
  if (n == 0) return;
  std::vector<std::size_t> w(n), floor(n);
  for (std::size_t i = 0; i < n; ++i) w[i] = display_width(header[i]);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size() && i < n; ++i) w[i] = std::max(w[i], display_width(r[i]));
  // The narrowest a column goes: its header's longest word, at least 8 (or its own width).
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t longest = 0;
    for (const std::string& word : wrap_lines(header[i], 1000))
      longest = std::max(longest, display_width(word));
    floor[i] = std::min(w[i], std::max<std::size_t>(8, std::min<std::size_t>(longest, 16)));
  }
  const std::size_t gaps = 2 * (n - 1);
  auto total = [&] {
    std::size_t t = gaps;
    for (std::size_t x : w) t += x;
    return t;
  };
  while (total() > max_width) {
    // Narrow the widest column that can still give.
    std::size_t widest = n;
    for (std::size_t i = 0; i < n; ++i)
      if (w[i] > floor[i] && (widest == n || w[i] > w[widest])) widest = i;
    if (widest == n) break;
    --w[widest];
  }
  std::string line;
  auto write_row = [&](const std::vector<std::string>& cells) {
    std::vector<std::vector<std::string>> parts(n);
    std::size_t height = 1;
    for (std::size_t i = 0; i < n; ++i) {
      parts[i] = wrap_lines(i < cells.size() ? cells[i] : "", w[i]);
      height = std::max(height, parts[i].size());
    }
    for (std::size_t k = 0; k < height; ++k) {
      line.clear();
      for (std::size_t i = 0; i < n; ++i) {
        const std::string& c = k < parts[i].size() ? parts[i][k] : "";
        line += c;
        if (i + 1 < n) line.append(w[i] - display_width(c) + 2, ' ');
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      line += '\n';
      out.write(line.data(), static_cast<std::streamsize>(line.size()));
    }
  };
  write_row(header);
  std::vector<std::string> rule;
  for (std::size_t x : w) rule.push_back(std::string(x, '-'));
  write_row(rule);
  for (const auto& r : rows) write_row(r);
}

void TextTable::markdown_header(std::ostream& out, const std::vector<std::string>& header) {
  markdown_row(out, header);
  out.put('|');
  for (std::size_t i = 0; i < header.size(); ++i) out << "---|";
  out.put('\n');
}

void TextTable::markdown_row(std::ostream& out, const std::vector<std::string>& cells) {
  out.put('|');
  for (const auto& c : cells) {
    out.put(' ');
    out << md_cell(c);
    out << " |";
  }
  out.put('\n');
}

void TextTable::write_markdown(std::ostream& out) const {
  markdown_header(out, header);
  for (const auto& r : rows) markdown_row(out, r);
}

std::string TextTable::plain() const {
  std::ostringstream out;
  write_plain(out);
  return std::move(out).str();
}

std::string TextTable::markdown() const {
  std::ostringstream out;
  write_markdown(out);
  return std::move(out).str();
}

}  // namespace plainsight
