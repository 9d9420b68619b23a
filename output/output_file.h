// An output file named on the command line (-o FILE), for every command that writes one: the
// probe run and, through src/cli/output.cc, every analyzer command. One mechanism, so that
// none of them ever leaves half a file or replaces what is not a regular file:
//  - a regular file, or a name that does not exist yet, is written to a temporary file in
//    the same directory, synced and renamed over it: it appears whole or not at all. The
//    temporary is removed on failure, and on SIGINT/SIGTERM by the signal guard where the
//    program installed it (install_signal_handlers in main: constructing an OutputFile
//    changes no process-wide state);
//  - a symbolic link is followed: the file it names is replaced the same way, the link stays;
//  - a character device (/dev/null, a terminal) or a FIFO is written through, never replaced;
//  - a directory, a block device, a socket, a missing folder, an unwritable place or a name
//    too long is refused before anything is written: OutputError with bad_target().
#pragma once

#include <filesystem>
#include <string>
#include <system_error>

namespace plainsight::output {

class OutputError : public std::system_error {
 public:
  OutputError(int err, const std::filesystem::path& target, const std::string& reason,
              bool bad_target);
  // The target itself cannot be written (a usage error, exit code 2); otherwise writing
  // failed on the way (a full disk: a runtime failure, exit code 3).
  bool bad_target() const { return bad_target_; }
  // The reason without the path: "the folder does not exist".
  const std::string& reason() const { return reason_; }

 private:
  std::string reason_;
  bool bad_target_;
};

class OutputFile {
 public:
  // Opens the temporary file (or the device); throws OutputError.
  explicit OutputFile(const std::filesystem::path& target);
  ~OutputFile();  // removes the temporary file unless committed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  int fd() const { return fd_; }
  // Syncs and renames the temporary file into place (closes a device); throws OutputError.
  void commit();
  // Whether writes go to a temporary file (false: through to a device or FIFO).
  bool atomic() const { return !temporary_.empty(); }
  const std::filesystem::path& temporary() const { return temporary_; }

  // Throws OutputError unless `target` could be written, creating nothing that stays (and
  // never opening a FIFO, which would wait for a reader).
  static void check(const std::filesystem::path& target);

 private:
  std::filesystem::path target_;    // as given, for messages
  std::filesystem::path resolved_;  // the file written: target_, or what its link names
  std::filesystem::path temporary_;
  int fd_ = -1;
  bool committed_ = false;
};

// Flushes std::cout and stdio's stdout at the end of a command. Output printed there (a
// catalog, a probe list) is only known to be written then: returns 0, or 3 after saying on
// stderr why it was lost ("PROGRAM: error: writing to stdout failed: No space left on device").
int flush_stdout(const char* program);

}  // namespace plainsight::output
