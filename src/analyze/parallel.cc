#include "analyze/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include <cinttypes>
#include <climits>
#include <cstdio>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace plainsight {
namespace {

std::mutex g_shortfall_mutex;
ThreadShortfall g_shortfall;

void remember(const ThreadShortfall& s) {
  std::lock_guard lock(g_shortfall_mutex);
  if (s.asked - s.started > g_shortfall.asked - g_shortfall.started) g_shortfall = s;
}

// glibc gives threads malloc arenas of their own, each reserving 64 MiB of address space, up
// to 8 per core: 32 threads of a sweep reserved more than a 500 MB `ulimit -v` and ran out of
// memory with 27 MB resident. One arena per core keeps what threads reserve independent of
// --threads; the threads beyond the cores share them.
void bound_malloc_arenas() {
#if defined(__GLIBC__)
  static std::once_flag once;
  std::call_once(once, [] {
    mallopt(M_ARENA_MAX, static_cast<int>(std::max(2u, std::thread::hardware_concurrency())));
  });
#endif
}

// This process's limit on its address space and the stack a thread reserves, in bytes (0:
// no limit).
std::uint64_t address_space_limit() {
  rlimit as{};
  if (getrlimit(RLIMIT_AS, &as) != 0 || as.rlim_cur == RLIM_INFINITY) return 0;
  return as.rlim_cur;
}

// What the process maps now (Linux: /proc/self/statm), in bytes; 0 when unknown.
std::uint64_t address_space_used() {
  std::uint64_t pages = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%" SCNu64, &pages) != 1) pages = 0;
    std::fclose(f);
  }
  return pages * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}

// The malloc arenas threads will reserve (64 MiB each, bound_malloc_arenas).
std::uint64_t arena_reserve() {
#if defined(__GLIBC__)
  return std::max(2u, std::thread::hardware_concurrency()) * (64ull << 20);
#else
  return 0;
#endif
}

std::uint64_t thread_stack_bytes() {
  rlimit st{};
  if (getrlimit(RLIMIT_STACK, &st) != 0 || st.rlim_cur == RLIM_INFINITY) return 8ull << 20;
  return st.rlim_cur;
}

}  // namespace

unsigned threads_within(std::uint64_t room, std::uint64_t stack) {
  const std::uint64_t per_thread = stack + (4ull << 20);
  return static_cast<unsigned>(
      std::clamp<std::uint64_t>(room / 2 / per_thread, 1, std::uint64_t{UINT_MAX}));
}

unsigned thread_count(unsigned requested, std::size_t pieces) {
  unsigned n = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(n, std::max<std::size_t>(pieces, 1)));
}

ThreadShortfall parallel_for(std::size_t pieces, const std::function<void(std::size_t)>& piece,
                             unsigned threads) {
  const unsigned n = thread_count(threads, pieces);
  ThreadShortfall run{n, 1, {}, 0};
  // Under a memory limit, no more threads than it leaves room for: each reserves its stack,
  // and threads that all started and then ran out of memory together failed the run.
  const std::uint64_t limit = address_space_limit();
  unsigned room = UINT_MAX;
  if (limit > 0) {
    const std::uint64_t taken = address_space_used() + arena_reserve();
    room = threads_within(limit > taken ? limit - taken : 0, thread_stack_bytes());
  }
  if (n > room) run.address_space_limit = limit;
  const unsigned wanted = std::min(n, room);
  if (wanted <= 1) {
    for (std::size_t i = 0; i < pieces; ++i) piece(i);
    if (run.started < run.asked) remember(run);
    return run;
  }
  bound_malloc_arenas();
  std::vector<std::exception_ptr> errors(pieces);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < pieces; i = next++) {
      try {
        piece(i);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  try {
    pool.reserve(wanted - 1);
    for (unsigned t = 1; t < wanted; ++t) pool.emplace_back(work);
  } catch (const std::exception& e) {
    // std::system_error (EAGAIN: no memory for a stack, too many threads) or bad_alloc:
    // the threads already started and this one share the pieces.
    run.refused = e.what();
  }
  run.started = static_cast<unsigned>(pool.size()) + 1;
  work();
  for (std::thread& t : pool) t.join();
  if (run.started < run.asked) remember(run);
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
  return run;
}

ThreadShortfall thread_shortfall() {
  std::lock_guard lock(g_shortfall_mutex);
  return g_shortfall;
}

}  // namespace plainsight
