#include "bundled_catalog.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace plainsight::fuzz {

const std::vector<std::string>& bundled_scenarios() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator(
             std::filesystem::path(PLAINSIGHT_FUZZ_SOURCE_DIR) / "scenarios"))
      if (e.path().extension() == ".yaml") paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> out;
    for (const auto& p : paths) {
      std::ifstream in(p, std::ios::binary);
      out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return out;
  }();
  return texts;
}

}  // namespace plainsight::fuzz
