#include "hwprobe/host/safetensors.h"

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

namespace hwprobe {
namespace {

std::vector<unsigned char> build(std::vector<float>& a, std::vector<std::uint16_t>& b) {
  const std::vector<TensorSpec> t = {
      {"a", "F32", {2, 3}, reinterpret_cast<const unsigned char*>(a.data()), a.size() * 4},
      {"b", "BF16", {4}, reinterpret_cast<const unsigned char*>(b.data()), b.size() * 2}};
  const std::string header = safetensors_header(t);
  std::vector<unsigned char> out(safetensors_size(header, t));
  write_safetensors(t, header, out.data());
  return out;
}

TEST(Safetensors, WritesTheStandardLayout) {
  std::vector<float> a = {1, 2, 3, 4, 5, 6};
  std::vector<std::uint16_t> b = {7, 8, 9, 10};
  const auto file = build(a, b);
  std::uint64_t len = 0;
  for (int i = 0; i < 8; ++i) len |= std::uint64_t{file[i]} << (8 * i);
  EXPECT_EQ(len % 8, 0u);
  EXPECT_EQ(file.size(), 8 + len + 24 + 8);
  const auto h = nlohmann::json::parse(file.begin() + 8, file.begin() + 8 + long(len));
  EXPECT_EQ(h["a"]["dtype"], "F32");
  EXPECT_EQ(h["a"]["data_offsets"], nlohmann::json({0, 24}));
  EXPECT_EQ(h["b"]["shape"], nlohmann::json({4}));
  EXPECT_EQ(h["__metadata__"]["format"], "pt");
  float first = 0;
  std::memcpy(&first, file.data() + 8 + len, 4);
  EXPECT_EQ(first, 1.0f);

  const ParsedSafetensors p = parse_safetensors(file.data(), file.size());
  ASSERT_EQ(p.tensors.size(), 2u);
  EXPECT_EQ(p.tensors[1].name, "b");
  EXPECT_EQ(p.tensors[1].end, 32u);
  EXPECT_EQ(p.data_start, 8 + len);
}

TEST(Safetensors, RejectsBrokenFiles) {
  std::vector<float> a = {1, 2, 3, 4, 5, 6};
  std::vector<std::uint16_t> b = {7, 8, 9, 10};
  auto file = build(a, b);
  EXPECT_THROW(parse_safetensors(file.data(), 4), SafetensorsError);
  EXPECT_THROW(parse_safetensors(file.data(), file.size() - 1), SafetensorsError);  // short data
  auto bad_len = file;
  bad_len[7] = 0x7f;
  EXPECT_THROW(parse_safetensors(bad_len.data(), bad_len.size()), SafetensorsError);
  auto bad_json = file;
  bad_json[8] = '[';
  EXPECT_THROW(parse_safetensors(bad_json.data(), bad_json.size()), SafetensorsError);
  EXPECT_THROW(safetensors_header({{"x", "F32", {3}, nullptr, 8}}), std::invalid_argument);
}

}  // namespace
}  // namespace hwprobe
