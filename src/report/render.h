// Renders an analysis in one of the report formats. Every format carries the same facts.
// Each format writes to a stream as it goes: at cluster scale a report is hundreds of MB,
// and building it as one string (or one JSON tree) would double or triple the peak memory.
//
// The formats are one table (report_formats(), render.cc): `analyze --format` takes its
// names, the help text lists them, and tools/regen-reports reads names and extensions from
// `analyze --list-formats`. A new format is its own file (render_NAME below) and one row.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/analysis.h"

namespace plainsight {

// The plain-text table's layout: `compact` fits the width (the verdict, the windows in short
// form, the attack paths), `detail` adds every section fitted to the width, `wide` is every
// section with its tables unwrapped (lines as long as their cells).
enum class TableLayout { wide, compact, detail };

// What a report links to outside itself, and how the table is laid out.
struct ReportOptions {
  // Absolute URL of plainsight's docs/ folder (no trailing '/'): SARIF rules link their help
  // there (helpUri must be absolute). Empty: the help names the docs' path, and no link.
  std::string docs_url;
  TableLayout table = TableLayout::wide;
  // SARIF: the directory artifact URIs are relative to (%SRCROOT%); empty: the working
  // directory. And the command line (after "plainsight") for run.invocations; empty: none.
  std::string srcroot;
  std::vector<std::string> arguments;
  std::size_t width = 120;  // compact and detail tables: at most this many columns
};

struct ReportFormat {
  std::string_view name;       // the --format value
  std::string_view extension;  // of its file in reports/, without the dot
  void (*render)(std::ostream& out, const Analysis& analysis, const ReportOptions& options);
};

// Every format, in the order the help lists them.
std::span<const ReportFormat> report_formats();
// The format named `name`, or null.
const ReportFormat* find_format(std::string_view name);

// The report in the format named `name` as a string, for tests and small reports; throws
// std::invalid_argument for a name that is not in the table.
std::string render(const Analysis& analysis, std::string_view name,
                   const ReportOptions& options = {});

// One function per format, each in its own file.
void render_table(std::ostream& out, const Analysis& a);
void render_table(std::ostream& out, const Analysis& a, const ReportOptions& options);
void render_markdown(std::ostream& out, const Analysis& a);
void render_csv(std::ostream& out, const Analysis& a);
void render_json(std::ostream& out, const Analysis& a);
void render_html(std::ostream& out, const Analysis& a);
void render_sarif(std::ostream& out, const Analysis& a, const ReportOptions& options);
void render_dot(std::ostream& out, const Analysis& a);

}  // namespace plainsight
