// Which characters print as themselves, one definition for the whole project: the
// analyzer's messages and reports (src/core/printable.h) and the probes, which must write
// only text the analyzer reads back (hwprobe/). A leaf with no dependencies, like
// size_text.h.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace plainsight::units {

// Decodes one UTF-8 sequence at text[i]; returns its length, or 0 when it is not
// well-formed (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t* out);

// True for a code point that prints nothing visible or moves the cursor: controls (C0, DEL,
// C1), format characters (zero-width, bidi, BOM, tags), line and paragraph separators and
// spaces other than U+0020.
bool is_invisible(char32_t c);

// `text` with every invisible character written <U+XXXX> and every byte that is not part of
// well-formed UTF-8 written <0xNN>. Visible text is unchanged.
std::string visible_text(std::string_view text);

// True when visible_text(text) == text.
bool is_visible_text(std::string_view text);

}  // namespace plainsight::units
