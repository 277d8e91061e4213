#!/usr/bin/env bash
# Reload latency: `POST /v1/processes/nats/reload` over the control socket with curl (command issued →
# new nats-server ready, as the response says), against the floor measured in the same run: starting the
# same nats-server binary directly and waiting for the same readiness line.
# Usage: benchmarks/supervisor/reload-latency.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-30}
WORK=$PWD/benchmarks/work/reload
rm -rf "$WORK" && mkdir -p "$WORK"
NATS=$(command -v nats-server || echo /usr/sbin/nats-server)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
P1=$(free_port); P2=$(free_port)

stats() { # prints median and p95 of the numbers on stdin (ms)
  sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; p=a[int(NR*0.95+0.999)]; printf "median %.1f ms  p95 %.1f ms  (n=%d)\n", m, p, NR}'
}

# --- floor: start the binary directly until it prints its readiness line ------------------------
: > "$WORK/floor.txt"
for _ in $(seq 1 "$RUNS"); do
  t0=$EPOCHREALTIME
  coproc NATS { exec "$NATS" -a 127.0.0.1 -p "$P2" 2>&1; }
  while IFS= read -r line <&"${NATS[0]}"; do
    [[ $line == *"Server is ready"* ]] && break
  done
  t1=$EPOCHREALTIME
  kill -TERM "$NATS_PID"; wait "$NATS_PID" 2>/dev/null || true
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) * 1000 }' >> "$WORK/floor.txt"
done

# --- Pitstop: reload over the socket ---------------------------------------------------------------
cat > "$WORK/pitstop.yaml" <<YAML
processes:
  nats:
    command: "$NATS -a 127.0.0.1 -p $P1"
    ready_log_line: "Server is ready"
    shutdown: { timeout_seconds: 5 }
YAML
./pitstop up -d -f "$WORK/pitstop.yaml" >/dev/null
trap './pitstop down -f "$WORK/pitstop.yaml" >/dev/null 2>&1 || true' EXIT
SOCK="$WORK/.pitstop/pitstop.sock"
for _ in 1 2 3; do curl -sf --unix-socket "$SOCK" -X POST http://pitstop/v1/processes/nats/reload >/dev/null; done  # warm-up
: > "$WORK/pitstop.txt"
for _ in $(seq 1 "$RUNS"); do
  t0=$EPOCHREALTIME
  curl -sf --unix-socket "$SOCK" -X POST http://pitstop/v1/processes/nats/reload >/dev/null
  t1=$EPOCHREALTIME
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) * 1000 }' >> "$WORK/pitstop.txt"
done

echo "floor (start nats-server directly until ready): $(stats < "$WORK/floor.txt")"
echo "pitstop reload over the socket (stop + start + ready): $(stats < "$WORK/pitstop.txt")"
paste "$WORK/pitstop.txt" <(head -n "$RUNS" "$WORK/floor.txt") | awk '{print $1 - $2}' > "$WORK/overhead.txt"
echo "overhead per run (reload - floor, paired): $(stats < "$WORK/overhead.txt")"
