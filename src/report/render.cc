#include "report/render.h"

#include <array>
#include <sstream>
#include <stdexcept>

namespace plainsight {
namespace {

// Formats that take no options ignore them.
template <void (*Render)(std::ostream&, const Analysis&)>
void without_options(std::ostream& out, const Analysis& a, const ReportOptions&) {
  Render(out, a);
}

constexpr std::array<ReportFormat, 7> kFormats{{
    {"table", "txt", render_table},
    {"md", "md", without_options<render_markdown>},
    {"csv", "csv", without_options<render_csv>},
    {"json", "json", without_options<render_json>},
    {"html", "html", without_options<render_html>},
    {"sarif", "sarif", render_sarif},
    {"dot", "dot", without_options<render_dot>},
}};

}  // namespace

std::span<const ReportFormat> report_formats() { return kFormats; }

const ReportFormat* find_format(std::string_view name) {
  for (const ReportFormat& f : kFormats)
    if (f.name == name) return &f;
  return nullptr;
}

std::string render(const Analysis& a, std::string_view name, const ReportOptions& options) {
  const ReportFormat* f = find_format(name);
  if (!f) throw std::invalid_argument("no report format '" + std::string(name) + "'");
  std::ostringstream out;
  f->render(out, a, options);
  return std::move(out).str();
}

}  // namespace plainsight
