#include "analyze/reanalysis.h"

#include <memory>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "analyze/content.h"
#include "analyze/windows.h"
#include "load/platform_overlay.h"
#include "load/platform_validity.h"
#include "load/scenario_loader.h"

namespace plainsight {

Reanalyze file_reanalysis(const Catalog& catalog, const Scenario& base, std::string path,
                          std::vector<std::string> sets, const DurationSource* measured,
                          const std::vector<Content>* arriving) {
  // Content propagation walks every flow; it is the same for every platform-only variant.
  auto computed = std::make_shared<std::optional<std::vector<Content>>>();
  return [&catalog, &base, path = std::move(path), sets = std::move(sets), measured, arriving,
          computed](const std::vector<std::string>& extra, std::vector<Window> spent) {
    AnalyzeOptions o;
    o.measured = measured;
    Variant v;
    // A platform set changes the whole cluster: the scenario's platform and every group's.
    PlatformSet platforms = base.platforms();
    bool platform_only = true;
    for (const std::string& e : extra) {
      platform_only = platform_only && try_apply_platform_set(platforms.base, catalog, e);
      for (std::optional<Platform>& g : platforms.groups)
        if (g) platform_only = platform_only && try_apply_platform_set(*g, catalog, e);
    }
    if (platform_only) {
      // What a reload would refuse, the shortcut refuses too: the caller takes InputError
      // as "this control does not fit the scenario".
      const SourceLocation where{"--set " + fmt::format("{}", fmt::join(extra, " ")), 0, 0};
      check_platform(catalog, platforms.base, where);
      for (const std::optional<Platform>& g : platforms.groups)
        if (g) check_platform(catalog, *g, where);
      check_hbm_fit(catalog, base, platforms, &where);
      // Shares `base` without owning it: the caller keeps it alive (see the header).
      v.scenario = std::shared_ptr<const Scenario>(std::shared_ptr<const Scenario>(), &base);
      o.platforms = &platforms;
      if (!arriving && !*computed) *computed = propagate_content(base, &catalog);
      o.arriving = arriving ? arriving : &**computed;
    } else {
      std::vector<std::string> all = sets;
      all.insert(all.end(), extra.begin(), extra.end());
      v.scenario = std::make_shared<const Scenario>(load_scenario(path, catalog, all));
    }
    v.windows = std::move(spent);
    compute_windows_into(v.windows, catalog, *v.scenario, o);
    return v;
  };
}

}  // namespace plainsight
