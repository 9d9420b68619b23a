// The DOT drawing: what a scenario names cannot become graphviz structure, and the ids the
// drawing makes up (the legend's) cannot be a stage's.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "report/render.h"
#include "report_support.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Issue 21, class 3: a stage whose id is the legend's node id ("legend_plaintext") was
// declared again by the legend and drawn in the legend's colour and place.
TEST(DotReport, AStageNamedLikeTheLegendStaysItsOwnNode) {
  const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                     ("dot-legend-" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(file) << "name: Legend clash\nhorizon: 30d\n"
                         "asset: {name: small, parameters: 1e9, bytes_per_parameter: 2}\n"
                         "platform: {gpu: h100, gpus_per_node: 1, nodes: 1, cpu_tee: none, "
                         "confidential_mode: off, key_custody: provider_kms}\n"
                         "stages:\n"
                         "  - {id: legend_ciphertext, name: WAN, medium: wan, payload: weights, "
                         "duration: 30s, events: {count: 10}}\n"
                         "  - {id: legend_flow_a, name: HBM, medium: hbm, payload: weights, "
                         "resident: horizon}\n"
                         "flows:\n  - {from: legend_ciphertext, to: legend_flow_a}\n";
  const Analysis a = analyze(bundled_catalog(), load_scenario(file, bundled_catalog()), {});
  std::filesystem::remove(file);
  std::ostringstream out;
  render_dot(out, a);
  const std::string dot = out.str();
  // Each stage is declared once, by the stages; the legend's nodes are "legend:...".
  EXPECT_EQ(count(dot, "\n  \"legend_ciphertext\" ["), 1u) << dot;
  EXPECT_EQ(count(dot, "legend_ciphertext ["), 0u) << dot;
  EXPECT_EQ(count(dot, "\"legend:ciphertext\" [label"), 1u) << dot;
  EXPECT_EQ(count(dot, "\"legend:flow_a\" [label"), 1u) << dot;
  EXPECT_EQ(count(dot, "\"legend_flow_a\" [label"), 1u) << dot;
  // The stage's flow is its own edge, not the legend's.
  EXPECT_EQ(count(dot, "\"legend_ciphertext\" -> \"legend_flow_a\""), 1u) << dot;
}

}  // namespace
}  // namespace plainsight
