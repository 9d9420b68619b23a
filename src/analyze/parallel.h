// The analysis of a large cluster splits into independent pieces (ranges of stages, one
// actor's reach): this runs them on the machine's cores. Results never depend on the
// number of threads: each piece writes only its own output.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace plainsight {

// Below this many stages the threads cost more than they save.
inline constexpr std::size_t kParallelMinStages = 4096;

// Threads to use for `requested` (0: one per hardware thread), never more than `pieces`.
unsigned thread_count(unsigned requested, std::size_t pieces);

// How many threads a run asked for and how many started; a thread the system refuses (a
// memory or process limit) leaves its pieces to the others, and `refused` says why.
struct ThreadShortfall {
  unsigned asked = 0;
  unsigned started = 0;
  std::string refused;
  // A limit on the address space (ulimit -v), in bytes, that left room for only `started`
  // threads (each reserves its stack); 0 when none did.
  std::uint64_t address_space_limit = 0;
};

// Threads that `room` bytes of address space (what a limit such as ulimit -v leaves, past what
// the process already maps and its malloc arenas will) hold: each reserves its stack
// (`stack` bytes, RLIMIT_STACK) and works in a few MiB, and half the room is kept for the
// work itself. At least 1 (the calling thread).
unsigned threads_within(std::uint64_t room, std::uint64_t stack);

// Runs piece(i) for every i in [0, pieces) on up to `threads` threads (0: one per hardware
// thread). When pieces throw, rethrows the exception of the lowest-numbered one, so the
// error a user sees is the same as a serial run's first. Threads that cannot start leave
// the work to those that did (at least the calling one): the result is the same, and the
// shortfall is returned and remembered for thread_shortfall().
ThreadShortfall parallel_for(std::size_t pieces, const std::function<void(std::size_t)>& piece,
                             unsigned threads = 0);

// The largest shortfall of any parallel_for in this process (asked 0 when none), for the
// command to note.
ThreadShortfall thread_shortfall();

}  // namespace plainsight
