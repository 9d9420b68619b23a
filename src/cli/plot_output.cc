#include "cli/plot_output.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "cli/output.h"
#include "core/input_error.h"
#include "core/printable.h"

extern char** environ;

namespace plainsight::cli {
namespace {

std::string extension_of(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext;
}

// A scratch folder removed when it goes out of scope.
class ScratchDir {
 public:
  ScratchDir() {
    std::string t = (std::filesystem::temp_directory_path() / "plainsight-plot-XXXXXX").string();
    if (!::mkdtemp(t.data()))
      throw std::runtime_error(fmt::format("--plot: no scratch folder: {}", std::strerror(errno)));
    path_ = t;
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The PNG of `svg`, at twice the drawing's size (sharp on high-density screens and in print).
std::string rasterised(const std::string& svg) {
  const ScratchDir dir;
  const std::string in = (dir.path() / "plot.svg").string();
  const std::string out = (dir.path() / "plot.png").string();
  {
    std::ofstream f(in, std::ios::binary);
    f << svg;
    if (!f.flush()) throw std::runtime_error("--plot: could not write the scratch SVG");
  }
  std::vector<std::string> args = {"rsvg-convert", "--zoom",   "2", "--format",
                                   "png",          "--output", out, in};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, "rsvg-convert", nullptr, nullptr, argv.data(), environ);
  if (spawned != 0)
    throw std::runtime_error(fmt::format(
        "--plot: a PNG is drawn by rsvg-convert, which could not be run ({}); install it "
        "(Debian: apt-get install librsvg2-bin, or tools/setup) or write .svg or .html instead",
        std::strerror(spawned)));
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) throw std::runtime_error("--plot: lost rsvg-convert");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("--plot: rsvg-convert failed to draw the PNG");
  std::ifstream f(out, std::ios::binary);
  std::string png((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (png.size() < 8 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0)
    throw std::runtime_error("--plot: rsvg-convert wrote no PNG");
  return png;
}

// Whether two names are one file (the same folder and name once links are resolved).
bool same_file(const std::string& a, const std::string& b) {
  std::error_code ea, eb;
  const std::filesystem::path pa = std::filesystem::weakly_canonical(a, ea);
  const std::filesystem::path pb = std::filesystem::weakly_canonical(b, eb);
  return !ea && !eb && pa == pb;
}

}  // namespace

void check_plot_target(const std::string& path, const std::string& output) {
  const std::string ext = extension_of(path);
  if (ext != ".svg" && ext != ".png" && ext != ".html")
    throw InputError(
        {"--plot"}, fmt::format("'{}': the plot file must end in .svg, .png or .html", echo(path)));
  if (!output.empty() && output != "-" && same_file(path, output))
    throw InputError({"--plot"}, fmt::format("'{}' is also the -o file: name another file for "
                                             "the plot",
                                             echo(path)));
  check_output_target(path);
}

std::string plot_bytes(const std::string& path, const std::string& svg,
                       const std::function<std::string()>& html) {
  const std::string ext = extension_of(path);
  if (ext == ".svg") return svg;
  if (ext == ".html") return html();
  return rasterised(svg);
}

}  // namespace plainsight::cli
