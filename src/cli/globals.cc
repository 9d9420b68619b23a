#include <charconv>

#include <fmt/format.h>

#include "cli/commands.h"
#include "core/printable.h"
#include "load/catalog_loader.h"

namespace plainsight::cli {

const CLI::Validator& non_empty() {
  static const CLI::Validator v(
      [](std::string& s) { return s.empty() ? std::string("must not be empty") : std::string(); },
      "TEXT");
  return v;
}

CLI::Validator whole_number(std::uint64_t min, std::uint64_t max) {
  return CLI::Validator(
      [min, max](std::string& s) {
        std::uint64_t v = 0;
        const char* end = s.data() + s.size();
        const auto [p, ec] = std::from_chars(s.data(), end, v);
        if (s.empty() || ec != std::errc() || p != end || v < min || v > max)
          return fmt::format("expected a whole number from {} to {}, got '{}'", min, max, echo(s));
        return std::string();
      },
      "UINT");
}

Catalog load_catalog_for(const Globals& g) {
  return load_catalog(g.model_dir.empty() ? default_model_dir()
                                          : std::filesystem::path(g.model_dir));
}

}  // namespace plainsight::cli
