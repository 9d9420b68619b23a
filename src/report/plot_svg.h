// The marks the research plots are drawn with (written by hand, as the report's other drawings
// are: no plotting library to install, the same bytes on every machine), the frame of a plot
// and the self-contained HTML page that holds one. Text from scenarios goes through
// html_text(): it is shown, never markup.
#pragma once

#include <string>
#include <string_view>

namespace plainsight {

// The opening of a standalone SVG document of this size, white behind it (a PNG made from it
// is not transparent), with its title for screen readers; close with svg_close().
std::string svg_open(double width, double height, std::string_view title);
std::string svg_close();

// Text at (x, y); `anchor` start, middle or end; `rotate` degrees about (x, y); `extra`
// attributes as written (fill, font-weight).
std::string svg_text(double x, double y, std::string_view text, double size,
                     std::string_view anchor = "start", double rotate = 0,
                     std::string_view extra = "");
// About how wide `text` is drawn at `size` px in the plots' sans-serif font (0.6 em a
// character, UTF-8 counted by characters): for sizing columns, not for placing glyphs.
double text_width(std::string_view text, double size);
std::string svg_line(double x1, double y1, double x2, double y2, std::string_view stroke,
                     double width = 1, std::string_view extra = "");
std::string svg_rect(double x, double y, double w, double h, std::string_view fill,
                     std::string_view extra = "");

// A colour of the sequential scale the heat maps use, light (0) to dark (1), and whether text
// on it reads better in white.
std::string heat_colour(double t);
bool heat_dark(double t);

// A categorical colour for series `i` (Okabe and Ito's colour-blind-safe palette), and a
// marker shape drawn at (x, y) in it: the series differ by shape as well as by colour.
std::string series_colour(std::size_t i);
std::string series_marker(std::size_t i, double x, double y, double r = 4);

// A self-contained page: the title, the drawing, a caption and a table (both HTML, already
// escaped by the caller), nothing fetched.
std::string plot_page(std::string_view title, std::string_view svg, std::string_view caption,
                      std::string_view table);

}  // namespace plainsight
