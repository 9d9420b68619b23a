#include "hwprobe/harness/machine_identity.h"

#include <openssl/crypto.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "hwprobe/harness/free_space.h"

namespace hwprobe {
namespace {

std::string after_colon(const std::string& line) {
  const auto colon = line.find(':');
  if (colon == std::string::npos) return {};
  std::string v = line.substr(colon + 1);
  const auto first = v.find_first_not_of(" \t");
  return first == std::string::npos ? std::string() : v.substr(first);
}

nlohmann::json cpu_identity() {
  nlohmann::json cpu = nlohmann::json::object();
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  bool have_model = false, have_flags = false;
  while (std::getline(in, line) && !(have_model && have_flags)) {
    if (!have_model && line.rfind("model name", 0) == 0) {
      cpu["model"] = after_colon(line);
      have_model = true;
    } else if (!have_flags && (line.rfind("flags", 0) == 0 || line.rfind("Features", 0) == 0)) {
      std::istringstream words(after_colon(line));
      nlohmann::json flags = nlohmann::json::array();
      for (std::string w; words >> w;) flags.push_back(w);
      cpu["flags"] = std::move(flags);
      have_flags = true;
    }
  }
  cpu["logical_cores"] = std::max(1u, std::thread::hardware_concurrency());
  return cpu;
}

}  // namespace

nlohmann::json host_identity(const std::filesystem::path& dir) {
  nlohmann::json id = nlohmann::json::object();
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) == 0) id["hostname"] = host;
  id["cpu"] = cpu_identity();
  std::ifstream meminfo("/proc/meminfo");
  for (std::string line; std::getline(meminfo, line);) {
    if (line.rfind("MemTotal:", 0) == 0) {
      id["memory_bytes"] = std::stoull(after_colon(line)) * 1024;  // /proc says kB = KiB
      break;
    }
  }
  struct utsname u {};
  if (::uname(&u) == 0) {
    id["kernel"] = {{"sysname", u.sysname},
                    {"release", u.release},
                    {"version", u.version},
                    {"machine", u.machine}};
  }
  id["openssl"] = OpenSSL_version(OPENSSL_VERSION);
  nlohmann::json d = {{"path", std::filesystem::absolute(dir).lexically_normal().string()},
                      {"filesystem", filesystem_type(dir)}};
  try {
    d["free_bytes"] = available_bytes(dir);
  } catch (const std::exception&) {
    // A missing --dir is reported by the probes that need it.
  }
  id["dir"] = std::move(d);
  return id;
}

}  // namespace hwprobe
