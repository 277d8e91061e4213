#!/usr/bin/env bash
# Reload of a process whose `file:` binary is large (211 MiB) and did not change, against the same reload of a
# tiny `file:` binary (the floor: stop, start, ready line) and against `sha256sum` of the large file, all in the
# same run: before the file-identity cache (issue 9 C10) every such reload re-hashed the file. Second part:
# GET /v1/processes while 20 reloads of one process are in flight (issue 9 C9), against an idle stack.
# Usage: benchmarks/supervisor/file-reload.sh [RUNS]   (needs the CLI built: ./mvnw -q -pl cli -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-10}
WORK=$PWD/benchmarks/work/file-reload
./pitstop down -f "$WORK/pitstop.yaml" >/dev/null 2>&1 || true   # a previous run that was cut off
rm -rf "$WORK" && mkdir -p "$WORK/incoming"
export PITSTOP_HOME=$WORK/home

# a 211 MiB "binary": a script that prints its ready line and execs sleep, padded with a comment the shell never
# reads; and the same script without the padding
printf '#!/bin/sh\necho ready\nexec sleep 100000\n' > "$WORK/incoming/small"
{ cat "$WORK/incoming/small"; head -c $((211 * 1024 * 1024)) /dev/zero | tr '\0' '#'; } > "$WORK/incoming/big"
chmod +x "$WORK/incoming/big" "$WORK/incoming/small"
cat > "$WORK/pitstop.yaml" <<YAML
binaries:
  big: { file: ./incoming/big }
  small: { file: ./incoming/small }
processes:
  big:
    command: "\${bin:big}"
    ready_log_line: "^ready"
  small:
    command: "\${bin:small}"
    ready_log_line: "^ready"
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

reload() { curl -sf --unix-socket "$SOCK" -X POST "http://pitstop/v1/processes/$1/reload" >/dev/null; }
for _ in 1 2; do reload big; reload small; done
: > "$WORK/big.txt"; : > "$WORK/small.txt"; : > "$WORK/sha256sum.txt"
for _ in $(seq 1 "$RUNS"); do
  t0=$EPOCHREALTIME; reload big; t1=$EPOCHREALTIME; ms "$t0" "$t1" >> "$WORK/big.txt"
  t0=$EPOCHREALTIME; reload small; t1=$EPOCHREALTIME; ms "$t0" "$t1" >> "$WORK/small.txt"
  t0=$EPOCHREALTIME; sha256sum "$WORK/incoming/big" >/dev/null; t1=$EPOCHREALTIME; ms "$t0" "$t1" >> "$WORK/sha256sum.txt"
done
echo "reload, unchanged 211 MiB file: binary:  $(stats < "$WORK/big.txt")"
echo "reload, unchanged 65 B file: binary:     $(stats < "$WORK/small.txt")"
echo "sha256sum of the 211 MiB file (cached):  $(stats < "$WORK/sha256sum.txt")"
awk -v b="$(median "$WORK/big.txt")" -v f="$(median "$WORK/small.txt")" -v s="$(median "$WORK/sha256sum.txt")" \
  'BEGIN { printf "cost of the 211 MiB file per reload: %.1f ms (sha256sum of it: %.1f ms)\n", b - f, s }'

: > "$WORK/ps-idle.txt"; : > "$WORK/ps-busy.txt"; : > "$WORK/ps-refused.txt"
for _ in $(seq 1 "$RUNS"); do
  t0=$EPOCHREALTIME; curl -sf --unix-socket "$SOCK" http://pitstop/v1/processes >/dev/null; t1=$EPOCHREALTIME
  ms "$t0" "$t1" >> "$WORK/ps-idle.txt"
  pids=()
  for _ in $(seq 1 20); do
    curl -sf --unix-socket "$SOCK" -X POST http://pitstop/v1/processes/slow/reload >/dev/null & pids+=($!)
  done
  sleep 0.05   # let the 20 requests arrive first: the figure is for a ps that queues behind them
  t0=$EPOCHREALTIME
  code=$(curl -s -o "$WORK/ps-busy.out" -w '%{http_code}' --unix-socket "$SOCK" http://pitstop/v1/processes || true)
  t1=$EPOCHREALTIME
  if [[ $code == 200 ]]; then ms "$t0" "$t1" >> "$WORK/ps-busy.txt"; else echo "HTTP $code: $(cat "$WORK/ps-busy.out")" >> "$WORK/ps-refused.txt"; fi
  wait "${pids[@]}" || true
done
echo "GET /v1/processes, idle:                       $(stats < "$WORK/ps-idle.txt")"
echo "GET /v1/processes, 20 reloads of one in flight: $(stats < "$WORK/ps-busy.txt")"
[[ -s $WORK/ps-refused.txt ]] && echo "refused while busy: $(wc -l < "$WORK/ps-refused.txt") ($(head -1 "$WORK/ps-refused.txt"))"
