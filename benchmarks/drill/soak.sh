#!/usr/bin/env bash
# The drill soak: long runs of `pitstop drill --up`, each beside the same reloads done by a plain kill + start
# (benchmarks/drill/baseline.py) in the same run.
#   1. NATS reloads of a real nats-server (JetStream on) under a JetStream publisher: the drill's rapid phase with
#      its built-in JetStream check; the baseline runs the example publisher (acks, same-id resends) and its check
#   2. TINY reloads of a tiny TCP server (a Python one-liner that prints "listening" once bound)
#   3. ROUNDS rounds of parallel reloads of four tiny servers
# Usage: benchmarks/drill/soak.sh [NATS=100] [TINY=1000] [ROUNDS=100]
# Prints a Markdown table; every drill's reports stay in benchmarks/work/drill/*/reports.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
N_NATS=${1:-100}; N_TINY=${2:-1000}; N_ROUNDS=${3:-100}
WORK=$root/benchmarks/work/drill
rm -rf "$WORK" && mkdir -p "$WORK"
if ! compgen -G "cli/target/pitstop-cli-*.jar" >/dev/null || ! compgen -G "examples/target/pitstop-examples-*.jar" >/dev/null; then
  ./mvnw -q -B -ntp -DskipTests package
fi
NATS_BIN=$(command -v nats-server || echo /usr/sbin/nats-server)
examples=("$root"/examples/target/pitstop-examples-*.jar); jnats=("$root"/cli/target/lib/jnats-*.jar)
CP="${examples[0]}:${jnats[0]}"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cat > "$WORK/tiny.py" <<'PY'
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(); print("listening", flush=True)
while True: s.accept()[0].close()
PY
export PITSTOP_HOME=$WORK/home
# figures of one drill report: phase figures, and the leak facts of the rapid phase's last step
figures() { python3 - "$1" <<'PY'
import json, sys, glob
r = json.load(open(glob.glob(sys.argv[1] + "/drill-*/report.json")[0]))
out = {"ok": all(all(c.get("ok", False) for c in s.get("checks", [])) for p in r["phases"] for s in p.get("steps", []))}
for k, v in r.get("figures", {}).items():
    out.update({k + "." + f: x for f, x in v.items()})
for p in r["phases"]:
    if p["name"] == "rapid" and p.get("steps"):
        out.update(p["steps"][-1].get("facts", {}))
print(json.dumps(out))
PY
}
drill() { local dir=$1; shift; /usr/bin/time -f %e -o "$dir/seconds" ./pitstop drill --up -f "$dir/pitstop.yaml" --report "$dir/reports" "$@" > "$dir/drill.out" 2>&1 || true; }

# --- 1. nats-server under a JetStream publisher --------------------------------------------------------------
D=$WORK/nats; mkdir -p "$D"; P=$(free_port)
cat > "$D/pitstop.yaml" <<YAML
binaries:
  nats: { file: $NATS_BIN }
processes:
  nats:
    command: "exec \${bin:nats} -a 127.0.0.1 -p $P -js -sd $D/js"
    ready_log_line: "Server is ready"
    shutdown: { timeout_seconds: 5 }
drill:
  nats: { url: "nats://127.0.0.1:$P", stream: DRILL, subject: drill.soak }
YAML
drill "$D" --phases rapid,integrity --rounds "$N_NATS"
PITSTOP_NATS=$(figures "$D/reports")
B=$WORK/nats-baseline; mkdir -p "$B"; P=$(free_port)
BASELINE_GO=$B/go BASELINE_ACKED=$B/acked python3 benchmarks/drill/baseline.py "$N_NATS" 1 "Server is ready" \
  -- "$NATS_BIN" -a 127.0.0.1 -p "$P" -js -sd "$B/js" > "$B/baseline.json" &
base=$!
until (exec 3<>"/dev/tcp/127.0.0.1/$P") 2>/dev/null; do sleep 0.05; done
java -cp "$CP" dev.pitstop.examples.drill.Publisher "nats://127.0.0.1:$P" orders.soak "$B/acked" > "$B/publisher.out" 2>&1 &
pub=$!
until grep -qs "publisher connected" "$B/publisher.out"; do sleep 0.05; done
sleep 1  # a second of publishing before the first kill, as the drill's publisher has while the drill starts up
touch "$B/go"
wait "$base"
kill -TERM "$pub"; wait "$pub" || true
"$NATS_BIN" -a 127.0.0.1 -p "$P" -js -sd "$B/js" > "$B/nats.out" 2>&1 & nats=$!
until (exec 3<>"/dev/tcp/127.0.0.1/$P") 2>/dev/null; do sleep 0.05; done
java -cp "$CP" dev.pitstop.examples.drill.Check "nats://127.0.0.1:$P" orders.soak "$B/acked" > "$B/check.out" 2>&1 || true
kill -TERM "$nats"; wait "$nats" || true
BASE_NATS=$(cat "$B/baseline.json"); BASE_CHECK=$(cat "$B/check.out"); BASE_PUB=$(grep "publisher stopped" "$B/publisher.out" || true)

# --- 2. a tiny server, many times ----------------------------------------------------------------------------
D=$WORK/tiny; mkdir -p "$D"; P=$(free_port)
cat > "$D/pitstop.yaml" <<YAML
processes:
  tiny:
    command: "exec python3 $WORK/tiny.py $P"
    ready_log_line: listening
YAML
drill "$D" --phases rapid --rounds "$N_TINY"
PITSTOP_TINY=$(figures "$D/reports")
P=$(free_port)
BASE_TINY=$(python3 benchmarks/drill/baseline.py "$N_TINY" 1 listening -- python3 "$WORK/tiny.py" "$P")

# --- 3. parallel rounds of four tiny servers ------------------------------------------------------------------
D=$WORK/parallel; mkdir -p "$D"
ports=(); for i in 0 1 2 3; do ports+=("$(free_port)"); done
{ echo "processes:"; for i in 0 1 2 3; do
    printf '  tiny%d:\n    command: "exec python3 %s %d"\n    ready_log_line: listening\n' "$i" "$WORK/tiny.py" "${ports[$i]}"
  done; } > "$D/pitstop.yaml"
drill "$D" --phases parallel,rapid --rounds "$N_ROUNDS"
PITSTOP_PAR=$(figures "$D/reports")
bports=(); for i in 0 1 2 3; do bports+=("$(free_port)"); done
BASE_PAR=$(BASELINE_VALUES=$(IFS=,; echo "${bports[*]}") python3 benchmarks/drill/baseline.py "$N_ROUNDS" 4 listening \
  -- python3 "$WORK/tiny.py" "{i}")

cat <<EOF
## results ($(date -u +%FT%TZ), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg))
1. nats-server x$N_NATS under JetStream publisher
   pitstop drill: $PITSTOP_NATS  (wall $(cat "$WORK/nats/seconds") s)
   kill+start:    $BASE_NATS
                  $BASE_PUB; check: $BASE_CHECK
2. tiny server x$N_TINY
   pitstop drill: $PITSTOP_TINY  (wall $(cat "$WORK/tiny/seconds") s)
   kill+start:    $BASE_TINY
3. parallel x$N_ROUNDS (4 tiny servers)
   pitstop drill: $PITSTOP_PAR  (wall $(cat "$WORK/parallel/seconds") s)
   kill+start:    $BASE_PAR
EOF
