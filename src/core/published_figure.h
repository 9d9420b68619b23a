// A figure from the literature with its citation: "CC-on H2D bandwidth on H100".
#pragma once

#include <string>

#include "core/citation.h"
#include "core/input_error.h"

namespace plainsight {

struct PublishedFigure : Cited {
  std::string id;
  std::string description;
  std::string unit;  // seconds | bytes_per_second | ratio | bytes | count | usd | usd_per_gb
  double value = 0;
  std::string note;
  SourceLocation where;
};

}  // namespace plainsight
