#!/usr/bin/env bash
# boot.sh NAME RUNS -- JAVA-ARGS...: starts a JVM (the options of `pitstop up`) RUNS times, each in a fresh folder
# (@DIR@ and @SOCK@ in the arguments become that folder and its .pitstop/pitstop.sock), times it until the socket
# answers (or $WAIT_SOCK, when set), reads its PSS, kills it, and prints both series with their medians.
set -u
name=$1; runs=$2; shift 3
times=(); pss=()
for i in $(seq "$runs"); do
  d=$(mktemp -d /tmp/ctl/bt.XXXX); mkdir -p "$d/.pitstop"
  sock="$d/.pitstop/pitstop.sock"
  args=("${@//@DIR@/$d}"); args=("${args[@]//@SOCK@/$sock}")
  start=$(date +%s%N)
  java -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xms8m -Xmx128m -XX:ReservedCodeCacheSize=32m -XX:-UsePerfData "${args[@]}" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 2000); do
    [[ -n "${WAIT_SOCK:-}" ]] && { curl -s -o /dev/null --max-time 1 --unix-socket "${WAIT_SOCK//@DIR@/$d}" http://x/ || { sleep 0.005; continue; }; }
    if curl -s -o /dev/null --max-time 1 --unix-socket "$sock" http://x/v1/processes; then break; fi
    sleep 0.005
  done
  end=$(date +%s%N)
  sleep 0.3
  times+=($(( (end - start) / 1000000 )))
  pss+=($(awk '/^Pss:/ {print $2}' /proc/$pid/smaps_rollup))
  kill $pid; wait $pid 2>/dev/null; rm -rf "$d"
done
printf '%s boot ms: %s | median %s\n' "$name" "${times[*]}" "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
printf '%s PSS KiB: %s | median %s\n' "$name" "${pss[*]}" "$(printf '%s\n' "${pss[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
