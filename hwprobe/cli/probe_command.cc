#include "hwprobe/cli/probe_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "hwprobe/gpu/gpu_environment.h"
#include "hwprobe/harness/machine_identity.h"
#include "hwprobe/harness/probe_selection.h"
#include "hwprobe/harness/progress_bar.h"
#include "hwprobe/harness/rank_merge.h"
#include "hwprobe/harness/result_document.h"
#include "hwprobe/harness/runner.h"
#include "hwprobe/harness/size_sweep.h"
#include "hwprobe/harness/summary_table.h"
#include "hwprobe/mpi/world.h"
#include "hwprobe/registry.h"
#include "output/atomic_file.h"
#include "output/signal_guard.h"
#include "units/visible_text.h"

namespace hwprobe {
using plainsight::output::cancel_requested;
using plainsight::output::check_writable_target;
using plainsight::output::exit_for_signal;
using plainsight::output::install_signal_handlers;
using plainsight::output::write_file_atomically;

namespace {

constexpr int kExitUsage = 2;
constexpr int kExitProbeFailed = 3;

struct CommandLine {
  std::string suite;
  bool list = false;
  bool quick = false;
  std::string sizes;
  int trials = 0;
  int warmups = -1;
  int threads = 0;
  std::string dir = ".";
  std::string max_bytes;
  std::string output;
};

// Bad input: say why on stderr, exit 2. What the message quotes of the command line (a size,
// a suite, a file name) is shown, never obeyed: an invisible character as <U+XXXX>.
[[noreturn]] void usage_error(const std::string& why) {
  std::cerr << "plainsight probe: " << plainsight::units::visible_text(why) << "\n";
  throw CLI::RuntimeError(kExitUsage);
}

Environment base_environment() {
  Environment env;
  env.cpu_cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return env;
}

int list_probes() {
  Environment env = base_environment();
  detect_gpu_environment(env, read_nvml(nvml::system_api()));
  const auto probes = make_all_probes();
  std::size_t wk = 3, ws = 5;
  for (const auto& p : probes) {
    wk = std::max(wk, p->key().size());
    ws = std::max(ws, p->suite().size());
  }
  auto pad = [](std::string s, std::size_t w) { return s.append(w - std::min(w, s.size()), ' '); };
  std::cout << pad("key", wk) << "  " << pad("suite", ws) << "  runnable here\n";
  for (const auto& p : probes) {
    const Filter f = p->filter(env);
    std::cout << pad(p->key(), wk) << "  " << pad(p->suite(), ws) << "  "
              << (f.runnable ? "yes" : "no: " + f.reason) << "\n"
              << pad("", wk) << "  " << pad("", ws) << "  " << p->description() << "\n";
  }
  return 0;
}

// '' for --sizes or --max-bytes used to mean "not given": the default full sweep (2 GB
// resident) ran instead of nothing. An option given is given a value.
const CLI::Validator& not_empty() {
  static const CLI::Validator v(
      [](std::string& s) { return s.empty() ? std::string("must not be empty") : std::string(); },
      "TEXT");
  return v;
}

RunOptions to_run_options(const CommandLine& cl) {
  RunOptions o;
  try {
    if (!cl.sizes.empty()) o.sizes = parse_sweep(cl.sizes);
    if (!cl.max_bytes.empty()) o.max_bytes = parse_size(cl.max_bytes);
  } catch (const SizeError& e) {
    usage_error(e.what());
  }
  // A size no probe may run (each point fits under --max-bytes) is refused now, not found by
  // every probe failing at run time.
  for (std::uint64_t size : o.sizes)
    if (size > o.max_bytes)
      usage_error("--sizes: " + format_size(size) + " is above --max-bytes " +
                  format_size(o.max_bytes) +
                  " (every point of a probe fits under it); raise --max-bytes or leave the "
                  "size out");
  o.trials = cl.trials;
  if (cl.warmups >= 0) o.warmups = cl.warmups;
  o.threads = cl.threads;
  o.dir = cl.dir;
  o.quick = cl.quick;
  // The folder's name goes into the file (options.dir, machine.dir.path), and the analyzer
  // refuses a control or invisible character in any of its text: write only what it reads.
  if (!plainsight::units::is_visible_text(cl.dir))
    usage_error("--dir '" + plainsight::units::visible_text(cl.dir) +
                "': a control or invisible character in the folder's name, which the result "
                "file would carry and the analyzer refuses; use another folder");
  if (!std::filesystem::is_directory(o.dir))
    usage_error("--dir " + plainsight::units::visible_text(cl.dir) + " is not a directory");
  return o;
}

int run_command(const CommandLine& cl) {
  if (cl.list) return list_probes();
  if (cl.output.empty()) usage_error("-o FILE is required (or --list)");
  const RunOptions options = to_run_options(cl);
  const auto all = make_all_probes();
  std::vector<Probe*> selected;
  try {
    selected = select_probes(all, cl.suite);
  } catch (const SelectionError& e) {
    usage_error(e.what());
  }

  install_signal_handlers();
  Environment env = base_environment();
  mpi::init(nullptr, nullptr, env);
  // Ranks sharing a node share its cores: each sweeps up to its share, not all of them.
  if (env.local_size > 1) env.cpu_cores = std::max(1, env.cpu_cores / env.local_size);
  const bool root = env.rank == 0;
  std::string why_not_writable;
  if (root) {
    try {
      check_writable_target(cl.output);
    } catch (const std::exception& e) {
      why_not_writable = e.what();
    }
  }
  // Every rank learns whether rank 0 can write, so none waits for a gather that never comes.
  if (!mpi::all_true(why_not_writable.empty())) {
    mpi::finalize();
    usage_error(root ? "-o: " + why_not_writable : "rank 0 cannot write -o");
  }

  nlohmann::json machine = host_identity(options.dir);
  // NVML is read once, here; probes see it through their Context's Environment.
  nlohmann::json gpu = detect_gpu_environment(env, read_nvml(nvml::system_api()));
  if (!gpu.is_null()) machine["gpu"] = std::move(gpu);
  machine["rank"] = env.rank;

  const std::string started = utc_now_iso8601();
  const auto t0 = std::chrono::steady_clock::now();
  ProgressBar bar(stderr, root && ::isatty(STDERR_FILENO) != 0);
  const RunOutcome outcome = run_probes(
      selected, options, env,
      [&](std::size_t i, std::size_t n, const std::string& key, std::size_t done,
          std::size_t total) { bar.update(i, n, key, done, total); },
      [&](const std::string& line) {
        bar.finish();
        std::cerr << "rank " << env.rank << ": " << plainsight::units::visible_text(line) << "\n";
      });
  bar.finish();
  if (outcome.cancelled) {
    std::cerr << "plainsight probe: interrupted; probe files removed, no output written\n";
    exit_for_signal();
  }
  const double duration =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const nlohmann::json doc = make_document(machine, options, outcome, started, duration);

  const nlohmann::json gathered = mpi::gather_to_root(doc);
  int code = outcome.failed.empty() ? 0 : kExitProbeFailed;
  if (root) {
    std::vector<nlohmann::json> docs;
    if (gathered.is_array()) docs.assign(gathered.begin(), gathered.end());
    if (docs.empty()) docs.push_back(doc);
    nlohmann::json merged = merge_rank_documents(docs);
    // What the machine reports (a host name, a kernel string) is written as the analyzer
    // reads it: an invisible character as <U+XXXX>.
    make_visible(merged);
    if (const std::string problem = check_document(merged); !problem.empty()) {
      std::cerr << "plainsight probe: internal: document does not conform: " << problem << "\n";
      code = kExitProbeFailed;
    }
    try {
      write_file_atomically(cl.output, merged.dump(2) + "\n");
    } catch (const std::exception& e) {
      std::cerr << "plainsight probe: " << plainsight::units::visible_text(e.what()) << "\n";
      code = kExitProbeFailed;
    }
    if (!merged["failed"].empty()) code = kExitProbeFailed;
    // A file name is shown, never obeyed: ESC or U+202E in it is written <U+XXXX>.
    std::cout << format_summary(merged) << "results: " << plainsight::units::visible_text(cl.output)
              << "\n";
  }
  mpi::finalize();
  if (cancel_requested()) exit_for_signal();
  return code;
}

}  // namespace

void configure_probe_command(CLI::App& cmd) {
  auto cl = std::make_shared<CommandLine>();
  cmd.description(
      "Measure plaintext-window durations on this machine (host suite; CUDA, NCCL and fabric "
      "where present) and write them as plainsight-probe/1 JSON.");
  cmd.add_option("--suite", cl->suite,
                 "suite (host, cuda, nccl, fabric) or probe keys, comma-separated; default all")
      ->check(not_empty());
  cmd.add_flag("--list", cl->list, "list probes, whether each can run here, and why not");
  cmd.add_flag("--quick", cl->quick, "fewer sizes and trials (host suite in under 30 s)");
  cmd.add_option("--sizes", cl->sizes, "size sweep: 4KiB..1GiB (powers of two) or 4KiB,1MiB")
      ->check(not_empty());
  // Integer ranges: CLI11's PositiveNumber prints its bounds as 300-digit doubles.
  cmd.add_option("--trials", cl->trials, "timed trials per point")->check(CLI::Range(1, 1000000));
  cmd.add_option("--warmups", cl->warmups, "untimed warm-up runs per point")
      ->check(CLI::Range(0, 1000000));
  cmd.add_option("--threads", cl->threads, "threads (default: sweep 1 and all cores)")
      ->check(CLI::Range(1, 65536));
  cmd.add_option("--dir", cl->dir, "directory file-writing probes write to (default .)")
      ->check(not_empty());
  cmd.add_option("--max-bytes", cl->max_bytes,
                 "cap on any buffer or file, e.g. 512MiB (default 1GiB)")
      ->check(not_empty());
  cmd.add_option("-o,--output", cl->output, "result file (JSON, written atomically)")
      ->check(not_empty());
  cmd.callback([cl] {
    const int code = run_command(*cl);
    if (code != 0) throw CLI::RuntimeError(code);
  });
}

void add_probe_command(CLI::App& app) {
  configure_probe_command(*app.add_subcommand("probe", "run hardware probes"));
}

}  // namespace hwprobe
