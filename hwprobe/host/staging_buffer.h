// A page-aligned buffer, touched before use so that page faults are never timed, and
// locked in memory (mlock) where the process may: the CPU stand-in for a pinned CUDA host
// buffer. Whether it got locked is reported, never assumed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace hwprobe {

class StagingBuffer {
 public:
  StagingBuffer(std::size_t bytes, bool lock);
  ~StagingBuffer();
  StagingBuffer(const StagingBuffer&) = delete;
  StagingBuffer& operator=(const StagingBuffer&) = delete;
  StagingBuffer(StagingBuffer&& other) noexcept;

  unsigned char* data() { return data_; }
  const unsigned char* data() const { return data_; }
  std::size_t size() const { return bytes_; }
  bool locked() const { return locked_; }
  // "mlocked", "pageable" or "pageable (mlock: <why>)", for a probe's params.
  const std::string& memory_kind() const { return kind_; }
  // Bytes of every buffer this process has made so far: what a stop before a point's
  // set-up must leave unchanged (the tests check it).
  static std::uint64_t bytes_made();

 private:
  unsigned char* data_ = nullptr;
  std::size_t bytes_ = 0;
  std::size_t mapped_ = 0;
  bool locked_ = false;
  std::string kind_;
};

// Fills with a cheap deterministic pattern (not zeros, which some paths special-case).
void fill_pattern(unsigned char* p, std::size_t n, std::uint64_t seed);

}  // namespace hwprobe
