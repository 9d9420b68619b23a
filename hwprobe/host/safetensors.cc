#include "hwprobe/host/safetensors.h"

#include <algorithm>
#include <cstring>

namespace hwprobe {
namespace {

std::uint64_t elements(const std::vector<std::uint64_t>& shape) {
  std::uint64_t n = 1;
  for (auto d : shape) n *= d;
  return n;
}

}  // namespace

std::size_t dtype_size(const std::string& dtype) {
  if (dtype == "F64" || dtype == "I64" || dtype == "U64") return 8;
  if (dtype == "F32" || dtype == "I32" || dtype == "U32") return 4;
  if (dtype == "F16" || dtype == "BF16" || dtype == "I16" || dtype == "U16") return 2;
  if (dtype == "U8" || dtype == "I8" || dtype == "BOOL" || dtype == "F8_E4M3" ||
      dtype == "F8_E5M2") {
    return 1;
  }
  return 0;
}

std::string safetensors_header(const std::vector<TensorSpec>& tensors) {
  nlohmann::json h = nlohmann::json::object();
  h["__metadata__"] = {{"format", "pt"}, {"producer", "plainsight-probe"}};
  std::uint64_t offset = 0;
  for (const auto& t : tensors) {
    if (dtype_size(t.dtype) == 0) throw std::invalid_argument("unknown dtype " + t.dtype);
    if (elements(t.shape) * dtype_size(t.dtype) != t.bytes) {
      throw std::invalid_argument("tensor " + t.name + ": bytes do not match shape");
    }
    h[t.name] = {
        {"dtype", t.dtype}, {"shape", t.shape}, {"data_offsets", {offset, offset + t.bytes}}};
    offset += t.bytes;
  }
  std::string text = h.dump();
  text.resize((text.size() + 7) / 8 * 8, ' ');
  return text;
}

std::uint64_t safetensors_size(const std::string& header, const std::vector<TensorSpec>& tensors) {
  std::uint64_t n = 8 + header.size();
  for (const auto& t : tensors) n += t.bytes;
  return n;
}

void write_safetensors(const std::vector<TensorSpec>& tensors, const std::string& header,
                       unsigned char* out) {
  const std::uint64_t len = header.size();
  for (int i = 0; i < 8; ++i) out[i] = static_cast<unsigned char>(len >> (8 * i));
  std::memcpy(out + 8, header.data(), header.size());
  unsigned char* p = out + 8 + header.size();
  for (const auto& t : tensors) {
    std::memcpy(p, t.data, t.bytes);
    p += t.bytes;
  }
}

ParsedSafetensors parse_safetensors(const unsigned char* data, std::size_t size) {
  if (size < 8) throw SafetensorsError("file shorter than the 8-byte header length");
  std::uint64_t len = 0;
  for (int i = 0; i < 8; ++i) len |= std::uint64_t{data[i]} << (8 * i);
  if (len > size - 8) throw SafetensorsError("header length points past the end of the file");
  nlohmann::json h;
  try {
    h = nlohmann::json::parse(data + 8, data + 8 + len);
  } catch (const nlohmann::json::parse_error& e) {
    throw SafetensorsError(std::string("header is not JSON: ") + e.what());
  }
  if (!h.is_object()) throw SafetensorsError("header is not a JSON object");
  ParsedSafetensors out;
  out.data_start = 8 + len;
  const std::uint64_t data_bytes = size - out.data_start;
  for (const auto& [name, v] : h.items()) {
    if (name == "__metadata__") {
      out.metadata = v;
      continue;
    }
    ParsedTensor t;
    t.name = name;
    try {
      t.dtype = v.at("dtype").get<std::string>();
      t.shape = v.at("shape").get<std::vector<std::uint64_t>>();
      const auto off = v.at("data_offsets").get<std::vector<std::uint64_t>>();
      if (off.size() != 2) throw SafetensorsError(name + ": data_offsets needs two numbers");
      t.begin = off[0];
      t.end = off[1];
    } catch (const nlohmann::json::exception& e) {
      throw SafetensorsError(name + ": " + e.what());
    }
    if (dtype_size(t.dtype) == 0) throw SafetensorsError(name + ": unknown dtype " + t.dtype);
    if (t.begin > t.end || t.end > data_bytes)
      throw SafetensorsError(name + ": offsets out of range");
    if (elements(t.shape) * dtype_size(t.dtype) != t.end - t.begin) {
      throw SafetensorsError(name + ": offsets do not match shape and dtype");
    }
    out.tensors.push_back(std::move(t));
  }
  std::sort(out.tensors.begin(), out.tensors.end(),
            [](const auto& a, const auto& b) { return a.begin < b.begin; });
  std::uint64_t expect = 0;
  for (const auto& t : out.tensors) {
    if (t.begin != expect) throw SafetensorsError(t.name + ": gap or overlap before this tensor");
    expect = t.end;
  }
  if (expect != data_bytes) throw SafetensorsError("tensors do not cover the data section");
  return out;
}

}  // namespace hwprobe
