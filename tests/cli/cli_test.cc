// End-to-end tests of the plainsight command line: exit codes, help, formats, output files,
// overrides, validate and catalog.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_cli.h"
#include "scratch_dir.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;
using ::testing::HasSubstr;
using ::testing::StartsWith;
namespace fs = std::filesystem;

const std::string kAws = "scenarios/aws-frontier.yaml";
// aws-frontier as one platform (no places): the what-ifs p5 itself does not offer.
const std::string kOnePlatform = "tests/data/aws-frontier-one-platform.yaml";

// CSV rows keyed by their first field (the stage id).
// The window rows by stage (the verdict's row left out).
std::map<std::string, std::string> csv_rows(const std::string& csv) {
  std::map<std::string, std::string> rows;
  std::stringstream ss(csv);
  std::string line;
  std::getline(ss, line);  // header
  while (std::getline(ss, line))
    if (!line.starts_with(','))
      rows[line.substr(0, line.find(','))] = line;  // a window has a stage
  return rows;
}

using TempDir = ScratchDir;

TEST(Cli, Version) {
  CliRun r = plainsight({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, StartsWith("plainsight "));
}

TEST(Cli, HelpOnEveryCommand) {
  for (std::vector<std::string> args : {std::vector<std::string>{"--help"},
                                        {"analyze", "--help"},
                                        {"validate", "--help"},
                                        {"catalog", "--help"}}) {
    CliRun r = plainsight(args);
    EXPECT_EQ(r.exit_code, 0) << args[0];
    EXPECT_THAT(r.out, HasSubstr("Usage:")) << args[0];
  }
  EXPECT_THAT(plainsight({"analyze", "--help"}).out, HasSubstr("--set"));
  EXPECT_THAT(plainsight({"--help"}).out, HasSubstr("Exit codes"));
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(plainsight({}).exit_code, 2);
  EXPECT_EQ(plainsight({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(plainsight({"analyze"}).exit_code, 2);
  EXPECT_EQ(plainsight({"validate"}).exit_code, 2);
  CliRun r = plainsight({"analyze", kAws, "--format", "yaml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("yaml"));
  EXPECT_EQ(r.out, "");
}

// Bug fixed: `plainsight nope` said "A subcommand is required".
TEST(Cli, AnUnknownCommandIsNamed) {
  CliRun r = plainsight({"nope"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, StartsWith("plainsight: unknown command 'nope'; commands: analyze, "));
  EXPECT_THAT(plainsight({"--model", "model", "anlyze", kAws}).err,
              HasSubstr("unknown command 'anlyze' (did you mean 'analyze'?)"));
  EXPECT_THAT(plainsight({"--timings"}).err, HasSubstr("A subcommand is required"));
}

// Bug fixed: empty values meant "the default" silently, --seed -1 became 2^64 - 1, diff's
// --trials had no range, and probe --trials 0 printed a 300-digit range.
TEST(Cli, OptionValuesAreChecked) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--model", "", "validate", kAws},
        {"simulate", kAws, "--actor", ""},
        {"analyze", kAws, "--require-ceiling", ""},
        {"analyze", kAws, "-o", ""}}) {
    CliRun r = plainsight(args);
    EXPECT_EQ(r.exit_code, 2) << args[1];
    EXPECT_THAT(r.err, HasSubstr("must not be empty")) << args[1];
  }
  CliRun seed = plainsight({"simulate", kAws, "--seed", "-1"});
  EXPECT_EQ(seed.exit_code, 2);
  EXPECT_THAT(seed.err,
              HasSubstr("expected a whole number from 0 to 18446744073709551615, got '-1'"));
  for (const char* trials : {"-1", "4294967296", "2.5"}) {
    CliRun d = plainsight(
        {"diff", kOnePlatform, "--set", "platform.confidential_mode=on", "--trials", trials});
    EXPECT_EQ(d.exit_code, 2) << trials;
    EXPECT_THAT(d.err, HasSubstr("expected a whole number from 0 to 1000000000")) << trials;
  }
  CliRun probe = plainsight({"probe", "--trials", "0", "-o", "/dev/null"});
  EXPECT_EQ(probe.exit_code, 2);
  EXPECT_THAT(probe.err, HasSubstr("--trials: Value 0 not in range 1 to 1000000"));
  EXPECT_LT(probe.err.size(), 200u);
}

// What an override carries into a message is escaped: an ANSI escape in --set is shown,
// not sent to the terminal.
TEST(Cli, OverrideTextIsEscapedInMessages) {
  CliRun r = plainsight({"analyze", kAws, "--set", "platform.gpu=h1\x1b[2J"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
  EXPECT_THAT(r.err, HasSubstr("h1<U+001B>[2J"));
}

TEST(Cli, AnalyzeDefaultsToTheTable) {
  CliRun r = plainsight({"analyze", kAws});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_THAT(r.out, HasSubstr("Stage"));
  EXPECT_THAT(r.out, HasSubstr("Checkpoint write"));
  EXPECT_EQ(r.out, plainsight({"analyze", kAws, "--format", "table"}).out);
}

TEST(Cli, TimingsGoToStderrAndLeaveTheReportAlone) {
  CliRun r = plainsight({"--timings", "analyze", kAws});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, plainsight({"analyze", kAws}).out);
  for (const char* phase : {"load catalog", "load scenario", "windows", "threats", "report"})
    EXPECT_THAT(r.err, HasSubstr(std::string("timing: ") + phase)) << r.err;
  EXPECT_THAT(r.err,
              ::testing::ContainsRegex("timing: total +[0-9.]+ s, peak resident [0-9.]+ MiB"));
  // --no-threats has no threat phase.
  EXPECT_THAT(plainsight({"--timings", "analyze", kAws, "--no-threats"}).err,
              ::testing::Not(HasSubstr("timing: threats")));
}

TEST(Cli, EveryScenarioInEveryCoreFormat) {
  for (const std::string& s : bundled_scenarios())
    for (const char* f : {"table", "md", "csv", "json"}) {
      CliRun r = plainsight({"analyze", s, "--format", f});
      EXPECT_EQ(r.exit_code, 0) << s << " " << f << "\n" << r.err;
      EXPECT_FALSE(r.out.empty()) << s << " " << f;
    }
}

// One table of formats (report/render.cc): --list-formats, the help and --format agree, and
// each listed format renders. tools/regen-reports reads --list-formats.
TEST(Cli, FormatsComeFromOneTable) {
  CliRun list = plainsight({"analyze", "--list-formats"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(list.out, "table txt\nmd md\ncsv csv\njson json\nhtml html\nsarif sarif\ndot dot\n");
  const std::string help = plainsight({"analyze", "--help"}).out;
  EXPECT_THAT(help, HasSubstr("Output format: table, md, csv, json, html, sarif, dot"));
  std::istringstream lines(list.out);
  for (std::string name, ext; lines >> name >> ext;) {
    CliRun r = plainsight({"analyze", kAws, "--no-threats", "--format", name});
    EXPECT_EQ(r.exit_code, 0) << name << "\n" << r.err;
    EXPECT_FALSE(r.out.empty()) << name;
  }
}

// Bug fixed: a trailing '/' of --docs-url stayed (the validator's trim was discarded), and
// SARIF's helpUri read ".../docs//reports.md".
TEST(Cli, DocsUrlLosesItsTrailingSlash) {
  CliRun r = plainsight(
      {"analyze", kAws, "--no-threats", "-f", "sarif", "--docs-url", "https://x.org/docs//"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"https://x.org/docs/reports.md#"));
  // The command line in invocations keeps the argument as typed; no URL built from it does.
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("docs//reports")));
  EXPECT_EQ(plainsight({"analyze", kAws, "--docs-url", "ftp://x"}).exit_code, 2);
}

TEST(Cli, JsonParsesAndNamesItsFormat) {
  CliRun r = plainsight({"analyze", kAws, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["format"], "plainsight-report/1");
  EXPECT_EQ(j["scenario"]["file"], kAws);
  // The document's six rows and the checkpoint files FSx keeps.
  EXPECT_EQ(j["windows"].size(), 7u);
  EXPECT_EQ(j["exposure_matrix"]["rows"].size(), 7u);
}

TEST(Cli, OutputIsDeterministic) {
  for (const char* f : {"table", "md", "csv", "json"}) {
    CliRun a = plainsight({"analyze", kAws, "--format", f});
    CliRun b = plainsight({"analyze", kAws, "--format", f});
    EXPECT_EQ(a.out, b.out) << f;
  }
}

TEST_F(TempDir, OutputFileHoldsExactlyWhatStdoutWould) {
  fs::path out = dir_ / "aws.json";
  CliRun r = plainsight({"analyze", kAws, "--format", "json", "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  std::ifstream in(out, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(ss.str(), plainsight({"analyze", kAws, "--format", "json"}).out);
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir_)) ++files;
  EXPECT_EQ(files, 1) << "no temporary file left behind";
}

TEST_F(TempDir, UnwritableOutputFailsWithoutAFile) {
  fs::path out = dir_ / "missing-dir" / "aws.json";
  CliRun r = plainsight({"analyze", kAws, "-o", out.string()});
  EXPECT_EQ(r.exit_code, 2) << "bad usage";
  EXPECT_FALSE(r.crashed());
  EXPECT_THAT(r.err, HasSubstr(out.string()));
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(TempDir, BadInputWritesNoOutputFile) {
  fs::path out = dir_ / "bad.txt";
  CliRun r = plainsight({"analyze", "tests/bad_input/unknown_gpu.yaml", "-o", out.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(fs::exists(out));
}

// What-if: confidential mode on (in the CPU TEE the driver requires, and in protected-PCIe
// mode, which eight Hopper GPUs in one VM need) changes the rows a CVM and GPU CC protect,
// nothing else.
TEST(Cli, ConfidentialModeWhatIfChangesTheProtectedRows) {
  CliRun off = plainsight({"analyze", kOnePlatform, "--format", "csv"});
  CliRun on = plainsight({"analyze", kOnePlatform, "--format", "csv", "--set",
                          "platform.confidential_mode=on", "--set", "platform.cpu_tee=sev_snp",
                          "--set", "platform.multi_gpu_mode=protected_pcie"});
  ASSERT_EQ(off.exit_code, 0) << off.err;
  ASSERT_EQ(on.exit_code, 0) << on.err;
  auto a = csv_rows(off.out);
  auto b = csv_rows(on.out);
  ASSERT_EQ(a.size(), 6u);
  ASSERT_EQ(b.size(), 6u);
  for (const auto& [stage, row] : a) {
    const bool expect_change = stage == "\"pcie\"" || stage == "\"hbm\"" ||
                               stage == "\"staging\"" || stage == "\"checkpoint_write\"";
    EXPECT_EQ(row != b[stage], expect_change) << stage << "\n" << row << "\n" << b[stage];
  }
  EXPECT_THAT(b["\"pcie\""], HasSubstr("bounce buffer"));
  EXPECT_THAT(b["\"pcie\""], HasSubstr(",ciphertext,"));
  EXPECT_THAT(b["\"hbm\""], HasSubstr("firmware_compromise"));
  EXPECT_THAT(b["\"hbm\""], ::testing::Not(HasSubstr("host_root")));
  // The table says which override produced it.
  EXPECT_THAT(
      plainsight({"analyze", kOnePlatform, "--set", "platform.confidential_mode=on", "--set",
                  "platform.cpu_tee=sev_snp", "--set", "platform.multi_gpu_mode=protected_pcie"})
          .out,
      HasSubstr("platform.confidential_mode=on"));
  // Eight Hopper GPUs in one confidential VM without protected PCIe: NVIDIA allows one.
  CliRun eight = plainsight({"analyze", kOnePlatform, "--set", "platform.confidential_mode=on",
                             "--set", "platform.cpu_tee=sev_snp"});
  EXPECT_EQ(eight.exit_code, 2);
  EXPECT_THAT(eight.err, HasSubstr("hopper_cc_one_gpu_per_vm"));
  EXPECT_THAT(eight.err, HasSubstr("only one GPU per VM is allowed"));
  // Without a CPU TEE the vendor refuses it, and so does plainsight, naming rule and source.
  CliRun refused = plainsight({"analyze", kOnePlatform, "--set", "platform.confidential_mode=on"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("gpu_cc_needs_cpu_tee"));
  EXPECT_THAT(refused.err, HasSubstr("CPU does not support confidential compute."));
}

// Combinations the vendor refuses are refused in scenarios, --set and generate cluster.
TEST(Cli, PlatformsTheVendorRefuses) {
  CliRun hopper_nvle = plainsight({"analyze", "scenarios/silo-hopper.yaml", "--set",
                                   "platform.multi_gpu_mode=nvlink_encryption"});
  EXPECT_EQ(hopper_nvle.exit_code, 2);
  EXPECT_THAT(hopper_nvle.err, HasSubstr("hopper_no_nvlink_encryption"));
  EXPECT_THAT(hopper_nvle.err, HasSubstr("--set platform.multi_gpu_mode=nvlink_encryption"));
  CliRun gen = plainsight({"generate", "cluster", "--nodes", "2", "--cc", "on"});
  EXPECT_EQ(gen.exit_code, 2);
  EXPECT_THAT(gen.err, HasSubstr("gpu_cc_needs_cpu_tee"));
  EXPECT_TRUE(gen.out.empty());
  CliRun unknown = plainsight({"generate", "cluster", "--gpu", "h999", "--cpu-tee", "bogus"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("--gpu 'h999' is not in the catalog"));
  EXPECT_EQ(plainsight({"generate", "cluster", "--nodes", "2", "--cc", "on", "--cpu-tee", "tdx",
                        "--multi-gpu-mode", "protected_pcie"})
                .exit_code,
            0);
  // Vera Rubin sits beside Vera CPUs: an x86 TEE is not part of it, and Vera's is its own.
  CliRun vera =
      plainsight({"analyze", "scenarios/silo-blackwell.yaml", "--set", "platform.gpu=vera_rubin"});
  EXPECT_EQ(vera.exit_code, 2);
  EXPECT_THAT(vera.err, HasSubstr("c2c_gpu_has_an_nvidia_cpu"));
  CliRun vera_tee = plainsight(
      {"analyze", "scenarios/silo-blackwell.yaml", "--set", "platform.cpu_tee=nvidia_vera"});
  EXPECT_EQ(vera_tee.exit_code, 2);
  EXPECT_THAT(vera_tee.err, HasSubstr("vera_tee_is_vera_rubin_only"));
  // An 810 GB model does not fit one H100 per shard of 8.
  CliRun fit = plainsight({"analyze", kAws, "--set", "stages.hbm.shards=8"});
  EXPECT_EQ(fit.exit_code, 2);
  EXPECT_THAT(fit.err, HasSubstr("more than the 80 GB"));
}

// The bundled aws-frontier runs on p5 instances: AWS offers SEV-SNP on M6a, R6a and C6a
// only, so a CPU TEE (and with it GPU confidential computing) is refused there, naming the
// offering and AWS's sentence; AWS's managed services are never changed by `platform.*`.
TEST(Cli, WhatIfsTheOfferingDoesNotOfferAreRefused) {
  for (const char* tee : {"platform.cpu_tee=sev_snp", "platform.cpu_tee=tdx"}) {
    CliRun r = plainsight({"analyze", kAws, "--set", tee});
    EXPECT_EQ(r.exit_code, 2) << tee;
    EXPECT_THAT(r.err, HasSubstr(std::string("--set ") + tee));
    EXPECT_THAT(r.err, HasSubstr("offering 'aws_p5'"));
    EXPECT_THAT(r.err, HasSubstr("AMD SEV-SNP is supported with M6a, R6a, and C6a instance types "
                                 "only."));
  }
  CliRun gpu = plainsight({"analyze", kAws, "--set", "platform.gpu=b200"});
  EXPECT_EQ(gpu.exit_code, 2);
  EXPECT_THAT(gpu.err, HasSubstr("has no gpu 'b200' (it offers h100)"));
}

TEST(Cli, GpuAndStageOverrides) {
  CliRun b200 =
      plainsight({"analyze", kOnePlatform, "--format", "csv", "--set", "platform.gpu=b200", "--set",
                  "platform.confidential_mode=on", "--set", "platform.cpu_tee=tdx"});
  ASSERT_EQ(b200.exit_code, 0) << b200.err;
  EXPECT_THAT(csv_rows(b200.out)["\"pcie\""], HasSubstr("Blackwell through R590"));
  CliRun pcie =
      plainsight({"analyze", kAws, "--format", "csv", "--set", "stages.pcie.duration=2s"});
  ASSERT_EQ(pcie.exit_code, 0) << pcie.err;
  EXPECT_THAT(csv_rows(pcie.out)["\"pcie\""], HasSubstr(",2,assumed,"));
}

TEST(Cli, ValidateEveryBundledScenario) {
  std::vector<std::string> args{"validate"};
  for (const std::string& s : bundled_scenarios()) args.push_back(s);
  CliRun r = plainsight(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const std::string& s : bundled_scenarios()) EXPECT_THAT(r.out, HasSubstr(s + ": ok"));
}

// An ambiguous catalog (two rules, same specificity, both matching) is bad input at the
// rule's place, found by validate as well as analyze.
TEST_F(TempDir, AmbiguousCatalogRuleIsBadInput) {
  const fs::path model = fs::path(PLAINSIGHT_SOURCE_DIR_FOR_TESTS) / "model";
  fs::copy(model, dir_ / "model", fs::copy_options::recursive);
  std::ofstream(dir_ / "model" / "protections.yaml", std::ios::app)
      << "  - id: pcie.also_cc\n    medium: pcie\n    label: Another CC rule\n"
         "    when: {confidential_mode: \"on\", gpu.generation: hopper}\n"
         "    state: ciphertext\n"
         "    source: {id: plainsight-assumption, status: assumed, where: x, paraphrase: y}\n";
  const std::string m = (dir_ / "model").string();
  for (const char* command : {"validate", "analyze"}) {
    CliRun r = plainsight({"--model", m, command, "scenarios/silo-hopper.yaml"});
    EXPECT_EQ(r.exit_code, 2) << command << "\n" << r.err;
    EXPECT_THAT(r.err, HasSubstr("protections.yaml:")) << command;
    EXPECT_THAT(r.err,
                HasSubstr("'pcie.bounce_buffer' and 'pcie.also_cc' both match medium 'pcie'"))
        << command;
  }
  // Scenarios where neither rule matches are unaffected.
  EXPECT_EQ(plainsight({"--model", m, "validate", kAws}).exit_code, 0);
}

TEST(Cli, CatalogTopics) {
  CliRun summary = plainsight({"catalog"});
  ASSERT_EQ(summary.exit_code, 0) << summary.err;
  for (const char* topic : {"media", "gpus", "cpu_tees", "key_custodies", "links", "protections",
                            "capabilities", "actors", "controls", "figures", "cc_costs",
                            "platform_rules", "key_steps", "sources", "offerings"}) {
    EXPECT_THAT(summary.out, HasSubstr(topic));
    CliRun r = plainsight({"catalog", topic});
    EXPECT_EQ(r.exit_code, 0) << topic << "\n" << r.err;
    EXPECT_FALSE(r.out.empty()) << topic;
  }
  EXPECT_THAT(plainsight({"catalog", "gpus"}).out, HasSubstr("vera_rubin"));
  EXPECT_THAT(plainsight({"catalog", "protections"}).out, HasSubstr("pcie.bounce_buffer"));
  // Every fact shows its status; --detail the sentence it rests on and who disagrees.
  const std::string gpus = plainsight({"catalog", "gpus"}).out;
  EXPECT_THAT(gpus, HasSubstr("announced"));
  EXPECT_THAT(gpus, HasSubstr("shipping; disputed"));
  const std::string detail = plainsight({"catalog", "gpus", "--detail"}).out;
  EXPECT_THAT(detail, HasSubstr("No IDE yet."));
  EXPECT_THAT(detail, HasSubstr("disputed by: [claimed: Workshop Labs with Tinfoil, 2026-03-16]"));
  const std::string sources = plainsight({"catalog", "sources"}).out;
  for (const char* seed : {"Plaintext Windows", "Private Post-Training and Inference for Frontier",
                           "Protecting AI Model Weights During Transfer", "2026-03-16"})
    EXPECT_THAT(sources, HasSubstr(seed));
  // Offerings: what each instance type or system can run, every entry and key cited.
  const std::string offerings = plainsight({"catalog", "offerings"}).out;
  for (const char* id :
       {"aws_p5", "aws_p5e", "aws_p5en", "aws_p6_b200", "aws_m6a", "azure_ncc_h100_v5",
        "azure_nd_h100_v5", "gcp_a3_highgpu_8g", "gcp_a3_highgpu_1g", "dgx_h100", "dgx_h200",
        "hgx_b200", "gb200_nvl72", "vera_rubin_nvl72"})
    EXPECT_THAT(offerings, HasSubstr(id));
  EXPECT_THAT(offerings, HasSubstr("cpu_tee=none, sev_snp; gpu=none"));  // M6a: SEV-SNP, no GPU
  EXPECT_THAT(offerings, HasSubstr("announced"));                        // Vera Rubin
  const std::string why = plainsight({"catalog", "offerings", "--detail"}).out;
  EXPECT_THAT(why, HasSubstr("AMD SEV-SNP is supported with M6a, R6a, and C6a instance types "
                             "only."));
  CliRun bad = plainsight({"catalog", "gpu"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("did you mean 'gpus'?"));
}

}  // namespace
}  // namespace plainsight
