// Text from input files and the command line, made safe to print in a message or a table:
// characters a terminal would act on or not show (ESC, NUL, a newline, a zero-width space, a
// bidi override) become <U+XXXX>, bytes that are not UTF-8 <0xNN>, and long values and lists
// are cut. Every InputError goes through this, so no message prints input raw.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plainsight {

// True for a code point that prints nothing visible or moves the cursor: controls (C0, DEL,
// C1), format characters (zero-width, bidi, BOM, tags), line and paragraph separators and
// spaces other than U+0020.
bool is_invisible(char32_t c);

// `text` with every invisible character written <U+XXXX> and every byte that is not part of
// well-formed UTF-8 written <0xNN>. Visible text is unchanged.
std::string printable(std::string_view text);

// True when printable(text) == text.
bool is_printable(std::string_view text);

// Where the first character printable() rewrites starts (npos when none), with its length in
// `length`: what a message points at.
std::size_t first_unprintable(std::string_view text, std::size_t* length);

// printable(text), cut after `max_chars` characters with the size of the rest:
// "aaaa... (1048576 bytes in all)".
std::string echo(std::string_view text, std::size_t max_chars);
std::string echo(std::string_view text);  // at kMaxEchoChars

// "a, b, c" for a list of up to kMaxListed items; longer lists name the first ones and
// count the rest: "a, b, ... (99,980 more)".
std::string listed(const std::vector<std::string>& items);

// A whole message cut to kMaxMessageChars characters.
std::string capped_message(std::string text);

}  // namespace plainsight
