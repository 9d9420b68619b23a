#include "core/printable.h"

#include <fmt/format.h>

#include "core/limits.h"
#include "units/visible_text.h"

namespace plainsight {
namespace {

// Characters counted as UTF-8 sequences (a stray byte counts as one).
std::size_t cut_at_chars(std::string_view text, std::size_t max_chars) {
  std::size_t i = 0, chars = 0;
  while (i < text.size() && chars < max_chars) {
    char32_t c;
    const std::size_t len = units::decode_utf8(text, i, &c);
    i += len ? len : 1;
    ++chars;
  }
  return i;
}

}  // namespace

bool is_invisible(char32_t c) { return units::is_invisible(c); }

std::string printable(std::string_view text) { return units::visible_text(text); }

bool is_printable(std::string_view text) { return units::is_visible_text(text); }

std::size_t first_unprintable(std::string_view text, std::size_t* length) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t c;
    const std::size_t len = units::decode_utf8(text, i, &c);
    if (len == 0 || units::is_invisible(c)) {
      *length = len ? len : 1;
      return i;
    }
    i += len;
  }
  *length = 0;
  return std::string_view::npos;
}

std::string echo(std::string_view text, std::size_t max_chars) {
  const std::size_t cut = cut_at_chars(text, max_chars);
  if (cut >= text.size()) return printable(text);
  return fmt::format("{}... ({} bytes in all)", printable(text.substr(0, cut)), text.size());
}

std::string echo(std::string_view text) { return echo(text, kMaxEchoChars); }

std::string listed(const std::vector<std::string>& items) {
  std::string out;
  const std::size_t shown = std::min(items.size(), kMaxListed);
  for (std::size_t i = 0; i < shown; ++i) out += (i ? ", " : "") + echo(items[i]);
  if (items.size() > shown) out += fmt::format(", ... ({} more)", items.size() - shown);
  return out;
}

std::string capped_message(std::string text) {
  const std::size_t cut = cut_at_chars(text, kMaxMessageChars);
  if (cut >= text.size()) return text;
  const std::size_t rest = text.size() - cut;
  text.resize(cut);
  text += fmt::format("... ({} more bytes)", rest);
  return text;
}

}  // namespace plainsight
