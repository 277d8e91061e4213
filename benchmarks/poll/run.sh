#!/usr/bin/env bash
# Poll benchmark (docs/benchmarks.md, "Polling and git builds"): a no-change poll of 100 sources (50 git repositories
# on a local git daemon, 50 GitHub-shaped releases on the testkit release server) against `git ls-remote` run 50
# times; the build-key decision for an unchanged git binary; an incremental fetch of one new commit against
# `git fetch` of the same. Usage: benchmarks/poll/run.sh [rounds]   (from the repository root; needs git and cc)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS="${1:-5}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

./mvnw -q -o -pl examples -am test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test
CP="examples/target/test-classes:examples/target/classes"
for m in core manifest signing fetchers supervisor control testkit; do CP="$CP:$m/target/classes"; done
CP="$CP:$(cat "$WORK/cp.txt")"

java -cp "$CP" dev.pitstop.examples.bench.PollBenchmark "$WORK/run" "$ROUNDS"
