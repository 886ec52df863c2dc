#!/usr/bin/env bash
# Makes reference-outlet.h5 beside this script: the converged outlet of cases/protein-a-igg-breakthrough.yaml (0-80
# min at 10 s, /outlet/time and /outlet/concentration) that ProteinAReferenceTest compares with, by refinement on DG
# axial elements of degree 3 with finite-volume particle shells (BENCHMARKS.md, section 9):
#   shell order p_s: P3 x 32 axial elements with 64, 128, 256 shells (observed order of the last two differences)
#   axial order p_a: P3 x 16, 32, 64 axial elements at 128 shells
#   reference = u + (u - u(64 shells)) / (2^p_s - 1) + (u - u(P3 x 32)) / (2^p_a - 1),  u = u(P3 x 64, 128 shells)
#   (both Richardson steps taken on the finest grid, so that the part of each error that depends on the other
#   direction is the finest grid's)
# rel_tol 1e-7 throughout (time error 7e-7 of the feed: 1e-7 against 1e-8 at P3 x 16 : 64 shells).
# Run from the repository root: solver/src/test/resources/protein-a/make_reference.sh [WORKDIR]
# About 1.5 h of one core of the development machine (P3 x 64 : 128 shells and P3 x 32 : 256 shells take most);
# the runs stay in WORKDIR (default /tmp/protein-a-reference).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
w=${1:-/tmp/protein-a-reference}
r() { nice -n 19 /usr/bin/python3 scripts/refine.py "$@"; }
g() { echo "$w/dg:$1@1e-7.h5"; }
order() { sed -n 's/^Richardson step with p = \([0-9.]*\):.*/\1/p'; }
r run "$w" dg:P3x32:P0x64@1e-7 dg:P3x32:P0x128@1e-7 dg:P3x32:P0x256@1e-7 dg:P3x16:P0x128@1e-7 \
  dg:P3x64:P0x64@1e-7 dg:P3x64:P0x128@1e-7
r order "$(g P3x32:P0x64)" "$(g P3x32:P0x128)" "$(g P3x32:P0x256)" | tee "$w/shells.txt"
p_s=$(order < "$w/shells.txt")
r order "$(g P3x64:P0x64)" "$(g P3x64:P0x128)" --order "$p_s" -o "$w/shells.h5"
r order "$(g P3x16:P0x128)" "$(g P3x32:P0x128)" "$(g P3x64:P0x128)" -o "$w/axial.h5"
r sum "$here/reference-outlet.h5" "$w/shells.h5" "$w/axial.h5" "$(g P3x64:P0x128)"
