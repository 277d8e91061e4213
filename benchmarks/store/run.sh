#!/usr/bin/env bash
# Store and hashing benchmarks, each side by side with the standard tool in the same run:
#   1. SHA-256 of a 1 GiB file: Sha256.ofFile (in-process time) vs sha256sum (and openssl dgst, which uses the
#      CPU's SHA instructions where coreutils does not)
#   2. storing a 200 MiB file: BinaryStore.put (copy + hash + fsync + rename) vs cp + sha256sum
# Usage: benchmarks/store/run.sh [runs]   (default 3; prints medians and ratios)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
work=benchmarks/work/store
mkdir -p "$work"

./mvnw -q -o -pl manifest -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$work/classpath.txt" -Dmdep.includeScope=test >/dev/null
cp="manifest/target/test-classes:manifest/target/classes:core/target/classes:$(cat "$work/classpath.txt")"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

[ -f "$work/1g.bin" ] || head -c 1073741824 /dev/urandom > "$work/1g.bin"
[ -f "$work/200m.bin" ] || head -c 209715200 /dev/urandom > "$work/200m.bin"

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
clean_home() { [ -d "$1" ] && chmod -R u+w "$1" && rm -rf "$1"; true; }

echo "java: $($java -version 2>&1 | head -n 1); sha_ni: $(grep -o -m1 sha_ni /proc/cpuinfo || echo no)"
cat "$work/1g.bin" > /dev/null   # both sides read from the page cache

: > "$work/hash-tool.txt"; : > "$work/hash-openssl.txt"; : > "$work/hash-pitstop.txt"
for i in $(seq "$runs"); do
  t0=$(now); expected=$(sha256sum "$work/1g.bin" | cut -c1-64); t1=$(now)
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f\n", b-a}' >> "$work/hash-tool.txt"
  read -r secs actual < <($java -cp "$cp" dev.pitstop.manifest.bench.HashBenchMain "$work/1g.bin")
  [ "$actual" = "$expected" ] || { echo "digest mismatch: $actual vs $expected" >&2; exit 1; }
  echo "$secs" >> "$work/hash-pitstop.txt"
  t0=$(now); openssl dgst -sha256 "$work/1g.bin" >/dev/null; t1=$(now)
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f\n", b-a}' >> "$work/hash-openssl.txt"
done
tool=$(median < "$work/hash-tool.txt"); ssl=$(median < "$work/hash-openssl.txt"); ours=$(median < "$work/hash-pitstop.txt")
echo "hash 1 GiB:  sha256sum ${tool}s  openssl ${ssl}s  Sha256.ofFile ${ours}s" \
  " speed ratio vs sha256sum $(awk -v a="$tool" -v b="$ours" 'BEGIN{printf "%.2f", a/b}')" \
  " vs openssl $(awk -v a="$ssl" -v b="$ours" 'BEGIN{printf "%.2f", a/b}')"

: > "$work/put-tool.txt"; : > "$work/put-sync.txt"; : > "$work/put-pitstop.txt"
for i in $(seq "$runs"); do
  rm -f "$work/copy.bin"
  t0=$(now); cp "$work/200m.bin" "$work/copy.bin"; expected=$(sha256sum "$work/copy.bin" | cut -c1-64); t1=$(now)
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f\n", b-a}' >> "$work/put-tool.txt"
  rm -f "$work/copy.bin"
  t0=$(now); cp "$work/200m.bin" "$work/copy.bin"; sync "$work/copy.bin"; sha256sum "$work/copy.bin" >/dev/null; t1=$(now)
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f\n", b-a}' >> "$work/put-sync.txt"
  clean_home "$work/home"
  read -r secs actual < <($java -cp "$cp" dev.pitstop.manifest.bench.StorePutBenchMain "$work/200m.bin" "$work/home")
  [ "$actual" = "$expected" ] || { echo "digest mismatch: $actual vs $expected" >&2; exit 1; }
  echo "$secs" >> "$work/put-pitstop.txt"
done
clean_home "$work/home"; rm -f "$work/copy.bin"
tool=$(median < "$work/put-tool.txt"); synced=$(median < "$work/put-sync.txt"); ours=$(median < "$work/put-pitstop.txt")
echo "put 200 MiB: cp+sha256sum ${tool}s  cp+sync+sha256sum ${synced}s  BinaryStore.put ${ours}s" \
  " ratio vs cp+sha256sum $(awk -v a="$tool" -v b="$ours" 'BEGIN{printf "%.2f", a/b}')  vs cp+sync+sha256sum $(awk -v a="$synced" -v b="$ours" 'BEGIN{printf "%.2f", a/b}')"
