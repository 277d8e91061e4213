#!/usr/bin/env bash
# The Pitstop demo, offline: builds Pitstop if needed, publishes a greeter release to a local GitHub-style
# mirror, brings the stack up (fetch → verify → store → run), updates greeter to a newer release with a
# health-gated hot swap while caller and ticker keep running, then shows a broken release rolled back. With cc
# and git installed, a fourth service, motd, is built from a local git repository and rebuilt only when its
# inputs change.
# Usage: examples/demo/run.sh [--rebuild]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
demo=$root/examples/demo
pitstop=$root/pitstop
cd "$root"

if [[ ${1:-} == --rebuild ]] || ! compgen -G "cli/target/pitstop-cli-*.jar" >/dev/null \
   || ! compgen -G "examples/target/pitstop-examples-*.jar" >/dev/null; then
  echo "building Pitstop (first run only) ..."
  ./mvnw -q -B -ntp -DskipTests package
fi

jars=("$root"/examples/target/pitstop-examples-*.jar)
export DEMO_JAR=${jars[0]}
export PITSTOP_HOME=$demo/work/home        # the demo's own store, not the user's
port=$((20000 + RANDOM % 20000))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
export GREETER_PORT=$port

cd "$demo"
rm -rf work .pitstop pitstop.lock.json pitstop.lock.json.lock
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
trap '"$pitstop" down >/dev/null 2>&1 || true' EXIT
greet() { curl -s --retry 20 --retry-connrefused --retry-delay 1 "http://127.0.0.1:$GREETER_PORT/"; }

step "publish greeter 1.0.0 to the offline mirror (work/mirror, laid out like GitHub releases)"
./publish.sh 1.0.0

files=(-f pitstop.yaml)
if command -v cc >/dev/null && command -v git >/dev/null; then
  export MOTD_REPO=$demo/work/src/motd
  motd() {   # motd.c at version $1, committed with message $2
    printf '#include <stdio.h>\n#include <unistd.h>\nint main(void) { printf("motd %s\\n"); fflush(stdout); for (;;) pause(); }\n' "$1" \
      > "$MOTD_REPO/motd.c"
    git -C "$MOTD_REPO" add -A && git -C "$MOTD_REPO" -c user.name=demo -c user.email=demo@example.org commit -qm "$2"
  }
  step "motd's source: a local git repository (work/src/motd) that Pitstop builds with cc"
  mkdir -p "$MOTD_REPO" && git -C "$MOTD_REPO" init -q -b main && echo "# motd" > "$MOTD_REPO/README.md"
  motd 1 "motd 1"
  files+=(-f git-built.yaml)
else
  echo "(cc or git not installed: the git-built motd service is left out)"
fi

step "pitstop up -d: fetch greeter from the mirror, verify its checksum, store it${MOTD_REPO:+, build motd}, start the stack"
"$pitstop" up -d "${files[@]}"
greet
"$pitstop" ps

sleep 2   # let caller log a few answers from 1.0.0

step "greeter 1.1.0 is published upstream"
./publish.sh 1.1.0
"$pitstop" outdated

step "pitstop update greeter: fetch, verify, store, then swap it in, gated on its readiness probe"
"$pitstop" update greeter
greet
"$pitstop" ps
sleep 2
echo "caller's view of the swap (same PID throughout; at most a beat missed):"
"$pitstop" logs caller -n 8

step "greeter 1.2.0 is published, but it is broken: the swap is rolled back automatically"
./publish.sh 1.2.0 broken
"$pitstop" update greeter || true
greet
"$pitstop" ps

if [[ -n ${MOTD_REPO:-} ]]; then
  step "a commit that touches only motd's README: poll sees the same build inputs, update rebuilds nothing"
  echo "# motd, the message of the day" > "$MOTD_REPO/README.md"
  git -C "$MOTD_REPO" -c user.name=demo -c user.email=demo@example.org commit -qam "docs"
  "$pitstop" poll motd || true
  "$pitstop" update motd

  step "a commit that changes motd.c: a new build key, so update builds it and swaps it in"
  motd 2 "motd 2"
  "$pitstop" poll motd || true
  "$pitstop" update motd
  "$pitstop" logs motd -n 3
fi

step "the manifest (pitstop.lock.json) records every version, its evidence and its fate"
"$pitstop" manifest show

step "pitstop down"
"$pitstop" down
trap - EXIT
