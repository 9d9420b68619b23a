// A probe file that contradicts itself: a result's confidential-computing state (params.cc,
// params.cc_multi_gpu) other than the one its machine identity records (the same NVML read
// stamps both), or a result's GPU (params.gpu) that is none of its machine's GPUs
// (machine.gpu.gpus[].name). Such a file is bad input, not a measurement that does not apply.
#pragma once

#include "load/measurement_file.h"

namespace plainsight {

// Throws InputError naming the file and both JSON locations at the first contradiction.
void check_consistent(const MeasurementFile& file);

}  // namespace plainsight
