// Reads model/controls.yaml: each control's places (conditions on place attributes) and the
// platform keys it sets, with alternatives. A key or value the platform key table does not
// know is an error at catalog load, naming the control (a typo would otherwise make it
// silently unfit everywhere).
#pragma once

#include "core/catalog.h"
#include "load/map_reader.h"

namespace plainsight {

Control read_control(MapReader& r, const Catalog& catalog);

}  // namespace plainsight
