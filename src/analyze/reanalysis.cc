#include "analyze/reanalysis.h"

#include <memory>
#include <optional>

#include "analyze/windows.h"

namespace plainsight {

Reanalyze platform_reanalysis(const Catalog& catalog, const Scenario& base,
                              const DurationSource* measured,
                              const std::vector<Content>* arriving) {
  // Content propagation walks every flow; it is the same for every variant.
  auto computed = std::make_shared<std::optional<std::vector<Content>>>();
  return [&catalog, &base, measured, arriving, computed](const PlatformSet& platforms,
                                                         std::vector<Window> spent) {
    AnalyzeOptions o;
    o.measured = measured;
    o.platforms = &platforms;
    if (!arriving && !*computed) *computed = propagate_content(base, &catalog);
    o.arriving = arriving ? arriving : &**computed;
    Variant v;
    // Shares `base` without owning it: the caller keeps it alive (see the header).
    v.scenario = std::shared_ptr<const Scenario>(std::shared_ptr<const Scenario>(), &base);
    v.windows = std::move(spent);
    compute_windows_into(v.windows, catalog, base, o);
    return v;
  };
}

}  // namespace plainsight
