#include "output/failure_message.h"

#include <new>

namespace plainsight::output {

std::string failure_message(const std::exception& e) {
  if (dynamic_cast<const std::bad_alloc*>(&e))
    return "out of memory (std::bad_alloc): the system gave the run no more memory (a limit "
           "such as ulimit -v, or a full machine); run with fewer --threads, a smaller input, or "
           "more memory";
  return e.what();
}

}  // namespace plainsight::output
