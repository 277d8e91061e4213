#!/usr/bin/env bash
# Signature verification: Pitstop (JDK Ed25519 + Bouncy Castle BLAKE2b) vs minisign -V, same machine, same run.
# Verifies one prehashed minisign signature over a 500 MiB file, as whole processes (JVM start included).
# Usage: benchmarks/signing/run.sh [SIZE_MIB]   (from anywhere; builds the signing module offline first)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SIZE_MIB="${1:-500}"
RUNS=3
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$ROOT"
# the last module of the reactor (signing) writes the file last: its runtime classpath, core's jar included
./mvnw -q -o -pl signing -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime
CP="$ROOT/signing/target/classes:$(cat "$WORK/cp.txt")"
javac -d "$WORK/classes" -cp "$CP" "$ROOT/benchmarks/signing/VerifyMinisig.java"

head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > "$WORK/big.bin"
minisign -G -W -p "$WORK/key.pub" -s "$WORK/key.sec" > /dev/null
minisign -S -s "$WORK/key.sec" -m "$WORK/big.bin" > /dev/null    # prehashed (ED, base64 "RU…") by default since 0.11
grep -q '^RU' "$WORK/big.bin.minisig" || { echo "expected a prehashed (ED) signature" >&2; exit 1; }

JAVA="${JAVA:-java}"
hyperfine --warmup 1 --runs "$RUNS" --export-json "$WORK/result.json" \
  -n "minisign -V" "minisign -Vm $WORK/big.bin -p $WORK/key.pub" \
  -n "pitstop (java)" "$JAVA -cp $WORK/classes:$CP VerifyMinisig $WORK/big.bin $WORK/key.pub"

python3 - "$WORK/result.json" "$SIZE_MIB" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
median = {r["command"]: statistics.median(r["times"]) for r in results}
base = median["minisign -V"]
print(f"\nmedian of {len(results[0]['times'])} runs, {sys.argv[2]} MiB file, prehashed minisign signature:")
for name, t in median.items():
    print(f"  {name:16s} {t:7.3f} s   {t / base:5.2f}x minisign")
PY
