// Errors in user input carry where they are: file, line and column (1-based).
#pragma once

#include <stdexcept>
#include <string>

namespace plainsight {

struct SourceLocation {
  std::string file;
  int line = 0;             // 1-based; 0 when unknown
  int column = 0;           // 1-based; 0 when unknown
  std::string str() const;  // "file:line:col", or "file" when line is unknown
};

// Bad scenario, catalog, overlay or measurement input: the CLI prints what() and exits 2.
class InputError : public std::runtime_error {
 public:
  InputError(SourceLocation where, const std::string& message);
  const SourceLocation& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  SourceLocation where_;
  std::string message_;
};

}  // namespace plainsight
