#!/usr/bin/env bash
# Start-up of the supervisor: (1) `pitstop up -d` from the command until it returns (the client JVM starts the
# supervisor JVM and waits until the control socket answers), (2) the supervisor alone, `pitstop up` in the
# foreground, from its start until the socket answers (curl polls it), and the CPU time it used until then; each
# followed by `down` (not timed).
# A second launcher (a copy of an earlier build, see below) runs in turn with the first, in the same run.
# Usage: benchmarks/supervisor/boot.sh [RUNS] [OTHER_LAUNCHER]
#   OTHER_LAUNCHER: e.g. a copy of the repository before a change, made with
#     mkdir -p /tmp/before/cli/target && cp pitstop /tmp/before/ && cp cli/target/pitstop-cli-*.jar cli/target/*.jsa /tmp/before/cli/target/
# Extra JVM options for both: PITSTOP_JAVA_OPTS. Needs the CLI built: ./mvnw -q -pl cli -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-10}
OTHER=${2:-}
WORK=$PWD/benchmarks/work/boot
rm -rf "$WORK" && mkdir -p "$WORK"
cat > "$WORK/pitstop.yaml" <<'YAML'
processes:
  a: { command: "exec sleep 100000" }
  b: { command: "exec sleep 100000", depends_on: { a: { condition: process_started } } }
  c: { entrypoint: [sleep, "100000"] }
YAML
SOCK="$WORK/.pitstop/pitstop.sock"
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f\n", (b - a) * 1000 }'; }
stats() { sort -n | awk '{a[NR]=$1} END {printf "median %.0f ms  min %.0f  max %.0f  (n=%d)", a[int((NR+1)/2)], a[1], a[NR], NR}'; }

detached() { # $1 launcher, $2 output file
  local t0 t1
  t0=$EPOCHREALTIME
  "$1" up -d -f "$WORK/pitstop.yaml" >/dev/null
  t1=$EPOCHREALTIME
  ms "$t0" "$t1" >> "$2"
  "$1" down -f "$WORK/pitstop.yaml" >/dev/null
  while [[ -e "$SOCK" ]]; do sleep 0.01; done   # the supervisor is gone
}

foreground() { # $1 launcher, $2 output file
  local t0 t1 pid
  t0=$EPOCHREALTIME
  "$1" up -f "$WORK/pitstop.yaml" >/dev/null 2>&1 &
  pid=$!
  # ours answers: the socket of an earlier run may linger for a moment after its down
  until [[ "$(cat "$WORK/.pitstop/pitstop.pid" 2>/dev/null)" == "$pid" ]] \
        && curl -sf --unix-socket "$SOCK" http://pitstop/v1/processes >/dev/null 2>&1; do :; done
  t1=$EPOCHREALTIME
  ms "$t0" "$t1" >> "$2"
  # CPU time (user + sys) the supervisor used until then: steadier than wall time on a busy machine
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.0f\n", ($14 + $15) * 1000 / hz}' "/proc/$pid/stat" >> "${2%.txt}-cpu.txt"
  curl -sf --unix-socket "$SOCK" -X POST http://pitstop/v1/down >/dev/null 2>&1 || kill "$pid"
  wait "$pid" || true
  while [[ -e "$SOCK" ]]; do sleep 0.01; done
}

launchers=("$PWD/pitstop")
[[ -n "$OTHER" ]] && launchers+=("$OTHER")
for l in "${launchers[@]}"; do detached "$l" /dev/null; done   # warm-up: page cache, archives
for _ in $(seq 1 "$RUNS"); do
  for i in "${!launchers[@]}"; do
    detached "${launchers[$i]}" "$WORK/detached-$i.txt"
    foreground "${launchers[$i]}" "$WORK/foreground-$i.txt"
  done
done
for i in "${!launchers[@]}"; do
  echo "${launchers[$i]}"
  echo "  up -d until it returns:            $(stats < "$WORK/detached-$i.txt")"
  echo "  up (supervisor) until it answers:  $(stats < "$WORK/foreground-$i.txt")"
  echo "  its CPU time until then:           $(stats < "$WORK/foreground-$i-cpu.txt")"
done
