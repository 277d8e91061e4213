#!/usr/bin/env bash
# Footprint with N children (`sleep 100000` each): the supervisor's own memory (PSS), its idle CPU over
# IDLE seconds, its threads, and the time until all N run. Pitstop and supervisord side by side in the same run.
# Usage: benchmarks/supervisor/footprint.sh [N] [IDLE]
#   PITSTOP=/path/to/pitstop   another build's launcher (default ./pitstop), e.g. one of main before a change
#   PITSTOP_PROCESS_PLATFORM   linux, posix or jdk (docs/supervision.md), passed on to the supervisor
#   SKIP_SUPERVISORD=1         Pitstop only
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-500}
IDLE=${2:-30}
WORK=benchmarks/work/footprint
rm -rf "$WORK" && mkdir -p "$WORK/pitstop" "$WORK/supervisord"
TICKS=$(getconf CLK_TCK)

pss_kib() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup"; }
threads() { awk '/^Threads:/ {print $2}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
running_children() { pgrep -P "$1" -c sleep || true; }
now_ms() { date +%s%3N; }

report() { # name pid start_ms ready_ms
  local name=$1 pid=$2 t0=$3 t1=$4
  local c0 c1
  sleep 5   # let start-up work (JIT, GC) settle before the idle window
  c0=$(cpu_ticks "$pid"); sleep "$IDLE"; c1=$(cpu_ticks "$pid")
  local cpu
  cpu=$(awk -v d=$((c1 - c0)) -v t="$TICKS" -v s="$IDLE" 'BEGIN { printf "%.3f", 100 * d / t / s }')
  printf '%-12s children=%d  start-all=%6.2f s  PSS=%6.1f MiB  threads=%d  idle-CPU=%s %% of a core\n' \
    "$name" "$(running_children "$pid")" "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print (b-a)/1000}')" \
    "$(awk -v k="$(pss_kib "$pid")" 'BEGIN{print k/1024}')" "$(threads "$pid")" "$cpu"
}

# --- Pitstop ---------------------------------------------------------------------------------------
{
  echo "processes:"
  for i in $(seq 1 "$N"); do
    printf '  s%d:\n    entrypoint: ["sleep", "100000"]\n    shutdown: { timeout_seconds: 2 }\n' "$i"
  done
} > "$WORK/pitstop/pitstop.yaml"
t0=$(now_ms)
PITSTOP=${PITSTOP:-./pitstop}
"$PITSTOP" up -d -f "$WORK/pitstop/pitstop.yaml" >/dev/null
pid=$(cat "$WORK/pitstop/.pitstop/pitstop.pid")
for _ in $(seq 1 600); do [ "$(running_children "$pid")" -ge "$N" ] && break; sleep 0.05; done
t1=$(now_ms)
report "pitstop${PITSTOP_PROCESS_PLATFORM:+-$PITSTOP_PROCESS_PLATFORM}" "$pid" "$t0" "$t1"
"$PITSTOP" down -f "$WORK/pitstop/pitstop.yaml" >/dev/null
[ -n "${SKIP_SUPERVISORD:-}" ] && exit 0

# --- supervisord -------------------------------------------------------------------------------------
S="$WORK/supervisord"
{
  printf '[unix_http_server]\nfile=%s/sock\n[supervisord]\nlogfile=%s/supervisord.log\npidfile=%s/pid\nnodaemon=true\n' "$PWD/$S" "$PWD/$S" "$PWD/$S"
  printf '[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n'
  printf '[supervisorctl]\nserverurl=unix://%s/sock\n' "$PWD/$S"
  for i in $(seq 1 "$N"); do
    printf '[program:s%d]\ncommand=sleep 100000\nstartsecs=0\nstdout_logfile=NONE\nstderr_logfile=NONE\n' "$i"
  done
} > "$S/supervisord.conf"
t0=$(now_ms)
supervisord -c "$S/supervisord.conf" >/dev/null 2>&1 &
spid=$!
for _ in $(seq 1 1200); do [ "$(running_children "$spid")" -ge "$N" ] && break; sleep 0.05; done
t1=$(now_ms)
report supervisord "$spid" "$t0" "$t1"
kill -TERM "$spid"; wait "$spid" || true
