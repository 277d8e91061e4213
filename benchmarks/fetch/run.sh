#!/usr/bin/env bash
# Fetch benchmark: download + verify + extract a 200 MiB .tar.gz from a loopback HTTP server, Pitstop (a whole JVM
# process, FetchBenchmark on the fetchers test classpath) against `curl | tee >(sha256sum) | tar xz`, side by side
# with hyperfine; then the asset-selection rate (SelectionBenchmark).
# Usage: benchmarks/fetch/run.sh [size-MiB]   (run from the repository root; needs python3, curl, hyperfine)
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE_MIB="${1:-200}"
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT

# the reactor resolves core and testkit to their target/classes; fetchers is built last, so its classpath wins
./mvnw -q -o -pl fetchers -am test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test
CP="fetchers/target/test-classes:fetchers/target/classes:$(cat "$WORK/cp.txt")"

# A release-like archive: one incompressible binary of SIZE_MIB (so the .tar.gz is that size too) and a README.
mkdir -p "$WORK/src/tool-1.0.0" "$WORK/www"
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > "$WORK/src/tool-1.0.0/tool"
chmod 755 "$WORK/src/tool-1.0.0/tool"
echo "benchmark" > "$WORK/src/tool-1.0.0/README.md"
tar -C "$WORK/src" -cf - tool-1.0.0 | gzip -1 > "$WORK/www/tool-1.0.0-linux-amd64.tar.gz"
SHA="$(sha256sum "$WORK/www/tool-1.0.0-linux-amd64.tar.gz" | cut -d' ' -f1)"
rm -rf "$WORK/src"
sync  # each run starts without the writeback of earlier ones (both write the 200 MiB binary, Pitstop also the archive)

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
python3 -m http.server --bind 127.0.0.1 --directory "$WORK/www" "$PORT" >/dev/null 2>&1 &
SERVER_PID=$!
URL="http://127.0.0.1:$PORT/tool-1.0.0-linux-amd64.tar.gz"
for _ in $(seq 1 50); do curl -fsI "$URL" >/dev/null 2>&1 && break; sleep 0.1; done

hyperfine --shell=bash --warmup 1 --runs 5 --export-markdown "$WORK/fetch.md" \
  --prepare "rm -rf $WORK/out $WORK/cache; sync" \
  -n pitstop "java -cp $CP dev.pitstop.fetchers.FetchBenchmark $URL $SHA $WORK/out $WORK/cache" \
  -n curl-tee-sha256sum-tar "mkdir -p $WORK/out && curl -fsS $URL | tee >(sha256sum > $WORK/out/sum) | tar xz -C $WORK/out"
cat "$WORK/fetch.md"

java -cp "$CP" dev.pitstop.fetchers.internal.select.SelectionBenchmark
