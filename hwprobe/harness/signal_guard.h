// SIGINT/SIGTERM handling for a probe run. The first signal only sets a flag: probes poll
// it, stop, and the runner removes their files and writes no output. A second signal
// removes the tracked files from inside the handler (unlink is async-signal-safe) and
// exits at once, for a probe stuck in a long system call.
#pragma once

#include <filesystem>

namespace hwprobe {

void install_signal_handlers();
bool cancel_requested();
int cancel_signal();  // the signal that arrived, 0 if none
void reset_cancel_for_tests();

// Paths the handler removes on a second signal. A fixed table, so the handler never
// allocates; returns false when it is full (the path is then removed only in the normal
// clean-up path).
bool track_path(const std::filesystem::path& path);
void untrack_path(const std::filesystem::path& path);

// After the run has stopped on a signal: restore the default action and re-raise, so the
// parent sees the conventional "killed by SIGINT" status.
[[noreturn]] void exit_for_signal();

}  // namespace hwprobe
