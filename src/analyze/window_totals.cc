#include "analyze/window_totals.h"

#include "analyze/window_reach.h"

namespace plainsight {

WindowTotals window_totals(const Scenario& s, const std::vector<Window>& windows) {
  WindowTotals t;
  t.windows = windows.size();
  for (std::size_t i = 0; i < windows.size(); ++i) {
    const Window& w = windows[i];
    const double n = static_cast<double>(w.replicas);
    t.stages += w.replicas;
    t.events += n * w.events;
    if (w.plaintext_total_s <= 0) continue;
    t.plaintext_stages += w.replicas;
    t.plaintext_bytes += n * w.bytes;
    t.plaintext_total_s += n * w.plaintext_total_s;
    // The same test as a reach's: all shards together hold the weights (window_reach.h).
    const Stage& st = s.stages[i];
    const double needed = full_copy_bytes(s, st);
    if (w.bytes * st.shards + 1e-9 * needed >= needed) t.plaintext_copies += w.replicas;
  }
  return t;
}

bool has_replicas(const std::vector<Window>& windows) {
  for (const Window& w : windows)
    if (w.replicas > 1) return true;
  return false;
}

}  // namespace plainsight
