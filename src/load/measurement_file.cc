#include "load/measurement_file.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <unordered_set>

#include <fmt/format.h>

#include "core/input_error.h"
#include "core/limits.h"
#include "core/printable.h"
#include "core/quantity.h"
#include "load/measurement_consistency.h"

namespace plainsight {
namespace {

using json = nlohmann::json;

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

// No probe file nests deeper than a few levels. Deeper text is refused before nlohmann
// parses it: its parser does not recurse, but everything that walks the document after it
// (dumping a param for a message, destroying the tree) would grow with the depth.
void check_json_depth(const std::string& text, const std::string& path) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) {
        const auto [line, col] = line_col(text, i + 1);
        throw InputError({path, line, col},
                         fmt::format("nesting deeper than {} levels", kMaxJsonDepth));
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
}

// Parses `text`, refusing a key that appears twice in one object (nlohmann keeps the last
// silently; a hand-merged file could then say two things and be read as one). The message
// names the object's place in the document: "results[3].params". A SAX handler around
// nlohmann's DOM builder, not its callback parser, whose end of every object scans the
// enclosing array (600,000 results took minutes).
class DuplicateKeyParser {
 public:
  DuplicateKeyParser(json& result, const std::string& path) : dom_(result, true), path_(path) {}

  bool null() { return value_done(dom_.null()); }
  bool boolean(bool v) { return value_done(dom_.boolean(v)); }
  bool number_integer(json::number_integer_t v) { return value_done(dom_.number_integer(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return value_done(dom_.number_unsigned(v)); }
  bool number_float(json::number_float_t v, const json::string_t& s) {
    return value_done(dom_.number_float(v, s));
  }
  bool string(json::string_t& v) { return value_done(dom_.string(v)); }
  bool binary(json::binary_t& v) { return value_done(dom_.binary(v)); }
  bool start_object(std::size_t n) {
    frames_.push_back({true, {}, 0, {}});
    return dom_.start_object(n);
  }
  bool key(json::string_t& k) {
    Frame& f = frames_.back();
    f.key = k;
    if (!f.keys.insert(k).second) {
      const std::string at = where();  // the frames below the top: the object's place
      throw InputError(
          {path_}, fmt::format("{}{}duplicate key \"{}\"", at, at.empty() ? "" : ": ", echo(k)));
    }
    return dom_.key(k);
  }
  bool end_object() {
    frames_.pop_back();
    return value_done(dom_.end_object());
  }
  bool start_array(std::size_t n) {
    frames_.push_back({false, {}, 0, {}});
    return dom_.start_array(n);
  }
  bool end_array() {
    frames_.pop_back();
    return value_done(dom_.end_array());
  }
  // The parser's own exception type (parse_error, out_of_range), thrown as nlohmann would.
  template <class Exception>
  bool parse_error(std::size_t at, const std::string& token, const Exception& e) {
    return dom_.parse_error(at, token, e);
  }

 private:
  struct Frame {
    bool object = false;
    std::string key;        // an object's current key
    std::size_t index = 0;  // an array's current element
    std::unordered_set<std::string> keys;
  };
  bool value_done(bool ok) {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
    return ok;
  }
  std::string where() const {
    std::string out;
    for (std::size_t i = 0; i + 1 < frames_.size(); ++i) {
      if (frames_[i].object)
        out += (out.empty() ? "" : ".") + frames_[i].key;
      else
        out += fmt::format("[{}]", frames_[i].index);
    }
    return out;
  }

  nlohmann::detail::json_sax_dom_parser<json> dom_;
  const std::string& path_;
  std::vector<Frame> frames_;
};

json parse_without_duplicate_keys(const std::string& text, const std::string& path) {
  json out;
  DuplicateKeyParser handler(out, path);
  json::sax_parse(text, &handler);
  return out;
}

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
  const json* optional(const json& obj, const char* key) const {
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
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
  // An optional string field: "" when absent.
  std::string optional_string(const json& obj, const std::string& where, const char* key) const {
    const json* v = optional(obj, key);
    return v ? string(obj, where, key) : std::string();
  }
  // An optional object field; null when absent.
  const json* optional_object(const json& obj, const std::string& where, const char* key) const {
    const json* v = optional(obj, key);
    if (v && !v->is_object()) fail(join(where, key), "expected an object, got " + kind(*v));
    return v;
  }
  // A whole number in [min, max], checked before narrowing: get<int>() reads 2^32 + 1 as 1.
  std::uint64_t integer(const json& v, const std::string& where, std::uint64_t min,
                        std::uint64_t max) const {
    if (!v.is_number_unsigned() || v.get<std::uint64_t>() < min || v.get<std::uint64_t>() > max)
      fail(where, fmt::format("expected a whole number from {} to {}, got {}", min, max, kind(v)));
    return v.get<std::uint64_t>();
  }
  // A time in seconds: a finite number >= 0 and no longer than any duration plainsight takes.
  double time(const json& v, const std::string& where) const {
    if (v.is_null()) fail(where, "not a number (null: NaN or infinity written as JSON)");
    if (v.is_string())
      fail(where, fmt::format("expected a number of seconds, got the string \"{}\"",
                              echo(v.get<std::string>())));
    if (!v.is_number()) fail(where, "expected a number of seconds, got " + kind(v));
    const double d = v.get<double>();
    if (!std::isfinite(d)) fail(where, "not a finite number");
    if (d < 0) fail(where, fmt::format("negative time ({})", d));
    if (d > kMaxSeconds)
      fail(where, fmt::format("{:g} s is beyond any plausible duration (the limit is {})", d,
                              format_duration(kMaxSeconds)));
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

// "suite.name", as docs/probe-format.schema.json's probe_key: ^[a-z][a-z0-9_]*\.[a-z0-9_.]+$
bool is_probe_key(const std::string& k) {
  const auto dot = k.find('.');
  if (k.empty() || !(k[0] >= 'a' && k[0] <= 'z') || dot == std::string::npos || dot + 1 == k.size())
    return false;
  for (std::size_t i = 0; i < k.size(); ++i) {
    const char c = k[i];
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!(word || (c == '.' && i > dot) || i == dot)) return false;
  }
  return true;
}

std::string probe_key(const Reader& rd, const json& entry, const std::string& at) {
  const std::string k = rd.string(entry, at, "probe");
  if (!is_probe_key(k))
    rd.fail(at + ".probe",
            fmt::format("\"{}\" is not a probe key (suite.name: lower-case letters, digits, '_' "
                        "and '.', e.g. host.aes_gcm)",
                        echo(k)));
  return k;
}

// Every string of the file ends up in a terminal or a report: none may carry a control or
// invisible character (an ANSI escape in a hostname would act on the terminal that shows
// it). Free text (a skipped probe's reason, a failure's error) may hold line breaks.
void check_strings(const Reader& rd, const json& v, const std::string& where, bool free_text) {
  auto ok = [free_text](const std::string& s) {
    if (!free_text) return is_printable(s);
    for (std::size_t start = 0; start <= s.size();) {
      const std::size_t nl = std::min(s.find('\n', start), s.size());
      if (!is_printable(std::string_view(s).substr(start, nl - start))) return false;
      start = nl + 1;
    }
    return true;
  };
  if (v.is_string()) {
    if (!ok(v.get_ref<const std::string&>()))
      rd.fail(where, fmt::format("\"{}\": a control or invisible character in text",
                                 echo(v.get_ref<const std::string&>())));
  } else if (v.is_object()) {
    for (const auto& [k, item] : v.items()) {
      if (!is_printable(k))
        rd.fail(where,
                fmt::format("key \"{}\": a control or invisible character in text", echo(k)));
      const bool text = free_text || ((where.starts_with("skipped[") && k == "reason") ||
                                      (where.starts_with("failed[") && k == "error"));
      check_strings(rd, item, Reader::join(where, k), text);
    }
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i)
      check_strings(rd, v[i], fmt::format("{}[{}]", where, i), free_text);
  }
}

// What docs/probe-format.schema.json says of a machine, and what reports show of it.
MachineIdentity read_machine(const Reader& rd, const json& m, const std::string& at) {
  MachineIdentity id;
  id.hostname = rd.optional_string(m, at, "hostname");
  if (const json* r = rd.optional(m, "rank"))
    rd.integer(*r, Reader::join(at, "rank"), 0, std::numeric_limits<int>::max());
  if (const json* cpu = rd.optional_object(m, at, "cpu")) {
    const std::string c = Reader::join(at, "cpu");
    id.cpu_model = rd.optional_string(*cpu, c, "model");
    if (const json* flags = rd.optional(*cpu, "flags")) {
      if (!flags->is_array())
        rd.fail(c + ".flags", "expected an array, got " + Reader::kind(*flags));
      for (std::size_t i = 0; i < flags->size(); ++i)
        if (!(*flags)[i].is_string())
          rd.fail(fmt::format("{}.flags[{}]", c, i),
                  "expected a string, got " + Reader::kind((*flags)[i]));
    }
    if (const json* n = rd.optional(*cpu, "logical_cores"))
      id.logical_cores = static_cast<int>(rd.integer(*n, c + ".logical_cores", 1, 1u << 20));
  }
  if (const json* mem = rd.optional(m, "memory_bytes"))
    rd.integer(*mem, Reader::join(at, "memory_bytes"), 0, static_cast<std::uint64_t>(kMaxBytes));
  if (const json* k = rd.optional_object(m, at, "kernel")) {
    const std::string where = Reader::join(at, "kernel");
    for (const char* f : {"sysname", "version", "machine"}) rd.optional_string(*k, where, f);
    id.kernel = rd.optional_string(*k, where, "release");
  }
  rd.optional_string(m, at, "openssl");
  if (const json* d = rd.optional_object(m, at, "dir")) {
    const std::string where = Reader::join(at, "dir");
    rd.optional_string(*d, where, "path");
    id.filesystem = rd.optional_string(*d, where, "filesystem");
    if (const json* f = rd.optional(*d, "free_bytes"))
      rd.integer(*f, where + ".free_bytes", 0, static_cast<std::uint64_t>(kMaxBytes));
  }
  if (const json* g = rd.optional_object(m, at, "gpu")) {
    // The schema leaves the GPU section open; only what the analyzer reads is held to a type.
    if (auto cc = g->find("confidential_computing"); cc != g->end() && cc->is_object()) {
      if (auto v = cc->find("cc"); v != cc->end() && v->is_string()) id.cc = v->get<std::string>();
      if (auto v = cc->find("multi_gpu_mode"); v != cc->end() && v->is_string())
        id.multi_gpu_mode = v->get<std::string>();
    }
    if (auto list = g->find("gpus"); list != g->end() && list->is_array())
      for (const json& d : *list)
        if (d.is_object() && d.contains("name") && d["name"].is_string())
          id.gpus.push_back(d["name"].get<std::string>());
  }
  return id;
}

// The median and the coefficient of variation must be those of the samples (hwprobe's
// summarize(): the middle sample, or the mean of the two middle ones; sample standard
// deviation over mean). A summary that says otherwise was edited by hand, and a forged
// median would move every window the result stands for.
void check_summary(const Reader& rd, const ProbeResult& r, const std::string& at) {
  std::vector<double> sorted = r.samples_s;
  std::sort(sorted.begin(), sorted.end());
  const std::size_t n = sorted.size();
  const double median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  // A part in a million, as the min/max check: the file's numbers are printed rounded.
  if (std::abs(r.median_s - median) > 1e-12 + 1e-6 * median)
    rd.fail(at + ".median_s", fmt::format("{:g} s is not the median of the samples ({:g} s): "
                                          "the summary disagrees with them",
                                          r.median_s, median));
  double mean = 0;
  for (double x : sorted) mean += x;
  mean /= static_cast<double>(n);
  double cv = 0;
  if (n > 1 && mean > 0) {
    double ss = 0;
    for (double x : sorted) ss += (x - mean) * (x - mean);
    cv = std::sqrt(ss / static_cast<double>(n - 1)) / mean;
  }
  if (std::abs(r.cv - cv) > 1e-6 + 1e-3 * cv)
    rd.fail(at + ".cv", fmt::format("{:.4g} is not the coefficient of variation of the samples "
                                    "({:.4g}): the summary disagrees with them",
                                    r.cv, cv));
}

void check_options(const Reader& rd, const json& o) {
  if (!o.is_object()) rd.fail("options", "expected an object, got " + Reader::kind(o));
  constexpr std::uint64_t kBig = std::numeric_limits<std::uint32_t>::max();
  if (const json* sizes = rd.optional(o, "sizes")) {
    if (!sizes->is_array())
      rd.fail("options.sizes", "expected an array, got " + Reader::kind(*sizes));
    for (std::size_t i = 0; i < sizes->size(); ++i)
      rd.integer((*sizes)[i], fmt::format("options.sizes[{}]", i), 1,
                 static_cast<std::uint64_t>(kMaxBytes));
  }
  for (const char* k : {"trials", "warmups", "threads"})
    if (const json* v = rd.optional(o, k)) rd.integer(*v, std::string("options.") + k, 0, kBig);
  if (const json* v = rd.optional(o, "max_bytes"))
    rd.integer(*v, "options.max_bytes", 1, static_cast<std::uint64_t>(kMaxBytes));
  rd.optional_string(o, "options", "dir");
  if (const json* q = rd.optional(o, "quick"); q && !q->is_boolean())
    rd.fail("options.quick", "expected true or false, got " + Reader::kind(*q));
}

// The document of `text`, refused where it is no probe file at all: too deep, malformed or
// truncated JSON (with its line and column), not an object, another format, a control
// character in a string.
json parse_document(const Reader& rd, const std::string& text, const std::string& path) {
  check_json_depth(text, path);
  json doc;
  try {
    doc = parse_without_duplicate_keys(text, path);
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
    rd.fail("format", fmt::format("\"{}\" is not supported; this plainsight reads \"{}\"",
                                  echo(format), kProbeFormat));
  check_strings(rd, doc, "", false);
  return doc;
}

// A multi-rank file's rank count and one identity per rank; nothing in a single-rank file.
// Returns whether the file is multi-rank.
bool read_ranks(const Reader& rd, const json& doc, MeasurementFile& mf) {
  const bool multi = doc.contains("ranks");
  if (doc.contains("machines") && !multi)
    rd.fail("machines", "a file with \"machines\" needs \"ranks\" (a multi-rank file)");
  if (!multi) return false;
  mf.ranks = static_cast<int>(rd.integer(
      doc["ranks"], "ranks", 1, static_cast<std::uint64_t>(std::numeric_limits<int>::max())));
  const json& machines = rd.array(doc, "", "machines");
  if (machines.size() != static_cast<std::size_t>(mf.ranks))
    rd.fail("machines", fmt::format("lists {} identities for {} ranks", machines.size(), mf.ranks));
  for (std::size_t i = 0; i < machines.size(); ++i) {
    const std::string at = fmt::format("machines[{}]", i);
    if (!machines[i].is_object())
      rd.fail(at, "expected an object, got " + Reader::kind(machines[i]));
    mf.machines.push_back(read_machine(rd, machines[i], at));
  }
  return true;
}

// In a multi-rank file every entry names its rank; a single-rank file's results name none
// (the schema's if/then/else). Returns the rank, -1 for none.
int read_rank(const Reader& rd, const json& entry, const std::string& at, bool is_result,
              bool multi, int ranks) {
  const json* rank = rd.optional(entry, "rank");
  if (!multi) {
    if (rank && is_result)
      rd.fail(at + ".rank", "a single-rank file (no \"ranks\") has no ranks to name");
    if (rank) rd.integer(*rank, at + ".rank", 0, std::numeric_limits<int>::max());
    return -1;
  }
  if (!rank) rd.field(entry, at, "rank");  // throws: missing
  return static_cast<int>(
      rd.integer(*rank, at + ".rank", 0, static_cast<std::uint64_t>(ranks - 1)));
}

// A result's params, moved out of `r`: an object whose bytes is a positive, plausible
// integer and whose threads, batch, mode and phase (where present) are of their types.
void read_params(const Reader& rd, json& r, const std::string& at, ProbeResult& pr) {
  rd.object(r, at, "params");
  pr.params = std::move(r["params"]);
  const std::string pat = at + ".params";
  const json& bytes = rd.field(pr.params, pat, "bytes");
  if (!bytes.is_number_unsigned() || bytes.get<std::uint64_t>() == 0)
    rd.fail(pat + ".bytes",
            "expected a positive integer number of bytes, got " + Reader::kind(bytes));
  if (bytes.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxBytes))
    rd.fail(pat + ".bytes", fmt::format("{} bytes is beyond any plausible size (the limit is {})",
                                        bytes.get<std::uint64_t>(), format_bytes(kMaxBytes)));
  pr.bytes = static_cast<double>(bytes.get<std::uint64_t>());
  for (const char* k : {"threads", "batch"})
    if (const json* v = rd.optional(pr.params, k))
      rd.integer(*v, Reader::join(pat, k), 1, std::numeric_limits<std::uint32_t>::max());
  for (const char* k : {"mode", "phase"}) rd.optional_string(pr.params, pat, k);
}

// A result's samples and their summary (median, min, max, cv), which must describe them
// (a hand-edited file is caught here) and give a plausible bandwidth.
void read_timing(const Reader& rd, const json& r, const std::string& at, ProbeResult& pr) {
  const json& samples = rd.array(r, at, "samples_s");
  if (samples.empty()) rd.fail(at + ".samples_s", "empty: a result needs at least one sample");
  for (std::size_t k = 0; k < samples.size(); ++k) {
    const std::string where = fmt::format("{}.samples_s[{}]", at, k);
    pr.samples_s.push_back(rd.time(samples[k], where));
    // Bytes over no time is no bandwidth at all: a sample of 0 s is a clock that did not
    // move (or a forged file), and would pass every bound that 1e-300 s fails.
    if (pr.samples_s.back() <= 0)
      rd.fail(where, fmt::format("0 s for {}: a transfer cannot take no time (clock too coarse?)",
                                 format_bytes(pr.bytes)));
  }
  pr.median_s = rd.time(rd.field(r, at, "median_s"), at + ".median_s");
  pr.min_s = rd.time(rd.field(r, at, "min_s"), at + ".min_s");
  pr.max_s = rd.time(rd.field(r, at, "max_s"), at + ".max_s");
  pr.cv = rd.number(r, at, "cv");
  if (pr.median_s <= 0)
    rd.fail(at + ".median_s", "zero time: a transfer cannot take no time (clock too coarse?)");
  const auto [lo, hi] = std::minmax_element(pr.samples_s.begin(), pr.samples_s.end());
  const double tol = 1e-9 + 1e-6 * *hi;
  if (std::abs(pr.min_s - *lo) > tol || std::abs(pr.max_s - *hi) > tol)
    rd.fail(at, fmt::format("min_s {} / max_s {} disagree with the samples ({} .. {})", pr.min_s,
                            pr.max_s, *lo, *hi));
  if (pr.median_s < pr.min_s - tol || pr.median_s > pr.max_s + tol)
    rd.fail(at + ".median_s", "outside min_s .. max_s");
  check_summary(rd, pr, at);
  // Bytes over time is a bandwidth every report derives; one beyond any link is a clock
  // or a typo (5e-324 s), and would print as infinity.
  const double fastest = std::min(pr.min_s > 0 ? pr.min_s : pr.median_s, *lo);
  if (pr.bytes / fastest > kMaxBandwidth)
    rd.fail(at, fmt::format("{} in {:g} s: a bandwidth beyond any plausible one (the limit is {})",
                            format_bytes(pr.bytes), fastest, format_bandwidth(kMaxBandwidth)));
}

// The results, each read into mf and its tree freed once read: a large file is not held
// twice.
void read_results(const Reader& rd, json& doc, bool multi, MeasurementFile& mf) {
  rd.array(doc, "", "results");
  json& results = doc["results"];
  mf.results.reserve(results.size());
  for (std::size_t i = 0; i < results.size(); ++i) {
    const std::string at = fmt::format("results[{}]", i);
    json& r = results[i];
    if (!r.is_object()) rd.fail(at, "expected an object, got " + Reader::kind(r));
    ProbeResult pr;
    pr.index = i;
    pr.probe = probe_key(rd, r, at);
    read_params(rd, r, at, pr);
    read_timing(rd, r, at, pr);
    pr.rank = read_rank(rd, r, at, true, multi, mf.ranks);
    mf.results.push_back(std::move(pr));
    r = nullptr;
  }
}

// The probes a run skipped (with a reason) or that failed (with an error).
void read_skipped_and_failed(const Reader& rd, const json& doc, bool multi, MeasurementFile& mf) {
  for (const char* list : {"skipped", "failed"}) {
    const json& entries = rd.array(doc, "", list);
    const bool skipped = std::string(list) == "skipped";
    const char* text_key = skipped ? "reason" : "error";
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const std::string at = fmt::format("{}[{}]", list, i);
      if (!entries[i].is_object())
        rd.fail(at, "expected an object, got " + Reader::kind(entries[i]));
      auto entry =
          std::make_pair(probe_key(rd, entries[i], at), rd.string(entries[i], at, text_key));
      if (entry.second.empty()) rd.fail(Reader::join(at, text_key), "empty");
      read_rank(rd, entries[i], at, false, multi, mf.ranks);
      (skipped ? mf.skipped : mf.failed).push_back(std::move(entry));
    }
  }
}

}  // namespace

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
  json doc = parse_document(rd, text, path);
  MeasurementFile mf;
  // Shown in warnings, tables, reports and figure sources: a file name is input too, and
  // its control or invisible characters (ESC, U+202E, a newline) are written <U+XXXX>.
  mf.path = printable(path);
  mf.name = printable(name);
  mf.started_at = rd.optional_string(doc, "", "started_at");
  if (const json* d = rd.optional(doc, "duration_s")) rd.time(*d, "duration_s");
  if (const json* o = rd.optional(doc, "options")) check_options(rd, *o);
  mf.machine = read_machine(rd, rd.object(doc, "", "machine"), "machine");
  const bool multi = read_ranks(rd, doc, mf);
  read_results(rd, doc, multi, mf);
  read_skipped_and_failed(rd, doc, multi, mf);
  // A run whose every probe was skipped (no GPU) or failed is a record of that, and is read;
  // a file that records nothing at all is not a run's.
  if (mf.results.empty() && mf.skipped.empty() && mf.failed.empty())
    rd.fail("results", "empty: the file holds no measurements and no probe skipped or failed");
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
