// The Hopper confidential-computing copy path, emulated on the CPU. With CC on, the driver
// encrypts each chunk (AES-256-GCM) into a bounce buffer in shared (unprotected) memory,
// the copy engine moves the ciphertext across, and the far side decrypts and verifies it.
// With CC off the same ring carries plain copies. Producer threads play the driver,
// consumer threads the copy engine and the GPU's decryption; a ring of slots lets them
// overlap, as the real path pipelines chunks.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "hwprobe/harness/thread_team.h"
#include "hwprobe/host/gcm_cipher.h"
#include "hwprobe/host/secret_key.h"
#include "hwprobe/host/staging_buffer.h"

namespace hwprobe {

struct BounceConfig {
  std::size_t chunk_bytes = 1u << 20;
  std::size_t ring_slots = 4;
  int producers = 1;  // driver threads (encrypt or copy into the ring)
  int consumers = 1;  // copy-engine threads (copy out of the ring, decrypt, verify)
  bool encrypt = true;
  bool lock_staging = true;
};

// What crosses the unprotected bus can be changed there: called on the far side before a
// chunk is consumed, with the chunk as it sits in the bounce buffer and its tag. Tests use
// it to tamper.
using BusHook = std::function<void(std::size_t chunk_index, unsigned char* data, std::size_t n,
                                   unsigned char* tag)>;

struct BounceResult {
  std::size_t chunks = 0;
  std::size_t rejected = 0;  // chunks whose tag did not verify; their bytes are zeroed in dst
  std::size_t first_rejected = 0;
  bool ok() const { return rejected == 0; }
};

class BouncePipeline {
 public:
  explicit BouncePipeline(const BounceConfig& config);
  ~BouncePipeline();
  BouncePipeline(const BouncePipeline&) = delete;
  BouncePipeline& operator=(const BouncePipeline&) = delete;

  // Moves `bytes` from src to dst through the ring. A chunk whose tag fails is zeroed in
  // dst and counted, and the transfer still drains the ring, as a driver reports the error
  // after the copy.
  BounceResult transfer(const unsigned char* src, unsigned char* dst, std::size_t bytes,
                        const BusHook& hook = {});

  const BounceConfig& config() const { return config_; }
  // "mlocked" or why not: the ring is the pinned-style staging buffer.
  const std::string& staging_memory() const { return ring_.memory_kind(); }

 private:
  void produce(int p);
  void consume(int c);

  BounceConfig config_;
  SecretKey key_;
  StagingBuffer ring_;
  std::vector<StagingBuffer> landing_;  // far-side (device) memory, one chunk per consumer
  std::vector<std::unique_ptr<GcmCipher>> enc_, dec_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> state_;  // 2i: free for chunk i; 2i+1: holds it
  std::vector<std::array<unsigned char, GcmCipher::kTagBytes>> tags_;
  ThreadTeam team_;

  // Per transfer.
  const unsigned char* src_ = nullptr;
  unsigned char* dst_ = nullptr;
  std::size_t bytes_ = 0;
  std::size_t chunks_ = 0;
  std::uint64_t iv_base_ = 0;  // grows across transfers: no IV repeats under the key
  const BusHook* hook_ = nullptr;
  std::atomic<std::size_t> rejected_{0};
  std::atomic<std::size_t> first_rejected_{0};
  std::atomic<bool> aborted_{false};  // a thread failed: the others stop waiting
};

}  // namespace hwprobe
