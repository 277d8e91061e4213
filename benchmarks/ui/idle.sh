#!/usr/bin/env bash
# Idle cost of the dashboard: three stacks of three `sleep` processes run side by side, in the same window:
#   plain    `pitstop up`
#   ui       `pitstop up --ui`, nobody watching
#   watched  `pitstop up --ui` with one page's live feed open (curl on /api/stream)
# After a settling pause, each supervisor JVM's CPU time (utime+stime from /proc/PID/stat) is sampled over the
# same window, and its RSS (VmRSS) read at the end. Usage: benchmarks/ui/idle.sh [WINDOW_SECONDS] [SETTLE_SECONDS]
# Needs the CLI built: ./mvnw -q -pl cli -am package -DskipTests
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
window="${1:-60}"
settle="${2:-20}"
work="$(mktemp -d)"
pids=()
curl_pid=""
cleanup() {
  [[ -n "$curl_pid" ]] && kill "$curl_pid" 2>/dev/null || true
  for mode in plain ui watched; do
    [[ -d "$work/$mode" ]] && (cd "$work/$mode" && "$root/pitstop" down >/dev/null 2>&1 || true)
  done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

ticks() { awk '{ s = $0; sub(/^.*\) /, "", s); split(s, f, " "); print f[12] + f[13] }' "/proc/$1/stat"; }
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

declare -A jvm
for mode in plain ui watched; do
  mkdir -p "$work/$mode"
  cat > "$work/$mode/pitstop.yaml" <<'YAML'
processes:
  a: { command: "sleep 100000" }
  b: { command: "sleep 100000" }
  c: { command: "sleep 100000" }
YAML
  args=(up)
  [[ "$mode" != plain ]] && args+=(--ui)
  (cd "$work/$mode" && exec "$root/pitstop" --home "$work/home" "${args[@]}" > out.txt 2>&1) &
  jvm[$mode]=$!
  pids+=("$!")
done
for mode in plain ui watched; do
  for _ in $(seq 1 300); do [[ -S "$work/$mode/.pitstop/pitstop.sock" ]] && break; sleep 0.1; done
done
for _ in $(seq 1 300); do grep -q 'http://' "$work/watched/out.txt" && break; sleep 0.1; done
url="$(grep -o 'http://[^ ]*' "$work/watched/out.txt")"
base="${url%%/?token=*}"
token="${url##*token=}"
curl -s -N -b "pitstop_ui=$token" "$base/api/stream" > /dev/null &
curl_pid=$!

sleep "$settle"
declare -A t0
for mode in plain ui watched; do t0[$mode]=$(ticks "${jvm[$mode]}"); done
start=$(date +%s.%N)
sleep "$window"
elapsed=$(echo "$(date +%s.%N) - $start" | bc -l)
printf '| supervisor | CPU over %ss (%% of one core) | RSS |\n|---|---|---|\n' "$window"
for mode in plain ui watched; do
  t1=$(ticks "${jvm[$mode]}")
  cpu=$(echo "($t1 - ${t0[$mode]}) / 100 / $elapsed * 100" | bc -l)
  printf '| %s | %.3f %% | %.1f MiB |\n' "$mode" "$cpu" "$(echo "$(rss_kb "${jvm[$mode]}") / 1024" | bc -l)"
done
