#!/usr/bin/env bash
# Poll every binary of the stack in the current folder and apply what changed; for any CI's scheduler.
# Exit 0: nothing new. Exit 10 from pitstop poll: pitstop.lock.json changed, commit it (set COMMIT=1).
# Anything else: a source could not be checked, or the apply failed; the job fails.
set -uo pipefail
cd "${STACK_DIR:-.}"

pitstop poll --apply
status=$?
case "$status" in
  0)  echo "nothing new upstream"; exit 0 ;;
  10) echo "updates applied to pitstop.lock.json" ;;
  *)  echo "pitstop poll failed (exit $status)" >&2; exit "$status" ;;
esac

if [ "${COMMIT:-0}" = 1 ] && ! git diff --quiet -- pitstop.lock.json; then
  git add pitstop.lock.json
  git commit -m "pitstop: binaries updated by poll"
fi
