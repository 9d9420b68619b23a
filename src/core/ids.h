// The ids of a catalog or scenario list, for reference checks and "did you mean".
#pragma once

#include <string>
#include <vector>

namespace plainsight {

template <class T>
std::vector<std::string> ids_of(const std::vector<T>& list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const T& x : list) out.push_back(x.id);
  return out;
}

}  // namespace plainsight
