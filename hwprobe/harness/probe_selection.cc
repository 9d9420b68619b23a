#include "hwprobe/harness/probe_selection.h"

#include <set>
#include <string>

#include "units/visible_text.h"

namespace hwprobe {

std::vector<Probe*> select_probes(const std::vector<std::unique_ptr<Probe>>& all,
                                  std::string_view spec) {
  std::set<std::string> wanted;
  std::size_t start = 0;
  while (!spec.empty() && start <= spec.size()) {
    const std::size_t comma = spec.find(',', start);
    const std::size_t end = comma == std::string_view::npos ? spec.size() : comma;
    std::string item(spec.substr(start, end - start));
    // ',' or 'host,' once selected every probe (the default full suite): an entry left empty
    // is a typo, not "all".
    if (item.empty())
      throw SelectionError("--suite '" + plainsight::units::visible_text(spec) +
                           "': an empty entry; name suites or probe keys separated by commas "
                           "(or leave out --suite for every probe)");
    wanted.insert(item);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  std::set<std::string> matched;
  std::vector<Probe*> out;
  for (const auto& p : all) {
    const std::string key = p->key(), suite = p->suite();
    const bool take =
        wanted.empty() || wanted.count(key) || wanted.count(suite) || wanted.count("all");
    if (wanted.count(key)) matched.insert(key);
    if (wanted.count(suite)) matched.insert(suite);
    if (take) out.push_back(p.get());
  }
  for (const auto& w : wanted) {
    if (w != "all" && !matched.count(w)) {
      std::set<std::string> suites;
      for (const auto& p : all) suites.insert(p->suite());
      std::string known;
      for (const auto& s : suites) known += (known.empty() ? "" : ", ") + s;
      throw SelectionError("unknown probe or suite '" + plainsight::units::visible_text(w) +
                           "' (suites: " + known + "; see --list for keys)");
    }
  }
  return out;
}

}  // namespace hwprobe
