// Renders an analysis in one of the report formats. Every format carries the same facts.
// Each format writes to a stream as it goes: at cluster scale a report is hundreds of MB,
// and building it as one string (or one JSON tree) would double or triple the peak memory.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "analyze/analysis.h"

namespace plainsight {

enum class Format { table, md, csv, json, html, sarif, dot };

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

bool parse_format(const std::string& name, Format* out);
std::vector<std::string> format_names();
void render(std::ostream& out, const Analysis& analysis, Format format);
void render(std::ostream& out, const Analysis& analysis, Format format,
            const ReportOptions& options);
// The same bytes as a string: for tests and small reports.
std::string render(const Analysis& analysis, Format format);

void render_table(std::ostream& out, const Analysis& a);
void render_table(std::ostream& out, const Analysis& a, const ReportOptions& options);
void render_markdown(std::ostream& out, const Analysis& a);
void render_csv(std::ostream& out, const Analysis& a);
void render_json(std::ostream& out, const Analysis& a);
void render_html(std::ostream& out, const Analysis& a);
void render_sarif(std::ostream& out, const Analysis& a);
void render_sarif(std::ostream& out, const Analysis& a, const ReportOptions& options);
void render_dot(std::ostream& out, const Analysis& a);

// Each format as a string: for tests and small reports.
std::string render_table(const Analysis& a);
std::string render_markdown(const Analysis& a);
std::string render_csv(const Analysis& a);
std::string render_json(const Analysis& a);
std::string render_html(const Analysis& a);
std::string render_sarif(const Analysis& a);
std::string render_dot(const Analysis& a);

}  // namespace plainsight
