// The colours of the drawn reports (HTML, DOT): each means one thing, says it in a legend, and
// the states and access levels run from dark (plaintext) to light (ciphertext, out of reach),
// so that a greyscale print keeps their order; every coloured mark also carries its words
// or code, so that nothing rests on colour alone.
#pragma once

#include <string>
#include <vector>

#include "core/state.h"

namespace plainsight {

struct Swatch {
  const char* fill;
  const char* text;  // a text colour readable on the fill
  const char* label;
};

// The state of the bytes at a stage.
Swatch state_swatch(State state);
// What a capability gets at a stage (a cell of the exposure matrix).
Swatch access_swatch(Access access);
// A key obtained where nothing else is (an outlined cell).
Swatch key_swatch();

// The states and accesses in legend order, darkest first.
std::vector<State> legend_states();
std::vector<Access> legend_accesses();

}  // namespace plainsight
