// DOT: the pipeline graph for graphviz; stages coloured by state, flows labelled when they
// encrypt or decrypt. `plainsight analyze S -f dot | dot -Tsvg > s.svg`.
#include <fmt/format.h>

#include "report/phrases.h"
#include "report/render.h"

namespace plainsight {
namespace {

std::string q(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out + "\"";
}

const char* colour(State s) {
  switch (s) {
    case State::plaintext:
      return "#f5b7b1";
    case State::ciphertext_then_plaintext:
      return "#fad7a0";
    case State::deterministic_ciphertext:
      return "#f9e79f";
    case State::ciphertext:
      return "#abebc6";
    case State::metadata_only:
      return "#d6eaf8";
  }
  return "white";
}

}  // namespace

void render_dot(std::ostream& out, const Analysis& a) {
  out << "digraph plainsight {\n  rankdir=LR;\n  node [shape=box, style=filled, "
         "fontname=\"Helvetica\"];\n";
  out << "  label=" << q(a.scenario.name) << ";\n";
  for (const Window& w : a.windows)
    out << fmt::format("  {} [label={}, fillcolor=\"{}\"];\n", q(w.stage),
                       q(name_phrase(w) + "\\n" + w.location + "\\n" + state_phrase(w)),
                       colour(w.state));
  for (const Flow& f : a.scenario.flows) {
    std::string label = f.encrypts ? "encrypt: " + f.scheme : f.decrypts ? "decrypt" : "";
    out << fmt::format("  {} -> {}{};\n", q(f.from), q(f.to),
                       label.empty() ? "" : " [label=" + q(label) + "]");
  }
  out << "}\n";
}

}  // namespace plainsight
