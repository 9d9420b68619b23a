#include "hwprobe/harness/progress_bar.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace hwprobe {
namespace {

std::string drawn(bool enabled) {
  std::FILE* f = std::tmpfile();
  {
    ProgressBar bar(f, enabled);
    bar.update(1, 4, "host.aes_gcm", 1, 2);
  }
  std::string out(static_cast<std::size_t>(std::ftell(f)), '\0');
  std::rewind(f);
  const std::size_t n = std::fread(out.data(), 1, out.size(), f);
  out.resize(n);
  std::fclose(f);
  return out;
}

TEST(ProgressBar, DrawsOnlyWhenEnabled) {
  const std::string on = drawn(true);
  EXPECT_NE(on.find("host.aes_gcm"), std::string::npos);
  EXPECT_NE(on.find(" 37%"), std::string::npos);  // 1.5 of 4 probes
  EXPECT_EQ(on.back(), 'K');                      // the line is cleared at the end
  EXPECT_TRUE(drawn(false).empty());
}

}  // namespace
}  // namespace hwprobe
