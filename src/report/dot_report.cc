// DOT: the pipeline graph for graphviz, top to bottom in the order the bytes flow; stages
// coloured by state (legend beside them) and boxed by place, flows marked where they encrypt,
// decrypt or cross into another place, and each stage's plaintext readers counted. `plainsight
// analyze S -f dot | dot -Tsvg > s.svg`.
#include <fmt/format.h>

#include "analyze/trust_boundaries.h"
#include "report/escaping.h"
#include "report/palette.h"
#include "report/phrases.h"
#include "report/place_phrase.h"
#include "report/places_section.h"
#include "report/render.h"

namespace plainsight {
namespace {

constexpr const char* kEncrypt = "#2166ac";
constexpr const char* kDecrypt = "#b2182b";
constexpr const char* kBoundary = "#7b3294";  // a flow into another place

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
  // Stages grouped by place: one box around each place of a scenario that has places.
  const Scenario& sc = a.scenario;
  const bool places = has_places(a);
  for (std::size_t p = 0; p < sc.places.size(); ++p) {
    const std::string indent = places ? "    " : "  ";
    if (places)
      out << fmt::format(
          "  subgraph cluster_place_{} {{\n    label={};\n    fontsize=10;\n"
          "    style=\"rounded,dashed\";\n    color=\"{}\";\n",
          p, dot_string(place_phrase(*a.catalog, sc.places[p])), kBoundary);
    for (const Window& w : a.windows) {
      if (w.place != p) continue;
      const Swatch s = state_swatch(w.state);
      out << fmt::format("{}{} [label={}, fillcolor=\"{}\", fontcolor=\"{}\"];\n", indent,
                         dot_string(w.stage),
                         dot_string(name_phrase(w) + "\n" + w.location + "\n" + state_phrase(w) +
                                    "\n" + readers_line(w)),
                         s.fill, s.text);
    }
    if (places) out << "  }\n";
  }
  std::vector<bool> crosses(sc.flows.size(), false);
  for (const TrustBoundary& b : trust_boundaries(sc)) crosses[b.flow] = true;
  for (std::size_t i = 0; i < sc.flows.size(); ++i) {
    const Flow& f = sc.flows[i];
    std::string label, colour = "#444444", style;
    if (f.encrypts) label = "encrypts: " + f.scheme, colour = kEncrypt;
    if (f.decrypts) label = "decrypts", colour = kDecrypt, style = ", style=dashed";
    // A flow into another place: a thicker line, its label saying so.
    if (crosses[i]) {
      label += label.empty() ? "crosses into another place" : "; crosses into another place";
      if (!f.encrypts && !f.decrypts) colour = kBoundary;
    }
    std::string attrs;
    if (!label.empty() || crosses[i])
      attrs = fmt::format(" [label={}, color=\"{}\", fontcolor=\"{}\"{}, penwidth={}]",
                          dot_string(label), colour, colour, style, crosses[i] ? 3 : 2);
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
      "fontcolor=\"{}\", style=dashed, penwidth=2];\n",
      previous, kEncrypt, kEncrypt, kDecrypt, kDecrypt);
  if (has_places(a))
    out << fmt::format(
        "    \"legend:flow_d\" [label=\"\", shape=point, width=0.05];\n"
        "    \"legend:flow_c\" -> \"legend:flow_d\" [label=\"flow into another place\", "
        "color=\"{}\", "
        "fontcolor=\"{}\", penwidth=3];\n",
        kBoundary, kBoundary);
  out << "  }\n";
  out << "}\n";
}

}  // namespace plainsight
