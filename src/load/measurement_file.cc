#include "load/measurement_file.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include <fmt/format.h>

#include "core/input_error.h"
#include "load/measurement_consistency.h"

namespace plainsight {
namespace {

using json = nlohmann::json;

// Probe files hold every sample of every point; past this they are not probe output.
constexpr std::uintmax_t kMaxMeasurementBytes = 256u << 20;

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw InputError({file_}, where.empty() ? what : where + ": " + what);
  }

  const json& field(const json& obj, const std::string& where, const char* key) const {
    auto it = obj.find(key);
    if (it == obj.end()) fail(where, fmt::format("missing required field \"{}\"", key));
    return *it;
  }
  const json& object(const json& obj, const std::string& where, const char* key) const {
    const json& v = field(obj, where, key);
    if (!v.is_object()) fail(join(where, key), "expected an object, got " + kind(v));
    return v;
  }
  const json& array(const json& obj, const std::string& where, const char* key) const {
    const json& v = field(obj, where, key);
    if (!v.is_array()) fail(join(where, key), "expected an array, got " + kind(v));
    return v;
  }
  std::string string(const json& obj, const std::string& where, const char* key) const {
    const json& v = field(obj, where, key);
    if (!v.is_string()) fail(join(where, key), "expected a string, got " + kind(v));
    return v.get<std::string>();
  }
  // A time in seconds: a finite number >= 0.
  double time(const json& v, const std::string& where) const {
    if (v.is_null()) fail(where, "not a number (null: NaN or infinity written as JSON)");
    if (v.is_string()) {
      const std::string s = v.get<std::string>();
      fail(where, fmt::format("expected a number of seconds, got the string \"{}\"", s));
    }
    if (!v.is_number()) fail(where, "expected a number of seconds, got " + kind(v));
    const double d = v.get<double>();
    if (!std::isfinite(d)) fail(where, "not a finite number");
    if (d < 0) fail(where, fmt::format("negative time ({})", d));
    return d;
  }
  double number(const json& obj, const std::string& where, const char* key) const {
    const json& v = field(obj, where, key);
    if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < 0)
      fail(join(where, key), "expected a finite number >= 0, got " + kind(v));
    return v.get<double>();
  }

  static std::string join(const std::string& where, const std::string& key) {
    return where.empty() ? key : where + "." + key;
  }
  static std::string kind(const json& v) {
    switch (v.type()) {
      case json::value_t::null:
        return "null";
      case json::value_t::object:
        return "an object";
      case json::value_t::array:
        return "an array";
      case json::value_t::string:
        return "a string";
      case json::value_t::boolean:
        return "a boolean";
      default: {
        std::string d = v.dump();
        return d.size() > 40 ? d.substr(0, 40) + "..." : d;
      }
    }
  }

 private:
  std::string file_;
};

MachineIdentity read_machine(const json& m) {
  MachineIdentity id;
  auto str = [](const json& o, const char* k) {
    auto it = o.find(k);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  id.hostname = str(m, "hostname");
  if (auto cpu = m.find("cpu"); cpu != m.end() && cpu->is_object()) {
    id.cpu_model = str(*cpu, "model");
    if (auto c = cpu->find("logical_cores"); c != cpu->end() && c->is_number_integer())
      id.logical_cores = c->get<int>();
  }
  if (auto k = m.find("kernel"); k != m.end() && k->is_object()) id.kernel = str(*k, "release");
  if (auto d = m.find("dir"); d != m.end() && d->is_object()) id.filesystem = str(*d, "filesystem");
  if (auto g = m.find("gpu"); g != m.end() && g->is_object()) {
    if (auto cc = g->find("confidential_computing"); cc != g->end() && cc->is_object()) {
      id.cc = str(*cc, "cc");
      id.multi_gpu_mode = str(*cc, "multi_gpu_mode");
    }
    if (auto list = g->find("gpus"); list != g->end() && list->is_array())
      for (const json& d : *list)
        if (d.is_object() && d.contains("name") && d["name"].is_string())
          id.gpus.push_back(d["name"].get<std::string>());
  }
  return id;
}

// 1-based line and column of a byte offset, for parse errors.
std::pair<int, int> line_col(const std::string& text, std::size_t byte) {
  byte = std::min(byte, text.size());
  int line = 1, col = 1;
  for (std::size_t i = 0; i + 1 < byte; ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

}  // namespace

std::string MachineIdentity::summary() const {
  std::string out = hostname.empty() ? "unnamed host" : hostname;
  std::vector<std::string> parts;
  if (!cpu_model.empty())
    parts.push_back(logical_cores > 0 ? fmt::format("{}, {} cores", cpu_model, logical_cores)
                                      : cpu_model);
  if (!gpus.empty()) {
    std::string g = gpus.front();
    if (gpus.size() > 1) g = fmt::format("{}x {}", gpus.size(), g);
    parts.push_back(g + (cc.empty() ? "" : ", CC " + cc));
  }
  if (!parts.empty()) out += " (" + fmt::format("{}", fmt::join(parts, "; ")) + ")";
  return out;
}

std::string ProbeResult::param(const std::string& key) const {
  auto it = params.find(key);
  if (it == params.end()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

const MachineIdentity& MeasurementFile::machine_of(const ProbeResult& r) const {
  if (r.rank >= 0 && static_cast<std::size_t>(r.rank) < machines.size()) return machines[r.rank];
  return machine;
}

MeasurementFile parse_measurement_file(const std::string& text, const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  Reader rd(path);
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    auto [line, col] = line_col(text, e.byte);
    std::string why = e.byte >= text.size() ? "the file ends early (truncated?)" : "malformed JSON";
    const std::string rest = e.byte > 0 && e.byte <= text.size() ? text.substr(e.byte - 1, 9) : "";
    if (rest.starts_with("NaN") || rest.starts_with("Infinity") || rest.starts_with("-Infinity"))
      why = "NaN or infinity is not a time (and not JSON)";
    throw InputError({path, line, col}, why);
  } catch (const json::out_of_range& e) {
    // A number too large for a double ("1e999") is not a parse_error in nlohmann, and has
    // no position to report.
    throw InputError({path}, fmt::format("a number is out of range: {}", e.what()));
  }
  if (!doc.is_object()) rd.fail("", "expected a JSON object, got " + Reader::kind(doc));
  const std::string format = rd.string(doc, "", "format");
  if (format != kProbeFormat)
    rd.fail("format", fmt::format("\"{}\" is not supported; this plainsight reads \"{}\"", format,
                                  kProbeFormat));

  MeasurementFile mf;
  mf.path = path;
  mf.name = name;
  if (auto it = doc.find("started_at"); it != doc.end() && it->is_string())
    mf.started_at = it->get<std::string>();
  mf.machine = read_machine(rd.object(doc, "", "machine"));
  const bool multi = doc.contains("ranks");
  if (multi) {
    const json& ranks = doc["ranks"];
    // Checked as 64 bits before narrowing: get<int>() reads 2^32 + 1 ranks as 1.
    if (!ranks.is_number_unsigned() || ranks.get<std::uint64_t>() < 1 ||
        ranks.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<int>::max()))
      rd.fail("ranks", "expected a positive integer, got " + Reader::kind(ranks));
    mf.ranks = ranks.get<int>();
    const json& machines = rd.array(doc, "", "machines");
    if (machines.size() != static_cast<std::size_t>(mf.ranks))
      rd.fail("machines",
              fmt::format("lists {} identities for {} ranks", machines.size(), mf.ranks));
    for (std::size_t i = 0; i < machines.size(); ++i) {
      if (!machines[i].is_object())
        rd.fail(fmt::format("machines[{}]", i),
                "expected an object, got " + Reader::kind(machines[i]));
      mf.machines.push_back(read_machine(machines[i]));
    }
  }

  const json& results = rd.array(doc, "", "results");
  for (std::size_t i = 0; i < results.size(); ++i) {
    const std::string at = fmt::format("results[{}]", i);
    const json& r = results[i];
    if (!r.is_object()) rd.fail(at, "expected an object, got " + Reader::kind(r));
    ProbeResult pr;
    pr.index = i;
    pr.probe = rd.string(r, at, "probe");
    if (pr.probe.empty()) rd.fail(at + ".probe", "empty probe key");
    pr.params = rd.object(r, at, "params");
    const json& bytes = rd.field(pr.params, at + ".params", "bytes");
    if (!bytes.is_number_unsigned() || bytes.get<std::uint64_t>() == 0)
      rd.fail(at + ".params.bytes",
              "expected a positive integer number of bytes, got " + Reader::kind(bytes));
    pr.bytes = static_cast<double>(bytes.get<std::uint64_t>());
    const json& samples = rd.array(r, at, "samples_s");
    if (samples.empty()) rd.fail(at + ".samples_s", "empty: a result needs at least one sample");
    for (std::size_t k = 0; k < samples.size(); ++k)
      pr.samples_s.push_back(rd.time(samples[k], fmt::format("{}.samples_s[{}]", at, k)));
    pr.median_s = rd.time(rd.field(r, at, "median_s"), at + ".median_s");
    pr.min_s = rd.time(rd.field(r, at, "min_s"), at + ".min_s");
    pr.max_s = rd.time(rd.field(r, at, "max_s"), at + ".max_s");
    pr.cv = rd.number(r, at, "cv");
    if (pr.median_s <= 0)
      rd.fail(at + ".median_s", "zero time: a transfer cannot take no time (clock too coarse?)");
    // The summary must describe the samples: a hand-edited file is caught here.
    const auto [lo, hi] = std::minmax_element(pr.samples_s.begin(), pr.samples_s.end());
    const double tol = 1e-9 + 1e-6 * *hi;
    if (std::abs(pr.min_s - *lo) > tol || std::abs(pr.max_s - *hi) > tol)
      rd.fail(at, fmt::format("min_s {} / max_s {} disagree with the samples ({} .. {})", pr.min_s,
                              pr.max_s, *lo, *hi));
    if (pr.median_s < pr.min_s - tol || pr.median_s > pr.max_s + tol)
      rd.fail(at + ".median_s", "outside min_s .. max_s");
    if (multi) {
      const json& rank = rd.field(r, at, "rank");
      if (!rank.is_number_unsigned() ||
          rank.get<std::uint64_t>() >= static_cast<std::uint64_t>(mf.ranks))
        rd.fail(at + ".rank",
                fmt::format("expected a rank below {}, got {}", mf.ranks, Reader::kind(rank)));
      pr.rank = rank.get<int>();
    }
    mf.results.push_back(std::move(pr));
  }
  for (const char* list : {"skipped", "failed"}) {
    const json& entries = rd.array(doc, "", list);
    const char* text_key = std::string(list) == "skipped" ? "reason" : "error";
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const std::string at = fmt::format("{}[{}]", list, i);
      if (!entries[i].is_object())
        rd.fail(at, "expected an object, got " + Reader::kind(entries[i]));
      auto entry =
          std::make_pair(rd.string(entries[i], at, "probe"), rd.string(entries[i], at, text_key));
      (std::string(list) == "skipped" ? mf.skipped : mf.failed).push_back(std::move(entry));
    }
  }
  if (mf.results.empty())
    rd.fail("results",
            fmt::format("empty: the file holds no measurements ({} probes skipped, {} failed)",
                        mf.skipped.size(), mf.failed.size()));
  check_consistent(mf);
  return mf;
}

MeasurementFile load_measurement_file(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw InputError({path.string()}, fmt::format("cannot read: {}", ec.message()));
  if (size > kMaxMeasurementBytes)
    throw InputError({path.string()},
                     fmt::format("file is {} bytes; the limit is {}", size, kMaxMeasurementBytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path.string()}, "cannot open for reading");
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_measurement_file(ss.str(), path.string());
}

}  // namespace plainsight
