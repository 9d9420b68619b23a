// The plaintext-window table as rows: the one layout the text, Markdown and CSV reports share.
#pragma once

#include "analyze/analysis.h"
#include "report/text_table.h"

namespace plainsight {

TextTable window_table(const Analysis& analysis);
TextTable exposure_matrix_table(const Analysis& analysis);

}  // namespace plainsight
