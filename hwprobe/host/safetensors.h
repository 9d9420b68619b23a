// The safetensors layout (huggingface/safetensors): an 8-byte little-endian header length,
// a JSON header mapping each tensor name to {dtype, shape, data_offsets} (offsets relative
// to the data section), optional "__metadata__", then the raw tensor bytes. Written by hand
// because it is twenty lines and no Debian package ships a C++ writer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hwprobe {

struct TensorSpec {
  std::string name;
  std::string dtype;  // "F32", "BF16", "F16", "U8", ...
  std::vector<std::uint64_t> shape;
  const unsigned char* data = nullptr;
  std::size_t bytes = 0;  // must equal product(shape) * dtype size
};

// Bytes per element of a safetensors dtype; 0 when unknown.
std::size_t dtype_size(const std::string& dtype);

// The JSON header, padded with spaces to a multiple of 8 bytes so the data is aligned.
// Throws std::invalid_argument when a tensor's bytes do not match its shape and dtype.
std::string safetensors_header(const std::vector<TensorSpec>& tensors);

// Total file size for these tensors with this header.
std::uint64_t safetensors_size(const std::string& header, const std::vector<TensorSpec>& tensors);

// Lays the file out in `out`, which holds safetensors_size() bytes.
void write_safetensors(const std::vector<TensorSpec>& tensors, const std::string& header,
                       unsigned char* out);

struct ParsedTensor {
  std::string name;
  std::string dtype;
  std::vector<std::uint64_t> shape;
  std::uint64_t begin = 0;  // offsets into the data section
  std::uint64_t end = 0;
};

struct ParsedSafetensors {
  std::uint64_t data_start = 0;       // 8 + header length
  nlohmann::json metadata;            // "__metadata__" or null
  std::vector<ParsedTensor> tensors;  // sorted by begin
};

class SafetensorsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Checks what a reader checks: header length in bounds, valid JSON, known dtypes, offsets
// matching shapes, tensors covering the data section without gaps or overlap.
ParsedSafetensors parse_safetensors(const unsigned char* data, std::size_t size);

}  // namespace hwprobe
