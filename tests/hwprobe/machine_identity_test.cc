#include "hwprobe/harness/machine_identity.h"

#include <gtest/gtest.h>

namespace hwprobe {
namespace {

TEST(MachineIdentity, DescribesThisHost) {
  const auto id = host_identity(".");
  EXPECT_TRUE(id["cpu"]["logical_cores"].get<int>() >= 1);
  EXPECT_TRUE(id["cpu"].contains("flags"));
  EXPECT_GT(id["memory_bytes"].get<std::uint64_t>(), 0u);
  EXPECT_EQ(id["kernel"]["sysname"], "Linux");
  EXPECT_NE(id["openssl"].get<std::string>().find("OpenSSL"), std::string::npos);
  EXPECT_FALSE(id["dir"]["filesystem"].get<std::string>().empty());
  EXPECT_TRUE(id.contains("hostname"));
}

}  // namespace
}  // namespace hwprobe
