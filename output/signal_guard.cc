#include "output/signal_guard.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstring>

namespace plainsight::output {
namespace {

constexpr std::size_t kSlots = 128;
constexpr std::size_t kPathMax = 4096;

// Slot states: 0 free, 1 being written, 2 holds a path.
struct Slot {
  std::atomic<int> state{0};
  char path[kPathMax];
};

std::array<Slot, kSlots> g_slots;
volatile sig_atomic_t g_signal = 0;
std::atomic<int> g_count{0};
std::atomic<int> g_mode{static_cast<int>(SignalMode::clean_up_and_exit)};

// Default action, unblocked, raised: the process ends "killed by SIG..." as its parent
// expects. Only async-signal-safe calls.
[[noreturn]] void die_of(int sig) {
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  ::sigaction(sig, &dfl, nullptr);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  ::pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  ::raise(sig);
  ::_exit(128 + sig);
}

void handler(int sig) {
  if (g_mode.load() == static_cast<int>(SignalMode::cancel_at_next_check) &&
      g_count.fetch_add(1) == 0) {
    g_signal = sig;
    return;
  }
  for (auto& slot : g_slots) {
    if (slot.state.load() == 2) ::unlink(slot.path);
  }
  die_of(sig);
}

}  // namespace

void install_signal_handlers(SignalMode mode) {
  g_mode.store(static_cast<int>(mode));
  struct sigaction sa {};
  sa.sa_handler = handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a blocked read/write returns EINTR and the probe stops
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

bool cancel_requested() { return g_signal != 0; }
int cancel_signal() { return g_signal; }

void reset_cancel_for_tests() {
  g_signal = 0;
  g_count = 0;
}

bool track_path(const std::filesystem::path& path) {
  const std::string s = path.string();
  if (s.size() >= kPathMax) return false;
  for (auto& slot : g_slots) {
    int expected = 0;
    if (slot.state.compare_exchange_strong(expected, 1)) {
      std::memcpy(slot.path, s.c_str(), s.size() + 1);
      slot.state.store(2);
      return true;
    }
  }
  return false;
}

void untrack_path(const std::filesystem::path& path) {
  const std::string s = path.string();
  for (auto& slot : g_slots) {
    if (slot.state.load() == 2 && s == slot.path) {
      slot.state.store(0);
      return;
    }
  }
}

void exit_for_signal() { die_of(g_signal != 0 ? static_cast<int>(g_signal) : SIGTERM); }

}  // namespace plainsight::output
