// A figure from the literature with its citation: "CC-on H2D bandwidth on H100".
#pragma once

#include <string>

#include "core/input_error.h"

namespace plainsight {

struct PublishedFigure {
  std::string id;
  std::string description;
  std::string unit;  // seconds | bytes_per_second | ratio | bytes
  double value = 0;
  std::string source;
  SourceLocation where;
};

}  // namespace plainsight
