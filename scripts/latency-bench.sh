#!/usr/bin/env bash
# Whole-process latency of `./sorb run` (BENCHMARKS.md, "Whole-process latency"): the wall time of the whole command
# (launcher, JVM start, case load, solve, metrics, HDF5 write) beside the solve's own wall time as the run prints it,
# for CADET's CASEMA linear GRM case at 32 x 4 cells and the README's protein A case, with this checkout's launcher
# and, alternating run by run, another checkout's (BEFORE, e.g. `git worktree add /tmp/before <rev>`; its jar is
# built on its first run, outside the timing). Prints a Markdown table of medians (and minima) over RUNS runs each.
# Usage: scripts/latency-bench.sh [-n RUNS] [BEFORE]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=5
if [ "${1:-}" = "-n" ]; then runs=$2; shift 2; fi
before=${1:-}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

casema=(run "$root/cases/cadet-linear-pulse-grm.yaml" --backend java --threads 1
        --set discretization.axial_cells=32 --set discretization.particle_cells=4)
protein=(run "$root/cases/protein-a-igg-breakthrough.yaml")

# One run: appends "<whole s> <in-process s>" to file $1, running launcher $2 with the remaining arguments.
one() {
  local file=$1 launcher=$2 start end text solve
  shift 2
  start=$EPOCHREALTIME
  text=$("$launcher" "$@" -o "$out/result.h5" 2>/dev/null) || { echo "failed: $launcher $*" >&2; exit 1; }
  end=$EPOCHREALTIME
  solve=$(sed -n -E 's/^wall time: ([0-9.]+) s.*/\1/p' <<<"$text" | head -n 1)
  echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }') ${solve:-nan}" >>"$file"
}

# "median (min)" of column $2 of file $1.
summary() {
  sort -g -k "$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END {
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f (%.2f)", m, v[1] }'
}

labels=(after)
launchers=("$root/sorb")
if [ -n "$before" ]; then
  labels=(before after)
  launchers=("$before/sorb" "$root/sorb")
fi
for l in "${launchers[@]}"; do "$l" --version >/dev/null; done   # builds a stale jar and its class-data archive
echo "| case | launcher | whole process, median (min) s | solve as printed, median (min) s | runs |"
echo "|---|---|---|---|---|"
for name in casema protein; do
  declare -n args=$name
  for ((r = 0; r < runs; r++)); do
    for i in "${!launchers[@]}"; do
      one "$out/$name-${labels[$i]}" "${launchers[$i]}" "${args[@]}"
    done
  done
  for i in "${!launchers[@]}"; do
    f="$out/$name-${labels[$i]}"
    echo "| $name | ${labels[$i]} | $(summary "$f" 1) | $(summary "$f" 2) | $runs |"
  done
  unset -n args
done
