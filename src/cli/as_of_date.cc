#include "cli/as_of_date.h"

#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

#include "load/risk_tracking_reader.h"

namespace plainsight::cli {

void add_as_of(CLI::App& cmd, std::string& date) {
  cmd.add_option("--as-of", date,
                 "The date risk_tracking expiries are read against, YYYY-MM-DD (default: "
                 "SOURCE_DATE_EPOCH's day where set, else today, UTC)")
      ->check(CLI::Validator(
          [](std::string& d) -> std::string {
            return is_iso_date(d) ? "" : "expected a date YYYY-MM-DD";
          },
          "DATE"));
}

std::string as_of_date(const std::string& given) {
  if (!given.empty()) return given;
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    const long long s = std::strtoll(epoch, &end, 10);
    if (*end == '\0' && s >= 0) t = static_cast<std::time_t>(s);
  }
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

}  // namespace plainsight::cli
