#include "hwprobe/host/bounce_pipeline.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "hwprobe/harness/probe.h"

namespace hwprobe {
namespace {

constexpr std::uint64_t kAborted = ~std::uint64_t{0};

// The flag is checked before every wait: a slot's value can be overwritten after an abort
// by a thread that was busy when it happened, but any change wakes the waiter.
void wait_for(std::atomic<std::uint64_t>& a, std::uint64_t want, const std::atomic<bool>& abort) {
  for (;;) {
    if (abort.load(std::memory_order_acquire)) {
      throw ProbeError("bounce pipeline: aborted by a failing thread");
    }
    const std::uint64_t v = a.load(std::memory_order_acquire);
    if (v == want) return;
    a.wait(v, std::memory_order_acquire);
  }
}

}  // namespace

BouncePipeline::BouncePipeline(const BounceConfig& config)
    : config_(config),
      ring_(config.chunk_bytes * std::max<std::size_t>(config.ring_slots, 1), config.lock_staging),
      state_(new std::atomic<std::uint64_t>[std::max<std::size_t>(config.ring_slots, 1)]),
      tags_(std::max<std::size_t>(config.ring_slots, 1)),
      team_(std::max(config.producers, 1) + std::max(config.consumers, 1)) {
  config_.ring_slots = std::max<std::size_t>(config_.ring_slots, 1);
  config_.producers = std::max(config_.producers, 1);
  config_.consumers = std::max(config_.consumers, 1);
  if (config_.chunk_bytes == 0) throw ProbeError("bounce pipeline: chunk size 0");
  if (config_.encrypt) {
    for (int i = 0; i < config_.producers; ++i)
      enc_.push_back(std::make_unique<GcmCipher>(key_.data()));
    for (int i = 0; i < config_.consumers; ++i) {
      dec_.push_back(std::make_unique<GcmCipher>(key_.data()));
      landing_.emplace_back(config_.chunk_bytes, false);
    }
  }
  key_.wipe();  // the contexts hold the schedule; the raw key is no longer needed
}

BouncePipeline::~BouncePipeline() = default;

BounceResult BouncePipeline::transfer(const unsigned char* src, unsigned char* dst,
                                      std::size_t bytes, const BusHook& hook) {
  src_ = src;
  dst_ = dst;
  bytes_ = bytes;
  chunks_ = (bytes + config_.chunk_bytes - 1) / config_.chunk_bytes;
  hook_ = hook ? &hook : nullptr;
  rejected_ = 0;
  first_rejected_ = std::numeric_limits<std::size_t>::max();
  aborted_ = false;
  for (std::size_t s = 0; s < config_.ring_slots; ++s) state_[s].store(2 * s);
  team_.run([this](int i) {
    try {
      if (i < config_.producers) {
        produce(i);
      } else {
        consume(i - config_.producers);
      }
    } catch (...) {
      // Wake every thread waiting on a slot, or the team would wait for them forever.
      aborted_.store(true, std::memory_order_release);
      for (std::size_t s = 0; s < config_.ring_slots; ++s) {
        state_[s].store(kAborted, std::memory_order_release);
        state_[s].notify_all();
      }
      throw;
    }
  });
  iv_base_ += chunks_;
  BounceResult r;
  r.chunks = chunks_;
  r.rejected = rejected_.load();
  r.first_rejected = r.rejected ? first_rejected_.load() : 0;
  return r;
}

void BouncePipeline::produce(int p) {
  const std::size_t R = config_.ring_slots, C = config_.chunk_bytes;
  for (std::size_t i = static_cast<std::size_t>(p); i < chunks_;
       i += static_cast<std::size_t>(config_.producers)) {
    const std::size_t s = i % R;
    const std::size_t off = i * C, n = std::min(C, bytes_ - off);
    wait_for(state_[s], 2 * i, aborted_);
    unsigned char* slot = ring_.data() + s * C;
    if (config_.encrypt) {
      unsigned char iv[GcmCipher::kIvBytes];
      make_iv(0, iv_base_ + i, iv);
      enc_[static_cast<std::size_t>(p)]->encrypt(src_ + off, n, slot, iv, tags_[s].data());
    } else {
      std::memcpy(slot, src_ + off, n);
    }
    state_[s].store(2 * i + 1, std::memory_order_release);
    state_[s].notify_all();
  }
}

void BouncePipeline::consume(int c) {
  const std::size_t R = config_.ring_slots, C = config_.chunk_bytes;
  for (std::size_t i = static_cast<std::size_t>(c); i < chunks_;
       i += static_cast<std::size_t>(config_.consumers)) {
    const std::size_t s = i % R;
    const std::size_t off = i * C, n = std::min(C, bytes_ - off);
    wait_for(state_[s], 2 * i + 1, aborted_);
    unsigned char* slot = ring_.data() + s * C;
    if (hook_) (*hook_)(i, slot, n, tags_[s].data());
    if (config_.encrypt) {
      // The copy engine moves ciphertext into device memory; the GPU decrypts there.
      unsigned char* landing = landing_[static_cast<std::size_t>(c)].data();
      std::memcpy(landing, slot, n);
      unsigned char iv[GcmCipher::kIvBytes];
      make_iv(0, iv_base_ + i, iv);
      if (!dec_[static_cast<std::size_t>(c)]->decrypt(landing, n, dst_ + off, iv,
                                                      tags_[s].data())) {
        std::memset(dst_ + off, 0, n);
        rejected_.fetch_add(1);
        std::size_t first = first_rejected_.load();
        while (i < first && !first_rejected_.compare_exchange_weak(first, i)) {
        }
      }
    } else {
      std::memcpy(dst_ + off, slot, n);
    }
    state_[s].store(2 * (i + R), std::memory_order_release);
    state_[s].notify_all();
  }
}

}  // namespace hwprobe
