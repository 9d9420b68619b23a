#include "units/visible_text.h"

#include <cstdint>
#include <cstdio>

namespace plainsight::units {
namespace {

// "<U+001B>" for a code point, "<0xFF>" for a byte that is not UTF-8.
std::string code_point(std::uint32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "<U+%04X>", static_cast<unsigned>(c));
  return buf;
}
std::string stray_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "<0x%02X>", static_cast<unsigned>(b));
  return buf;
}

}  // namespace

std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t* out) {
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

std::string visible_text(std::string_view text) {
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
    const std::size_t len = decode_utf8(text, i, &c);
    if (len == 0) {
      out += stray_byte(static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    if (is_invisible(c))
      out += code_point(static_cast<std::uint32_t>(c));
    else
      out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

bool is_visible_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] >= 0x20 && text[i] < 0x7F) {
      ++i;
      continue;
    }
    char32_t c;
    const std::size_t len = decode_utf8(text, i, &c);
    if (len == 0 || is_invisible(c)) return false;
    i += len;
  }
  return true;
}

}  // namespace plainsight::units
