#include "core/printable.h"

#include <fmt/format.h>

#include "core/limits.h"

namespace plainsight {
namespace {

// Decodes one UTF-8 sequence at text[i]; returns its length, or 0 when it is not
// well-formed (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
std::size_t decode(std::string_view text, std::size_t i, char32_t* out) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) {
    *out = b;
    return 1;
  }
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  char32_t c = 0;
  if (b >= 0xC2 && b <= 0xDF) {
    len = 2;
    c = b & 0x1F;
  } else if (b >= 0xE0 && b <= 0xEF) {
    len = 3;
    c = b & 0x0F;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    len = 4;
    c = b & 0x07;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto x = static_cast<unsigned char>(text[i + k]);
    if (x < (k == 1 ? lo : 0x80) || x > (k == 1 ? hi : 0xBF)) return 0;
    c = (c << 6) | (x & 0x3F);
  }
  *out = c;
  return len;
}

// Characters counted as UTF-8 sequences (a stray byte counts as one).
std::size_t cut_at_chars(std::string_view text, std::size_t max_chars) {
  std::size_t i = 0, chars = 0;
  while (i < text.size() && chars < max_chars) {
    char32_t c;
    const std::size_t len = decode(text, i, &c);
    i += len ? len : 1;
    ++chars;
  }
  return i;
}

}  // namespace

bool is_invisible(char32_t c) {
  if (c < 0x20 || (c >= 0x7F && c <= 0xA0)) return true;  // C0, DEL, C1, no-break space
  switch (c) {
    case 0x00AD:  // soft hyphen
    case 0x034F:  // combining grapheme joiner
    case 0x061C:  // Arabic letter mark
    case 0x115F:  // Hangul fillers
    case 0x1160:
    case 0x1680:  // Ogham space mark
    case 0x180E:  // Mongolian vowel separator
    case 0x202F:  // narrow no-break space
    case 0x205F:  // medium mathematical space
    case 0x3000:  // ideographic space
    case 0x3164:  // Hangul filler
    case 0xFEFF:  // byte order mark, zero-width no-break space
    case 0xFFA0:  // halfwidth Hangul filler
      return true;
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200F) return true;    // spaces, zero-width, LRM/RLM
  if (c >= 0x2028 && c <= 0x202E) return true;    // line/paragraph separators, bidi
  if (c >= 0x2060 && c <= 0x206F) return true;    // word joiner, invisible operators, isolates
  if (c >= 0xFFF9 && c <= 0xFFFB) return true;    // interlinear annotation
  if (c >= 0xE0000 && c <= 0xE007F) return true;  // tags
  return false;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    // Runs of visible ASCII, nearly all report text, are copied whole.
    std::size_t run = i;
    while (run < text.size() && text[run] >= 0x20 && text[run] < 0x7F) ++run;
    if (run > i) {
      out.append(text.substr(i, run - i));
      i = run;
      continue;
    }
    char32_t c;
    const std::size_t len = decode(text, i, &c);
    if (len == 0) {
      out += fmt::format("<0x{:02X}>", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    if (is_invisible(c))
      out += fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(c));
    else
      out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

bool is_printable(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] >= 0x20 && text[i] < 0x7F) {
      ++i;
      continue;
    }
    char32_t c;
    const std::size_t len = decode(text, i, &c);
    if (len == 0 || is_invisible(c)) return false;
    i += len;
  }
  return true;
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
