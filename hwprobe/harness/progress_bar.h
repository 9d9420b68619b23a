// A one-line progress bar on stderr, drawn only when stderr is a terminal so that logs
// and CI output stay clean.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace hwprobe {

class ProgressBar {
 public:
  // enabled: usually isatty(fileno(out)).
  ProgressBar(std::FILE* out, bool enabled);
  ~ProgressBar();
  void update(std::size_t probe_index, std::size_t probe_count, const std::string& key,
              std::size_t done, std::size_t total);
  void finish();  // clears the line

 private:
  std::FILE* out_;
  bool enabled_;
  bool drawn_ = false;
};

}  // namespace hwprobe
