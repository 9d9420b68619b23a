#include "hwprobe/host/staging_buffer.h"

#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "hwprobe/harness/probe.h"
#include "hwprobe/harness/size_sweep.h"

namespace hwprobe {
namespace {

std::atomic<std::uint64_t> g_bytes_made{0};

}  // namespace

std::uint64_t StagingBuffer::bytes_made() { return g_bytes_made.load(); }

StagingBuffer::StagingBuffer(std::size_t bytes, bool lock) : bytes_(bytes) {
  mapped_ = std::max<std::size_t>(bytes, 1);
  void* p = ::mmap(nullptr, mapped_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    throw ProbeError("cannot allocate " + format_size(bytes) + ": " + std::strerror(errno));
  }
  data_ = static_cast<unsigned char*>(p);
  g_bytes_made += bytes;
  kind_ = "pageable";
  if (lock) {
    if (::mlock(data_, mapped_) == 0) {
      locked_ = true;
      kind_ = "mlocked";
    } else {
      kind_ = std::string("pageable (mlock: ") + std::strerror(errno) + ")";
    }
  }
  // Touch every page now: first-touch faults belong to set-up, not to a sample.
  std::memset(data_, 0x5a, mapped_);
}

StagingBuffer::StagingBuffer(StagingBuffer&& o) noexcept
    : data_(o.data_), bytes_(o.bytes_), mapped_(o.mapped_), locked_(o.locked_), kind_(o.kind_) {
  o.data_ = nullptr;
  o.mapped_ = 0;
}

StagingBuffer::~StagingBuffer() {
  if (data_ == nullptr) return;
  if (locked_) ::munlock(data_, mapped_);
  ::munmap(data_, mapped_);
}

void fill_pattern(unsigned char* p, std::size_t n, std::uint64_t seed) {
  std::uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    std::memcpy(p + i, &x, 8);
  }
  for (; i < n; ++i) p[i] = static_cast<unsigned char>(x >> (8 * (i % 8)));
}

}  // namespace hwprobe
