// A cited source: every catalog figure and default names one.
#pragma once

#include <string>

#include "core/input_error.h"

namespace plainsight {

struct Source {
  std::string id;
  std::string title;
  std::string publisher;
  std::string url;
  std::string year;
  SourceLocation where;
};

}  // namespace plainsight
