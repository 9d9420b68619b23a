// The plaintext-window table as rows: the one layout the text, Markdown and CSV reports share.
#pragma once

#include <string>
#include <vector>

#include "analyze/analysis.h"
#include "report/text_table.h"

namespace plainsight {

// The windows in the table's order: pipeline order (the scenario's), or analysis.row_order.
std::vector<std::size_t> table_order(const Analysis& analysis);

TextTable window_table(const Analysis& analysis);
TextTable exposure_matrix_table(const Analysis& analysis);

// The same tables a row at a time, for formats that need no column widths (Markdown, HTML)
// and so need not hold a row per window. `index` into analysis.windows.
std::vector<std::string> window_table_header();
std::vector<std::string> window_table_row(const Analysis& analysis, std::size_t index);
std::vector<std::string> exposure_matrix_header(const Analysis& analysis);
std::vector<std::string> exposure_matrix_row(const Analysis& analysis, std::size_t index);

// "Totals: 9 windows stand for 1,000,001 stages; ...": what the windows add up to with their
// replicas counted; "" when every window is one stage (the table says it all).
std::string totals_line(const Analysis& analysis);

// "plaintext", "patterns + key", "key": one matrix cell.
std::string cell_phrase(const Cell& cell);
// The same in one or two characters for the compact matrix of the plain-text report: "P",
// "P*" (plaintext after an extra step), "p" (patterns), "C", "M", "." (out of reach), "+K".
std::string cell_code(const Cell& cell);
// The same, marked as every format marks them: "R" where the bytes are ciphertext but a
// capability reads a full copy through a released key, and a "!" after the code of a route that
// decides the verdict (a full copy for the actor that breaks the exposure ceiling).
std::string cell_code(const Analysis& analysis, std::size_t window, std::size_t capability);
std::string cell_phrase(const Analysis& analysis, std::size_t window, std::size_t capability);
// What the codes mean, in one line.
std::string cell_code_legend();
// The exposure matrix with a column per capability, numbered (the legend lines name them).
TextTable compact_matrix_table(const Analysis& analysis);

}  // namespace plainsight
