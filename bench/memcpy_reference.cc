// The public reference for host.memcpy in tools/compare-baselines: a plain memcpy loop with
// no harness around it. usage: memcpy_reference BYTES [REPS]; prints the median seconds per
// copy and the bandwidth in GB/s (GB = 1e9 bytes).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: memcpy_reference BYTES [REPS]\n");
    return 2;
  }
  const std::size_t n = std::strtoull(argv[1], nullptr, 10);
  const int reps = argc > 2 ? std::atoi(argv[2]) : 21;
  std::vector<char> src(n, 1), dst(n, 0);  // both touched before timing
  std::memcpy(dst.data(), src.data(), n);
  std::vector<double> t;
  for (int i = 0; i < reps; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    std::memcpy(dst.data(), src.data(), n);
    asm volatile("" : : "r"(dst.data()) : "memory");  // keep the copy
    t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(t.begin(), t.end());
  const double median = t[t.size() / 2];
  std::printf("median_s %.9f\nGB/s %.3f\n", median, double(n) / median / 1e9);
  return 0;
}
