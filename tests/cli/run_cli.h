// Runs the plainsight binary as a child process and captures its exit status and output.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

extern char** environ;

namespace plainsight::testing {

struct CliRun {
  int exit_code = -1;  // -1 - signal number when killed by a signal
  std::string out;
  std::string err;
  bool crashed() const { return exit_code < 0; }
};

// Runs `binary args...` in directory `cwd` (may be empty for the current one). With
// `stdout_path`, the child's stdout is that file (a device such as /dev/full) instead of a
// pipe, and out stays empty.
inline CliRun run_binary(const std::string& binary, const std::vector<std::string>& args,
                         const std::string& cwd = "", const std::string& stdout_path = "") {
  CliRun r;
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) return r;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  if (stdout_path.empty())
    posix_spawn_file_actions_adddup2(&fa, out_pipe[1], 1);
  else
    posix_spawn_file_actions_addopen(&fa, 1, stdout_path.c_str(), O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&fa, err_pipe[1], 2);
  posix_spawn_file_actions_addclose(&fa, out_pipe[0]);
  posix_spawn_file_actions_addclose(&fa, err_pipe[0]);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&fa, cwd.c_str());
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(binary.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid;
  int rc = posix_spawn(&pid, binary.c_str(), &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    r.err = "spawn failed";
    return r;
  }
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    if (poll(fds, 2, -1) < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<std::size_t>(n));
      } else {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status))
    r.exit_code = WEXITSTATUS(status);
  else if (WIFSIGNALED(status))
    r.exit_code = -1 - WTERMSIG(status);
  return r;
}

inline CliRun plainsight(const std::vector<std::string>& args,
                         const std::string& stdout_path = "") {
  return run_binary(PLAINSIGHT_CLI, args, PLAINSIGHT_SOURCE_DIR_FOR_TESTS, stdout_path);
}

// The bundled scenarios, as paths relative to the source root ("scenarios/x.yaml"), sorted.
inline std::vector<std::string> bundled_scenarios() {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const auto& e :
       fs::directory_iterator(fs::path(PLAINSIGHT_SOURCE_DIR_FOR_TESTS) / "scenarios"))
    if (e.path().extension() == ".yaml") out.push_back("scenarios/" + e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace plainsight::testing
