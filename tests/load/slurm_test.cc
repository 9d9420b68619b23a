// Reading a Slurm inventory (`scontrol show node -o`) and grouping its nodes into classes
// through the feature map (model/slurm_features.yaml).
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "load/catalog_loader.h"
#include "load/slurm_classes.h"
#include "load/slurm_feature_map.h"
#include "load/slurm_nodes.h"
#include "support/bundled_catalog.h"

namespace plainsight {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
namespace fs = std::filesystem;

const fs::path kRoot = PLAINSIGHT_SOURCE_DIR_FOR_TESTS;
const std::string kInventory = (kRoot / "tests" / "cli" / "data" / "scontrol_nodes.txt").string();

const SlurmFeatureMap& default_map() {
  static const SlurmFeatureMap m =
      load_slurm_feature_map(kRoot / "model" / "slurm_features.yaml", testing::bundled_catalog());
  return m;
}

template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

// The grammar of `scontrol show node -o`: OS is free text up to RealMemory=, CfgTRES holds
// '=', times may hold spaces, Reason ends the line.
TEST(SlurmNodes, ReadsFieldsWhoseValuesHoldSpacesAndEquals) {
  const auto f = scontrol_fields(
      "NodeName=gpu001 OS=Linux 5.15.0-91-generic #101-Ubuntu SMP Tue Nov 14 UTC 2023  "
      "RealMemory=1 CfgTRES=cpu=96,mem=2000000M,gres/gpu=8 AllocTRES= State=DOWN* "
      "BootTime=Tue Jan 10 10:00 Reason=Not responding [slurm@2024-01-30T12:05:00]");
  ASSERT_EQ(f.size(), 8u);
  EXPECT_EQ(f[0].key, "NodeName");
  EXPECT_EQ(f[0].value, "gpu001");
  EXPECT_EQ(f[0].offset, 9u);
  EXPECT_EQ(f[1].value, "Linux 5.15.0-91-generic #101-Ubuntu SMP Tue Nov 14 UTC 2023");
  EXPECT_EQ(f[2].key, "RealMemory");
  EXPECT_EQ(f[3].key, "CfgTRES");
  EXPECT_EQ(f[3].value, "cpu=96,mem=2000000M,gres/gpu=8");
  EXPECT_EQ(f[4].value, "");
  EXPECT_EQ(f[5].value, "DOWN*");
  EXPECT_EQ(f[6].value, "Tue Jan 10 10:00");
  EXPECT_EQ(f[7].value, "Not responding [slurm@2024-01-30T12:05:00]");
}

// Issue 21, class 6: free text before State= (OS=, as real scontrol prints it) that holds
// "State=IDLE" is the kernel string, not the node's state; a key given twice, a word that is
// no field, and OS= without the RealMemory= Slurm prints after it are refused at their column.
TEST(SlurmNodes, FreeTextCannotStandForAField) {
  const std::vector<SlurmNode> n = parse_slurm_nodes(
      "NodeName=a Gres=gpu:h100:8 OS=Linux 5.15 State=IDLE #1 SMP RealMemory=1 "
      "State=DRAINED Reason=x State=IDLE\n",
      "n.txt");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].state, "DRAINED");
  EXPECT_TRUE(slurm_unavailable(n[0].state));
  EXPECT_THAT(error_of([] {
                parse_slurm_nodes("NodeName=a OS=x RealMemory=1 State=IDLE State=DOWN\n", "n.txt");
              }),
              HasSubstr("n.txt:1:41: error: 'State=' again (first at column 30)"));
  EXPECT_THAT(error_of([] { parse_slurm_nodes("NodeName=a State=IDLE junk\n", "n.txt"); }),
              HasSubstr("n.txt:1:23: error: expected a field KEY=VALUE, got 'junk'"));
  EXPECT_THAT(error_of([] { parse_slurm_nodes("NodeName=a OS=Linux State=DOWN\n", "n.txt"); }),
              HasSubstr("n.txt:1:15: error: OS= is not followed by RealMemory="));
  EXPECT_THAT(error_of([] { parse_slurm_nodes("NodeName=a Gres=gpu:8\n", "n.txt"); }),
              HasSubstr("no State= field"));
  EXPECT_THAT(error_of([] { parse_slurm_nodes("NodeName=a State=IDLE=x\n", "n.txt"); }),
              HasSubstr("n.txt:1:18: error: State 'IDLE=x' is not a Slurm node state"));
}

TEST(SlurmNodes, ReadsGpusFromGres) {
  EXPECT_EQ(gres_gpus("gpu:h100:8(S:0-1)").type, "h100");
  EXPECT_EQ(gres_gpus("gpu:h100:8(S:0-1)").count, 8);
  EXPECT_EQ(gres_gpus("gpu:nvidia_h100_80gb_hbm3:4").type, "nvidia_h100_80gb_hbm3");
  EXPECT_EQ(gres_gpus("gpu:8").count, 8);
  EXPECT_EQ(gres_gpus("gpu:8").type, "");
  // Other resources beside the GPUs, and two entries of one type.
  EXPECT_EQ(gres_gpus("shard:h100:32,gpu:h100:4(S:0),gpu:h100:4(S:1)").count, 8);
  EXPECT_EQ(gres_gpus("(null)").count, 0);
  EXPECT_EQ(gres_gpus("").count, 0);
  EXPECT_THROW(gres_gpus("gpu:a100:4,gpu:h100:4"), std::invalid_argument);
  EXPECT_THROW(gres_gpus("gpu:h100:many"), std::invalid_argument);
  EXPECT_THROW(gres_gpus("gpu:h100:100000"), std::invalid_argument);
  EXPECT_THROW(gres_gpus("gpu:h100:1000,gpu:h100:1000"), std::invalid_argument);  // > 1024 in all
}

// Issue 21, class 6: a Gres that does not parse is refused where it stops parsing, never
// read in part (it used to import the GPUs before a stray ')' and drop the rest).
TEST(SlurmNodes, RefusesAMalformedGresAtItsColumn) {
  auto offset = [](const char* gres) -> long {
    try {
      gres_gpus(gres);
    } catch (const SlurmSyntaxError& e) {
      return static_cast<long>(e.offset);
    }
    return -1;
  };
  EXPECT_EQ(offset("gpu:h100:4(S:0,gpu:h100:4"), 10);  // '(' without ')'
  EXPECT_EQ(offset("gpu:h100:4)x,gpu:h100:4"), 10);    // ')' without '('
  EXPECT_EQ(offset("gpu:h100:4(S:0)gpu:h100:4"), 15);  // text after ')'
  EXPECT_EQ(offset("gpu:h100:4,,gpu:h100:4"), 11);     // an empty entry
  EXPECT_EQ(offset("gpu::4"), 4);                      // an empty field
  EXPECT_EQ(offset("gpu:h1 00:4"), 6);                 // not a name
  EXPECT_EQ(offset("gpu"), 0);                         // no count
  EXPECT_EQ(offset("gpu:h100:8(S:0-1),shard:h100:32"), -1);
  EXPECT_THAT(
      error_of([] {
        parse_slurm_nodes("NodeName=a Gres=gpu:h100:4)x,gpu:h100:4 State=IDLE\n", "n.txt");
      }),
      HasSubstr("n.txt:1:27: error: Gres 'gpu:h100:4)x,gpu:h100:4': ')' without '(' in Gres"));
}

// Free text that holds " Key=value" does not override the node's own fields, and a node
// listed twice (two inventories concatenated) is refused.
TEST(SlurmNodes, FreeTextIsNotReadAsFieldsAndNodesAreListedOnce) {
  const std::vector<SlurmNode> n = parse_slurm_nodes(
      "NodeName=a Gres=gpu:h100:8 State=IDLE Reason=was State=DOWN Gres=gpu:2 [x]\n", "n.txt");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].state, "IDLE");
  EXPECT_EQ(n[0].gres, "gpu:h100:8");
  EXPECT_EQ(n[0].gpus.count, 8);
  EXPECT_THAT(error_of([] {
                parse_slurm_nodes(
                    "NodeName=a State=IDLE\nNodeName=b State=IDLE\nNodeName=a "
                    "State=IDLE\n",
                    "n.txt");
              }),
              HasSubstr("n.txt:3:1: error: node 'a' again (first at line 1)"));
}

// Slurm leaves a node out of its available nodes when it is down, drained, failed or not
// responding (slurmctld/node_mgr.c, _sync_bitmaps); one not yet registered, registered with
// an invalid configuration (INVAL), in error or maintenance, being rebooted or powered down
// cannot run a job now either.
TEST(SlurmNodes, KnowsWhichStatesAreOutOfService) {
  for (const char* out : {"DOWN",
                          "DOWN*",
                          "IDLE+DRAIN",
                          "MIXED+DRAIN",
                          "DOWN*+DRAIN",
                          "DRAINED",
                          "IDLE+POWERED_DOWN",
                          "FAIL",
                          "IDLE*",
                          "INVAL",
                          "IDLE+INVALID_REG",
                          "FUTURE",
                          "UNKNOWN",
                          "ERROR",
                          "MAINT",
                          "IDLE+MAINTENANCE",
                          "IDLE~",
                          "REBOOT^",
                          "IDLE+NOT_RESPONDING",
                          "IDLE+CLOUD+POWER",
                          "INVALID"})
    EXPECT_TRUE(slurm_unavailable(out)) << out;
  for (const char* in :
       {"IDLE", "ALLOCATED", "MIXED", "COMPLETING", "IDLE+COMPLETING", "MIXED+PLANNED",
        "IDLE+RESERVED", "IDLE+CLOUD", "IDLE@", "MIXED-", "PERFCTRS"})
    EXPECT_FALSE(slurm_unavailable(in)) << in;
  // What is no Slurm state is not in service either (the reader refuses it first).
  EXPECT_TRUE(slurm_unavailable("IDLE+FOO"));
}

// Issue 21, class 6: a flag that is no Slurm flag was read as in service (IDLE+FOO), and so
// was INVAL, a node whose registration Slurm refused. The names are Slurm's own
// (src/common/slurm_protocol_defs.c: node_states, node_state_flags, node_state_string).
TEST(SlurmNodes, RefusesAStateOrFlagSlurmDoesNotHave) {
  EXPECT_THAT(error_of([] { parse_slurm_nodes("NodeName=a State=IDLE+FOO\n", "n.txt"); }),
              HasSubstr("n.txt:1:23: error: State 'IDLE+FOO' is not a Slurm node state: 'FOO' is "
                        "not a Slurm node state flag"));
  EXPECT_THAT(error_of([] { parse_slurm_nodes("NodeName=a State=SLEEPY\n", "n.txt"); }),
              HasSubstr("n.txt:1:18: error: State 'SLEEPY' is not a Slurm node state: 'SLEEPY' "
                        "is not a Slurm node state"));
  EXPECT_THAT(error_of([] { parse_slurm_nodes("NodeName=a State=IDLE+\n", "n.txt"); }),
              HasSubstr("an empty state name"));
  EXPECT_THAT(error_of([] { parse_slurm_nodes("NodeName=a State=IDLE+DRAIN*\n", "n.txt"); }),
              HasSubstr("'DRAIN*' is not a Slurm node state flag"));
  // Slurm writes MAINT as a compact state, never as a flag; it writes names in upper case.
  EXPECT_THAT(error_of([] { parse_slurm_nodes("NodeName=a State=IDLE+MAINT\n", "n.txt"); }),
              HasSubstr("'MAINT' is not a Slurm node state flag"));
  EXPECT_THAT(error_of([] { parse_slurm_nodes("NodeName=a State=idle\n", "n.txt"); }),
              HasSubstr("'idle' is not a Slurm node state"));
  const std::vector<SlurmNode> n =
      parse_slurm_nodes("NodeName=a State=INVAL\nNodeName=b State=MIXED+PLANNED\n", "n.txt");
  ASSERT_EQ(n.size(), 2u);
  EXPECT_TRUE(slurm_unavailable(n[0].state));
  EXPECT_FALSE(slurm_unavailable(n[1].state));
}

// Issue 21, class 6: a kernel string holding "RealMemory=1 State=IDLE Reason=x" made the
// line read two ways (OS= ends at its own RealMemory= or at Slurm's), and the first hid the
// node's real State=IDLE+DRAIN. Where two readings give a field the reader uses different
// values, the line is refused where they part.
TEST(SlurmNodes, RefusesALineThatReadsTwoWays) {
  for (const char* free : {"Reason", "Comment", "Extra"}) {
    const std::string line = std::string("NodeName=a OS=Linux RealMemory=1 State=IDLE ") + free +
                             "=x RealMemory=2 Sockets=2 State=IDLE+DRAIN Partitions=gpu\n";
    EXPECT_THAT(error_of([&] { parse_slurm_nodes(line, "n.txt"); }),
                HasSubstr("n.txt:1:21: error: the line reads two ways: the free text of OS= may "
                          "end here or run on to column"))
        << free;
    EXPECT_THAT(error_of([&] { parse_slurm_nodes(line, "n.txt"); }),
                HasSubstr("and State would be 'IDLE' or 'IDLE+DRAIN'"))
        << free;
  }
  // Two readings that agree on every field the reader uses are one node: a reason that holds
  // " Comment=" with the Comment after it, a kernel string that holds " State=".
  const std::vector<SlurmNode> n = parse_slurm_nodes(
      "NodeName=a OS=Linux State=IDLE #1 RealMemory=1 State=DRAINED Reason=see Comment=x "
      "Comment=y\n",
      "n.txt");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].state, "DRAINED");
  // A reason that could end before a Partitions= Slurm never prints after it reads one way.
  EXPECT_EQ(parse_slurm_nodes("NodeName=a State=IDLE Reason=x Partitions=secure\n", "n.txt")[0]
                .partitions,
            "");
  // A line with thousands of ways to read it stops early.
  std::string many = "NodeName=a OS=x";
  for (int i = 0; i < 2000; ++i) many += " RealMemory=" + std::to_string(i);
  // The limit is the reason given, not what an earlier reading stumbled on (a repeated key).
  EXPECT_THAT(error_of([&] { parse_slurm_nodes(many + " State=IDLE\n", "n.txt"); }),
              HasSubstr("reads more than 64 ways"));
}

// A control or invisible character in a node line is named, at its own column.
TEST(SlurmNodes, PointsAtAnInvisibleCharacter) {
  EXPECT_THAT(error_of([] { parse_slurm_nodes("NodeName=a Gres=\x1b[31m\n", "n.txt"); }),
              HasSubstr("n.txt:1:17: error: a control or invisible character (<U+001B>) in a "
                        "node line"));
  EXPECT_THAT(
      error_of([] { parse_slurm_nodes("NodeName=a State=IDLE Reason=a\u2028b\n", "n.txt"); }),
      HasSubstr("n.txt:1:31: error: a control or invisible character (<U+2028>)"));
  EXPECT_THAT(error_of([] { parse_slurm_nodes("NodeName=a\tState=IDLE\n", "n.txt"); }),
              HasSubstr("n.txt:1:11: error: a control or invisible character (<U+0009>)"));
  EXPECT_THAT(error_of([] { parse_slurm_nodes("NodeName=a State=IDLE\u00a0\n", "n.txt"); }),
              HasSubstr("n.txt:1:22: error: a control or invisible character (<U+00A0>)"));
  EXPECT_THAT(error_of([] { parse_slurm_nodes("NodeName=a State=IDLE \xc2\x85x\n", "n.txt"); }),
              HasSubstr("n.txt:1:23: error: a control or invisible character (<U+0085>)"));
}

TEST(SlurmNodes, ReadsAnInventory) {
  const std::vector<SlurmNode> nodes = read_slurm_nodes(kInventory);
  ASSERT_EQ(nodes.size(), 8u);
  EXPECT_EQ(nodes[0].name, "gpu001");
  EXPECT_EQ(nodes[0].gres, "gpu:h100:8(S:0-1)");
  EXPECT_THAT(slurm_list(nodes[0].features), ElementsAre("h100", "ib", "cc", "sev_snp", "ppcie"));
  EXPECT_THAT(slurm_list(nodes[0].partitions), ElementsAre("secure", "gpu"));
  EXPECT_EQ(nodes[1].state, "IDLE+DRAIN");
  EXPECT_EQ(nodes[3].state, "DOWN*+DRAIN");
  EXPECT_EQ(nodes[3].line, 4);
  EXPECT_TRUE(slurm_list(nodes[6].features).empty());  // (null)
}

TEST(SlurmNodes, RefusesWhatIsNotAnInventory) {
  EXPECT_THAT(error_of([] { parse_slurm_nodes("", "n.txt"); }),
              HasSubstr("n.txt: error: no nodes: expected the output of `scontrol show node -o`"));
  EXPECT_THAT(error_of([] { parse_slurm_nodes("NodeName=a State=IDLE\nhello\n", "n.txt"); }),
              HasSubstr("n.txt:2:1: error: expected a node of `scontrol show node -o`"));
  // `scontrol show node` without -o: one field per line.
  EXPECT_THAT(
      error_of([] { parse_slurm_nodes("NodeName=a Arch=x86_64\n   CPUAlloc=0\n", "n.txt"); }),
      HasSubstr("n.txt:1:23: error: no State= field"));
  EXPECT_THAT(error_of([] { parse_slurm_nodes("NodeName=a;rm State=IDLE\n", "n.txt"); }),
              HasSubstr("is not a host name"));
  EXPECT_THAT(error_of([] { parse_slurm_nodes("NodeName=a Gres=\x1b[31m\n", "n.txt"); }),
              HasSubstr("n.txt:1:17: error: a control or invisible character (<U+001B>)"));
  EXPECT_THAT(error_of([] {
                parse_slurm_nodes("NodeName=a OS=" + std::string(70000, 'x') + "\n", "n.txt");
              }),
              HasSubstr("n.txt:1:1: error: a line of 70014 bytes; the limit is 65536"));
  // Read from a file a block at a time, a line past the limit is refused before it is whole.
  const fs::path long_line =
      fs::temp_directory_path() / ("plainsight-slurm-long-" + std::to_string(::getpid()));
  std::ofstream(long_line) << "NodeName=a OS=" << std::string(3 << 20, 'x') << " State=IDLE\n";
  EXPECT_THAT(error_of([&] { read_slurm_nodes(long_line); }),
              HasSubstr(":1:1: error: a line of more than 65536 bytes"));
  fs::remove(long_line);
  EXPECT_THAT(error_of([] { read_slurm_nodes("/nonexistent/nodes.txt"); }),
              HasSubstr("cannot read"));
}

TEST(SlurmFeatureMap, MatchesGpuTypesByPattern) {
  EXPECT_TRUE(glob_match("h100*", "H100"));
  EXPECT_TRUE(glob_match("nvidia_h100*", "nvidia_h100_80gb_hbm3"));
  EXPECT_TRUE(glob_match("*h100*", "nvidia_h100_80gb_hbm3"));
  EXPECT_FALSE(glob_match("h100*", "nvidia_h100"));
  EXPECT_FALSE(glob_match("h100", "h1000"));
  EXPECT_TRUE(glob_match("a*b*c", "axxbyyc"));
  EXPECT_FALSE(glob_match("a*b*c", "axxbyy"));
  const SlurmFeatureMap& m = default_map();
  EXPECT_EQ(m.gpu_of("nvidia_h100_80gb_hbm3"), "h100");
  EXPECT_EQ(m.gpu_of("B200"), "b200");
  EXPECT_EQ(m.gpu_of("a100"), "");
  EXPECT_EQ(m.features.at("sev_snp").cpu_tee, "sev_snp");
  EXPECT_EQ(m.features.at("cc").confidential_mode, 1);
}

TEST(SlurmFeatureMap, RefusesIdsTheCatalogLacks) {
  const fs::path dir =
      fs::temp_directory_path() / ("plainsight-slurm-map-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto load = [&](const std::string& text) {
    std::ofstream(dir / "m.yaml") << text;
    return error_of([&] { load_slurm_feature_map(dir / "m.yaml", testing::bundled_catalog()); });
  };
  EXPECT_THAT(load("gpu_types: [{match: a100*, gpu: a100}]\n"),
              HasSubstr("m.yaml:1:33: error: unknown gpu 'a100'"));
  EXPECT_THAT(load("features: {snp: {cpu_tee: sev}}\n"),
              HasSubstr("m.yaml:1:27: error: unknown cpu_tee 'sev'"));
  EXPECT_THAT(load("features: {cc: {confidential: on}}\n"),
              HasSubstr("unknown key 'confidential'"));
  EXPECT_THAT(load("features: {x: {multi_gpu_mode: ppcie}}\n"),
              HasSubstr("multi_gpu_mode 'ppcie': expected none"));
  EXPECT_THAT(load("features: {x: {}}\n"), HasSubstr("feature 'x' sets nothing"));
  EXPECT_THAT(load("features: {x: {offering: dgx_h1000}}\n"),
              HasSubstr("m.yaml:1:26: error: unknown offering 'dgx_h1000'"));
  EXPECT_THAT(load("features: {CC: {confidential_mode: on}, cc: {confidential_mode: off}}\n"),
              HasSubstr("feature 'cc' is given twice"));
  fs::remove_all(dir);
}

// Three classes from the hand-written inventory: plain H100 nodes (one down), CC H100 nodes
// in a SEV-SNP VM in protected-PCIe mode (one drained), a B200 node with TDX whose Gres names
// no type; the login and CPU nodes are counted and left out.
TEST(SlurmClasses, GroupsNodesByGpuAndFeatures) {
  const SlurmClasses k =
      slurm_node_classes(read_slurm_nodes(kInventory), default_map(), "nodes.txt", false);
  ASSERT_EQ(k.classes.size(), 3u);
  const NodeClass& plain = k.classes[0];
  EXPECT_EQ(plain.id, "h100x8");
  EXPECT_EQ(plain.nodes, 3);
  EXPECT_FALSE(plain.platform.confidential_mode);
  EXPECT_THAT(plain.notes[0], HasSubstr("3 nodes (gpu101, gpu102, gpu103), partitions debug, gpu"));
  EXPECT_THAT(plain.notes[1], HasSubstr("of which 1 down, 0 drained"));
  const NodeClass& cc = k.classes[1];
  EXPECT_EQ(cc.id, "h100x8-sev_snp-cc-protected_pcie");
  EXPECT_EQ(cc.nodes, 2);
  EXPECT_TRUE(cc.platform.confidential_mode);
  EXPECT_EQ(cc.platform.cpu_tee, "sev_snp");
  EXPECT_EQ(cc.platform.multi_gpu_mode, "protected_pcie");
  EXPECT_THAT(cc.notes[1], HasSubstr("0 down, 1 drained"));
  const NodeClass& b200 = k.classes[2];
  EXPECT_EQ(b200.platform.gpu, "b200");  // from the feature: Gres=gpu:4 names no type
  EXPECT_EQ(b200.platform.gpus_per_node, 4);
  EXPECT_EQ(b200.platform.cpu_tee, "tdx");
  EXPECT_EQ(b200.notes.size(), 1u);  // in service
  // Each class knows the line of its first node: what is refused about it is told there.
  EXPECT_EQ(plain.from.str(), "nodes.txt:3:1");
  EXPECT_EQ(cc.from.str(), "nodes.txt:1:1");
  EXPECT_EQ(b200.from.str(), "nodes.txt:6:1");
  EXPECT_THAT(k.notes[0], HasSubstr("8 nodes read, 6 in 3 classes"));
  EXPECT_THAT(k.notes[1], HasSubstr("2 nodes without GPUs left out (login01, cpu001)"));
  EXPECT_THAT(k.notes[2], HasSubstr("Features with no meaning in the map, ignored: ib (5)"));
}

// Issue 21, audit 9c: an inventory whose every node has a feature of its own held every one
// (10 million: 36 s, 4.6 GB). What the note writes is kept, exactly (the first features in
// order, with their nodes), and the rest is counted; the classes are found as before past the
// combinations kept.
TEST(SlurmClasses, FeaturesOfTheirOwnAreCountedNotHeld) {
  SlurmClassBuilder b(default_map(), "nodes.txt", false);
  const int n = 10000;  // past the 4,096 combinations of Gres and features kept
  for (int i = 0; i < n; ++i) {
    SlurmNode node;
    node.name = fmt::format("n{}", i);
    node.gres = "gpu:h100:8";
    node.gpus = {"h100", 8};
    // Every node its own feature; "a" on every tenth and "b" on the last thousand, seen only
    // after thousands of others: their counts must come out whole.
    node.features = fmt::format("x{}{}{}", 100000 + i, i % 10 == 0 ? ",a" : "",
                                i >= n - 1000 ? ",b,cc,sev_snp" : "");
    node.state = "IDLE";
    node.line = i + 1;
    b.add(node);
  }
  const SlurmClasses k = b.finish();
  ASSERT_EQ(k.classes.size(), 2u);
  EXPECT_EQ(k.classes[0].id, "h100x8");
  EXPECT_EQ(k.classes[0].nodes, n - 1000);
  EXPECT_EQ(k.classes[1].id, "h100x8-sev_snp-cc");
  EXPECT_EQ(k.classes[1].nodes, 1000);
  EXPECT_EQ(k.classes[1].from.str(), "nodes.txt:9001:1");
  const std::string& note = k.notes.back();
  EXPECT_THAT(note, HasSubstr("ignored: a (1000), b (1000), x100000 (1), x100001 (1), "));
  EXPECT_THAT(note, HasSubstr("x100017 (1) and more (9,982 uses of features not listed)."));
}

TEST(SlurmClasses, LeavesOutNodesOutOfServiceWhenAsked) {
  const SlurmClasses k =
      slurm_node_classes(read_slurm_nodes(kInventory), default_map(), "nodes.txt", true);
  ASSERT_EQ(k.classes.size(), 3u);
  EXPECT_EQ(k.classes[0].nodes, 2);  // gpu101, gpu103
  EXPECT_EQ(k.classes[1].nodes, 1);  // a tie in count: the class order stays the key's
  EXPECT_EQ(k.classes[2].nodes, 1);
  EXPECT_THAT(k.notes[2], HasSubstr("2 nodes out of service left out (--available-only: gpu002, "
                                    "gpu102)"));
}

TEST(SlurmClasses, RefusesNodesItCannotPlace) {
  auto classes = [](const std::string& text) {
    return error_of([&] {
      slurm_node_classes(parse_slurm_nodes(text, "n.txt"), default_map(), "n.txt", false);
    });
  };
  EXPECT_THAT(classes("NodeName=a Gres=gpu:a100:8 State=IDLE\n"),
              HasSubstr("n.txt:1:1: error: node a: no GPU model for Gres 'gpu:a100:8'"));
  EXPECT_THAT(classes("NodeName=a Gres=gpu:8 State=IDLE\n"), HasSubstr("(it names no type)"));
  EXPECT_THAT(classes("NodeName=a Gres=gpu:h100:8 AvailableFeatures=sev_snp,tdx State=IDLE\n"),
              HasSubstr("features 'sev_snp' and 'tdx' disagree on cpu_tee"));
  EXPECT_THAT(classes("NodeName=a Gres=gpu:h100:8 AvailableFeatures=b200 State=IDLE\n"),
              HasSubstr("disagree on gpu"));
  EXPECT_THAT(classes("NodeName=a Gres=gpu:x:1,gpu:y:1 State=IDLE\n"),
              HasSubstr("n.txt:1:25: error: Gres 'gpu:x:1,gpu:y:1': GPUs of several types"));
  EXPECT_THAT(classes("NodeName=a Gres=(null) State=IDLE\n"),
              HasSubstr("no node with GPUs to describe"));
  // ActiveFeatures win over AvailableFeatures: a node that can boot into CC but does not.
  const SlurmClasses k = slurm_node_classes(
      parse_slurm_nodes("NodeName=a AvailableFeatures=cc,sev_snp ActiveFeatures=sev_snp "
                        "Gres=gpu:h100:8 State=IDLE\n",
                        "n.txt"),
      default_map(), "n.txt", false);
  EXPECT_FALSE(k.classes[0].platform.confidential_mode);
  EXPECT_EQ(k.classes[0].platform.cpu_tee, "sev_snp");
}

// A feature naming an offering: the node is that system, whose defaults stand for what the
// Gres and the other features leave unsaid; what they say is the class's own (checked against
// the offering when the scenario is written).
TEST(SlurmClasses, AnOfferingFeatureGivesWhatTheNodeLeavesUnsaid) {
  const SlurmClasses k = slurm_node_classes(
      parse_slurm_nodes("NodeName=a AvailableFeatures=dgx_h100 Gres=gpu:h100:8 State=IDLE\n"
                        "NodeName=b AvailableFeatures=gb200 Gres=gpu:4 State=IDLE\n"
                        "NodeName=c AvailableFeatures=DGX-H100,sev_snp Gres=gpu:8 State=IDLE\n",
                        "n.txt"),
      default_map(), "n.txt", false);
  ASSERT_EQ(k.classes.size(), 3u);
  std::map<std::string, const NodeClass*> by_id;
  for (const NodeClass& c : k.classes) by_id[c.id] = &c;
  ASSERT_TRUE(by_id.count("h100x8-dgx_h100"));
  const NodeClass& dgx = *by_id["h100x8-dgx_h100"];
  EXPECT_EQ(dgx.offering, "dgx_h100");
  EXPECT_EQ(dgx.platform.cpu_tee, "none");
  EXPECT_THAT(dgx.stated, ElementsAre("gpu", "gpus_per_node"));
  ASSERT_TRUE(by_id.count("gb200x4-gb200_nvl72"));
  const NodeClass& gb = *by_id["gb200x4-gb200_nvl72"];
  EXPECT_EQ(gb.platform.gpu, "gb200");  // the offering's: Gres=gpu:4 names no type
  EXPECT_THAT(gb.stated, ElementsAre("gpus_per_node"));
  // A CPU TEE the DGX cannot have is the node's own statement, kept for the check to refuse.
  ASSERT_TRUE(by_id.count("h100x8-sev_snp-dgx_h100"));
  EXPECT_THAT(by_id["h100x8-sev_snp-dgx_h100"]->stated, ElementsAre("cpu_tee", "gpus_per_node"));
  EXPECT_THAT(
      error_of([] {
        slurm_node_classes(
            parse_slurm_nodes(
                "NodeName=a AvailableFeatures=dgx_h100,hgx_b200 Gres=gpu:8 State=IDLE\n", "n.txt"),
            default_map(), "n.txt", false);
      }),
      HasSubstr("features 'dgx_h100' and 'hgx_b200' disagree on offering"));
}

// Issue 21, class 7: a class's partitions are listed up to a point (380,000 nodes with a
// partition each used to write them all into the scenario's comments, 72 MB).
TEST(SlurmClasses, ListsAClassesPartitionsUpToAPoint) {
  SlurmClassBuilder b(default_map(), "n.txt", false);
  for (int i = 0; i < 5000; ++i) {
    SlurmNode n;
    n.name = fmt::format("n{}", i);
    n.gpus = {"h100", 8};
    n.gres = "gpu:h100:8";
    n.state = "IDLE";
    n.partitions = fmt::format("p{}", i);
    n.line = i + 1;
    b.add(n);
  }
  const SlurmClasses k = b.finish();
  ASSERT_EQ(k.classes.size(), 1u);
  EXPECT_EQ(k.classes[0].nodes, 5000);
  EXPECT_THAT(k.classes[0].notes[0], HasSubstr("(980 more) (more than 1,000 in all)"));
  EXPECT_LT(k.classes[0].notes[0].size(), 400u);
}

}  // namespace
}  // namespace plainsight
