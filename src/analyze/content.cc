#include "analyze/content.h"

#include <map>
#include <tuple>

#include "analyze/pipeline_graph.h"

namespace plainsight {

namespace {

// True when `a` is weaker than `b`: both encrypted, and a's key is readable by more.
bool weaker(const Content& a, const Content& b, const Catalog* c) {
  auto readers = [c](const std::string& custody) -> std::size_t {
    const PlatformOption* k = c ? Catalog::find(c->key_custodies, custody) : nullptr;
    return k ? k->key_readers.size() : 0;
  };
  std::size_t ra = readers(a.custody), rb = readers(b.custody);
  if (ra != rb) return ra > rb;
  return std::tie(a.custody, a.scheme) < std::tie(b.custody, b.scheme);
}

}  // namespace

std::vector<Content> propagate_content(const Scenario& s, const Catalog* catalog) {
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
      } else if (in[t].encrypted && weaker(c, in[t], catalog)) {
        in[t] = c;
      }
    }
  }
  return in;
}

}  // namespace plainsight
