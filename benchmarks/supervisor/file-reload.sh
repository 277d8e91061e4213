#!/usr/bin/env bash
# Reload of a process whose `file:` binary is large (211 MiB) and did not change: `pitstop reload` over the
# control socket (curl), against `sha256sum` of the same file measured in the same run, which is what every
# such reload cost on top before the file-identity cache (issue 9 C10). Second part: GET /v1/processes
# while 20 reloads of one process are in flight (issue 9 C9), against GET /v1/processes on an idle stack.
# Usage: benchmarks/supervisor/file-reload.sh [RUNS]   (needs the CLI built: ./mvnw -q -pl cli -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-10}
WORK=$PWD/benchmarks/work/file-reload
rm -rf "$WORK" && mkdir -p "$WORK/incoming"
export PITSTOP_HOME=$WORK/home

# a 211 MiB "binary": a script that execs sleep, padded with a comment the shell never reads
{ printf '#!/bin/sh\nexec sleep 100000\n'; head -c $((211 * 1024 * 1024)) /dev/zero | tr '\0' '#'; } > "$WORK/incoming/big"
chmod +x "$WORK/incoming/big"
cat > "$WORK/pitstop.yaml" <<YAML
binaries:
  big: { file: ./incoming/big }
processes:
  big:
    command: "\${bin:big}"
  slow:
    command: "exec sleep 100000"
    readiness_probe: { exec: { command: "sleep 0.25" }, period_seconds: 0.05 }
YAML
./pitstop up -d -f "$WORK/pitstop.yaml" >/dev/null
trap './pitstop down -f "$WORK/pitstop.yaml" >/dev/null 2>&1 || true' EXIT
SOCK="$WORK/.pitstop/pitstop.sock"
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f\n", (b - a) * 1000 }'; }
stats() { sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "median %.1f ms (n=%d)", m, NR}'; }
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for _ in 1 2; do curl -sf --unix-socket "$SOCK" -X POST http://pitstop/v1/processes/big/reload >/dev/null; done
: > "$WORK/reload.txt"; : > "$WORK/sha256sum.txt"
for _ in $(seq 1 "$RUNS"); do
  t0=$EPOCHREALTIME; curl -sf --unix-socket "$SOCK" -X POST http://pitstop/v1/processes/big/reload >/dev/null
  t1=$EPOCHREALTIME; ms "$t0" "$t1" >> "$WORK/reload.txt"
  t0=$EPOCHREALTIME; sha256sum "$WORK/incoming/big" >/dev/null; t1=$EPOCHREALTIME; ms "$t0" "$t1" >> "$WORK/sha256sum.txt"
done
echo "reload of an unchanged 211 MiB file: binary: $(stats < "$WORK/reload.txt")"
echo "sha256sum of that file (page cache):      $(stats < "$WORK/sha256sum.txt")"
awk -v r="$(median "$WORK/reload.txt")" -v s="$(median "$WORK/sha256sum.txt")" \
  'BEGIN { printf "ratio sha256sum / reload: %.1f\n", s / r }'

: > "$WORK/ps-idle.txt"; : > "$WORK/ps-busy.txt"
for _ in $(seq 1 "$RUNS"); do
  t0=$EPOCHREALTIME; curl -sf --unix-socket "$SOCK" http://pitstop/v1/processes >/dev/null; t1=$EPOCHREALTIME
  ms "$t0" "$t1" >> "$WORK/ps-idle.txt"
  pids=()
  for _ in $(seq 1 20); do
    curl -sf --unix-socket "$SOCK" -X POST http://pitstop/v1/processes/slow/reload >/dev/null & pids+=($!)
  done
  sleep 0.05   # let the 20 requests arrive first: the figure is for a ps that queues behind them
  t0=$EPOCHREALTIME; curl -sf --unix-socket "$SOCK" http://pitstop/v1/processes >/dev/null; t1=$EPOCHREALTIME
  ms "$t0" "$t1" >> "$WORK/ps-busy.txt"
  wait "${pids[@]}"
done
echo "GET /v1/processes, idle:                       $(stats < "$WORK/ps-idle.txt")"
echo "GET /v1/processes, 20 reloads of one in flight: $(stats < "$WORK/ps-busy.txt")"
