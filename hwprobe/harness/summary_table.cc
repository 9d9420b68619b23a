#include "hwprobe/harness/summary_table.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "hwprobe/harness/size_sweep.h"

namespace hwprobe {
namespace {

// Only the params that tell rows of one probe apart; the file has the rest.
std::string params_text(const nlohmann::json& params) {
  std::string out;
  for (const auto& [k, v] : params.items()) {
    if (k != "mode" && k != "phase" && k != "side" && k != "threads" && k != "op") continue;
    if (!out.empty()) out += ' ';
    out += k + '=' + (v.is_string() ? v.get<std::string>() : v.dump());
  }
  return out;
}

std::string fixed(const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

}  // namespace

std::string format_seconds(double s) {
  if (s < 1e-6) return fixed("%.0f ns", s * 1e9);
  if (s < 1e-3) return fixed("%.3g us", s * 1e6);
  if (s < 1) return fixed("%.3g ms", s * 1e3);
  return fixed("%.3g s", s);
}

std::string format_summary(const nlohmann::json& doc) {
  const bool multi = doc.contains("ranks");
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"probe", "params", "bytes", "median", "GB/s", "cv"});
  if (multi) rows.back().insert(rows.back().begin() + 1, "rank");
  for (const auto& r : doc.value("results", nlohmann::json::array())) {
    const auto bytes = r["params"].value("bytes", std::uint64_t{0});
    const double median = r.value("median_s", 0.0);
    std::vector<std::string> row = {
        r.value("probe", ""),
        params_text(r["params"]),
        bytes > 0 ? format_size(bytes) : "-",
        format_seconds(median),
        bytes > 0 && median > 0 ? fixed("%.3f", double(bytes) / median / 1e9) : "-",
        fixed("%.3f", r.value("cv", 0.0))};
    if (multi) row.insert(row.begin() + 1, std::to_string(r.value("rank", 0)));
    rows.push_back(std::move(row));
  }
  std::vector<std::size_t> width(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  }
  std::string out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::size_t c = 0; c < rows[i].size(); ++c) {
      const std::string& cell = rows[i][c];
      const bool right = c + (multi ? 0 : 1) >= 3;  // numbers right-aligned
      const std::string pad(width[c] - cell.size(), ' ');
      out += right ? pad + cell : cell + pad;
      out += c + 1 < rows[i].size() ? "  " : "\n";
    }
    if (i == 0) {
      std::size_t total = 0;
      for (auto w : width) total += w + 2;
      out += std::string(total - 2, '-') + "\n";
    }
  }
  out +=
      "GB/s: bytes per sample over the median, GB = 1e9 bytes; sizes in KiB/MiB/GiB = "
      "2^10/2^20/2^30.\n";
  for (const auto& s : doc.value("skipped", nlohmann::json::array())) {
    out += "skipped " + s.value("probe", "") + ": " + s.value("reason", "") + "\n";
  }
  for (const auto& f : doc.value("failed", nlohmann::json::array())) {
    out += "FAILED  " + f.value("probe", "") + ": " + f.value("error", "") + "\n";
  }
  return out;
}

}  // namespace hwprobe
