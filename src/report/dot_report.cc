// DOT: the pipeline graph for graphviz, top to bottom in the order the bytes flow; stages
// coloured by state (legend beside them), flows marked where they encrypt or decrypt, and each
// stage's plaintext readers counted. `plainsight analyze S -f dot | dot -Tsvg > s.svg`.
#include <fmt/format.h>

#include "report/escaping.h"
#include "report/palette.h"
#include "report/phrases.h"
#include "report/render.h"

namespace plainsight {
namespace {

constexpr const char* kEncrypt = "#2166ac";
constexpr const char* kDecrypt = "#b2182b";

std::string readers_line(const Window& w) {
  const std::size_t n = w.plaintext_readers().size();
  if (n == 0) return "no capability reads plaintext";
  return fmt::format("plaintext to {} capabilit{}", n, n == 1 ? "y" : "ies");
}

}  // namespace

void render_dot(std::ostream& out, const Analysis& a) {
  out << "digraph plainsight {\n"
         "  rankdir=TB;\n  newrank=true;\n  fontname=\"Helvetica\";\n"
         "  node [shape=box, style=\"filled,rounded\", fontname=\"Helvetica\", fontsize=10];\n"
         "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  out << "  label=" << dot_string(a.scenario.name) << ";\n  labelloc=t;\n";
  for (const Window& w : a.windows) {
    const Swatch s = state_swatch(w.state);
    out << fmt::format("  {} [label={}, fillcolor=\"{}\", fontcolor=\"{}\"];\n",
                       dot_string(w.stage),
                       dot_string(name_phrase(w) + "\n" + w.location + "\n" + state_phrase(w) +
                                  "\n" + readers_line(w)),
                       s.fill, s.text);
  }
  for (const Flow& f : a.scenario.flows) {
    std::string attrs;
    if (f.encrypts)
      attrs = fmt::format(" [label={}, color=\"{}\", fontcolor=\"{}\", penwidth=2]",
                          dot_string("encrypts: " + f.scheme), kEncrypt, kEncrypt);
    else if (f.decrypts)
      attrs = fmt::format(
          " [label=\"decrypts\", color=\"{}\", fontcolor=\"{}\", style=dashed, "
          "penwidth=2]",
          kDecrypt, kDecrypt);
    out << fmt::format("  {} -> {}{};\n", dot_string(f.from), dot_string(f.to), attrs);
  }
  // The legend: one box per state, then the two kinds of marked flow.
  out << "  subgraph cluster_legend {\n    label=\"Legend\";\n    fontsize=10;\n"
         "    color=\"#999999\";\n    node [shape=box, fontsize=9, width=2.4];\n";
  // The legend's node ids hold a ':', which no stage id can: a stage named "legend_plaintext"
  // stays a node of its own.
  std::string previous;
  for (State st : legend_states()) {
    const Swatch s = state_swatch(st);
    const std::string id = fmt::format("\"legend:{}\"", to_string(st));
    out << fmt::format("    {} [label={}, fillcolor=\"{}\", fontcolor=\"{}\"];\n", id,
                       dot_string(s.label), s.fill, s.text);
    if (!previous.empty()) out << fmt::format("    {} -> {} [style=invis];\n", previous, id);
    previous = id;
  }
  out << fmt::format(
      "    \"legend:flow_a\" [label=\"\", shape=point, width=0.05];\n"
      "    \"legend:flow_b\" [label=\"\", shape=point, width=0.05];\n"
      "    \"legend:flow_c\" [label=\"\", shape=point, width=0.05];\n"
      "    {} -> \"legend:flow_a\" [style=invis];\n"
      "    \"legend:flow_a\" -> \"legend:flow_b\" [label=\"encrypting flow\", color=\"{}\", "
      "fontcolor=\"{}\", penwidth=2];\n"
      "    \"legend:flow_b\" -> \"legend:flow_c\" [label=\"decrypting flow\", color=\"{}\", "
      "fontcolor=\"{}\", style=dashed, penwidth=2];\n  }}\n",
      previous, kEncrypt, kEncrypt, kDecrypt, kDecrypt);
  out << "}\n";
}

}  // namespace plainsight
