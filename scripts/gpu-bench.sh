#!/usr/bin/env bash
# GPU benchmark on a machine without Java: runs the carried runtime and jar from .device/ (see BENCHMARKS.md,
# section "GPU", for how that folder is made) against the vendor's OpenCL through the carried ICD loader.
# Writes everything to $OUT (default ./gpu-bench-out). Usage: scripts/gpu-bench.sh [SIZES]
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${OUT:-$root/gpu-bench-out}
sizes=${1:-1,16,256,4096}
mkdir -p "$out" /tmp/sorb-gpu
log="$out/gpu-bench.log"
say() { echo "== $*" | tee -a "$log"; }

tar -xJf "$root/.device/jre.tar.xz" -C /tmp/sorb-gpu
java=/tmp/sorb-gpu/jre/bin/java
jar="$root/.device/sorb.jar"
export LD_LIBRARY_PATH="$root/.device/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
# The ICD loader finds the vendor driver through /etc/OpenCL/vendors; without a registration there, name the
# NVIDIA OpenCL library directly.
if ! ls /etc/OpenCL/vendors/*.icd >/dev/null 2>&1; then
  lib=$(find /usr/local/nvidia /usr/lib /usr/lib64 /lib -name 'libnvidia-opencl.so*' 2>/dev/null | sort | head -n 1)
  [ -n "$lib" ] && export OCL_ICD_FILENAMES="$lib"
fi
say "machine"
{ date -u; nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv; nproc;
  echo "OCL_ICD_FILENAMES=${OCL_ICD_FILENAMES:-}"; ls /etc/OpenCL/vendors 2>&1; } 2>&1 | tee -a "$log"
say "sorb devices"
"$java" -jar "$jar" devices 2>&1 | tee -a "$log"

say "batch benchmark, OpenCL, sizes $sizes"
timeout 330 "$java" -jar "$jar" bench batch --sizes "$sizes" --paths opencl --no-ceilings \
  2>&1 | tee -a "$log"

say "ceilings (and the Java path on this machine's CPU, 1 design)"
timeout 60 "$java" -jar "$jar" bench batch --sizes 1 --paths java 2>&1 | tee -a "$log"

say "sweep case on both backends"
for b in opencl java; do
  timeout 45 "$java" -jar "$jar" run "$root/cases/protein-a-capacity-sweep.yaml" --backend "$b" \
    -o "$out/sweep-$b.h5" 2>&1 | tail -n 3 | tee -a "$log"
done
python3 - "$out/sweep-opencl.h5" "$out/sweep-java.h5" <<'EOF' 2>&1 | tee -a "$log"
import sys, h5py, numpy as np
a, b = (h5py.File(p, "r") for p in sys.argv[1:3])
x, y = a["/sweep/outlet/concentration"][...], b["/sweep/outlet/concentration"][...]
print("sweep outlet", x.shape, "max |opencl - java| / max |java| =", np.abs(x - y).max() / np.abs(y).max())
print("backends:", a.attrs.get("backend"), "/", b.attrs.get("backend"))
EOF
