#include "report/phrases.h"

#include <gtest/gtest.h>

namespace plainsight {
namespace {

Window window(State state, bool resident = false, const std::string& qualifier = "") {
  Window w;
  w.state = state;
  w.resident = resident;
  w.qualifier = qualifier;
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

TEST(ProvenancePhrase, SaysKindDetailAndSource) {
  Figure f{1.6, Provenance::datasheet, "pcie5-spec", "101.2 GB / 63 GB/s (PCIe Gen5 x16)"};
  EXPECT_EQ(provenance_phrase(f), "datasheet: 101.2 GB / 63 GB/s (PCIe Gen5 x16) [pcie5-spec]");
  EXPECT_EQ(provenance_phrase({1, Provenance::assumed, "", ""}), "assumed");
}

}  // namespace
}  // namespace plainsight
