#include "analyze/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace plainsight {
namespace {

std::mutex g_shortfall_mutex;
ThreadShortfall g_shortfall;

void remember(const ThreadShortfall& s) {
  std::lock_guard lock(g_shortfall_mutex);
  if (s.asked - s.started > g_shortfall.asked - g_shortfall.started) g_shortfall = s;
}

}  // namespace

unsigned thread_count(unsigned requested, std::size_t pieces) {
  unsigned n = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(n, std::max<std::size_t>(pieces, 1)));
}

ThreadShortfall parallel_for(std::size_t pieces, const std::function<void(std::size_t)>& piece,
                             unsigned threads) {
  const unsigned n = thread_count(threads, pieces);
  ThreadShortfall run{n, 1, {}};
  if (n <= 1) {
    for (std::size_t i = 0; i < pieces; ++i) piece(i);
    return run;
  }
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
    pool.reserve(n - 1);
    for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
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
