#!/usr/bin/env bash
# GPU benchmark on a machine without Java: runs the carried runtime and jar from .device/ (BENCHMARKS.md, section
# "GPU", says how that folder is made) against the vendor's OpenCL. Writes everything to $OUT (default
# ./gpu-bench-out). Usage: scripts/gpu-bench.sh [LARGEST] [SMALLER_SIZES]
#
# The ICD loader matters: on the NVIDIA machines lent here (2026-11-26) Debian's ocl-icd loader listed only PoCL,
# even with OCL_ICD_FILENAMES naming libnvidia-opencl.so.1 (whose clIcdGetPlatformIDsKHR answers one platform
# when called directly); the Khronos loader shipped with the CUDA toolkit lists both. JOCL opens libOpenCL by
# name, so preloading that loader makes JOCL use it.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${OUT:-$root/gpu-bench-out}
largest=${1:-4096}
smaller=${2:-1,16,256}
mkdir -p "$out" /tmp/sorb-gpu
log="$out/gpu-bench.log"
say() { echo "== $* ($(date -u +%T))" | tee -a "$log"; }

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
# shellcheck source=scripts/toolchain.sh
. "$root/scripts/toolchain.sh"
sorb_preload_jsig "$java"   # the carried runtime's libjsig: the JVM keeps its signal handlers (scripts/toolchain.sh)
bench() { local limit=$1; shift; timeout "$limit" "$java" -jar "$jar" bench batch --paths opencl "$@" 2>&1 | tee -a "$log"; }

say "machine"
{ date -u; nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv; nproc;
  echo "ICD loader: ${loader:-carried ocl-icd}"; } 2>&1 | tee -a "$log"
say "sorb devices"
"$java" -jar "$jar" devices 2>&1 | tee -a "$log"

# The row that matters most first, so that it comes back even if a later step runs out of time.
say "batch benchmark, OpenCL, $largest designs"
bench 140 --sizes "$largest" --no-ceilings --profile-size 0

say "sweep case on both backends"
for b in opencl java; do
  timeout 40 "$java" -jar "$jar" run "$root/cases/protein-a-capacity-sweep.yaml" --backend "$b" \
    -o "$out/sweep-$b.h5" 2>&1 | tail -n 3 | tee -a "$log"
done
python3 - "$out/sweep-opencl.h5" "$out/sweep-java.h5" <<'PY' 2>&1 | tee -a "$log"
import sys, h5py, numpy as np
a, b = (h5py.File(p, "r") for p in sys.argv[1:3])
x, y = a["/sweep/outlet/concentration"][...], b["/sweep/outlet/concentration"][...]
print("sweep outlet", x.shape, "max |opencl - java| / max |java| =", np.abs(x - y).max() / np.abs(y).max())
print("backends:", a.attrs.get("backend_description"), "/", b.attrs.get("backend_description"))
PY

say "batch benchmark, OpenCL, sizes $smaller, ceilings, kernel profile at $largest designs"
bench 190 --sizes "$smaller" --profile-size "$largest"

say "layout comparison: host layout [l * nd + b], $largest designs"
bench 110 --sizes "$largest" --no-ceilings --profile-size 0 --device-layout host
say "done"
