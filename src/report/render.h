// Renders an analysis in one of the report formats. Every format carries the same facts.
#pragma once

#include <string>
#include <vector>

#include "analyze/analysis.h"

namespace plainsight {

enum class Format { table, md, csv, json, html, sarif, dot };

bool parse_format(const std::string& name, Format* out);
std::vector<std::string> format_names();
std::string render(const Analysis& analysis, Format format);

std::string render_table(const Analysis& a);
std::string render_markdown(const Analysis& a);
std::string render_csv(const Analysis& a);
std::string render_json(const Analysis& a);
std::string render_html(const Analysis& a);
std::string render_sarif(const Analysis& a);
std::string render_dot(const Analysis& a);

}  // namespace plainsight
