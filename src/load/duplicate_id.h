// Two items of one kind (place, group, stage, source) with the same id, as a message that
// blames the right one: a --set that gave either item its id is at fault, not the line of
// the original it now collides with (docs/limits.md, "--set KEY=VALUE").
#pragma once

#include <string>
#include <string_view>

#include "core/input_error.h"

namespace plainsight {

// Where one of the two items stands: `id` is where its id is written (the override's
// location, line 0, when a --set gave it), `line` the item's line in the file.
struct IdAt {
  SourceLocation id;
  int line = 0;
};

// Throws InputError "duplicate KIND id 'ID'": at an override that gave the first item its
// id when the second's is in the file ("(also at line L)"), else at the second
// ("(first at line L)").
[[noreturn]] void throw_duplicate_id(std::string_view kind, const std::string& id,
                                     const IdAt& first, const IdAt& second);

}  // namespace plainsight
