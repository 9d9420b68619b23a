// The fabric probe's wire protocol: the sender writes an 8-byte little-endian length and
// that many bytes, the receiver answers one byte once all arrived; length 0 ends the
// session. The sender's clock runs from the first byte out to the ack in, so a sample is
// what one transfer of that size costs end to end, latency included.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "hwprobe/fabric/byte_stream.h"

namespace hwprobe::fabric {

// Sends `bytes` bytes of `payload` (at least that long) and waits for the ack; seconds.
double send_timed(ByteStream& stream, const std::vector<std::byte>& payload, std::uint64_t bytes);
// Tells the receiver that no more messages come.
void send_end(ByteStream& stream);
// Receives messages until the end marker; returns how many arrived. When `sink` is given,
// the last message is kept there (tests check the bytes), otherwise bytes are discarded.
std::size_t serve(ByteStream& stream, std::vector<std::byte>* sink = nullptr);

}  // namespace hwprobe::fabric
