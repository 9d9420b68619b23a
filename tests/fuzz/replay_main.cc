// Replays a corpus through one fuzz target with any compiler (g++ included), so every seed
// and every past crash reproducer runs as a CTest on every build. Builds with
// -DPLAINSIGHT_FUZZ=ON link libFuzzer's own main instead of this one.
//
// Usage: <target> FILE_OR_DIR...   (directories are walked recursively, in sorted order)
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::vector<std::filesystem::path> collect(int argc, char** argv) {
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path arg(argv[i]);
    if (std::filesystem::is_directory(arg)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(arg))
        if (e.is_regular_file()) files.push_back(e.path());
    } else {
      files.push_back(arg);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE_OR_DIR...\n", argv[0]);
    return 2;
  }
  std::vector<std::filesystem::path> files;
  try {
    files = collect(argc, argv);
  } catch (const std::filesystem::filesystem_error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  }
  // An empty corpus would pass silently and hide a broken path in the test registration.
  if (files.empty()) {
    std::fprintf(stderr, "no corpus files found\n");
    return 2;
  }
  int failed = 0;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "%s: cannot read\n", path.c_str());
      ++failed;
      continue;
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Named before it runs: a crash leaves the culprit as the last line of the log.
    std::fprintf(stderr, "replay %s (%zu bytes)\n", path.c_str(), bytes.size());
    try {
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    } catch (const std::exception& e) {
      std::fprintf(stderr, "FAIL %s: an exception escaped the target: %s\n", path.c_str(),
                   e.what());
      ++failed;
    } catch (...) {
      std::fprintf(stderr, "FAIL %s: a non-standard exception escaped the target\n", path.c_str());
      ++failed;
    }
  }
  std::fprintf(stderr, "replayed %zu inputs, %d failed\n", files.size(), failed);
  return failed == 0 ? 0 : 1;
}
