#!/usr/bin/env bash
# The drill example: builds Pitstop if needed, then `pitstop drill --up` on this folder's stack (a real
# nats-server with JetStream, a publisher and a consumer). Exit code 0 only when every check held.
# Usage: examples/drill/run.sh [--rebuild] [pitstop drill options, e.g. --rounds 2 --phases single,failure]
# Reports: examples/drill/work/reports/drill-<time>/{report.md,report.json,junit.xml}
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/examples/drill
pitstop=$root/pitstop
cd "$root"

if [[ ${1:-} == --rebuild ]] || ! compgen -G "cli/target/pitstop-cli-*.jar" >/dev/null \
   || ! compgen -G "examples/target/pitstop-examples-*.jar" >/dev/null; then
  [[ ${1:-} == --rebuild ]] && shift
  echo "building Pitstop (first run only) ..."
  ./mvnw -q -B -ntp -DskipTests package
fi

free_port() {
  local port=$((20000 + RANDOM % 20000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}
examples=("$root"/examples/target/pitstop-examples-*.jar)
jnats=("$root"/cli/target/lib/jnats-*.jar)
export DRILL_CP="${examples[0]}:${jnats[0]}"
export DRILL_WORK=$here/work
export PITSTOP_HOME=$DRILL_WORK/home       # the example's own store, not the user's
export NATS_PORT; NATS_PORT=$(free_port)
export NATS_HTTP_PORT; NATS_HTTP_PORT=$(free_port)
while [[ $NATS_HTTP_PORT == "$NATS_PORT" ]]; do NATS_HTTP_PORT=$(free_port); done

cd "$here"
rm -rf work .pitstop pitstop.lock.json pitstop.lock.json.lock
mkdir -p work
exec "$pitstop" drill --up --report work/reports "$@"
