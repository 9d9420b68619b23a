// The SHA-256 of a file's bytes in hex (OpenSSL): the HTML report's footer names the exact
// scenario it was made from.
#pragma once

#include <string>

namespace plainsight::cli {

// "" when the file cannot be read.
std::string file_sha256(const std::string& path);

}  // namespace plainsight::cli
