#include "hwprobe/fabric/transfer_protocol.h"

#include <algorithm>
#include <array>
#include <chrono>

#include "hwprobe/harness/probe.h"

namespace hwprobe::fabric {
namespace {

constexpr std::size_t kReceiveChunk = 1 << 20;

void write_length(ByteStream& stream, std::uint64_t length) {
  std::array<std::byte, 8> header{};
  for (std::size_t i = 0; i < header.size(); ++i) {
    header[i] = static_cast<std::byte>((length >> (8 * i)) & 0xff);
  }
  stream.write_all(header.data(), header.size());
}

std::uint64_t read_length(ByteStream& stream) {
  std::array<std::byte, 8> header{};
  stream.read_all(header.data(), header.size());
  std::uint64_t length = 0;
  for (std::size_t i = 0; i < header.size(); ++i) {
    length |= static_cast<std::uint64_t>(header[i]) << (8 * i);
  }
  return length;
}

}  // namespace

double send_timed(ByteStream& stream, const std::vector<std::byte>& payload, std::uint64_t bytes) {
  if (bytes == 0 || bytes > payload.size()) throw ProbeError("send_timed: bad message size");
  const auto start = std::chrono::steady_clock::now();
  write_length(stream, bytes);
  stream.write_all(payload.data(), bytes);
  std::byte ack{};
  stream.read_all(&ack, 1);
  const auto end = std::chrono::steady_clock::now();
  return std::chrono::duration<double>(end - start).count();
}

void send_end(ByteStream& stream) { write_length(stream, 0); }

std::size_t serve(ByteStream& stream, std::vector<std::byte>* sink) {
  std::vector<std::byte> chunk(kReceiveChunk);
  std::size_t messages = 0;
  for (;;) {
    const std::uint64_t length = read_length(stream);
    if (length == 0) return messages;
    if (sink != nullptr) sink->resize(length);
    for (std::uint64_t done = 0; done < length;) {
      const std::size_t step =
          static_cast<std::size_t>(std::min<std::uint64_t>(length - done, chunk.size()));
      stream.read_all(sink != nullptr ? sink->data() + done : chunk.data(), step);
      done += step;
    }
    const std::byte ack{1};
    stream.write_all(&ack, 1);
    ++messages;
  }
}

}  // namespace hwprobe::fabric
