#include "analyze/content.h"

#include <map>

#include "analyze/pipeline_graph.h"

namespace plainsight {

std::vector<Content> propagate_content(const Scenario& s) {
  PipelineGraph g = build_pipeline_graph(s);
  std::vector<Content> in(s.stages.size());
  std::vector<bool> reached(s.stages.size(), false);
  for (std::size_t v = 0; v < s.stages.size(); ++v)
    if (boost::in_degree(v, g) == 0 && s.origin_encrypted)
      in[v] = Content{true, s.origin_custody, s.origin_scheme};
  for (std::size_t v : topological_order(g)) {
    const Stage& st = s.stages[v];
    Content out = in[v];
    if (st.decrypts) out = Content{};
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
      const Flow& f = s.flows[g[*e].flow];
      Content c = out;
      if (f.encrypts) c = Content{true, f.key_custody, f.scheme};
      if (f.decrypts) c = Content{};
      std::size_t t = boost::target(*e, g);
      if (!reached[t]) {
        in[t] = c;
        reached[t] = true;
      } else if (!c.encrypted) {
        in[t] = c;  // any plaintext arrival makes the stage hold plaintext
      }
    }
  }
  return in;
}

}  // namespace plainsight
