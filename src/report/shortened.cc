#include "report/shortened.h"

namespace plainsight {
namespace {

const char* const kEllipsis = "\xE2\x80\xA6";

std::size_t chars(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The first `n` characters of s, and the ellipsis in place of the rest.
std::string cut_end(const std::string& s, std::size_t n) {
  if (chars(s) <= n) return s;
  if (n == 0) return "";
  std::size_t kept = 0, i = 0;
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && kept++ == n - 1) break;
  return s.substr(0, i) + kEllipsis;
}

}  // namespace

std::string shortened(const std::string& s, std::size_t n) {
  if (chars(s) <= n) return s;
  const std::size_t colon = s.find(": ");
  if (colon != std::string::npos && colon > 0) {
    const std::string stage = s.substr(colon);  // ": Fabric (x 2)"
    const std::size_t room = chars(stage) < n ? n - chars(stage) : 0;
    if (room >= 4) return cut_end(s.substr(0, colon), room) + stage;
  }
  return cut_end(s, n);
}

}  // namespace plainsight
