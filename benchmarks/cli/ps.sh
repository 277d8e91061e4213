#!/usr/bin/env bash
# Whole-process wall time of `pitstop ps` against a running stack, side by side with `supervisorctl status`
# against a supervisord running the same three processes. Prints hyperfine's table plus median and p95 of
# each and their CPU time (steadier than wall time on a busy machine), and writes
# benchmarks/results/cli-ps.json.
#
#   benchmarks/cli/ps.sh [RUNS]                 (default 20 runs after 3 warm-ups)
#   PITSTOP_STANDIN=0 benchmarks/cli/ps.sh      the real stack: `pitstop up -d` (needs the engine bound)
#
# By default the stack is a stand-in: the real control server (dev.pitstop.cli.FakeStackMain, cli test
# classes) in front of a fake engine. The client side, which is what this measures, is the real one.
set -euo pipefail

runs="${1:-20}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$repo/benchmarks/work/cli"
results="$repo/benchmarks/results"
jar=("$repo"/cli/target/pitstop-cli-*.jar)
if [[ ! -f "${jar[0]}" || ! -d "$repo/cli/target/test-classes/dev/pitstop/cli" ]]; then
  echo "build first: (cd $repo && ./mvnw -q -pl cli -am package -DskipTests)" >&2
  exit 1
fi
command -v hyperfine >/dev/null || { echo "hyperfine is not installed" >&2; exit 1; }

rm -rf "$work" && mkdir -p "$work/pitstop" "$work/supervisord" "$results"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true   # our children
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done   # a detached `up`
  done
}
trap cleanup EXIT

# the same three long-running processes for both supervisors
cat > "$work/pitstop/pitstop.yaml" <<'YAML'
processes:
  nats:          { command: "sleep 3600" }
  ingest-worker: { command: "sleep 3600" }
  broken:        { command: "sleep 3600" }
YAML
cat > "$work/supervisord/supervisord.conf" <<CONF
[unix_http_server]
file=$work/supervisord/supervisor.sock
chmod=0600
[supervisord]
nodaemon=true
logfile=$work/supervisord/supervisord.log
pidfile=$work/supervisord/supervisord.pid
childlogdir=$work/supervisord
[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
[supervisorctl]
serverurl=unix://$work/supervisord/supervisor.sock
[program:nats]
command=sleep 3600
[program:ingest-worker]
command=sleep 3600
[program:broken]
command=sleep 3600
CONF

if [[ "${PITSTOP_STANDIN:-1}" == 0 ]]; then
  (cd "$work/pitstop" && "$repo/pitstop" up -d)
  pids+=("$(cat "$work/pitstop/.pitstop/pitstop.pid")")
else
  java -cp "$repo/cli/target/test-classes:$repo/testkit/target/classes:${jar[0]}" dev.pitstop.cli.FakeStackMain "$work/pitstop" \
    > "$work/pitstop/stand-in.out" 2>&1 &
  pids+=($!)
fi
supervisord -c "$work/supervisord/supervisord.conf" > /dev/null 2>&1 &
pids+=($!)

deadline=$((SECONDS + 60))
until (cd "$work/pitstop" && "$repo/pitstop" ps > /dev/null 2>&1) \
   && supervisorctl -c "$work/supervisord/supervisord.conf" status 2>/dev/null | grep -q "broken.*RUNNING"; do
  if (( SECONDS > deadline )); then echo "the stacks did not come up within 60 s" >&2; exit 1; fi
  sleep 0.2
done

cd "$work/pitstop"
hyperfine -N --warmup 3 --runs "$runs" --export-json "$results/cli-ps.json" \
  -n "pitstop ps" "$repo/pitstop ps" \
  -n "supervisorctl status" "supervisorctl -c $work/supervisord/supervisord.conf status"

python3 - "$results/cli-ps.json" <<'PY'
import json, statistics, sys
data = json.load(open(sys.argv[1]))["results"]
rows = {}
for r in data:
    t = sorted(r["times"])
    p95 = t[min(len(t) - 1, int(round(0.95 * (len(t) - 1))))]
    rows[r["command"]] = (statistics.median(t) * 1000, p95 * 1000)
    print(f'{r["command"]:22s} median {rows[r["command"]][0]:6.1f} ms   p95 {p95 * 1000:6.1f} ms   '
          f'cpu (user+sys, mean) {(r["user"] + r["system"]) * 1000:6.1f} ms   runs {len(t)}')
a, b = rows["pitstop ps"][0], rows["supervisorctl status"][0]
print(f"median ratio pitstop ps / supervisorctl status = {a / b:.2f}")
PY
