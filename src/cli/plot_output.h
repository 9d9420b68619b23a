// --plot FILE: a research plot written as FILE's extension says, atomically like every -o:
// .svg the drawing itself, .html a self-contained page holding it, .png the drawing
// rasterised by rsvg-convert (librsvg2-bin, which tools/setup installs): librsvg renders SVG
// faithfully, starts in milliseconds and gives the same pixels on every run, where a headless
// browser would add a second to every plot and a browser profile to every machine.
#pragma once

#include <string>

namespace plainsight::cli {

// Throws InputError (exit 2) naming --plot when the extension is none of .svg, .png, .html.
void check_plot_path(const std::string& path);

// Writes the plot. `svg` is the drawing; `html` the page (only asked for when FILE is .html).
// A missing or failing rsvg-convert is a runtime error (exit 3) that says what to install;
// nothing is written then.
void write_plot(const std::string& path, const std::string& svg, const std::string& html);

}  // namespace plainsight::cli
