#include "analyze/content.h"

#include <gtest/gtest.h>

#include "analyze/pipeline_graph.h"
#include "analyze_support.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;

Scenario chain(std::vector<Flow> flows) {
  Scenario s;
  for (const char* id : {"a", "b", "c", "d"}) s.stages.push_back(stage(id, "host_dram"));
  s.flows = std::move(flows);
  s.index_flows();
  return s;
}

TEST(Content, PlaintextByDefault) {
  auto in = propagate_content(chain({flow("a", "b"), flow("b", "c"), flow("c", "d")}));
  for (const Content& c : in) EXPECT_FALSE(c.encrypted);
}

TEST(Content, EncryptingFlowMakesCiphertextDownstream) {
  auto in = propagate_content(
      chain({flow("a", "b"), encrypting("b", "c", "provider_kms"), flow("c", "d")}));
  EXPECT_FALSE(in[0].encrypted);
  EXPECT_FALSE(in[1].encrypted);
  EXPECT_TRUE(in[2].encrypted);
  EXPECT_EQ(in[2].custody, "provider_kms");
  EXPECT_EQ(in[2].scheme, "AES-256-GCM");
  EXPECT_EQ(in[3], in[2]);
}

TEST(Content, DecryptingFlowMakesPlaintextAgain) {
  auto in = propagate_content(
      chain({encrypting("a", "b", "end_to_end"), flow("b", "c"), decrypting("c", "d")}));
  EXPECT_TRUE(in[1].encrypted);
  EXPECT_TRUE(in[2].encrypted);
  EXPECT_FALSE(in[3].encrypted);
}

TEST(Content, DecryptingStageArrivesEncryptedButPassesPlaintextOn) {
  Scenario s = chain({encrypting("a", "b", "end_to_end"), flow("b", "c"), flow("c", "d")});
  s.stages[1].decrypts = true;
  auto in = propagate_content(s);
  EXPECT_TRUE(in[1].encrypted) << "what arrives at the decrypting stage is the blob";
  EXPECT_FALSE(in[2].encrypted);
  EXPECT_FALSE(in[3].encrypted);
}

TEST(Content, OriginEncryptionAppliesToEntryStagesOnly) {
  Scenario s = chain({flow("a", "b"), flow("b", "c")});  // d has no flows: also an entry
  s.origin_encrypted = true;
  s.origin_custody = "customer_user_specific";
  s.origin_scheme = "envelope";
  auto in = propagate_content(s);
  for (const Content& c : in) {
    EXPECT_TRUE(c.encrypted);
    EXPECT_EQ(c.custody, "customer_user_specific");
    EXPECT_EQ(c.scheme, "envelope");
  }
  s.stages[1].decrypts = true;
  in = propagate_content(s);
  EXPECT_TRUE(in[1].encrypted);
  EXPECT_FALSE(in[2].encrypted);
  EXPECT_TRUE(in[3].encrypted);
}

TEST(Content, WeakestWinsWhereFlowsMeet) {
  // a -> d encrypted, b -> d plaintext: d holds plaintext, whichever flow is listed first.
  for (bool plain_first : {false, true}) {
    std::vector<Flow> flows{encrypting("a", "d", "end_to_end"), flow("b", "d")};
    if (plain_first) std::swap(flows[0], flows[1]);
    auto in = propagate_content(chain(flows));
    EXPECT_FALSE(in[3].encrypted) << "plain_first=" << plain_first;
  }
  // Both encrypted: still ciphertext.
  auto in = propagate_content(
      chain({encrypting("a", "d", "end_to_end"), encrypting("b", "d", "end_to_end")}));
  EXPECT_TRUE(in[3].encrypted);
}

// Bug fixed: where two encrypted flows met, the first flow listed won, so a stage reached
// by a provider-KMS blob and a user-key blob could show only the user key, whose readers
// are none, depending on the order of the flows.
TEST(Content, WeakestKeyWinsBetweenCiphertexts) {
  const Catalog& c = bundled_catalog();
  for (bool kms_first : {false, true}) {
    std::vector<Flow> flows{encrypting("a", "d", "customer_user_specific"),
                            encrypting("b", "d", "provider_kms")};
    if (kms_first) std::swap(flows[0], flows[1]);
    auto in = propagate_content(chain(flows), &c);
    EXPECT_TRUE(in[3].encrypted);
    EXPECT_EQ(in[3].custody, "provider_kms") << "kms_first=" << kms_first;
    // Without a catalog the choice is still independent of the order.
    EXPECT_EQ(propagate_content(chain(flows))[3].custody, "customer_user_specific");
  }
}

TEST(Content, FollowsTopologicalNotListOrder) {
  // Flows listed downstream first; stages listed in reverse.
  Scenario s;
  for (const char* id : {"d", "c", "b", "a"}) s.stages.push_back(stage(id, "host_dram"));
  s.flows = {flow("c", "d"), flow("b", "c"), encrypting("a", "b", "provider_kms")};
  s.index_flows();
  auto in = propagate_content(s);
  EXPECT_TRUE(in[0].encrypted);   // d
  EXPECT_TRUE(in[1].encrypted);   // c
  EXPECT_TRUE(in[2].encrypted);   // b
  EXPECT_FALSE(in[3].encrypted);  // a
}

TEST(PipelineGraph, VerticesAreStagesEdgesCarryFlowIndices) {
  Scenario s = chain({flow("a", "b"), flow("a", "c"), flow("c", "d")});
  PipelineGraph g = build_pipeline_graph(s);
  EXPECT_EQ(boost::num_vertices(g), 4u);
  EXPECT_EQ(boost::num_edges(g), 3u);
  EXPECT_EQ(boost::out_degree(0, g), 2u);
  EXPECT_EQ(boost::in_degree(3, g), 1u);
  auto [e, end] = boost::in_edges(3, g);
  EXPECT_EQ(g[*e].flow, 2u);
  std::vector<std::size_t> order = topological_order(g);
  ASSERT_EQ(order.size(), 4u);
  auto pos = [&](std::size_t v) {
    return std::find(order.begin(), order.end(), v) - order.begin();
  };
  EXPECT_LT(pos(0), pos(1));
  EXPECT_LT(pos(0), pos(2));
  EXPECT_LT(pos(2), pos(3));
}

}  // namespace
}  // namespace plainsight
