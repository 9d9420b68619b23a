// What is protected. Sizes follow from parameters and bytes per parameter, never typed twice.
#pragma once

#include <string>

namespace plainsight {

struct Asset {
  std::string name;
  double parameters = 0;
  double bytes_per_parameter = 2;            // fp16/bf16 weights
  double optimizer_bytes_per_parameter = 0;  // e.g. 12 for Adam (fp32 master, m, v)

  double weights_bytes() const { return parameters * bytes_per_parameter; }
  double checkpoint_bytes() const {
    return parameters * (bytes_per_parameter + optimizer_bytes_per_parameter);
  }
};

}  // namespace plainsight
