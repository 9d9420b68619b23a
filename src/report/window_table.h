// The plaintext-window table as rows: the one layout the text, Markdown and CSV reports share.
#pragma once

#include <string>
#include <vector>

#include "analyze/analysis.h"
#include "report/text_table.h"

namespace plainsight {

TextTable window_table(const Analysis& analysis);
TextTable exposure_matrix_table(const Analysis& analysis);

// The same tables a row at a time, for formats that need no column widths (Markdown, HTML)
// and so need not hold a row per window.
std::vector<std::string> window_table_header();
std::vector<std::string> window_table_row(const Analysis& analysis, const Window& w);
std::vector<std::string> exposure_matrix_header(const Analysis& analysis);
std::vector<std::string> exposure_matrix_row(const Window& w);

}  // namespace plainsight
