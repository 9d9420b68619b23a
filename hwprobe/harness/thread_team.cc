#include "hwprobe/harness/thread_team.h"

#include <algorithm>
#include <string>

#include "hwprobe/harness/probe.h"

namespace hwprobe {

ThreadTeam::ThreadTeam(int threads) : size_(std::max(threads, 1)) {
  try {
    threads_.reserve(static_cast<std::size_t>(size_ - 1));
    for (int i = 1; i < size_; ++i) threads_.emplace_back([this, i] { worker(i); });
  } catch (const std::exception& e) {
    // The system refused a thread (a memory or process limit). The ones started wait on
    // this team's condition variables: stop and join them before the members go, or the
    // destructor of a condition variable with waiters blocks for ever.
    const std::size_t started = threads_.size() + 1;
    stop_all();
    throw ProbeError("could start only " + std::to_string(started) + " of " +
                     std::to_string(size_) + " threads (" + e.what() +
                     "); run with fewer --threads");
  }
}

ThreadTeam::~ThreadTeam() { stop_all(); }

void ThreadTeam::stop_all() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  start_cv_.notify_all();
  for (auto& t : threads_) t.join();
  threads_.clear();
}

void ThreadTeam::run(const std::function<void(int)>& job) {
  {
    std::lock_guard lock(mutex_);
    job_ = &job;
    pending_ = size_ - 1;
    error_ = nullptr;
    ++generation_;
  }
  start_cv_.notify_all();
  std::exception_ptr mine;
  try {
    job(0);
  } catch (...) {
    mine = std::current_exception();
  }
  std::unique_lock lock(mutex_);
  done_cv_.wait(lock, [this] { return pending_ == 0; });
  job_ = nullptr;
  if (mine) std::rethrow_exception(mine);
  if (error_) std::rethrow_exception(error_);
}

void ThreadTeam::worker(int index) {
  std::uint64_t seen = 0;
  for (;;) {
    const std::function<void(int)>* job = nullptr;
    {
      std::unique_lock lock(mutex_);
      start_cv_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
      job = job_;
    }
    std::exception_ptr err;
    try {
      (*job)(index);
    } catch (...) {
      err = std::current_exception();
    }
    {
      std::lock_guard lock(mutex_);
      if (err && !error_) error_ = err;
      if (--pending_ == 0) done_cv_.notify_one();
    }
  }
}

}  // namespace hwprobe
