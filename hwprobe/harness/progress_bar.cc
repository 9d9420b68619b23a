#include "hwprobe/harness/progress_bar.h"

#include <algorithm>

namespace hwprobe {

ProgressBar::ProgressBar(std::FILE* out, bool enabled) : out_(out), enabled_(enabled) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::update(std::size_t probe_index, std::size_t probe_count, const std::string& key,
                         std::size_t done, std::size_t total) {
  if (!enabled_ || probe_count == 0) return;
  const double within = total == 0 ? 0.0 : std::min(1.0, double(done) / double(total));
  const double overall = (double(probe_index) + within) / double(probe_count);
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(overall * kWidth);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kWidth, '.');
  std::fprintf(out_, "\r\033[K[%s] %3d%%  %zu/%zu %s", bar.c_str(), static_cast<int>(overall * 100),
               probe_index + 1, probe_count, key.c_str());
  std::fflush(out_);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (drawn_) {
    std::fprintf(out_, "\r\033[K");
    std::fflush(out_);
    drawn_ = false;
  }
}

}  // namespace hwprobe
