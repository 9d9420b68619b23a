// A source document: every catalog fact cites one by id (core/citation.h).
#pragma once

#include <string>

#include "core/input_error.h"

namespace plainsight {

struct Source {
  std::string id;
  std::string title;
  std::string publisher;
  std::string url;
  std::string date;  // "2026-03-16", "2025-12" or "2024": as precise as the source says
  std::string read;  // how it was read when not the publisher's live page ("" when it was)
  SourceLocation where;
};

}  // namespace plainsight
