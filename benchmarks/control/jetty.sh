#!/usr/bin/env bash
# Jetty 12 or our own HTTP layer for the control socket? Starts the real ControlServer over a fake engine, with
# the JVM options of `pitstop up`, RUNS times without and RUNS times with a Jetty 12 core server (Unix-domain
# connector, one route) in the same JVM, and prints per variant the time from JVM start until its socket answers
# and the PSS once it does (medians). Figures and decision: docs/architecture.md.
#
#   benchmarks/control/jetty.sh [RUNS]     (after ./mvnw -q -pl cli -am package -DskipTests)
set -euo pipefail
runs="${1:-10}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
probe="$repo/benchmarks/control/jetty-probe"
(cd "$probe" && "$repo/mvnw" -q -B -ntp package dependency:build-classpath -Dmdep.outputFile=target/cp.txt)
cp="$repo/control/target/classes:$repo/core/target/classes:$repo/testkit/target/classes"
cp+=":$(ls "$repo"/cli/target/lib/*.jar | grep -v -e logback -e slf4j-api | paste -sd:)"
cp+=":$(cat "$probe/target/cp.txt"):$probe/target/classes"
# Combined uses the reactor's classes from their target/ folders, so javac rather than the probe's pom
javac -d "$probe/target/combined" -cp "$cp" "$probe/Combined.java"
cp+=":$probe/target/combined"
"$repo/benchmarks/control/boot.sh" own "$runs" -- -cp "$cp" probe.Combined @DIR@ own
WAIT_SOCK=@DIR@/.pitstop/jetty.sock "$repo/benchmarks/control/boot.sh" own+jetty "$runs" -- -cp "$cp" probe.Combined @DIR@ jetty
