// SIGINT/SIGTERM handling, for every command of the process. Files being written (the
// temporaries of -o outputs, a probe's scratch files) are tracked; the handler removes them
// (unlink is async-signal-safe) before the process dies of the signal.
//  - A probe run installs cancel_at_next_check: the first signal only sets a flag that
//    probes poll; they stop, the runner removes their files and writes no output. A second
//    signal removes the tracked files and ends the process at once, for a probe stuck in a
//    long system call.
//  - Every other command runs under clean_up_and_exit, which plainsight's main() installs
//    before it parses the command line: the first signal removes the tracked files and ends
//    the process. Nothing installs handlers as a side effect: a program (or a test) that
//    wants the clean-up calls install_signal_handlers itself.
#pragma once

#include <filesystem>

namespace plainsight::output {

enum class SignalMode { cancel_at_next_check, clean_up_and_exit };

// Replaces whatever this guard installed before (a probe run switches from the CLI's
// clean_up_and_exit to cancel_at_next_check).
void install_signal_handlers(SignalMode mode = SignalMode::cancel_at_next_check);
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
// (The handler ends the process the same way.)
[[noreturn]] void exit_for_signal();

}  // namespace plainsight::output
