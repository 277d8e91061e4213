#!/usr/bin/env bash
# The release archive against the repository launcher: its size, and the whole-process wall time of
# `pitstop ps` from the installed archive (no JDK: its own runtime and CDS archives) side by side with
# `./pitstop ps` (the JDK on PATH, cli/target/pitstop.jsa), both against the same running stack of three
# processes, with farm-bench --vs (A and B alternate, the ratio is taken pair by pair).
#
#   benchmarks/dist/ps.sh [RUNS]      (default 20; build first: ./mvnw -B -ntp -pl dist -am package -DskipTests)
set -euo pipefail

runs="${1:-20}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$repo/benchmarks/work/dist"
archives=("$repo"/dist/target/pitstop-*.tar.gz)
[[ -f ${archives[0]} && -f $repo/cli/target/pitstop.jsa ]] || {
  echo "build first: (cd $repo && ./mvnw -B -ntp -pl dist -am package -DskipTests)" >&2; exit 1; }
command -v farm-bench >/dev/null || { echo "farm-bench is not installed" >&2; exit 1; }

rm -rf "$work" && mkdir -p "$work/stack"
echo "archive: ${archives[0]##*/} $(stat -c %s "${archives[0]}") bytes ($(du -h "${archives[0]}" | cut -f1))"
"$repo/dist/install.sh" --prefix "$work/prefix" "${archives[0]}" >/dev/null
echo "installed: $(du -sh "$work/prefix/lib/pitstop/versions" | cut -f1) on disk"

cat >"$work/stack/pitstop.yaml" <<'YAML'
processes:
  nats:          { command: "sleep 3600" }
  ingest-worker: { command: "sleep 3600" }
  broken:        { command: "sleep 3600" }
YAML
export PITSTOP_HOME="$work/home"
"$work/prefix/bin/pitstop" up -d -f "$work/stack/pitstop.yaml" >/dev/null
trap '"$work/prefix/bin/pitstop" down -f "$work/stack/pitstop.yaml" >/dev/null || true' EXIT

cd "$work/stack"
farm-bench -n "$runs" --warmup 3 --vs "$repo/pitstop ps" -- "$work/prefix/bin/pitstop" ps
