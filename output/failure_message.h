// What a command says when it fails at run time (exit 3), shared by the analyzer and the
// probes: an exception's text, except that running out of memory is said in words with what
// to do, never as a bare "std::bad_alloc".
#pragma once

#include <exception>
#include <string>

namespace plainsight::output {

std::string failure_message(const std::exception& e);

}  // namespace plainsight::output
