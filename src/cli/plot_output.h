// --plot FILE: a research plot written as FILE's extension says, atomically like every -o
// (write_output):
// .svg the drawing itself, .html a self-contained page holding it, .png the drawing
// rasterised by rsvg-convert (librsvg2-bin, which tools/setup installs): librsvg renders SVG
// faithfully, starts in milliseconds and gives the same pixels on every run, where a headless
// browser would add a second to every plot and a browser profile to every machine.
#pragma once

#include <functional>
#include <string>

namespace plainsight::cli {

// Checked before the command does its work, so that a plot that cannot be written costs
// nothing and leaves nothing behind: throws InputError (exit 2) naming --plot when the
// extension is none of .svg, .png, .html or PATH is the -o file `output` too; the -o message
// ("PATH: cannot write here: the folder does not exist") when PATH cannot take a file.
void check_plot_target(const std::string& path, const std::string& output);

// The plot's bytes as PATH's extension asks: `svg` itself, the page `html()` (only called for
// .html), or the PNG. Made before anything is written: a missing or failing rsvg-convert is a
// runtime error (exit 3) that says what to install, and neither -o nor the plot is written.
std::string plot_bytes(const std::string& path, const std::string& svg,
                       const std::function<std::string()>& html);

}  // namespace plainsight::cli
