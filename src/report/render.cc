#include "report/render.h"

namespace plainsight {

std::vector<std::string> format_names() { return {"table", "md", "csv", "json"}; }

bool parse_format(const std::string& name, Format* out) {
  if (name == "table")
    *out = Format::table;
  else if (name == "md" || name == "markdown")
    *out = Format::md;
  else if (name == "csv")
    *out = Format::csv;
  else if (name == "json")
    *out = Format::json;
  else
    return false;
  return true;
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
  }
  return {};
}

}  // namespace plainsight
