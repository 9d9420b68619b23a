#include "hwprobe/host/gcm_cipher.h"

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "hwprobe/host/secret_key.h"

namespace hwprobe {
namespace {

TEST(GcmCipher, RoundTripsAndDetectsTampering) {
  SecretKey key;
  GcmCipher c(key.data());
  std::vector<unsigned char> plain(1000), ct(1000), back(1000);
  for (std::size_t i = 0; i < plain.size(); ++i) plain[i] = static_cast<unsigned char>(i * 7);
  unsigned char iv[GcmCipher::kIvBytes], tag[GcmCipher::kTagBytes];
  make_iv(1, 42, iv);
  c.encrypt(plain.data(), plain.size(), ct.data(), iv, tag);
  EXPECT_NE(ct, plain);
  ASSERT_TRUE(c.decrypt(ct.data(), ct.size(), back.data(), iv, tag));
  EXPECT_EQ(back, plain);
  ct[500] ^= 1;
  EXPECT_FALSE(c.decrypt(ct.data(), ct.size(), back.data(), iv, tag));
  ct[500] ^= 1;
  make_iv(1, 43, iv);  // wrong IV
  EXPECT_FALSE(c.decrypt(ct.data(), ct.size(), back.data(), iv, tag));
}

TEST(GcmCipher, IvIsFixedFieldThenBigEndianCounter) {
  unsigned char iv[12];
  make_iv(0x01020304u, 0x0506070809101112ull, iv);
  const unsigned char want[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 0x10, 0x11, 0x12};
  EXPECT_EQ(0, std::memcmp(iv, want, 12));
}

TEST(SecretKey, WipeZeroes) {
  SecretKey k;
  k.wipe();
  for (std::size_t i = 0; i < SecretKey::kBytes; ++i) EXPECT_EQ(k.data()[i], 0);
}

}  // namespace
}  // namespace hwprobe
