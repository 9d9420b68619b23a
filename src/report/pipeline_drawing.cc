#include "report/pipeline_drawing.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "analyze/pipeline_graph.h"
#include "report/escaping.h"
#include "report/palette.h"
#include "report/phrases.h"
#include "report/shortened.h"

namespace plainsight {
namespace {

constexpr int kBoxW = 230, kBoxH = 70, kGapX = 30, kGapY = 56, kMargin = 16;
constexpr const char* kEncrypt = "#2166ac";
constexpr const char* kDecrypt = "#b2182b";

// Cut to `n` characters (UTF-8 aware), "…" when cut: SVG text does not wrap.
std::string cut(const std::string& s, std::size_t n) {
  std::size_t chars = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (chars == n) return s.substr(0, i) + "\xE2\x80\xA6";
      ++chars;
    }
  }
  return s;
}

std::string text(int x, int y, const std::string& s, const char* colour, const char* extra = "") {
  return fmt::format("<text x=\"{}\" y=\"{}\" fill=\"{}\"{}>{}</text>", x, y, colour, extra,
                     html_text(s));
}

}  // namespace

void pipeline_svg(std::ostream& out, const Analysis& a) {
  const Scenario& s = a.scenario;
  const std::size_t n = s.stages.size();
  // Layers: the longest chain of flows leading to each stage.
  const PipelineGraph g = build_pipeline_graph(s);
  std::vector<int> layer(n, 0);
  for (std::size_t v : topological_order(g))
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
      const std::size_t t = boost::target(*e, g);
      layer[t] = std::max(layer[t], layer[v] + 1);
    }
  const int layers = n ? *std::max_element(layer.begin(), layer.end()) + 1 : 0;
  std::vector<int> column(n, 0), per_layer(layers, 0);
  for (std::size_t i = 0; i < n; ++i) column[i] = per_layer[layer[i]]++;
  const int widest = per_layer.empty() ? 0 : *std::max_element(per_layer.begin(), per_layer.end());
  const int legend_x = kMargin + widest * (kBoxW + kGapX);
  const int width = legend_x + 300;
  const int height = std::max(kMargin * 2 + layers * (kBoxH + kGapY), 330);
  auto x_of = [&](std::size_t i) { return kMargin + column[i] * (kBoxW + kGapX); };
  auto y_of = [&](std::size_t i) { return kMargin + layer[i] * (kBoxH + kGapY); };

  out << fmt::format(
      "<svg class=\"pipeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "width=\"{}\" role=\"img\" aria-labelledby=\"pipeline-title\">\n"
      "<title id=\"pipeline-title\">The pipeline: stages coloured by state, flows marked where "
      "they encrypt or decrypt</title>\n"
      "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
      "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" "
      "fill=\"#444\"/></marker>"
      "<marker id=\"arrow-enc\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
      "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" "
      "fill=\"{}\"/></marker>"
      "<marker id=\"arrow-dec\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
      "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" "
      "fill=\"{}\"/></marker></defs>\n",
      width, height, width, kEncrypt, kDecrypt);
  // Flows first, so that the boxes cover their ends.
  std::set<std::pair<std::size_t, std::string>> labelled;
  for (const Flow& f : s.flows) {
    const Stage* from = s.stage(f.from);
    const Stage* to = s.stage(f.to);
    if (!from || !to) continue;
    const std::size_t u = static_cast<std::size_t>(from - s.stages.data());
    const std::size_t v = static_cast<std::size_t>(to - s.stages.data());
    const int x1 = x_of(u) + kBoxW / 2, y1 = y_of(u) + kBoxH;
    const int x2 = x_of(v) + kBoxW / 2, y2 = y_of(v);
    const char* colour = f.encrypts ? kEncrypt : f.decrypts ? kDecrypt : "#444";
    out << fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"{} "
        "marker-end=\"url(#{})\"/>\n",
        x1, y1, x2, y2 - 2, colour, f.encrypts || f.decrypts ? 3 : 1.5,
        f.decrypts ? " stroke-dasharray=\"7 4\"" : "",
        f.encrypts   ? "arrow-enc"
        : f.decrypts ? "arrow-dec"
                     : "arrow");
    // A stage that fans out to many (a store feeding every class of node) would stack the
    // same words on each arrow: they are written once, on the first.
    const std::string label = f.encrypts ? cut("encrypts: " + f.scheme, 34) : "decrypts";
    if ((f.encrypts || f.decrypts) && labelled.insert({u, label}).second)
      out << text((x1 + x2) / 2 + 6, (y1 + y2) / 2 + 4, label, colour,
                  " font-size=\"11\" font-weight=\"bold\"")
          << "\n";
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Window& w = a.windows[i];
    const Swatch sw = state_swatch(w.state);
    const int x = x_of(i), y = y_of(i);
    const std::vector<std::string> readers = w.plaintext_readers();
    std::string who = readers.empty() ? "no plaintext reader" : "plaintext to: ";
    for (std::size_t k = 0; k < readers.size(); ++k) who += (k ? ", " : "") + readers[k];
    out << fmt::format("<g class=\"stage\"><title>{}</title>",
                       html_text(name_phrase(w) + ": " + who));
    out << fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"8\" fill=\"{}\" "
        "stroke=\"#333\" stroke-width=\"1\"/>",
        x, y, kBoxW, kBoxH, sw.fill);
    out << text(x + 8, y + 17, shortened(name_phrase(w), 26), sw.text,
                " font-weight=\"bold\" font-size=\"13\"")
        << text(x + 8, y + 33, cut(w.location, 35), sw.text, " font-size=\"11\"")
        << text(x + 8, y + 48, cut(state_phrase(w, s.stages[i]), 36), sw.text,
                " font-size=\"11\" font-style=\"italic\"")
        << text(x + 8, y + 63, cut(who, 42), sw.text, " font-size=\"10\"") << "</g>\n";
  }
  // Legend: states, then the two kinds of marked flow.
  int ly = kMargin;
  out << text(legend_x + 10, ly + 10, "Legend", "#000", " font-weight=\"bold\" font-size=\"12\"")
      << "\n";
  ly += 20;
  for (State st : legend_states()) {
    const Swatch sw = state_swatch(st);
    out << fmt::format(
               "<rect x=\"{}\" y=\"{}\" width=\"22\" height=\"16\" rx=\"3\" fill=\"{}\" "
               "stroke=\"#333\"/>",
               legend_x + 10, ly, sw.fill)
        << text(legend_x + 38, ly + 12, cut(sw.label, 44), "#000", " font-size=\"11\"") << "\n";
    ly += 24;
  }
  out << fmt::format(
             "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"3\" "
             "marker-end=\"url(#arrow-enc)\"/>",
             legend_x + 10, ly + 8, legend_x + 34, kEncrypt)
      << text(legend_x + 38, ly + 12, "encrypting flow", "#000", " font-size=\"11\"") << "\n";
  ly += 24;
  out << fmt::format(
             "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"3\" "
             "stroke-dasharray=\"7 4\" marker-end=\"url(#arrow-dec)\"/>",
             legend_x + 10, ly + 8, legend_x + 34, kDecrypt)
      << text(legend_x + 38, ly + 12, "decrypting flow", "#000", " font-size=\"11\"") << "\n";
  ly += 24;
  out << text(legend_x + 10, ly + 12, "Last line of a stage: who reads", "#000",
              " font-size=\"11\"")
      << text(legend_x + 10, ly + 26, "its bytes in plaintext there.", "#000", " font-size=\"11\"")
      << "\n</svg>\n";
}

}  // namespace plainsight
