#!/usr/bin/env bash
# Soak: RELOADS sequential reloads (round-robin over three nats-server processes) and ROUNDS rounds of three
# parallel reloads, all over the control socket of one `pitstop up -d`. Records failures, the supervisor's fds,
# threads and RSS before and after, zombies, and what is left of the stack after `down`.
# Usage: benchmarks/supervisor/soak.sh [RELOADS] [ROUNDS]     (after ./mvnw -B -ntp -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
RELOADS=${1:-1000}
ROUNDS=${2:-100}
WORK=$PWD/benchmarks/work/soak
rm -rf "$WORK" && mkdir -p "$WORK"
NATS_BIN=$(command -v nats-server || echo /usr/sbin/nats-server)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

{
  echo "processes:"
  for name in a b c; do
    printf '  %s:\n    command: "exec %s -a 127.0.0.1 -p %s"\n' "$name" "$NATS_BIN" "$(free_port)"
    printf '    ready_log_line: "Server is ready"\n    shutdown: { timeout_seconds: 5 }\n'
  done
} > "$WORK/pitstop.yaml"

./pitstop up -d -f "$WORK/pitstop.yaml" >/dev/null
trap './pitstop down -f "$WORK/pitstop.yaml" >/dev/null 2>&1 || true' EXIT
PID=$(cat "$WORK/.pitstop/pitstop.pid")
SOCK="$WORK/.pitstop/pitstop.sock"
RUN_ID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["runId"])' "$WORK/.pitstop/running.json")

reload() { # name -> 0 when the answer is 2xx
  curl -sf -o /dev/null --unix-socket "$SOCK" -X POST "http://pitstop/v1/processes/$1/reload"
}
for n in a b c; do reload "$n"; done  # warm-up, and all three ready
fds() { ls "/proc/$PID/fd" | wc -l; }
threads() { awk '/^Threads:/ {print $2}' "/proc/$PID/status"; }
rss_mib() { awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$PID/status"; }
gc() { jcmd "$PID" GC.run >/dev/null 2>&1 || true; }
zombies() { ps -o stat= --ppid "$PID" | grep -c '^Z' || true; }
marked() { # living processes that carry this run's marker
  local n=0
  for e in /proc/[0-9]*/environ; do
    if grep -qxz "PITSTOP_RUN_ID=$RUN_ID" "$e" 2>/dev/null; then
      [ "$(awk '{print $3}' "${e%/environ}/stat" 2>/dev/null)" = Z ] || n=$((n + 1))
    fi
  done
  echo "$n"
}

gc
echo "before: fds=$(fds) threads=$(threads) rss=$(rss_mib) MiB processes=$(marked) zombies=$(zombies)"

failures=0
t0=$EPOCHREALTIME
names=(a b c)
for i in $(seq 0 $((RELOADS - 1))); do
  reload "${names[$((i % 3))]}" || failures=$((failures + 1))
done
t1=$EPOCHREALTIME
echo "sequential: $RELOADS reloads, $failures failed, $(awk -v a="$t0" -v b="$t1" -v n="$RELOADS" \
  'BEGIN { printf "%.1f s, %.1f ms per reload", b - a, (b - a) * 1000 / n }')"

pfail=0
t0=$EPOCHREALTIME
for _ in $(seq 1 "$ROUNDS"); do
  reload a & p1=$!; reload b & p2=$!; reload c & p3=$!
  for p in $p1 $p2 $p3; do wait "$p" || pfail=$((pfail + 1)); done
done
t1=$EPOCHREALTIME
echo "parallel: $ROUNDS rounds of 3, $pfail of $((ROUNDS * 3)) failed, $(awk -v a="$t0" -v b="$t1" -v n="$ROUNDS" \
  'BEGIN { printf "%.1f s, %.1f ms per round", b - a, (b - a) * 1000 / n }')"

gc
echo "after:  fds=$(fds) threads=$(threads) rss=$(rss_mib) MiB processes=$(marked) zombies=$(zombies)"
./pitstop down -f "$WORK/pitstop.yaml" >/dev/null
trap - EXIT
for _ in $(seq 1 100); do [ -d "/proc/$PID" ] || break; sleep 0.1; done
echo "after down: processes of the run left=$(marked) supervisor alive=$([ -d "/proc/$PID" ] && echo yes || echo no)"
