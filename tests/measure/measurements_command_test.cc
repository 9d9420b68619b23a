// The CLI end of measured windows: bad probe files exit 2 naming the file and the JSON
// location and write nothing else; `measurements show` and `compare` print tables.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include <cctype>

#include <gtest/gtest.h>

#include "file_case_name.h"

namespace {

struct Result {
  int code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

std::string slurp(const std::string& path) {
  std::string s;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    std::array<char, 4096> buf;
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) s.append(buf.data(), n);
    std::fclose(f);
  }
  return s;
}

Result run(const std::string& args) {
  const auto dir = std::filesystem::temp_directory_path();
  const std::string out = (dir / ("measure-cli-" + std::to_string(::getpid()) + ".out")).string();
  const std::string err = (dir / ("measure-cli-" + std::to_string(::getpid()) + ".err")).string();
  const std::string cmd = std::string("cd '") + PLAINSIGHT_SOURCE_DIR_FOR_TESTS + "' && '" +
                          PLAINSIGHT_BIN + "' " + args + " >'" + out + "' 2>'" + err + "'";
  const int status = std::system(cmd.c_str());
  Result r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return r;
}

const std::string kData = "tests/measure/data/";

struct BadCase {
  const char* file;
  const char* expect;  // in stderr after the file name
};

// Named in CTest by its file, not by gtest's byte dump of the struct.
void PrintTo(const BadCase& c, std::ostream* os) { *os << c.file; }

class BadProbeFileCli : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadProbeFileCli, ExitsTwoNamingFileAndLocation) {
  const std::string path = kData + "bad/" + GetParam().file;
  const Result r = run("analyze scenarios/silo-hopper.yaml --measurements " + kData +
                       "fixture-host.json --measurements " + path);
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_EQ(r.out, "") << "nothing else in the run may be written";
  EXPECT_EQ(r.err.rfind(path, 0), 0u) << r.err;  // the message starts with the file
  EXPECT_NE(r.err.find(GetParam().expect), std::string::npos) << r.err;
  const Result show = run("measurements show " + path);
  EXPECT_EQ(show.code, 2) << show.err;
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, BadProbeFileCli,
    ::testing::Values(
        BadCase{"truncated.json", "ends early (truncated?)"},
        BadCase{"wrong-version.json", "error: format: \"plainsight-probe/2\""},
        BadCase{"missing-samples.json", "error: results[3]: missing required field \"samples_s\""},
        BadCase{"missing-machine.json", "missing required field \"machine\""},
        BadCase{"nan.json", ":29:"},
        BadCase{"null-sample.json", "error: results[3].samples_s[1]: not a number"},
        BadCase{"negative.json", "error: results[3].samples_s[2]: negative time"},
        BadCase{"empty-sweep.json", "error: results: empty"},
        BadCase{"empty-samples.json", "error: results[3].samples_s: empty"},
        BadCase{"deep-params.json", ":20:70: error: nesting deeper than 64 levels"},
        BadCase{"duplicate-key.json", "error: results[0].params: duplicate key \"bytes\""},
        BadCase{"ansi-hostname.json", "error: machine.hostname: \"<U+001B>[2Jhost\""},
        BadCase{"tiny-time.json", "a bandwidth beyond any plausible one"},
        BadCase{"zero-sample.json", "results[0].samples_s[0]: 0 s for 16.78 MB"},
        BadCase{"huge-time.json", "1e+300 s is beyond any plausible duration"},
        BadCase{"rank-in-single-rank.json", "error: results[0].rank: a single-rank"},
        BadCase{"cc-contradiction.json",
                "error: results[1].params.cc: \"on\" contradicts "
                "machine.gpu.confidential_computing.cc \"off\""},
        BadCase{"median-forged.json", "error: results[2].median_s: 0.0041 s is not the median"},
        BadCase{"cv-forged.json", "error: results[1].cv: 1e+300 is not the coefficient"},
        BadCase{"gpu-contradiction.json",
                "error: results[0].params.gpu: \"NVIDIA H100 80GB HBM3\" "
                "is none of the GPUs"}),
    plainsight::test::file_case_name<BadCase>);

TEST(MeasurementsCli, AnalyzeWithMeasurementsShowsTheirSource) {
  const Result r =
      run("analyze scenarios/silo-hopper.yaml --wide --allow-emulation "
          "--measurements " +
          kData + "fixture-host.json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("fixture-host.json: host.bounce_buffer"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("emulated"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Confidential mode off and on"), std::string::npos);
  EXPECT_NE(r.out.find("with confidential mode on"), std::string::npos);
}

// The check: with the committed host file, aws-frontier keeps pcie and
// checkpoint_write at their catalog figures, and says which host results were refused and
// why: in the report, once each on stderr, and in JSON (warnings, each figure's chain).
TEST(MeasurementsCli, CommittedHostFileIsRefusedOnAwsFrontierAndSaysWhy) {
  const std::string args =
      "analyze scenarios/aws-frontier.yaml --no-threats --measurements "
      "model/measurements/host-vm-amd-epyc.json";
  const Result r = run(args + " --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* row : {"\n\"checkpoint_write\",", "\n\"pcie\","}) {
    const auto at = r.out.find(row);
    ASSERT_NE(at, std::string::npos) << r.out;
    const std::string line = r.out.substr(at + 1, r.out.find('\n', at + 1) - at - 1);
    EXPECT_NE(line.find(",datasheet,"), std::string::npos) << line;
  }
  const std::string pcie =
      "plainsight: warning: stage 'pcie': host.bounce_buffer in host-vm-amd-epyc.json is an "
      "emulation of the CC copy path on the host CPU: never used on a CC-off platform; the "
      "datasheet figure stays\n";
  const std::string ckpt =
      "plainsight: warning: stage 'checkpoint_write': host.checkpoint in host-vm-amd-epyc.json "
      "was written to ext4";
  const auto once = [](const std::string& text, const std::string& what) {
    const auto at = text.find(what);
    return at != std::string::npos && text.find(what, at + 1) == std::string::npos;
  };
  EXPECT_TRUE(once(r.err, pcie)) << r.err;
  EXPECT_TRUE(once(r.err, ckpt)) << r.err;
  EXPECT_TRUE(once(r.err, "host-vm-amd-epyc.json: none of its results was used")) << r.err;

  const Result json = run(args + " --format json");
  ASSERT_EQ(json.code, 0) << json.err;
  EXPECT_NE(json.out.find("\"stage 'pcie': host.bounce_buffer in host-vm-amd-epyc.json is an "
                          "emulation"),
            std::string::npos);
  EXPECT_NE(json.out.find("\"considered\": ["), std::string::npos);
  const Result md = run(args + " --format md");
  EXPECT_NE(md.out.find("considered: 1) host.checkpoint in host-vm-amd-epyc.json was written to "
                        "ext4"),
            std::string::npos)
      << md.out;
}

// Issue 21, class 2: a probe file's name is input too. ESC, U+202E and a newline in it used
// to reach stderr, `measurements show`/`compare`, the CSV source column and JSON raw; they
// are written <U+XXXX> everywhere a file name is shown.
TEST(MeasurementsCli, AFileNameIsShownNotObeyed) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("measure-cli-names-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string name = (dir / "h2d\x1b[31m\xE2\x80\xAE\xC2\x9B\nslow.json").string();
  std::filesystem::copy_file(
      std::string(PLAINSIGHT_SOURCE_DIR_FOR_TESTS) + "/" + kData + "rules/h2d-slow.json", name);
  const std::string quoted = "'" + name + "'";
  for (const std::string& args :
       {"analyze scenarios/aws-frontier.yaml --no-threats --format csv --measurements " + quoted,
        "analyze scenarios/aws-frontier.yaml --no-threats --format json --measurements " + quoted,
        "analyze scenarios/aws-frontier.yaml --no-threats --format md --measurements " + quoted,
        "analyze scenarios/aws-frontier.yaml --format sarif --measurements " + quoted,
        "measurements show " + quoted, "measurements compare " + quoted + " " + quoted}) {
    const Result r = run(args);
    ASSERT_EQ(r.code, 0) << r.err;
    for (const std::string* text : {&r.out, &r.err}) {
      EXPECT_EQ(text->find('\x1b'), std::string::npos) << args << "\n" << *text;
      EXPECT_EQ(text->find("\xE2\x80\xAE"), std::string::npos) << args;
      EXPECT_EQ(text->find("\xC2\x9B"), std::string::npos) << args;  // C1 CSI
      EXPECT_EQ(text->find("\\u001b"), std::string::npos) << args;   // JSON's escape of ESC
    }
    // Markdown writes the same with its own escapes ('<' as &lt;, '[' as \[).
    const bool md = args.find("--format md") != std::string::npos;
    EXPECT_NE((r.out + r.err)
                  .find(md ? "h2d&lt;U+001B>\\[31m&lt;U+202E>&lt;U+009B>&lt;U+000A>slow.json"
                           : "h2d<U+001B>[31m<U+202E><U+009B><U+000A>slow.json"),
              std::string::npos)
        << args << "\n"
        << r.out << r.err;
  }
  std::filesystem::remove_all(dir);
}

// Issue 21, class 2: SARIF stopped with an internal error (exit 3, nlohmann's invalid UTF-8)
// on a probe file or scenario whose name is not UTF-8, and wrote file names raw into
// invocations[].commandLine and arguments. Both are shown as every other format shows them.
TEST(MeasurementsCli, SarifShowsANameThatIsNotUtf8) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("measure-cli-sarif-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string probe = (dir / "a\xff.json").string();
  const std::string scenario = (dir / "s\xff.yaml").string();
  const std::string src = std::string(PLAINSIGHT_SOURCE_DIR_FOR_TESTS) + "/";
  std::filesystem::copy_file(src + kData + "rules/h2d-fast.json", probe);
  std::filesystem::copy_file(src + "scenarios/aws-frontier.yaml", scenario);
  for (const std::string& args :
       {"analyze scenarios/aws-frontier.yaml -f sarif --measurements '" + probe + "'",
        "analyze '" + scenario + "' -f sarif"}) {
    const Result r = run(args);
    ASSERT_EQ(r.code, 0) << args << "\n" << r.err;
    EXPECT_EQ(r.out.find('\xff'), std::string::npos) << args;
    EXPECT_NE(r.out.find("<0xFF>"), std::string::npos) << args;
    EXPECT_NE(r.out.find("\"commandLine\": \"plainsight analyze "), std::string::npos) << args;
  }
  std::filesystem::remove_all(dir);
}

// Issue 21, class 2: a skipped probe's reason may break lines, and its second line printed at
// column 0 could pass for the tool's own ("plainsight: verdict: ..."). Each line after the
// first is marked.
TEST(MeasurementsCli, AReasonOnSeveralLinesCannotForgeALine) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("measure-cli-reason-" + std::to_string(::getpid()) + ".json");
  std::string text =
      slurp(std::string(PLAINSIGHT_SOURCE_DIR_FOR_TESTS) + "/" + kData + "rules/h2d-fast.json");
  const std::size_t from = text.find("\"skipped\": []");
  const std::size_t to = text.find("\"failed\": []");
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  text.replace(from, to + std::string("\"failed\": []").size() - from,
               "\"skipped\": [{\"probe\": \"cuda.peer\", \"reason\": \"x\\nplainsight: verdict: "
               "Resists OC5 (checked)\"}], \"failed\": [{\"probe\": \"nccl.all_reduce\", "
               "\"error\": \"a\\nb\"}]");
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  }
  const Result r = run("measurements show '" + path.string() + "'");
  std::filesystem::remove(path);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("skipped: cuda.peer: x\n  | plainsight: verdict: Resists OC5 (checked)\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("failed: nccl.all_reduce: a\n  | b\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\nplainsight:"), std::string::npos) << r.out;
}

// Issue 21, class 4: a forged sweep faster than its link used to pass a ceiling gate it
// should not change; the gate's verdict is now the one without it, and the report says why.
TEST(MeasurementsCli, AnImplausibleSweepDoesNotMoveTheGate) {
  const std::string gate = "analyze scenarios/aws-frontier.yaml --require-ceiling OC3";
  const Result base = run(gate);
  const Result forged = run(gate + " --measurements " + kData + "rules/h2d-beyond-link.json");
  EXPECT_EQ(forged.code, base.code) << forged.err;
  EXPECT_NE(forged.err.find("more than the link can carry"), std::string::npos) << forged.err;
  EXPECT_NE(forged.out.find("more than the link can carry"), std::string::npos);
}

// The exposure ceiling's label in a JSON report ("OC3"), or "".
std::string ceiling_label(const std::string& json) {
  const std::size_t at = json.find("\"exposure_ceiling\": {");
  if (at == std::string::npos) return "";
  const std::size_t label = json.find("\"label\": \"", at);
  if (label == std::string::npos) return "";
  const std::size_t from = label + 10;
  return json.substr(from, json.find('"', from) - from);
}

struct ForgedCase {
  const char* file;      // tests/measure/data/bounds/
  const char* scenario;  // the same folder, or scenarios/
  const char* options;
};
void PrintTo(const ForgedCase& c, std::ostream* os) { *os << c.file; }

class ForgedBeyondItsBoundCli : public ::testing::TestWithParam<ForgedCase> {};

// Issue 21, class 4: a forged file at 5 PB/s for each probe kind raised the ceiling (OC2 or
// OC3 -> OC5) with no warning and --require-ceiling passed a gate the scenario fails. Now the
// ceiling is the one without it, the refusal is on stderr, and the gate still fails.
TEST_P(ForgedBeyondItsBoundCli, LeavesTheCeilingAndTheGate) {
  const ForgedCase& c = GetParam();
  const std::string own = kData + "bounds/" + c.scenario;
  const std::string scenario =
      std::filesystem::exists(std::string(PLAINSIGHT_SOURCE_DIR_FOR_TESTS) + "/" + own)
          ? own
          : std::string("scenarios/") + c.scenario;
  const std::string forged =
      std::string(" --measurements ") + kData + "bounds/" + c.file + " " + c.options;
  const Result base = run("analyze " + scenario + " -f json");
  const Result with = run("analyze " + scenario + " -f json" + forged);
  ASSERT_EQ(base.code, 0) << base.err;
  ASSERT_EQ(with.code, 0) << with.err;
  const std::string label = ceiling_label(base.out);
  ASSERT_EQ(label.size(), 3u) << base.out.substr(0, 200);
  EXPECT_EQ(ceiling_label(with.out), label);
  EXPECT_NE(with.err.find(std::string("in ") + c.file + " runs at "), std::string::npos)
      << with.err;
  EXPECT_NE(with.err.find("model/probe_map.yaml bound_factor): not used"), std::string::npos)
      << with.err;
  const int level = label[2] - '0';
  if (level < 5) {
    const std::string gate = " --require-ceiling OC" + std::to_string(level + 1);
    EXPECT_EQ(run("analyze " + scenario + gate + forged).code, 1) << label;
  }
  EXPECT_EQ(run("analyze " + scenario + " --require-ceiling " + label + forged).code, 0);
}

INSTANTIATE_TEST_SUITE_P(EveryProbeKind, ForgedBeyondItsBoundCli,
                         ::testing::Values(ForgedCase{"h2d.json", "pcie.yaml", ""},
                                           ForgedCase{"bounce-buffer.json", "silo-hopper.yaml",
                                                      "--allow-emulation"},
                                           ForgedCase{"peer.json", "nvlink.yaml", ""},
                                           ForgedCase{"sendrecv.json", "nvlink.yaml", ""},
                                           ForgedCase{"allreduce.json", "efa.yaml", ""},
                                           ForgedCase{"tcp.json", "efa.yaml", "--allow-mismatch"},
                                           ForgedCase{"memcpy.json", "memcpy.yaml", ""},
                                           ForgedCase{"envelope.json", "decrypt.yaml", ""},
                                           ForgedCase{"aes-gcm.json", "decrypt.yaml", ""},
                                           ForgedCase{"read-verify.json", "nvme-read.yaml", ""},
                                           ForgedCase{"write-fsync.json", "nvme-write.yaml", ""},
                                           ForgedCase{"page-cache.json", "checkpoint.yaml", ""},
                                           ForgedCase{"gpu-page-cache.json", "checkpoint.yaml", ""},
                                           ForgedCase{"hbm-scrub.json", "hbm.yaml", ""}),
                         plainsight::test::file_case_name<ForgedCase>);

TEST(MeasurementsCli, AllowEmulationIsAFlagOfEveryMeasuredCommand) {
  for (const char* cmd : {"analyze", "simulate", "diff"}) {
    const Result r = run(std::string(cmd) + " --help");
    EXPECT_NE(r.out.find("--allow-emulation"), std::string::npos) << cmd;
  }
}

TEST(MeasurementsCli, MismatchWarnsAndAllowMismatchUses) {
  const std::string base =
      "analyze scenarios/silo-hopper.yaml --measurements " + kData + "fixture-h100-cc-off.json";
  const Result skipped = run(base);
  ASSERT_EQ(skipped.code, 0) << skipped.err;
  EXPECT_NE(skipped.out.find("warning: stage 'pcie': cuda.h2d in fixture-h100-cc-off.json was "
                             "measured with CC off"),
            std::string::npos)
      << skipped.out;
  const Result allowed = run(base + " --allow-mismatch");
  ASSERT_EQ(allowed.code, 0) << allowed.err;
  EXPECT_NE(allowed.out.find("by --allow-mismatch"), std::string::npos) << allowed.out;
}

TEST(MeasurementsCli, ShowPrintsResultsAndFits) {
  const Result r = run("measurements show " + kData + "fixture-host.json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("test-fixture (not a measurement)"), std::string::npos);
  EXPECT_NE(r.out.find("host.bounce_buffer"), std::string::npos);
  EXPECT_NE(r.out.find("t = 10 us + bytes / 8 GB/s"), std::string::npos) << r.out;
}

// Issue 21, audit 8e/11f: a run whose every probe was skipped (no GPU) is what the probe
// writes on a machine without one. It is read: `show` says what was skipped and why, and an
// analysis warns that it measures nothing and uses nothing from it.
TEST(MeasurementsCli, AFileOfSkippedProbesIsReadAndUsesNothing) {
  const Result show = run("measurements show " + kData + "all-skipped.json");
  ASSERT_EQ(show.code, 0) << show.err;
  EXPECT_NE(show.out.find("No measurement: 1 probe skipped, 0 failed."), std::string::npos)
      << show.out;
  EXPECT_NE(show.out.find("skipped: cuda.h2d: no CUDA device"), std::string::npos) << show.out;
  const Result plain = run("analyze scenarios/silo-hopper.yaml -f csv");
  const Result a =
      run("analyze scenarios/silo-hopper.yaml -f csv --measurements " + kData + "all-skipped.json");
  ASSERT_EQ(a.code, 0) << a.err;
  EXPECT_NE(a.err.find("warning: all-skipped.json: it holds no measurement"), std::string::npos)
      << a.err;
  EXPECT_EQ(a.out, plain.out) << "nothing from it is used";
}

// What the probe writes when it measures nothing here is what the reader reads.
TEST(MeasurementsCli, WhatTheProbeWritesWithoutAGpuIsRead) {
  const std::string out =
      (std::filesystem::temp_directory_path() / ("cu-" + std::to_string(::getpid()) + ".json"))
          .string();
  const Result probe = run("probe --suite cuda.h2d --quick -o '" + out + "'");
  ASSERT_TRUE(probe.code == 0 || probe.code == 3) << probe.err;
  const Result show = run("measurements show '" + out + "'");
  EXPECT_EQ(show.code, 0) << show.err;
  std::filesystem::remove(out);
}

TEST(MeasurementsCli, CompareShowsBothSidesAndTheRatio) {
  const Result r = run("measurements compare " + kData + "fixture-h100-cc-off.json " + kData +
                       "fixture-h100-cc-on.json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("CC off"), std::string::npos) << r.out;  // A's machine
  EXPECT_NE(r.out.find("CC on"), std::string::npos) << r.out;   // B's machine
  // 1 MiB: (30 us + 1 MiB / 4 GB/s) / (8 us + 1 MiB / 50 GB/s) = 10.084
  EXPECT_NE(r.out.find("10.084"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("0 points only in A, 0 only in B"), std::string::npos) << r.out;
}

}  // namespace
