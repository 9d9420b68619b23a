// `plainsight generate cluster` end to end: the grouped and expanded forms, options checked
// against the catalog before anything is written, a Slurm inventory imported, and what
// analyze makes of the result.
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
using ::testing::Not;
namespace fs = std::filesystem;

const std::string kInventory = "tests/cli/data/scontrol_nodes.txt";

class Generate : public ScratchDir {
 protected:
  fs::path file(const std::string& name) const { return dir_ / name; }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name) << text;
  }
};

// Refused before anything is written: exit 2, a message naming the option, no output.
void expect_refused(const std::vector<std::string>& options, const std::string& message) {
  std::vector<std::string> args{"generate", "cluster"};
  args.insert(args.end(), options.begin(), options.end());
  const CliRun r = plainsight(args);
  EXPECT_EQ(r.exit_code, 2) << options.front() << ": " << r.err;
  EXPECT_THAT(r.err, HasSubstr(message)) << options.front();
  EXPECT_TRUE(r.out.empty()) << options.front();
}

TEST_F(Generate, ChecksOptionsAgainstTheCatalog) {
  expect_refused({"--gpu", "h999"}, "--gpu 'h999' is not in the catalog");
  expect_refused({"--cpu-tee", "sev"}, "--cpu-tee 'sev' is not in the catalog");
  expect_refused({"--key-custody", "mine"}, "--key-custody 'mine' is not in the catalog");
  expect_refused({"--fabric-link", "ib_ndrr"}, "--fabric-link 'ib_ndrr' is not in the catalog");
  expect_refused({"--fabric-link", "pcie_gen5_x16"},
                 "--fabric-link 'pcie_gen5_x16' is a pcie link; expected one of medium fabric");
  expect_refused({"--pcie-link", "nvlink4"}, "expected one of medium pcie");
  expect_refused({"--storage-link", "nvme_gen4"}, "expected one of medium object_store");
  expect_refused({"--staging-link", "s3_sse_kms"}, "expected one of medium local_nvme");
  expect_refused({"--multi-gpu-mode", "ppcie"}, "--multi-gpu-mode 'ppcie': expected none");
  expect_refused({"--cc", "on"}, "gpu_cc_needs_cpu_tee");
  expect_refused({"--cc", "yes"}, "gpu_cc_needs_cpu_tee");  // a scenario's switch words
  expect_refused({"--cc", "maybe"}, "expected on or off");
  expect_refused({"--parameters", "nan"}, "--parameters");
  expect_refused({"--parameters", "1e16"}, "--parameters");
  expect_refused({"--nodes", "0"}, "--nodes");
  expect_refused({"--nodes", "10000001"}, "--nodes");
  expect_refused({"--gpus-per-node", "2000"}, "--gpus-per-node");
  expect_refused({"--horizon", "30"}, "--horizon: '30' has no unit");
  expect_refused({"--horizon", "500y"}, "--horizon 500y: that is beyond any plausible duration");
  expect_refused({"--horizon", "0.5s"}, "a horizon must be at least 1 s");
  expect_refused({"--checkpoint-every", "60d"}, "--checkpoint-every 60d: expected a period within");
  expect_refused({"--checkpoint-every", "1ns"}, "at most 1e+09 checkpoints");
  expect_refused(
      {"--gpus-per-node", "1"},
      "the options: 7e+10 parameters over 1 GPU put 140 GB in each GPU's HBM, more than the "
      "80 GB of an NVIDIA H100");
}

// The documented limits: any number of nodes grouped; expanded only what analyze can read.
TEST_F(Generate, GroupedFormDescribesAMillionGpusInAFewKilobytes) {
  const std::string out = file("big.yaml").string();
  const CliRun r = plainsight({"generate", "cluster", "--nodes", "125000", "-o", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(fs::file_size(out), 4096u);
  const CliRun a = plainsight({"analyze", out, "--format", "json"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const auto j = nlohmann::json::parse(a.out);
  EXPECT_EQ(j["totals"]["stages"], 1 + 125000 * 20);
  EXPECT_EQ(j["totals"]["windows"], 7);
  for (const auto& w : j["windows"]) {
    if (w["stage"] == "node.hbm") {
      EXPECT_EQ(w["replicas"], 1000000);
    }
  }
  // The most nodes the option takes, still a small file.
  EXPECT_EQ(plainsight({"generate", "cluster", "--nodes", "10000000", "-o", out}).exit_code, 0);
  EXPECT_EQ(plainsight({"validate", out}).exit_code, 0);
}

// An offering brings its hardware: beside Grace the GPU's link to its CPU is NVLink-C2C, not
// PCIe; hardware we run has InfiniBand and plain NVMe, not a cloud's EFA and Nitro disks.
TEST_F(Generate, AnOfferingBringsItsLinks) {
  const std::string out = file("gb200.yaml").string();
  ASSERT_EQ(
      plainsight({"generate", "cluster", "--nodes", "2", "--offering", "gb200_nvl72", "-o", out})
          .exit_code,
      0);
  std::stringstream text;
  text << std::ifstream(out).rdbuf();
  EXPECT_THAT(text.str(), HasSubstr("{id: c2c, name: \"GPU NVLink-C2C\", link: nvlink_c2c_grace"));
  EXPECT_THAT(text.str(), HasSubstr("{from: staging, to: c2c}"));
  EXPECT_THAT(text.str(), Not(HasSubstr("pcie")));
  EXPECT_THAT(text.str(), HasSubstr("link: ib_ndr"));
  EXPECT_THAT(text.str(), HasSubstr("link: nvme_gen4"));
  EXPECT_THAT(text.str(), Not(HasSubstr("efa_p5")));
  const CliRun a = plainsight({"analyze", out, "--format", "json"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  // A generated stage names no location: it is where its link or medium is, never blank.
  for (const auto& w : nlohmann::json::parse(a.out)["windows"]) {
    EXPECT_FALSE(w["location"].get<std::string>().empty()) << w["stage"];
    if (w["stage"] == "gb200x4-gb200_nvl72.c2c" || w["stage"] == "node.c2c")
      EXPECT_THAT(w["location"].get<std::string>(), HasSubstr("NVLink-C2C"));
  }
  // A cloud offering keeps its provider's links.
  ASSERT_EQ(plainsight({"generate", "cluster", "--nodes", "2", "--offering", "aws_p5", "-o", out})
                .exit_code,
            0);
  std::stringstream p5;
  p5 << std::ifstream(out).rdbuf();
  EXPECT_THAT(p5.str(), HasSubstr("link: efa_p5"));
  EXPECT_THAT(p5.str(), HasSubstr("{id: pcie"));
  EXPECT_THAT(p5.str(), Not(HasSubstr("c2c")));
}

TEST_F(Generate, ExpandedFormStopsWhereAScenarioFileDoes) {
  const CliRun big = plainsight({"generate", "cluster", "--nodes", "20000", "--expand"});
  EXPECT_EQ(big.exit_code, 2);
  EXPECT_THAT(big.err, HasSubstr("--expand would write 400,001 stages in "));
  EXPECT_THAT(big.err, HasSubstr("leave out --expand: the grouped form describes a cluster of "
                                 "any size"));
  EXPECT_TRUE(big.out.empty());
  const CliRun huge = plainsight({"generate", "cluster", "--nodes", "10000000", "--expand"});
  EXPECT_EQ(huge.exit_code, 2);
  EXPECT_THAT(huge.err, HasSubstr("in over 27,000,000,000 bytes"));
  const std::string out = file("small.yaml").string();
  ASSERT_EQ(plainsight({"generate", "cluster", "--nodes", "3", "--gpus-per-node", "2", "--expand",
                        "-o", out})
                .exit_code,
            0);
  const CliRun a = plainsight({"analyze", out, "--format", "json", "--no-threats"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(nlohmann::json::parse(a.out)["windows"].size(), 1u + 3 * (4 + 2 * 2));
}

// A scenario over the size limit is refused with the way to say it in less.
TEST_F(Generate, TheFileSizeErrorSaysHowToDescribeALargerCluster) {
  const std::string big = file("big.yaml").string();
  {
    std::ofstream out(big);
    out << std::string(65u << 20, '#') << "\n";
  }
  const CliRun r = plainsight({"analyze", big});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("the limit is 67108864; describe a large cluster as groups of "
                               "identical nodes"));
  EXPECT_THAT(r.err, HasSubstr("docs/scenarios.md#groups"));
}

TEST_F(Generate, ImportsASlurmInventory) {
  const std::string out = file("cluster.yaml").string();
  const CliRun r = plainsight({"generate", "cluster", "--from-slurm", kInventory, "-o", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = read(out);
  EXPECT_THAT(text, HasSubstr("# 2 nodes without GPUs left out (login01, cpu001)."));
  EXPECT_THAT(text, HasSubstr("of which 1 down, 0 drained"));
  EXPECT_THAT(text, HasSubstr("id: h100x8-sev_snp-cc-protected_pcie"));
  const CliRun a = plainsight({"analyze", out, "--format", "json"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const auto j = nlohmann::json::parse(a.out);
  EXPECT_EQ(j["groups"].size(), 3u);
  EXPECT_EQ(j["totals"]["stages"], 1 + 3 * 20 + 2 * 20 + 1 * 12);
  // The CC class's PCIe is encrypted; the plain class's is not.
  for (const auto& w : j["windows"]) {
    if (w["stage"] == "h100x8-sev_snp-cc-protected_pcie.pcie") {
      EXPECT_EQ(w["state"], "ciphertext");
      EXPECT_EQ(w["replicas"], 16);
    }
    if (w["stage"] == "h100x8.pcie") {
      EXPECT_EQ(w["state"], "plaintext");
    }
  }
  // --available-only leaves the down and the drained node out.
  const CliRun up =
      plainsight({"generate", "cluster", "--from-slurm", kInventory, "--available-only"});
  ASSERT_EQ(up.exit_code, 0) << up.err;
  EXPECT_THAT(up.out, HasSubstr("2 nodes out of service left out"));
  // And --expand writes every node.
  const CliRun x = plainsight({"generate", "cluster", "--from-slurm", kInventory, "--expand"});
  ASSERT_EQ(x.exit_code, 0) << x.err;
  EXPECT_THAT(x.out, HasSubstr("id: h100x8-sev_snp-cc-protected_pcie-1"));
}

// A node tagged with its system is a place on that offering: what the offering cannot run is
// refused naming the offering and its source; a rack of GB200 trays gets its hardware's links.
TEST_F(Generate, ImportedNodesTaggedWithAnOfferingAreCheckedAgainstIt) {
  write("dgx.txt",
        "NodeName=dgx01 AvailableFeatures=dgx_h100,sev_snp Gres=gpu:h100:8 State=IDLE\n");
  const CliRun r = plainsight({"generate", "cluster", "--from-slurm", file("dgx.txt").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("dgx_h100"));
  EXPECT_THAT(r.err, HasSubstr("cpu_tee"));
  EXPECT_THAT(r.err, HasSubstr("Emerald Rapids"));
  EXPECT_TRUE(r.out.empty());
  write("gb200.txt",
        "NodeName=gb01 AvailableFeatures=gb200 Gres=gpu:4 State=IDLE\n"
        "NodeName=gb02 AvailableFeatures=gb200 Gres=gpu:4 State=IDLE\n");
  const CliRun g = plainsight({"generate", "cluster", "--from-slurm", file("gb200.txt").string()});
  ASSERT_EQ(g.exit_code, 0) << g.err;
  EXPECT_THAT(g.out, HasSubstr("offering: gb200_nvl72"));
  EXPECT_THAT(g.out, HasSubstr("link: nvlink_c2c_grace"));
  EXPECT_THAT(g.out, HasSubstr("link: ib_ndr"));
}

// The vendor's refusals hold for imported classes too: GPU CC needs a CPU TEE.
TEST_F(Generate, RefusesAnImportedClassTheVendorRefuses) {
  write("nodes.txt",
        "NodeName=gpu001 AvailableFeatures=cc Gres=gpu:h100:8 State=IDLE Partitions=gpu\n"
        "NodeName=gpu002 AvailableFeatures=cc Gres=gpu:h100:8 State=IDLE Partitions=gpu\n");
  const CliRun r = plainsight({"generate", "cluster", "--from-slurm", file("nodes.txt").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("class 'h100x8-cc' (h100x8-cc: 2 nodes (gpu001, gpu002)"));
  EXPECT_THAT(r.err, HasSubstr("gpu_cc_needs_cpu_tee"));
  EXPECT_TRUE(r.out.empty());
}

TEST_F(Generate, TakesAMapOfItsOwn) {
  write("map.yaml", "gpu_types: [{match: 'gh*', gpu: h100}]\nfeatures: {secure: {cpu_tee: tdx}}\n");
  write("nodes.txt", "NodeName=n1 AvailableFeatures=secure Gres=gpu:gh200:4 State=IDLE\n");
  const CliRun r = plainsight({"generate", "cluster", "--from-slurm", file("nodes.txt").string(),
                               "--slurm-map", file("map.yaml").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("id: h100x4-tdx"));
  EXPECT_THAT(r.out, Not(HasSubstr("(the default)")));
  // A bad map is an input error at its line.
  write("bad.yaml", "features: {secure: {cpu_tee: sgx}}\n");
  const CliRun bad = plainsight({"generate", "cluster", "--from-slurm", file("nodes.txt").string(),
                                 "--slurm-map", file("bad.yaml").string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("bad.yaml:1:30: error: unknown cpu_tee 'sgx'"));
}

// Issue 21, class 1: nothing from outside becomes YAML structure. An inventory whose path
// holds a newline, CR, NEL or U+2028 followed by top-level keys used to add them to the
// scenario (an `actors:` override moved the ceiling); the path now stays in its comment.
TEST_F(Generate, APathStaysInsideItsComment) {
  const CliRun plain = plainsight(
      {"generate", "cluster", "--from-slurm", kInventory, "-o", file("plain.yaml").string()});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  const CliRun base = plainsight({"analyze", file("plain.yaml").string(), "--format", "json"});
  ASSERT_EQ(base.exit_code, 0) << base.err;
  const auto want = nlohmann::json::parse(base.out)["exposure_ceiling"];
  for (const std::string brk : {"\n", "\r", "\xC2\x85", "\xE2\x80\xA8"}) {
    const fs::path dir = dir_ / ("x" + brk + "actors: {ex_insider: {dwell: 1s}}" + brk + "#");
    fs::create_directories(dir);
    fs::copy_file(fs::path(PLAINSIGHT_SOURCE_DIR_FOR_TESTS) / kInventory, dir / "nodes.txt",
                  fs::copy_options::overwrite_existing);
    const std::string out = file("evil.yaml").string();
    const CliRun r = plainsight(
        {"generate", "cluster", "--from-slurm", (dir / "nodes.txt").string(), "-o", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string text = read(out);
    EXPECT_THAT(text, HasSubstr("<U+")) << "the break is written visibly";
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
      EXPECT_FALSE(line.starts_with("actors")) << line;
    const CliRun a = plainsight({"analyze", out, "--format", "json"});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    EXPECT_EQ(nlohmann::json::parse(a.out)["exposure_ceiling"], want);
  }
}

// Issue 21, class 7: what generate writes from a valid inventory, analyze reads. Twenty
// classes used to make a generated name over the 256-byte limit.
TEST_F(Generate, ManyClassesStillMakeAScenarioAnalyzeReads) {
  std::string nodes;
  for (int gpus = 2; gpus < 22; ++gpus)
    nodes += "NodeName=n" + std::to_string(gpus) + " Gres=gpu:h100:" + std::to_string(gpus) +
             " State=IDLE Partitions=gpu\n";
  write("nodes.txt", nodes);
  const std::string out = file("many.yaml").string();
  const CliRun r = plainsight({"generate", "cluster", "--from-slurm", file("nodes.txt").string(),
                               "--parameters", "1e9", "-o", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(read(out), HasSubstr("name: \"Generated cluster (20 classes of nodes, 20 nodes)\""));
  const CliRun a = plainsight({"analyze", out, "--format", "json"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(nlohmann::json::parse(a.out)["groups"].size(), 20u);
}

// Issue 21, audit 7h: two single-GPU CC Hopper classes (H100 and H200, cc and sev_snp) are a
// valid inventory. The second class's group stated `gpu: h200` alone and the loader gave it
// 8 GPUs, which the vendor refuses in one confidential VM; every class that states a key now
// states its GPUs per node, and the loader keeps the scenario's count.
TEST_F(Generate, TwoSingleGpuConfidentialHopperClassesLoad) {
  write("nodes.txt",
        "NodeName=a1 AvailableFeatures=cc,sev_snp ActiveFeatures=cc,sev_snp Gres=gpu:h100:1 "
        "State=IDLE Partitions=p\n"
        "NodeName=b1 AvailableFeatures=cc,sev_snp ActiveFeatures=cc,sev_snp Gres=gpu:h200:1 "
        "State=IDLE Partitions=p\n");
  const std::string out = file("two.yaml").string();
  const CliRun r = plainsight({"generate", "cluster", "--from-slurm", file("nodes.txt").string(),
                               "--parameters", "7e9", "-o", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(read(out), HasSubstr("platform: {gpu: h200, gpus_per_node: 1}"));
  const CliRun a = plainsight({"analyze", out, "--format", "json"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  for (const auto& place : nlohmann::json::parse(a.out)["places"])
    if (!place["platform"]["gpu"].get<std::string>().empty())
      EXPECT_EQ(place["platform"]["gpus_per_node"], 1) << place["id"];
}

// What reading back the generated scenario refuses is about the options or the class it came
// from, never at a line of "generated.yaml", a file that does not exist.
TEST_F(Generate, AReadBackRefusalNamesNoFileThatIsNotWritten) {
  const std::string out = file("never.yaml").string();
  const CliRun r =
      plainsight({"generate", "cluster", "--key-custody", "gcp_confidential_space", "-o", out});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("generate cluster: error: the generated scenario would not load"));
  EXPECT_THAT(r.err, HasSubstr("nothing is written to '" + out + "'"));
  EXPECT_THAT(r.err, Not(HasSubstr("generated.yaml")));
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(Generate, SlurmOptionsDoNotMixWithClassOptions) {
  EXPECT_EQ(
      plainsight({"generate", "cluster", "--from-slurm", kInventory, "--nodes", "4"}).exit_code, 2);
  EXPECT_EQ(plainsight({"generate", "cluster", "--available-only"}).exit_code, 2);
  EXPECT_EQ(plainsight({"generate", "cluster", "--from-slurm", "/nonexistent"}).exit_code, 2);
}

}  // namespace
}  // namespace plainsight
