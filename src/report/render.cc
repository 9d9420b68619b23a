#include "report/render.h"

#include <array>
#include <utility>

namespace plainsight {
namespace {
constexpr std::array<std::pair<const char*, Format>, 8> kFormats{{{"table", Format::table},
                                                                  {"md", Format::md},
                                                                  {"markdown", Format::md},
                                                                  {"csv", Format::csv},
                                                                  {"json", Format::json},
                                                                  {"html", Format::html},
                                                                  {"sarif", Format::sarif},
                                                                  {"dot", Format::dot}}};
}  // namespace

std::vector<std::string> format_names() {
  return {"table", "md", "csv", "json", "html", "sarif", "dot"};
}

bool parse_format(const std::string& name, Format* out) {
  for (const auto& [n, f] : kFormats)
    if (name == n) {
      *out = f;
      return true;
    }
  return false;
}

std::string render(const Analysis& a, Format f) {
  switch (f) {
    case Format::table:
      return render_table(a);
    case Format::md:
      return render_markdown(a);
    case Format::csv:
      return render_csv(a);
    case Format::json:
      return render_json(a);
    case Format::html:
      return render_html(a);
    case Format::sarif:
      return render_sarif(a);
    case Format::dot:
      return render_dot(a);
  }
  return {};
}

}  // namespace plainsight
