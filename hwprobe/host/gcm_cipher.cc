#include "hwprobe/host/gcm_cipher.h"

#include <openssl/err.h>

#include <climits>
#include <string>

#include "hwprobe/harness/probe.h"

namespace hwprobe {
namespace {

// EVP takes int lengths; larger buffers go through in pieces.
constexpr std::size_t kMaxPiece = std::size_t{1} << 30;

}  // namespace

void throw_openssl_error(const char* what) {
  std::string msg = std::string(what) + " failed";
  if (const unsigned long e = ERR_get_error(); e != 0) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    msg += std::string(": ") + buf;
  }
  ERR_clear_error();
  throw ProbeError(msg);
}

const EVP_CIPHER* aes256_gcm() {
  static EVP_CIPHER* c = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
  if (c == nullptr) throw_openssl_error("EVP_CIPHER_fetch AES-256-GCM");
  return c;
}

const EVP_CIPHER* aes256_wrap() {
  static EVP_CIPHER* c = EVP_CIPHER_fetch(nullptr, "AES-256-WRAP", nullptr);
  if (c == nullptr) throw_openssl_error("EVP_CIPHER_fetch AES-256-WRAP");
  return c;
}

GcmCipher::GcmCipher(const unsigned char* key)
    : enc_(EVP_CIPHER_CTX_new()), dec_(EVP_CIPHER_CTX_new()) {
  if (enc_ == nullptr || dec_ == nullptr) {
    EVP_CIPHER_CTX_free(enc_);
    EVP_CIPHER_CTX_free(dec_);
    throw_openssl_error("EVP_CIPHER_CTX_new");
  }
  try {
    rekey(key);
  } catch (...) {
    EVP_CIPHER_CTX_free(enc_);
    EVP_CIPHER_CTX_free(dec_);
    throw;
  }
}

GcmCipher::~GcmCipher() {
  EVP_CIPHER_CTX_free(enc_);
  EVP_CIPHER_CTX_free(dec_);
}

void GcmCipher::rekey(const unsigned char* key) {
  if (EVP_EncryptInit_ex(enc_, aes256_gcm(), nullptr, key, nullptr) != 1 ||
      EVP_DecryptInit_ex(dec_, aes256_gcm(), nullptr, key, nullptr) != 1) {
    throw_openssl_error("AES-256-GCM key set-up");
  }
}

void GcmCipher::encrypt(const unsigned char* in, std::size_t n, unsigned char* out,
                        const unsigned char* iv, unsigned char* tag) {
  // The key schedule stays in the context; only the IV changes per message.
  if (EVP_EncryptInit_ex(enc_, nullptr, nullptr, nullptr, iv) != 1) {
    throw_openssl_error("EVP_EncryptInit_ex");
  }
  int len = 0;
  for (std::size_t done = 0; done < n;) {
    const std::size_t piece = std::min(n - done, kMaxPiece);
    if (EVP_EncryptUpdate(enc_, out + done, &len, in + done, static_cast<int>(piece)) != 1) {
      throw_openssl_error("EVP_EncryptUpdate");
    }
    done += piece;
  }
  if (EVP_EncryptFinal_ex(enc_, out + n, &len) != 1) throw_openssl_error("EVP_EncryptFinal_ex");
  if (EVP_CIPHER_CTX_ctrl(enc_, EVP_CTRL_GCM_GET_TAG, kTagBytes, tag) != 1) {
    throw_openssl_error("EVP_CTRL_GCM_GET_TAG");
  }
}

bool GcmCipher::decrypt(const unsigned char* in, std::size_t n, unsigned char* out,
                        const unsigned char* iv, const unsigned char* tag) {
  if (EVP_DecryptInit_ex(dec_, nullptr, nullptr, nullptr, iv) != 1) {
    throw_openssl_error("EVP_DecryptInit_ex");
  }
  int len = 0;
  for (std::size_t done = 0; done < n;) {
    const std::size_t piece = std::min(n - done, kMaxPiece);
    if (EVP_DecryptUpdate(dec_, out + done, &len, in + done, static_cast<int>(piece)) != 1) {
      throw_openssl_error("EVP_DecryptUpdate");
    }
    done += piece;
  }
  if (EVP_CIPHER_CTX_ctrl(dec_, EVP_CTRL_GCM_SET_TAG, kTagBytes, const_cast<unsigned char*>(tag)) !=
      1) {
    throw_openssl_error("EVP_CTRL_GCM_SET_TAG");
  }
  const bool ok = EVP_DecryptFinal_ex(dec_, out + n, &len) == 1;
  if (!ok) ERR_clear_error();
  return ok;
}

void make_iv(std::uint32_t fixed, std::uint64_t counter, unsigned char* iv) {
  for (int i = 0; i < 4; ++i) iv[i] = static_cast<unsigned char>(fixed >> (24 - 8 * i));
  for (int i = 0; i < 8; ++i) iv[4 + i] = static_cast<unsigned char>(counter >> (56 - 8 * i));
}

}  // namespace hwprobe
