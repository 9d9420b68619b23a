// Owners of CUDA objects, so that a probe failing half-way frees what it allocated, and
// the one error check every CUDA call goes through.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include <cuda_runtime_api.h>

#include "hwprobe/harness/probe.h"

namespace hwprobe::cuda {

inline void check(cudaError_t rc, const char* what) {
  if (rc != cudaSuccess) {
    throw ProbeError(std::string(what) + ": " + cudaGetErrorName(rc) + " (" +
                     cudaGetErrorString(rc) + ")");
  }
}

class DeviceBuffer {
 public:
  DeviceBuffer(int device, std::size_t bytes) : device_(device) {
    check(cudaSetDevice(device), "cudaSetDevice");
    check(cudaMalloc(&data_, bytes), "cudaMalloc");
  }
  ~DeviceBuffer() {
    cudaSetDevice(device_);
    cudaFree(data_);
  }
  DeviceBuffer(const DeviceBuffer&) = delete;
  DeviceBuffer& operator=(const DeviceBuffer&) = delete;
  void* get() const { return data_; }

 private:
  int device_;
  void* data_ = nullptr;
};

// Page-locked host memory: the copy engine reads it directly (or, under CC, through the
// driver's encrypted bounce buffer).
class PinnedBuffer {
 public:
  explicit PinnedBuffer(std::size_t bytes) {
    check(cudaMallocHost(&data_, bytes), "cudaMallocHost");
  }
  ~PinnedBuffer() { cudaFreeHost(data_); }
  PinnedBuffer(const PinnedBuffer&) = delete;
  PinnedBuffer& operator=(const PinnedBuffer&) = delete;
  std::byte* get() const { return static_cast<std::byte*>(data_); }

 private:
  void* data_ = nullptr;
};

// Ordinary malloc'd memory, touched so page faults are not timed: the driver stages it
// through its own pinned buffers.
class PageableBuffer {
 public:
  explicit PageableBuffer(std::size_t bytes) : data_(new std::byte[bytes]) {
    for (std::size_t i = 0; i < bytes; i += 4096) data_[i] = std::byte{1};
  }
  std::byte* get() const { return data_.get(); }

 private:
  std::unique_ptr<std::byte[]> data_;
};

class Stream {
 public:
  explicit Stream(int device) : device_(device) {
    check(cudaSetDevice(device), "cudaSetDevice");
    check(cudaStreamCreateWithFlags(&stream_, cudaStreamNonBlocking), "cudaStreamCreate");
  }
  ~Stream() {
    cudaSetDevice(device_);
    cudaStreamDestroy(stream_);
  }
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;
  cudaStream_t get() const { return stream_; }
  int device() const { return device_; }

 private:
  int device_;
  cudaStream_t stream_ = nullptr;
};

class Event {
 public:
  explicit Event(int device) : device_(device) {
    check(cudaSetDevice(device), "cudaSetDevice");
    check(cudaEventCreate(&event_), "cudaEventCreate");
  }
  ~Event() {
    cudaSetDevice(device_);
    cudaEventDestroy(event_);
  }
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
  cudaEvent_t get() const { return event_; }

 private:
  int device_;
  cudaEvent_t event_ = nullptr;
};

// The device's name as CUDA reports it ("NVIDIA H100 80GB HBM3").
std::string device_name(int device);

}  // namespace hwprobe::cuda
