#include "report/render.h"

#include <array>
#include <sstream>
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

void render(std::ostream& out, const Analysis& a, Format f) { render(out, a, f, {}); }

void render(std::ostream& out, const Analysis& a, Format f, const ReportOptions& o) {
  switch (f) {
    case Format::table:
      return render_table(out, a, o);
    case Format::md:
      return render_markdown(out, a);
    case Format::csv:
      return render_csv(out, a);
    case Format::json:
      return render_json(out, a);
    case Format::html:
      return render_html(out, a);
    case Format::sarif:
      return render_sarif(out, a, o);
    case Format::dot:
      return render_dot(out, a);
  }
}

std::string render(const Analysis& a, Format f) {
  std::ostringstream out;
  render(out, a, f);
  return std::move(out).str();
}

std::string render_table(const Analysis& a) { return render(a, Format::table); }
std::string render_markdown(const Analysis& a) { return render(a, Format::md); }
std::string render_csv(const Analysis& a) { return render(a, Format::csv); }
std::string render_json(const Analysis& a) { return render(a, Format::json); }
std::string render_html(const Analysis& a) { return render(a, Format::html); }
std::string render_sarif(const Analysis& a) { return render(a, Format::sarif); }
std::string render_dot(const Analysis& a) { return render(a, Format::dot); }

}  // namespace plainsight
