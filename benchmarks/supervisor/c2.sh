#!/usr/bin/env bash
# Does C2 pay for the long-running supervisor? `pitstop up` runs C1 only (-XX:TieredStopAtLevel=1, one compiler
# thread, see the launcher). This runs the same stack with the launcher's options and with tiered compilation
# (C1 then C2: PITSTOP_JAVA_OPTS="-XX:TieredStopAtLevel=4 -XX:CICompilerCount=2", later options win), in turn:
# per round, a fresh `up -d`, the first reload of nats-server (a `file:` binary: the supervisor hashes its
# executable, 11 MiB here, on the first reload), a second reload (the hash remembered), the supervisor's PSS and
# CPU time (user+sys since its start), then `down`.
# Usage: benchmarks/supervisor/c2.sh [ROUNDS]   (needs the CLI built: ./mvnw -q -pl cli -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-5}
WORK=$PWD/benchmarks/work/c2
rm -rf "$WORK" && mkdir -p "$WORK/incoming"
export PITSTOP_HOME=$WORK/home
NATS_BIN=$(command -v nats-server || echo /usr/sbin/nats-server)
cp "$NATS_BIN" "$WORK/incoming/nats-server"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$WORK/pitstop.yaml" <<YAML
binaries:
  nats: { file: ./incoming/nats-server }
processes:
  nats:
    command: "\${bin:nats} -a 127.0.0.1 -p $PORT"
    ready_log_line: "Server is ready"
YAML
SOCK="$WORK/.pitstop/pitstop.sock"
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f\n", (b - a) * 1000 }'; }
stats() { sort -n | awk '{a[NR]=$1} END {printf "median %.1f  min %.1f  max %.1f  (n=%d)", a[int((NR+1)/2)], a[1], a[NR], NR}'; }
reload() { # prints the ms of one reload over the socket
  local t0 t1
  t0=$EPOCHREALTIME
  curl -sf --unix-socket "$SOCK" -X POST http://pitstop/v1/processes/nats/reload >/dev/null
  t1=$EPOCHREALTIME
  ms "$t0" "$t1"
}
await_ready() { # until nats is ready (up -d returns once the socket answers, not once nats is up)
  for _ in $(seq 1 3000); do
    curl -sf --unix-socket "$SOCK" http://pitstop/v1/processes/nats 2>/dev/null | grep -q '"health":"READY"' && return
    sleep 0.01
  done
  echo "nats did not become ready" >&2; exit 1
}
round() { # $1 label, $2 extra JVM options
  PITSTOP_JAVA_OPTS=$2 ./pitstop up -d -f "$WORK/pitstop.yaml" >/dev/null
  await_ready
  local pid
  pid=$(cat "$WORK/.pitstop/pitstop.pid")
  reload >> "$WORK/$1-first.txt"
  reload >> "$WORK/$1-second.txt"
  for _ in 1 2 3 4 5 6 7 8; do reload >/dev/null; done
  reload >> "$WORK/$1-tenth.txt"
  awk '/^Pss:/ {printf "%.1f\n", $2 / 1024}' "/proc/$pid/smaps_rollup" >> "$WORK/$1-pss.txt"
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.0f\n", ($14 + $15) * 1000 / hz}' "/proc/$pid/stat" >> "$WORK/$1-cpu.txt"
  ./pitstop down -f "$WORK/pitstop.yaml" >/dev/null
}
trap './pitstop down -f "$WORK/pitstop.yaml" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 "$ROUNDS"); do
  round c1 ""
  round tiered "-XX:TieredStopAtLevel=4 -XX:CICompilerCount=2"
done
for v in c1 tiered; do
  echo "$v"
  echo "  first reload (hashes the executable), ms:  $(stats < "$WORK/$v-first.txt")"
  echo "  second reload, ms:                        $(stats < "$WORK/$v-second.txt")"
  echo "  tenth reload, ms:                         $(stats < "$WORK/$v-tenth.txt")"
  echo "  supervisor PSS after 10 reloads, MiB:     $(stats < "$WORK/$v-pss.txt")"
  echo "  supervisor CPU from start to then, ms:    $(stats < "$WORK/$v-cpu.txt")"
done
