#include "load/scenario_flows.h"

#include <algorithm>

#include <fmt/format.h>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>

#include "core/ids.h"
#include "core/printable.h"
#include "load/did_you_mean.h"
#include "load/map_reader.h"
#include "load/scenario_keys.h"

namespace plainsight {

void read_flows(const YamlFile& f, const std::vector<FlowList>& flow_lists, const StageIndex& index,
                const Catalog& c, Scenario& s) {
  auto check_ref = [&](const std::string& id, const auto& list, const char* what, auto where) {
    for (const auto& x : list)
      if (x.id == id) return;
    const std::vector<std::string> known = ids_of(list);
    throw InputError(
        where(), fmt::format("unknown {} '{}'{}{}; known: {}", what, echo(id), f.renamed_note(id),
                             did_you_mean(id, known), listed(known)));
  };
  for (const auto& [fl, group_plus_one] : flow_lists) {
    // A group's flows name its own stages first ("fabric" is "node.fabric"), then any other.
    const std::string scope = group_plus_one ? s.groups[group_plus_one - 1].id + "." : "";
    const std::vector<YamlNode> flow_nodes = sequence_of(f, fl, "flows");
    // Grown geometrically: an exact reserve per list reallocates (copies) every flow read so
    // far for each of 5,000 groups.
    if (const std::size_t need = s.flows.size() + flow_nodes.size(); need > s.flows.capacity())
      s.flows.reserve(std::max(need, 2 * s.flows.capacity()));
    // Flows are mostly written in pipeline order: one starts where the previous ended and
    // goes to the stage listed next. Checking that stage first skips most hash probes,
    // whose cache misses dominated reading 100,000 flows.
    auto near_or_find = [&](const std::string& id, std::size_t guess) {
      if (!scope.empty())
        if (const std::uint32_t own = index.find(scope + id); own != StageIndex::kNone) return own;
      if (guess < s.stages.size() && s.stages[guess].id == id)
        return static_cast<std::uint32_t>(guess);
      return index.find(id);
    };
    for (const YamlNode& n : flow_nodes) {
      MapReader fr(f, n, "flow");
      fr.allow(scenario_mapping("flow"));
      Flow flow;
      flow.where = fr.at();
      flow.from = fr.id("from");
      // A hashed lookup: a linear scan per flow is quadratic on generated clusters.
      const std::uint32_t from =
          near_or_find(flow.from, s.flows.empty() ? 0 : s.flows.back().to_index);
      if (from == StageIndex::kNone)
        check_ref(flow.from, s.stages, "stage", [&] { return fr.at_value("from"); });
      flow.from = s.stages[from].id;
      flow.to = fr.id("to");
      const std::uint32_t to = near_or_find(flow.to, from + 1);
      if (to == StageIndex::kNone)
        check_ref(flow.to, s.stages, "stage", [&] { return fr.at_value("to"); });
      flow.to = s.stages[to].id;
      if (flow.from == flow.to)
        throw InputError(fr.at_value("to"), fmt::format("flow from '{}' to itself", flow.from));
      if (YamlNode e = fr.optional_node("encrypt")) {
        MapReader er(f, e, "flow encrypt");
        er.allow(scenario_mapping("flow_encrypt"));
        flow.encrypts = true;
        flow.key_custody = er.id("custody");
        check_ref(flow.key_custody, c.key_custodies, "key custody",
                  [&] { return er.at_value("custody"); });
        flow.scheme = er.name_or("scheme", "AES-256-GCM");
      }
      flow.decrypts = fr.on_off_or("decrypt", false);
      if (flow.encrypts && flow.decrypts)
        throw InputError(flow.where, "a flow cannot both encrypt and decrypt");
      flow.from_index = from;
      flow.to_index = to;
      s.flows.push_back(std::move(flow));
    }
  }
}

void check_acyclic(const Scenario& s) {
  // The pipeline must be acyclic: bytes flow from storage towards use.
  using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  auto acyclic = [&](std::size_t flows) {
    G g(s.stages.size());
    for (std::size_t i = 0; i < flows; ++i)
      boost::add_edge(s.flows[i].from_index, s.flows[i].to_index, g);
    try {
      std::vector<std::size_t> order;
      boost::topological_sort(g, std::back_inserter(order));
      return true;
    } catch (const boost::not_a_dag&) {
      return false;
    }
  };
  if (!acyclic(s.flows.size())) {
    // Blame the flow that closes the first cycle: the shortest prefix of the flows that has
    // one ends with it. Found by bisection, so a cycle at the end of 100,000 flows costs a
    // few sorts, not a search per flow.
    std::size_t lo = 0, hi = s.flows.size();  // the first lo flows are acyclic, the first hi not
    while (hi - lo > 1) {
      const std::size_t mid = lo + (hi - lo) / 2;
      (acyclic(mid) ? lo : hi) = mid;
    }
    const Flow& fl = s.flows[hi - 1];
    throw InputError(fl.where, fmt::format("flow '{}' -> '{}' closes a cycle; a pipeline must be "
                                           "acyclic",
                                           fl.from, fl.to));
  }
}

}  // namespace plainsight
