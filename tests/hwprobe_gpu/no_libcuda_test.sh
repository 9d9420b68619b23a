#!/usr/bin/env bash
# The probe binary must start on machines without a GPU driver: it may not link libcuda
# (the CUDA runtime is static and loads the driver itself), nor a shared libcudart.
set -euo pipefail
binary=$1
if ldd "$binary" | grep -E "libcuda\.so|libcudart\.so"; then
  echo "$binary links the CUDA driver or a shared CUDA runtime"; exit 1
fi
"$binary" --list >/dev/null
echo "no libcuda, starts"
