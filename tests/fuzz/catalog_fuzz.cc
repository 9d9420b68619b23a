// Fuzzes the catalog loader one file at a time: the first byte picks one of model/*.yaml,
// the rest replaces that file in a private copy of the bundled model directory, and the
// whole catalog is loaded, so cross-file reference checks run against fuzzed ids too.
// A catalog may be user-supplied ($PLAINSIGHT_MODEL); it gets the same InputError contract.
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/input_error.h"
#include "fuzz_support.h"
#include "load/catalog_loader.h"

namespace {

namespace fs = std::filesystem;

struct ModelCopy {
  fs::path dir;
  std::vector<std::string> files;  // file names of model/*.yaml, sorted
  std::vector<std::string> originals;

  ModelCopy() {
    const fs::path src = plainsight::default_model_dir();
    dir = fs::temp_directory_path() / ("plainsight-catalog-fuzz-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& e : fs::directory_iterator(src))
      if (e.is_regular_file() && e.path().extension() == ".yaml")
        files.push_back(e.path().filename().string());
    std::sort(files.begin(), files.end());
    for (const auto& name : files) {
      fs::copy_file(src / name, dir / name);
      std::ifstream in(src / name, std::ios::binary);
      originals.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  }
  ~ModelCopy() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  void write(std::size_t i, const std::string& text) const {
    std::ofstream out(dir / files[i], std::ios::binary | std::ios::trunc);
    out << text;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ModelCopy model;
  if (size == 0) return 0;
  const std::size_t which = data[0] % model.files.size();
  // Put the original back however this input ends: the replay driver goes on after an
  // escaped exception, and the next input must see an intact catalog.
  struct Restore {
    const ModelCopy& m;
    std::size_t i;
    ~Restore() { m.write(i, m.originals[i]); }
  } restore{model, which};
  model.write(which, plainsight::fuzz::text_of(data + 1, size - 1));
  try {
    (void)plainsight::load_catalog(model.dir);
  } catch (const plainsight::InputError& e) {
    FUZZ_CHECK(e.what()[0] != '\0');
  }
  return 0;
}
