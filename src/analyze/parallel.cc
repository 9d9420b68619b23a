#include "analyze/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace plainsight {

unsigned thread_count(unsigned requested, std::size_t pieces) {
  unsigned n = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(n, std::max<std::size_t>(pieces, 1)));
}

void parallel_for(std::size_t pieces, const std::function<void(std::size_t)>& piece,
                  unsigned threads) {
  const unsigned n = thread_count(threads, pieces);
  if (n <= 1) {
    for (std::size_t i = 0; i < pieces; ++i) piece(i);
    return;
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
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace plainsight
