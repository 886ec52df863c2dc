#!/usr/bin/env bash
# GPU benchmark on a machine without Java: runs the carried runtime and jar from .device/ (BENCHMARKS.md, section
# "GPU", says how that folder is made) against the vendor's OpenCL. Writes everything to $OUT (default
# ./gpu-bench-out). Usage: scripts/gpu-bench.sh [SIZES]
#
# The ICD loader matters: on the NVIDIA machines lent here (2026-11-26) Debian's ocl-icd loader listed only PoCL,
# even with OCL_ICD_FILENAMES naming libnvidia-opencl.so.1 (whose clIcdGetPlatformIDsKHR answers one platform
# when called directly); the Khronos loader shipped with the CUDA toolkit lists both. JOCL opens libOpenCL by
# name, so preloading that loader makes JOCL use it.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${OUT:-$root/gpu-bench-out}
sizes=${1:-1,16,256,4096}
mkdir -p "$out" /tmp/sorb-gpu
log="$out/gpu-bench.log"
say() { echo "== $*" | tee -a "$log"; }

[ -x /tmp/sorb-gpu/jre/bin/java ] || tar -xJf "$root/.device/jre.tar.xz" -C /tmp/sorb-gpu
java=/tmp/sorb-gpu/jre/bin/java
jar="$root/.device/sorb.jar"
loader=$(ls /usr/local/cuda/targets/x86_64-linux/lib/libOpenCL.so.1 /usr/local/cuda*/lib64/libOpenCL.so.1 \
  2>/dev/null | head -n 1)
if [ -n "$loader" ]; then
  export LD_PRELOAD="$loader${LD_PRELOAD:+:$LD_PRELOAD}"
else
  export LD_LIBRARY_PATH="$root/.device/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi
say "machine"
{ date -u; nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv; nproc;
  echo "ICD loader: ${loader:-carried ocl-icd}"; } 2>&1 | tee -a "$log"
say "sorb devices"
"$java" -jar "$jar" devices 2>&1 | tee -a "$log"

# Largest batch first: the row that matters most comes back even if a later one runs out of time.
say "batch benchmark, OpenCL, largest size"
largest=${sizes##*,}
timeout 240 "$java" -jar "$jar" bench batch --sizes "$largest" --paths opencl --no-ceilings --profile-size 0 2>&1 \
  | tee -a "$log"
say "batch benchmark, OpenCL, sizes $sizes, ceilings, kernel profile at 256 designs"
timeout 180 "$java" -jar "$jar" bench batch --sizes "${sizes%,*}" --paths opencl 2>&1 | tee -a "$log"
say "layout comparison: one work-item per design (--work-group 0), 256 designs"
timeout 60 "$java" -jar "$jar" bench batch --sizes 256 --paths opencl --no-ceilings --profile-size 0 --work-group 0 \
  2>&1 | tee -a "$log"

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
print("backends:", a.attrs.get("backend_description"), "/", b.attrs.get("backend_description"))
EOF
