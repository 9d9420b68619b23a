#include "report/pipeline_drawing.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "analyze/pipeline_graph.h"
#include "analyze/trust_boundaries.h"
#include "report/escaping.h"
#include "report/palette.h"
#include "report/phrases.h"
#include "report/place_phrase.h"
#include "report/places_section.h"

namespace plainsight {
namespace {

// A box holds three lines of name, two of location, two of state and three of readers: wrapped
// at spaces, not cut, so that print keeps them (a tooltip does not print).
constexpr int kBoxW = 230, kBoxH = 143, kGapX = 30, kGapY = 48, kMargin = 16;
constexpr int kBandPad = 10, kBandLabel = 47;  // a place's band: inner margin, label height
constexpr const char* kEncrypt = "#2166ac";
constexpr const char* kDecrypt = "#b2182b";
constexpr const char* kBoundary = "#7b3294";  // places and flows into another place
// Ciphertext read in full through a released key: the matrix's R colour.
constexpr const char* kReleasedFill = "#8c510a";

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

// Up to `lines` lines of at most `width` characters, cut at spaces; the last cut with "…".
std::vector<std::string> wrapped(const std::string& s, std::size_t width, std::size_t lines) {
  std::vector<std::string> out;
  std::string line;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find(' ', start);
    if (end == std::string::npos) end = s.size();
    const std::string word = s.substr(start, end - start);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      if (out.size() + 1 == lines) {
        out.push_back(cut(line + " " + s.substr(start), width));
        return out;
      }
      out.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  if (!line.empty()) out.push_back(cut(line, width));
  return out;
}

std::string text(int x, int y, const std::string& s, const char* colour, const char* extra = "") {
  return fmt::format("<text x=\"{}\" y=\"{}\" fill=\"{}\"{}>{}</text>", x, y, colour, extra,
                     html_text(s));
}

// Where everything goes. Layers: the longest chain of flows leading to each stage. With
// places, each place is a band of its own, side by side: its stages sit in its band, in the
// same layers as everywhere. Without, one band holds them all, unmarked.
struct Layout {
  explicit Layout(const Analysis& a) {
    const Scenario& s = a.scenario;
    const std::size_t n = s.stages.size();
    const PipelineGraph g = build_pipeline_graph(s);
    layer.assign(n, 0);
    for (std::size_t v : topological_order(g))
      for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
        const std::size_t t = boost::target(*e, g);
        layer[t] = std::max(layer[t], layer[v] + 1);
      }
    const int layers = n ? *std::max_element(layer.begin(), layer.end()) + 1 : 0;
    bands = has_places(a);
    places = bands ? s.places.size() : 1;
    band.assign(n, 0);
    if (bands)
      for (std::size_t i = 0; i < n; ++i) band[i] = static_cast<std::size_t>(s.stages[i].place);
    std::vector<std::vector<int>> per_layer(places, std::vector<int>(layers, 0));
    column.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) column[i] = per_layer[band[i]][layer[i]]++;
    band_x.assign(places, 0);
    band_w.assign(places, 0);
    int right = kMargin;
    for (std::size_t p = 0; p < places; ++p) {
      const int widest = *std::max_element(per_layer[p].begin(), per_layer[p].end());
      if (widest == 0) continue;  // a place with no stage takes no room
      band_x[p] = right;
      band_w[p] = widest * (kBoxW + kGapX) - kGapX + (bands ? 2 * kBandPad : 0);
      right += band_w[p] + kGapX;
    }
    top = kMargin + (bands ? kBandLabel : 0);
    legend_x = right;
    width = legend_x + 300;
    height = std::max(top + kMargin + layers * (kBoxH + kGapY), 420);
  }
  int x_of(std::size_t i) const {
    return band_x[band[i]] + (bands ? kBandPad : 0) + column[i] * (kBoxW + kGapX);
  }
  int y_of(std::size_t i) const { return top + layer[i] * (kBoxH + kGapY); }

  bool bands = false;
  std::size_t places = 1;
  std::vector<int> layer, column;   // per stage
  std::vector<std::size_t> band;    // per stage
  std::vector<int> band_x, band_w;  // per place
  int top = 0, legend_x = 0, width = 0, height = 0;
};

void write_header(std::ostream& out, const Layout& l) {
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
      l.width, l.height, l.width, kEncrypt, kDecrypt);
}

// The bands of the places, each labelled with what it is and who runs it.
void write_bands(std::ostream& out, const Analysis& a, const Layout& l) {
  const Scenario& s = a.scenario;
  for (std::size_t p = 0; p < l.places; ++p) {
    if (l.band_w[p] == 0) continue;
    out << fmt::format(
        "<g class=\"place\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" "
        "height=\"{}\" rx=\"10\" fill=\"#f6f2f9\" stroke=\"{}\" stroke-dasharray=\"6 4\"/>",
        html_text(place_phrase(*a.catalog, s.places[p])), l.band_x[p], kMargin, l.band_w[p],
        l.height - 2 * kMargin, kBoundary);
    const std::vector<std::string> label = wrapped(place_phrase(*a.catalog, s.places[p]),
                                                   static_cast<std::size_t>(l.band_w[p] / 7), 3);
    for (std::size_t k = 0; k < label.size(); ++k)
      out << text(l.band_x[p] + 8, kMargin + 15 + 13 * static_cast<int>(k), label[k], kBoundary,
                  " font-size=\"11\" font-weight=\"bold\"");
    out << "</g>\n";
  }
}

// The flows: arrows marked where they encrypt or decrypt, banded where they enter another
// place.
void write_flows(std::ostream& out, const Scenario& s, const Layout& l) {
  std::vector<bool> crosses(s.flows.size(), false);
  for (const TrustBoundary& b : trust_boundaries(s)) crosses[b.flow] = true;
  std::set<std::pair<std::size_t, std::string>> labelled;
  for (std::size_t fi = 0; fi < s.flows.size(); ++fi) {
    const Flow& f = s.flows[fi];
    const std::size_t u = f.from_index, v = f.to_index;
    const int x1 = l.x_of(u) + kBoxW / 2, y1 = l.y_of(u) + kBoxH;
    const int x2 = l.x_of(v) + kBoxW / 2, y2 = l.y_of(v);
    // Into another place: a wide band under the line.
    if (crosses[fi])
      out << fmt::format(
          "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"7\" "
          "stroke-opacity=\"0.35\"/>\n",
          x1, y1, x2, y2 - 2, kBoundary);
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
}

// Each stage a box coloured by its state: its name, location, state and plaintext readers.
void write_stages(std::ostream& out, const Analysis& a, const Layout& l) {
  const Scenario& s = a.scenario;
  for (std::size_t i = 0; i < s.stages.size(); ++i) {
    const Window& w = a.windows[i];
    const Swatch sw = state_swatch(w.state);
    const int x = l.x_of(i), y = l.y_of(i);
    // Readers by name, as the tables write them.
    auto name_of = [&](const std::string& id) {
      const Capability* cap = Catalog::find(a.catalog->capabilities, id);
      return cap ? cap->name : id;
    };
    const std::vector<std::string> readers = w.plaintext_readers();
    std::string who = readers.empty() ? "no plaintext reader" : "plaintext to: ";
    for (std::size_t k = 0; k < readers.size(); ++k) who += (k ? ", " : "") + name_of(readers[k]);
    // Ciphertext that a capability still reads in full through a released key says so: the
    // same mark as the matrix's R, not "no plaintext reader".
    std::string released;
    for (std::size_t k = 0; a.threat.computed && k < w.cells.size(); ++k)
      if (const FullCopyRoute* r = a.threat.route(i, k);
          r && r->released_key && w.cells[k].access != Access::plaintext)
        released += (released.empty() ? "" : ", ") + name_of(w.cells[k].capability);
    if (!released.empty())
      who = (readers.empty() ? "" : who + "; ") + "via a released key: " + released;
    const bool decides = a.threat.computed && a.threat.decides(i);
    const char* ink = released.empty() ? sw.text : "#fff";
    out << fmt::format(
        "<g class=\"stage\"><title>{}</title>",
        html_text(name_phrase(w) + ": " + who + (decides ? "; decides the verdict" : "")));
    out << fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"8\" fill=\"{}\" "
        "stroke=\"{}\" stroke-width=\"{}\"/>",
        x, y, kBoxW, kBoxH, released.empty() ? sw.fill : kReleasedFill, decides ? "#000" : "#333",
        decides ? 4 : 1);
    // Line by line, each part wrapped to its own width and lines.
    int ty = y + 4;
    auto lines = [&](const std::string& words, std::size_t width, std::size_t most, int step,
                     const char* style) {
      for (const std::string& line : wrapped(words, width, most))
        out << text(x + 8, ty += step, line, ink, style);
    };
    lines(name_phrase(w), 27, 3, 14, " font-weight=\"bold\" font-size=\"13\"");
    lines(w.location, 36, 2, 13, " font-size=\"11\"");
    lines(state_phrase(w, s.stages[i]), 36, 2, 13, " font-size=\"11\" font-style=\"italic\"");
    lines(who, 40, 3, 12, " font-size=\"10\"");
    out << "</g>\n";
  }
}

// The legend: states, then the kinds of marked flow (and, with places, the places').
void write_legend(std::ostream& out, const Layout& l) {
  int ly = kMargin;
  out << text(l.legend_x + 10, ly + 10, "Legend", "#000", " font-weight=\"bold\" font-size=\"12\"")
      << "\n";
  ly += 20;
  for (State st : legend_states()) {
    const Swatch sw = state_swatch(st);
    out << fmt::format(
               "<rect x=\"{}\" y=\"{}\" width=\"22\" height=\"16\" rx=\"3\" fill=\"{}\" "
               "stroke=\"#333\"/>",
               l.legend_x + 10, ly, sw.fill)
        << text(l.legend_x + 38, ly + 12, cut(sw.label, 44), "#000", " font-size=\"11\"") << "\n";
    ly += 24;
  }
  out << fmt::format(
             "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"3\" "
             "marker-end=\"url(#arrow-enc)\"/>",
             l.legend_x + 10, ly + 8, l.legend_x + 34, kEncrypt)
      << text(l.legend_x + 38, ly + 12, "encrypting flow", "#000", " font-size=\"11\"") << "\n";
  ly += 24;
  out << fmt::format(
             "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"3\" "
             "stroke-dasharray=\"7 4\" marker-end=\"url(#arrow-dec)\"/>",
             l.legend_x + 10, ly + 8, l.legend_x + 34, kDecrypt)
      << text(l.legend_x + 38, ly + 12, "decrypting flow", "#000", " font-size=\"11\"") << "\n";
  ly += 24;
  if (l.bands) {
    out << fmt::format(
               "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" "
               "stroke-width=\"7\" stroke-opacity=\"0.35\"/>",
               l.legend_x + 10, ly + 8, l.legend_x + 34, kBoundary)
        << text(l.legend_x + 38, ly + 12, "flow into another place", "#000", " font-size=\"11\"")
        << "\n";
    ly += 24;
    out << fmt::format(
               "<rect x=\"{}\" y=\"{}\" width=\"22\" height=\"16\" rx=\"4\" fill=\"#f6f2f9\" "
               "stroke=\"{}\" stroke-dasharray=\"4 3\"/>",
               l.legend_x + 10, ly, kBoundary)
        << text(l.legend_x + 38, ly + 12, "a place: whose machine it is", "#000",
                " font-size=\"11\"")
        << "\n";
    ly += 24;
  }
  // The two marks every format shares: a full copy read through a released key, and a stage
  // that decides the verdict.
  for (const auto& [fill, stroke, width, label] :
       {std::tuple{kReleasedFill, "#333", 1, "read through a released key"},
        std::tuple{"#fff", "#000", 4, "decides the verdict"}}) {
    out << fmt::format(
               "<rect x=\"{}\" y=\"{}\" width=\"22\" height=\"16\" rx=\"3\" fill=\"{}\" "
               "stroke=\"{}\" stroke-width=\"{}\"/>",
               l.legend_x + 10, ly, fill, stroke, width)
        << text(l.legend_x + 38, ly + 12, label, "#000", " font-size=\"11\"") << "\n";
    ly += 24;
  }
  out << text(l.legend_x + 10, ly + 12, "Last lines of a stage: who reads", "#000",
              " font-size=\"11\"")
      << text(l.legend_x + 10, ly + 26, "its bytes in plaintext there.", "#000",
              " font-size=\"11\"")
      << "\n</svg>\n";
}

}  // namespace

void pipeline_svg(std::ostream& out, const Analysis& a) {
  const Layout l(a);
  write_header(out, l);
  if (l.bands) write_bands(out, a, l);
  write_flows(out, a.scenario, l);
  write_stages(out, a, l);
  write_legend(out, l);
}

}  // namespace plainsight
