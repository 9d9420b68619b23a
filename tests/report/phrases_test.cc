#include "report/phrases.h"

#include <list>

#include <gtest/gtest.h>

#include "report/figure_phrase.h"
#include "report_support.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;

// A window whose deciding rule has this qualifier (the rules outlive the test).
Window window(State state, bool resident = false, const std::string& qualifier = "") {
  static std::list<ProtectionRule> rules;
  ProtectionRule& r = rules.emplace_back();
  r.id = "r";
  r.label = "a rule";
  r.qualifier = qualifier;
  Window w;
  w.state = state;
  w.resident = resident;
  w.rule = &r;
  w.protection_id = r.id;
  // A decrypting stage's state is its own, whatever the rule says.
  if (state == State::ciphertext_then_plaintext) w.decided = Window::Decided::decrypted_here;
  return w;
}

TEST(StatePhrase, ByStateAndResidence) {
  EXPECT_EQ(state_phrase(window(State::plaintext, true)), "Plaintext, continuously");
  EXPECT_EQ(state_phrase(window(State::plaintext, false)), "Plaintext, briefly");
  EXPECT_EQ(state_phrase(window(State::ciphertext)), "Encrypted");
  EXPECT_EQ(state_phrase(window(State::ciphertext_then_plaintext, true)),
            "Encrypted blob, then decrypted briefly");
  EXPECT_EQ(state_phrase(window(State::deterministic_ciphertext)), "Deterministic ciphertext");
  EXPECT_EQ(state_phrase(window(State::metadata_only)), "Metadata only");
}

TEST(StatePhrase, RuleQualifier) {
  EXPECT_EQ(state_phrase(window(State::ciphertext, true, "SSE-KMS")), "Encrypted (SSE-KMS)");
  EXPECT_EQ(state_phrase(window(State::plaintext, false, "no accelerator TEE")),
            "Plaintext (no accelerator TEE)");
  EXPECT_EQ(state_phrase(window(State::plaintext, true, "no accelerator TEE")),
            "Plaintext (no accelerator TEE)");
  // A decrypting stage keeps its own phrase.
  EXPECT_EQ(state_phrase(window(State::ciphertext_then_plaintext, true, "x")),
            "Encrypted blob, then decrypted briefly");
}

TEST(WindowPhrase, EventsAndResidence) {
  Window w = window(State::plaintext);
  w.per_event.value = 2.3625;
  w.events = 360;
  EXPECT_EQ(window_phrase(w), "2.362 s x 360");
  w.events = 1;
  EXPECT_EQ(window_phrase(w), "2.362 s per event");
  Window r = window(State::plaintext, true);
  r.per_event.value = 30 * 86400.0;
  EXPECT_EQ(window_phrase(r), "resident 30 d");
  Window b = window(State::ciphertext_then_plaintext, true);
  b.per_event.value = 60;
  b.events = 30;
  b.resident_s = 30 * 86400.0;
  EXPECT_EQ(window_phrase(b), "1 min x 30 (blob resident 30 d)");
}

TEST(ProtectionPhrase, RuleCustodyOrDecryptedBlob) {
  Window w = window(State::plaintext);
  EXPECT_EQ(protection_phrase(w), "a rule");
  w.decided = Window::Decided::decrypted_here;
  w.scheme = "KMS envelope";
  EXPECT_EQ(protection_phrase(w), "KMS envelope blob; decrypted here under: a rule");
  w.decided = Window::Decided::arrived_encrypted;
  w.protection_id = "customer_user_specific";
  EXPECT_EQ(protection_phrase(w), "KMS envelope (customer_user_specific)");
  w.custody = Catalog::find(bundled_catalog().key_custodies, "customer_user_specific");
  ASSERT_NE(w.custody, nullptr);
  EXPECT_EQ(protection_phrase(w), "KMS envelope (" + w.custody->name + ")");
}

TEST(ProvenancePhrase, SaysKindDerivationAndSource) {
  Figure f{1.6, Provenance::datasheet, "pcie5-spec", {}};
  f.how.kind = Derivation::Kind::link;
  f.how.ref = "pcie_gen5_x16";
  f.how.bytes = 101.2e9;
  f.how.bandwidth_Bps = 63e9;
  EXPECT_EQ(provenance_phrase(bundled_catalog(), f),
            "datasheet: 101.2 GB / 63 GB/s (PCIe Gen5 x16) [pcie5-spec]");
  EXPECT_EQ(provenance_phrase(bundled_catalog(), {1, Provenance::assumed, "", {}}), "assumed");
  // A figure as its file writes it; the scenario's says so.
  Figure written{0.5 / 86400, Provenance::published, "mandiant-m-trends", {}};
  written.how.kind = Derivation::Kind::written;
  written.how.ref = "0.5/d";
  EXPECT_EQ(provenance_phrase(bundled_catalog(), written), "published: 0.5/d [mandiant-m-trends]");
  written.how.kind = Derivation::Kind::written_by_scenario;
  EXPECT_EQ(figure_how(bundled_catalog(), written), "0.5/d (set by the scenario)");
}

TEST(FigureHow, EveryDerivationHasWords) {
  using K = Derivation::Kind;
  const Catalog& c = bundled_catalog();
  for (K k :
       {K::written, K::written_by_scenario, K::stated, K::resident_horizon, K::resident_stated,
        K::link, K::stated_bandwidth, K::figure, K::scaled_stated, K::cc_factor, K::cc_unchanged,
        K::cc_unpriced, K::unpriced, K::never_plaintext, K::held_encrypted}) {
    Figure f;
    f.how.kind = k;
    f.how.ref = "an_id";
    EXPECT_FALSE(figure_how(c, f).empty()) << static_cast<int>(k);
  }
  Figure held;
  held.how.kind = K::held_encrypted;
  held.how.state = State::deterministic_ciphertext;
  EXPECT_EQ(figure_how(c, held), "held as deterministic_ciphertext");
}

}  // namespace
}  // namespace plainsight
