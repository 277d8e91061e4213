#!/usr/bin/env bash
# Reload latency: `POST /v1/processes/nats/reload` over the control socket with curl (command issued →
# new nats-server ready, as the response says), against the floor measured in the same run: starting the
# same nats-server binary directly and waiting for the same readiness line.
# Also the time inside Pitstop: from the reload's RELOAD_STARTED event to its RELOAD_SUCCEEDED event.
# Usage: benchmarks/supervisor/reload-latency.sh [RUNS]
#   PITSTOP=/path/to/pitstop   another build's launcher (default ./pitstop); PITSTOP_PROCESS_PLATFORM passes on
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-30}
WORK=$PWD/benchmarks/work/reload
rm -rf "$WORK" && mkdir -p "$WORK"
NATS_BIN=$(command -v nats-server || echo /usr/sbin/nats-server)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
P1=$(free_port); P2=$(free_port)

stats() { # prints median and p95 of the numbers on stdin (ms)
  sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; p=a[int(NR*0.95+0.999)]; printf "median %.1f ms  p95 %.1f ms  (n=%d)\n", m, p, NR}'
}

# --- floors: start the binary directly until it prints its readiness line; and stop + start, as a restart --
start_ready() {  # starts nats-server as coprocess SRV and returns once it is ready
  coproc SRV { exec "$NATS_BIN" -a 127.0.0.1 -p "$P2" 2>&1; }
  while IFS= read -r line <&"${SRV[0]}"; do
    [[ $line == *"Server is ready"* ]] && break
  done
}
stop_srv() { kill -TERM "$SRV_PID"; wait "$SRV_PID" 2>/dev/null || true; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f\n", (b - a) * 1000 }'; }
: > "$WORK/floor.txt"; : > "$WORK/restart.txt"
for _ in $(seq 1 "$RUNS"); do
  t0=$EPOCHREALTIME; start_ready; t1=$EPOCHREALTIME
  ms "$t0" "$t1" >> "$WORK/floor.txt"
  t0=$EPOCHREALTIME; stop_srv; start_ready; t1=$EPOCHREALTIME
  ms "$t0" "$t1" >> "$WORK/restart.txt"
  stop_srv
done

# --- Pitstop: reload over the socket ---------------------------------------------------------------
cat > "$WORK/pitstop.yaml" <<YAML
processes:
  nats:
    command: "$NATS_BIN -a 127.0.0.1 -p $P1"
    ready_log_line: "Server is ready"
    shutdown: { timeout_seconds: 5 }
YAML
PITSTOP=${PITSTOP:-./pitstop}
"$PITSTOP" up -d -f "$WORK/pitstop.yaml" >/dev/null
trap '"$PITSTOP" down -f "$WORK/pitstop.yaml" >/dev/null 2>&1 || true' EXIT
SOCK="$WORK/.pitstop/pitstop.sock"
for _ in 1 2 3; do curl -sf --unix-socket "$SOCK" -X POST http://pitstop/v1/processes/nats/reload >/dev/null; done  # warm-up
: > "$WORK/pitstop.txt"
skip=$(wc -l < "$WORK/.pitstop/events.jsonl")
for _ in $(seq 1 "$RUNS"); do
  t0=$EPOCHREALTIME
  curl -sf --unix-socket "$SOCK" -X POST http://pitstop/v1/processes/nats/reload >/dev/null
  t1=$EPOCHREALTIME
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) * 1000 }' >> "$WORK/pitstop.txt"
done

median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "floor 1, start nats-server directly until ready:        $(stats < "$WORK/floor.txt")"
echo "floor 2, stop it (SIGTERM, wait) and start it again:     $(stats < "$WORK/restart.txt")"
echo "pitstop reload over the socket (curl, stop+start+ready): $(stats < "$WORK/pitstop.txt")"
tail -n +"$((skip + 1))" "$WORK/.pitstop/events.jsonl" | python3 -c '
import json, sys, datetime
t = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
start = None
for line in sys.stdin:
    e = json.loads(line)
    if e["type"] == "RELOAD_STARTED": start = t(e["time"])
    elif e["type"] == "RELOAD_SUCCEEDED" and start: print("%.3f" % ((t(e["time"]) - start).total_seconds() * 1000)); start = None
' > "$WORK/inside.txt"
echo "inside Pitstop (RELOAD_STARTED -> RELOAD_SUCCEEDED):      $(stats < "$WORK/inside.txt")"
awk -v p="$(median "$WORK/pitstop.txt")" -v f="$(median "$WORK/floor.txt")" -v r="$(median "$WORK/restart.txt")" \
  'BEGIN { printf "overhead at the median: %.1f ms over floor 1, %.1f ms over floor 2\n", p - f, p - r }'
