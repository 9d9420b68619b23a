// TLS 1.3 over a connected socket, AES-GCM cipher suites only: the cost of encrypting an
// inter-node fabric in software. Keys are generated in memory for the run and never
// written; the client trusts exactly the server certificate it was handed (over MPI or
// in-process), so the channel is authenticated without any PKI.
#pragma once

#include <memory>
#include <string>

#include "hwprobe/fabric/byte_stream.h"

namespace hwprobe::fabric {

// The only suites offered: what a GPU-node NIC or CPU would run for bulk weights.
inline constexpr const char* kTlsCipherSuites = "TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256";

// An EC P-256 key and a self-signed certificate for it, valid for one day.
class TlsIdentity {
 public:
  static TlsIdentity generate();
  std::string certificate_pem() const;
  ~TlsIdentity();
  TlsIdentity(TlsIdentity&&) noexcept;
  TlsIdentity& operator=(TlsIdentity&&) = delete;
  TlsIdentity(const TlsIdentity&) = delete;

  struct Parts;

 private:
  explicit TlsIdentity(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
  friend class TlsStream;
};

class TlsStream final : public ByteStream {
 public:
  // Server side of the handshake, presenting `identity`.
  static std::unique_ptr<TlsStream> accept(Socket socket, const TlsIdentity& identity);
  // Client side; verifies the server against `server_certificate_pem` alone.
  static std::unique_ptr<TlsStream> connect(Socket socket,
                                            const std::string& server_certificate_pem);
  ~TlsStream() override;

  void write_all(const std::byte* data, std::size_t size) override;
  void read_all(std::byte* data, std::size_t size) override;
  std::string version() const;  // "TLSv1.3"
  std::string cipher() const;   // "TLS_AES_256_GCM_SHA384"

  struct Session;

 private:
  explicit TlsStream(std::unique_ptr<Session> session);
  std::unique_ptr<Session> session_;
};

}  // namespace hwprobe::fabric
