#!/usr/bin/env bash
# Benchmark of `sorb fit` (issue 17): the same 3-parameter fit (qmax_bed, ka, pore_diffusion from a start 50 % off)
# of the MabSelect PrismA case to a synthetic curve made by Sorb (cases/mabselect-prisma-synthetic.csv: 60 points,
# 1 % noise; its first line says how it was made, with scripts/SyntheticCurve.java) with the Jacobian's designs as one batch on the Java path, as one
# batch on OpenCL (PoCL, or a GPU with --device), and one design after the other on one Java thread (the
# finite-difference loop a CADET-Process user runs). Prints a Markdown table; run it on a quiet machine.
# Usage: scripts/fit-bench.sh [--device D] [extra sorb fit options]
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
keys='binding.qmax_bed[0],binding.ka[0],particle.pore_diffusion[0]'
fit() {
  "$root/sorb" fit "$root/cases/mabselect-prisma-breakthrough.yaml" --data "$root/cases/mabselect-prisma-synthetic.csv" \
    --fit "$keys" --set 'binding.qmax_bed[0]=100' --set 'binding.ka[0]=0.025' \
    --set 'particle.pore_diffusion[0]=3.45e-12' -o "$out/fit.h5" "$@" 2>&1
}
row() {
  local label=$1; shift
  local text line
  text=$(fit "$@")
  line=$(grep -E '^[0-9]+ iterations, ' <<<"$text" | head -n 1)
  if [ -z "$line" ]; then
    echo "| $label | failed: $(grep -m1 '^error' <<<"$text") | | |"
    return
  fi
  # "<i> iterations, <n> simulations, <s> s (...)"
  read -r it _ sims _ secs _ <<<"${line//,/}"
  echo "| $label | $secs | $it | $sims |"
}
echo "| path | wall s | iterations | simulations |"
echo "|---|---|---|---|"
row "Java, Jacobian as one batch (all threads)" --backend java "$@"
row "OpenCL, Jacobian as one batch" --backend opencl "$@"
row "Java, one design after the other (1 thread)" --backend java --threads 1 --sequential "$@"
