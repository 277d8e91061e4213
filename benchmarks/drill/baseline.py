#!/usr/bin/env python3
"""The baseline of the drill soak: the same reloads done by a plain kill + start, no supervisor.

Each server is started, and is "ready" when it prints its readiness line (the line Pitstop waits for in the
soak's stack files). A reload is SIGTERM, wait for the exit, start again, wait for the line: the time from the
kill to the line is what is measured, as Pitstop's reload time is from the stop to ready.

Usage: baseline.py ROUNDS PARALLEL READY_LINE -- COMMAND...
  COMMAND may contain {i}: the server's index, or the index-th entry of $BASELINE_VALUES (comma-separated)
  With $BASELINE_GO set to a path, the first kill waits (at most 120 s) until that file exists: a client that must
  be connected first (the JetStream publisher) creates it.
  With $BASELINE_ACKED set to a file holding a count (the example publisher's acked file), each restart is
  followed by a wait (at most 15 s) until the count grows: the publisher got an ack through again, as the drill
  waits for its own publisher. ack_again_p50_ms/p95_ms are measured from ready to that ack.
Prints one JSON object: reloads, failures, p50_ms, p95_ms, max_ms, zombies_after, children_after.
"""
import json
import os
import subprocess
import sys
import threading
import time


def spawn(argv):
    return subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)


def start(argv, ready_line, timeout=30):
    return await_ready(spawn(argv), argv, ready_line, timeout)


def await_ready(p, argv, ready_line, timeout=30):
    deadline = time.monotonic() + timeout
    for line in p.stdout:
        if ready_line in line:
            # keep draining so a chatty server never blocks on a full pipe
            threading.Thread(target=lambda: [None for _ in p.stdout], daemon=True).start()
            return p
        if time.monotonic() > deadline:
            break
    p.kill()
    p.wait()
    raise RuntimeError("not ready: " + " ".join(argv))


def stop(p):
    p.terminate()
    try:
        p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()


def percentile(values, pct):
    s = sorted(values)
    if not s:
        return 0
    rank = max(1, min(len(s), int(-(-pct * len(s) // 100))))
    return s[rank - 1]


def read_count(path):
    try:
        with open(path) as f:
            return int(f.read().strip() or 0)
    except (OSError, ValueError):
        return 0


def zombies_and_children():
    me = str(os.getpid())
    children = zombies = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[1] == me:
            children += 1
            zombies += fields[0] == "Z"
    return zombies, children


def main():
    rounds, parallel, ready_line = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    template = sys.argv[sys.argv.index("--") + 1:]
    values = os.environ.get("BASELINE_VALUES", "").split(",") if os.environ.get("BASELINE_VALUES") else None
    argvs = [[a.replace("{i}", values[i] if values else str(i)) for a in template] for i in range(parallel)]
    procs = [start(a, ready_line) for a in argvs]
    go = os.environ.get("BASELINE_GO")
    deadline = time.monotonic() + 120
    while go and not os.path.exists(go) and time.monotonic() < deadline:
        time.sleep(0.05)
    times, failures = [], 0
    acked_file, ack_again = os.environ.get("BASELINE_ACKED"), []
    for _ in range(rounds):
        t0 = time.monotonic()
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        spawned = [spawn(a) for a in argvs]  # all at once, as a parallel reload does
        try:
            procs = [await_ready(p, a, ready_line) for p, a in zip(spawned, argvs)]
        except RuntimeError:
            failures += 1
            for p in spawned:
                stop(p)
            procs = [start(a, ready_line) for a in argvs]
        times.append((time.monotonic() - t0) * 1000)
        if acked_file:
            before, t1 = read_count(acked_file), time.monotonic()
            while read_count(acked_file) <= before and time.monotonic() - t1 < 15:
                time.sleep(0.005)
            ack_again.append((time.monotonic() - t1) * 1000)
    zombies, children = zombies_and_children()
    for p in procs:
        stop(p)
    print(json.dumps({"reloads": rounds, "failures": failures, "p50_ms": round(percentile(times, 50), 1),
                      "p95_ms": round(percentile(times, 95), 1), "max_ms": round(max(times), 1),
                      "zombies_after": zombies, "children_after": children,
                      **({"ack_again_p50_ms": round(percentile(ack_again, 50), 1),
                          "ack_again_p95_ms": round(percentile(ack_again, 95), 1)} if acked_file else {})}))


if __name__ == "__main__":
    main()
