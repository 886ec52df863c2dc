#!/usr/bin/env bash
# Runs the OpenCL test classes N times in a row (default 20), each time in a fresh test JVM, and counts the runs
# that crashed (the JVM died: exit 139, "The forked VM terminated") apart from those that failed a test.
# Usage: scripts/opencl-loop.sh [N] [TEST_PATTERN]    (pattern default: the OpenCL classes; Surefire's -Dtest)
# Logs: solver/target/opencl-loop/run-K.log. Exit status 0 only when every run passed. Needs Maven and an OpenCL
# platform (./run-tests installs PoCL); compiles once, then runs Surefire alone.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-20}
tests=${2:-'org.sorb.backend.opencl.**,OpenClCliTest,BackendsTest'}
logs="$root/solver/target/opencl-loop"
cd "$root"
mkdir -p "$logs"
mvn -B -ntp test-compile >"$logs/compile.log" 2>&1 || { echo "opencl-loop: compile failed, see $logs/compile.log" >&2; exit 1; }
passed=0 failed=0 crashed=0
for k in $(seq 1 "$runs"); do
  start=$(date +%s)
  SORB_REQUIRE_OPENCL=1 mvn -B -ntp -pl solver surefire:test -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false \
    >"$logs/run-$k.log" 2>&1
  rc=$?
  counts=$(grep -E '^\[(INFO|ERROR|WARNING)\] Tests run: [0-9]+, ' "$logs/run-$k.log" | tail -n 1 | sed -E 's/^\[[A-Z]+\] //')
  if grep -qE 'The forked VM terminated|crashed|SIGSEGV|exit code 1[0-9][0-9]' "$logs/run-$k.log"; then
    crashed=$((crashed + 1)); verdict=CRASHED
  elif [ $rc -eq 0 ]; then
    passed=$((passed + 1)); verdict=passed
  else
    failed=$((failed + 1)); verdict=FAILED
  fi
  echo "run $k/$runs: $verdict in $(( $(date +%s) - start )) s (${counts:-no test counts})"
done
echo "opencl-loop: $runs runs of $tests: $crashed crashed, $failed failed otherwise"
echo "$passed passed, $((crashed + failed)) failed"
[ $((crashed + failed)) -eq 0 ]
