#include "hwprobe/fabric/tls_stream.h"

#include <algorithm>
#include <climits>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "hwprobe/harness/probe.h"

namespace hwprobe::fabric {
namespace {

[[noreturn]] void fail(const std::string& what) {
  char text[256] = "unknown OpenSSL error";
  if (const unsigned long code = ERR_get_error()) ERR_error_string_n(code, text, sizeof text);
  ERR_clear_error();
  throw ProbeError(what + ": " + text);
}

struct FreeKey {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct FreeCert {
  void operator()(X509* p) const { X509_free(p); }
};
struct FreeCtx {
  void operator()(SSL_CTX* p) const { SSL_CTX_free(p); }
};
struct FreeSsl {
  void operator()(SSL* p) const { SSL_free(p); }
};
struct FreeBio {
  void operator()(BIO* p) const { BIO_free(p); }
};

std::unique_ptr<SSL_CTX, FreeCtx> new_context(const SSL_METHOD* method) {
  std::unique_ptr<SSL_CTX, FreeCtx> ctx(SSL_CTX_new(method));
  if (!ctx) fail("SSL_CTX_new");
  if (SSL_CTX_set_min_proto_version(ctx.get(), TLS1_3_VERSION) != 1 ||
      SSL_CTX_set_max_proto_version(ctx.get(), TLS1_3_VERSION) != 1) {
    fail("TLS 1.3 only");
  }
  if (SSL_CTX_set_ciphersuites(ctx.get(), kTlsCipherSuites) != 1) fail("SSL_CTX_set_ciphersuites");
  return ctx;
}

}  // namespace

struct TlsIdentity::Parts {
  std::unique_ptr<EVP_PKEY, FreeKey> key;
  std::unique_ptr<X509, FreeCert> certificate;
};

struct TlsStream::Session {
  Socket socket;
  std::unique_ptr<SSL_CTX, FreeCtx> ctx;
  std::unique_ptr<SSL, FreeSsl> ssl;
};

TlsIdentity::TlsIdentity(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}
TlsIdentity::~TlsIdentity() = default;
TlsIdentity::TlsIdentity(TlsIdentity&&) noexcept = default;

TlsIdentity TlsIdentity::generate() {
  auto parts = std::make_unique<Parts>();
  parts->key.reset(EVP_EC_gen("P-256"));
  if (!parts->key) fail("EVP_EC_gen");
  parts->certificate.reset(X509_new());
  X509* cert = parts->certificate.get();
  if (cert == nullptr) fail("X509_new");
  std::uint64_t serial = 0;
  RAND_bytes(reinterpret_cast<unsigned char*>(&serial), sizeof serial);
  X509_set_version(cert, 2);
  ASN1_INTEGER_set_uint64(X509_get_serialNumber(cert), serial >> 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert), 24 * 3600);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("plainsight fabric probe"), -1,
                             -1, 0);
  X509_set_issuer_name(cert, name);
  if (X509_set_pubkey(cert, parts->key.get()) != 1) fail("X509_set_pubkey");
  if (X509_sign(cert, parts->key.get(), EVP_sha256()) == 0) fail("X509_sign");
  return TlsIdentity(std::move(parts));
}

std::string TlsIdentity::certificate_pem() const {
  std::unique_ptr<BIO, FreeBio> bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_X509(bio.get(), parts_->certificate.get()) != 1)
    fail("PEM_write_bio_X509");
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

TlsStream::TlsStream(std::unique_ptr<Session> session) : session_(std::move(session)) {}

TlsStream::~TlsStream() {
  // A polite close_notify; the peer may be gone already, which is fine.
  if (session_ && session_->ssl) SSL_shutdown(session_->ssl.get());
}

std::unique_ptr<TlsStream> TlsStream::accept(Socket socket, const TlsIdentity& identity) {
  auto session = std::make_unique<Session>();
  session->ctx = new_context(TLS_server_method());
  if (SSL_CTX_use_certificate(session->ctx.get(), identity.parts_->certificate.get()) != 1 ||
      SSL_CTX_use_PrivateKey(session->ctx.get(), identity.parts_->key.get()) != 1) {
    fail("server certificate");
  }
  session->ssl.reset(SSL_new(session->ctx.get()));
  if (!session->ssl || SSL_set_fd(session->ssl.get(), socket.fd()) != 1) fail("SSL_new");
  session->socket = std::move(socket);
  if (SSL_accept(session->ssl.get()) != 1) fail("TLS handshake (server)");
  return std::unique_ptr<TlsStream>(new TlsStream(std::move(session)));
}

std::unique_ptr<TlsStream> TlsStream::connect(Socket socket,
                                              const std::string& server_certificate_pem) {
  auto session = std::make_unique<Session>();
  session->ctx = new_context(TLS_client_method());
  std::unique_ptr<BIO, FreeBio> bio(BIO_new_mem_buf(
      server_certificate_pem.data(), static_cast<int>(server_certificate_pem.size())));
  std::unique_ptr<X509, FreeCert> trusted(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  if (!trusted) fail("peer certificate");
  X509_STORE* store = SSL_CTX_get_cert_store(session->ctx.get());
  if (X509_STORE_add_cert(store, trusted.get()) != 1) fail("X509_STORE_add_cert");
  // The peer's own certificate is the trust anchor: no chain to a CA is expected.
  X509_STORE_set_flags(store, X509_V_FLAG_PARTIAL_CHAIN);
  SSL_CTX_set_verify(session->ctx.get(), SSL_VERIFY_PEER, nullptr);
  session->ssl.reset(SSL_new(session->ctx.get()));
  if (!session->ssl || SSL_set_fd(session->ssl.get(), socket.fd()) != 1) fail("SSL_new");
  session->socket = std::move(socket);
  if (SSL_connect(session->ssl.get()) != 1) fail("TLS handshake (client)");
  return std::unique_ptr<TlsStream>(new TlsStream(std::move(session)));
}

void TlsStream::write_all(const std::byte* data, std::size_t size) {
  while (size > 0) {
    const int chunk = static_cast<int>(std::min<std::size_t>(size, INT_MAX / 2));
    const int sent = SSL_write(session_->ssl.get(), data, chunk);
    if (sent <= 0) fail("SSL_write");
    data += sent;
    size -= static_cast<std::size_t>(sent);
  }
}

void TlsStream::read_all(std::byte* data, std::size_t size) {
  while (size > 0) {
    const int chunk = static_cast<int>(std::min<std::size_t>(size, INT_MAX / 2));
    const int got = SSL_read(session_->ssl.get(), data, chunk);
    if (got <= 0) fail("SSL_read");
    data += got;
    size -= static_cast<std::size_t>(got);
  }
}

std::string TlsStream::version() const { return SSL_get_version(session_->ssl.get()); }

std::string TlsStream::cipher() const {
  const char* name = SSL_get_cipher_name(session_->ssl.get());
  return name ? name : "";
}

}  // namespace hwprobe::fabric
