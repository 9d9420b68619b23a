// Rows of cells rendered as an aligned plain-text table or a Markdown table.
#pragma once

#include <string>
#include <vector>

namespace plainsight {

struct TextTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  std::string plain() const;     // columns padded to width, a rule under the header
  std::string markdown() const;  // GitHub-flavoured, '|' escaped
};

}  // namespace plainsight
