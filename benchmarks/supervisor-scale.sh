#!/usr/bin/env bash
# Pitstop's supervisor vs supervisord, side by side in one run: N idle children (`sleep`).
# Measured from the outside for both: time until all N children exist, CPU used by the supervisor while idle,
# its RSS and thread count, and the time from "stop" until the supervisor and all children are gone.
# Usage: benchmarks/supervisor-scale.sh [N=500] [IDLE_SECONDS=10]     (run from the repository root)
set -euo pipefail
N=${1:-500}
IDLE=${2:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
HZ=$(getconf CLK_TCK)

now_ms() { date +%s%3N; }
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
children() { pgrep -c -P "$1" sleep || true; }
await_children() { # pid count -> waits (max 120 s) until the pid has count sleep children
  local deadline=$(( $(now_ms) + 120000 ))
  until [ "$(children "$1")" -ge "$2" ]; do
    [ "$(now_ms)" -lt "$deadline" ] || { echo "timed out waiting for $2 children" >&2; exit 1; }
    sleep 0.05
  done
}
await_gone() { # pid -> waits (max 120 s) until it exited and no `sleep 100000` is left
  local deadline=$(( $(now_ms) + 120000 ))
  while kill -0 "$1" 2>/dev/null || pgrep -f '^sleep 100000$' >/dev/null; do
    [ "$(now_ms)" -lt "$deadline" ] || { echo "timed out waiting for shutdown" >&2; exit 1; }
    sleep 0.05
  done
}
report() { # name pid start_ms ready_ms
  local t0 t1; t0=$(cpu_ticks "$2"); sleep "$IDLE"; t1=$(cpu_ticks "$2")
  local rss threads
  rss=$(awk '/VmRSS/{print $2}' "/proc/$2/status"); threads=$(awk '/Threads/{print $2}' "/proc/$2/status")
  printf '%-12s start %6d ms  idle CPU %5.2f %%  RSS %7d KiB  threads %5d' "$1" $(( $4 - $3 )) \
    "$(echo "scale=2; ($t1 - $t0) * 100 / $HZ / $IDLE" | bc)" "$rss" "$threads"
}

# --- Pitstop
(cd "$ROOT" && ./mvnw -q -o -pl supervisor -am test-compile dependency:build-classpath \
   -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null)
CP="$ROOT/supervisor/target/test-classes:$ROOT/supervisor/target/classes:$(cat "$WORK/cp.txt")"
mkfifo "$WORK/ctl"
start=$(now_ms)
java -Xss256k -cp "$CP" dev.pitstop.supervisor.ScaleBench "$N" "$WORK/pitstop" <"$WORK/ctl" >/dev/null 2>&1 &
pid=$!
exec 3>"$WORK/ctl"
await_children "$pid" "$N"; ready=$(now_ms)
report pitstop "$pid" "$start" "$ready"
stop=$(now_ms); echo down >&3; exec 3>&-; await_gone "$pid"; echo "  stop $(( $(now_ms) - stop )) ms"

# --- supervisord
conf="$WORK/supervisord.conf"
cat >"$conf" <<CONF
[supervisord]
nodaemon=true
logfile=$WORK/supervisord.log
pidfile=$WORK/supervisord.pid
minfds=4096
[unix_http_server]
file=$WORK/supervisor.sock
[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
CONF
for i in $(seq 0 $((N - 1))); do
  printf '[program:p%d]\ncommand=sleep 100000\nstartsecs=0\nstdout_logfile=NONE\nstderr_logfile=NONE\n' "$i" >>"$conf"
done
start=$(now_ms)
supervisord -c "$conf" >/dev/null 2>&1 &
pid=$!
await_children "$pid" "$N"; ready=$(now_ms)
report supervisord "$pid" "$start" "$ready"
stop=$(now_ms); kill -TERM "$pid"; await_gone "$pid"; echo "  stop $(( $(now_ms) - stop )) ms"
