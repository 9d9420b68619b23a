// A fixed set of worker threads started once, so that thread creation is never timed.
// run() hands every worker the same job and returns when all have finished it.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace hwprobe {

class ThreadTeam {
 public:
  // Throws ProbeError, with every thread it started stopped and joined, when the system
  // refuses one (a memory or process limit).
  explicit ThreadTeam(int threads);
  ~ThreadTeam();
  ThreadTeam(const ThreadTeam&) = delete;
  ThreadTeam& operator=(const ThreadTeam&) = delete;

  int size() const { return size_; }
  // Calls job(i) for i in [0, size) on distinct threads; index 0 runs on the caller, so a
  // team of one adds no hand-off. Rethrows the first exception a job threw.
  void run(const std::function<void(int)>& job);

 private:
  void worker(int index);
  void stop_all();  // stops and joins the workers

  int size_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable start_cv_;
  std::condition_variable done_cv_;
  const std::function<void(int)>* job_ = nullptr;
  std::uint64_t generation_ = 0;
  int pending_ = 0;
  bool stop_ = false;
  std::exception_ptr error_;
};

}  // namespace hwprobe
