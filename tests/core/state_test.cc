#include "core/state.h"

#include <gtest/gtest.h>

namespace plainsight {
namespace {

TEST(State, NamesRoundTrip) {
  for (State s : {State::plaintext, State::ciphertext, State::deterministic_ciphertext,
                  State::ciphertext_then_plaintext, State::metadata_only}) {
    State back = State::metadata_only;
    ASSERT_TRUE(parse_state(to_string(s), &back)) << to_string(s);
    EXPECT_EQ(back, s);
  }
  State out = State::plaintext;
  EXPECT_FALSE(parse_state("encrypted", &out));
  EXPECT_EQ(out, State::plaintext);
}

TEST(Access, Names) {
  EXPECT_EQ(to_string(Access::plaintext), "plaintext");
  EXPECT_EQ(to_string(Access::patterns), "patterns");
  EXPECT_EQ(to_string(Access::ciphertext), "ciphertext");
  EXPECT_EQ(to_string(Access::metadata), "metadata");
  EXPECT_EQ(to_string(Access::unreachable), "unreachable");
}

}  // namespace
}  // namespace plainsight
