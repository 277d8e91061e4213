#!/bin/bash
# Adapter: Pitstop (Java 17 supervisor with hot reload), `pitstop up` in the foreground.
# (Pitstop's copy of ../shared/bench: this adapter uses Pitstop's own readiness notification, `ready: notify-fd`.)
# Hook protocol: see ../README.md. Hooks that return a command print its argv, one argument per line.
#
# Timed restart = Pitstop's hot reload, POST /v1/processes/NAME/reload on the control socket
# (.pitstop/pitstop.sock, HTTP over a Unix socket) sent by curl. The answer comes once the new process
# is ready and its executable hashed. adapters/pitstop-cli.sh sends the same request through the
# JVM client instead (`pitstop reload NAME`).
#
# Environment knobs (defaults are the measured configuration):
#   PITSTOP         launcher               (required: the absolute path of the repository's ./pitstop)
#   PITSTOP_CLIENT  curl | cli             how restart/status/stop talk to the stack (default curl)
#   PITSTOP_ACTION  reload | restart       endpoint used for the timed restart (default reload)
#   PITSTOP_NOTIFY  fd | log | tcp | none  readiness for services that declare notify-fd (default fd):
#     fd   - Pitstop's own s6-style notification: `ready: notify-fd 3`. The service gets a pipe as
#            descriptor 3 and NOTIFY_FD=3; the "\n" it writes after listen() makes it Ready at once.
#     log  - the notification routed through the log pipe, as before Pitstop had `ready:`: NOTIFY_FD=1, so
#            the "\n" arrives as an empty output line, and ready_log_line '^$' matches it.
#     tcp  - readiness_probe tcp on the service's port (Pitstop retries every 50 ms until the first success).
#     none - no readiness check: ready after the 1 s survival window.
#   PITSTOP_SAVE    if set, a folder: the stop hook copies .pitstop/events.jsonl there (the run dir is deleted)
# Services with READY "-": nats-server gets ready_log_line "Server is ready" (as in Pitstop's own
# benchmarks/supervisor/reload-latency.sh); anything else gets no readiness check (1 s survival window).
# Restart policy: restart always, backoff_seconds 0: the first crash of a series is restarted at once; a crash
# within backoff_reset_seconds (10 s) of the previous start waits backoff_floor_seconds (50 ms), doubled per
# consecutive crash. The harness's crash phase waits --gap (1.1 s) between crashes, so PITSTOP_BACKOFF_RESET
# (default 1, seconds) makes each of its crashes a first one, as s6 restarts each at once.
set -euo pipefail
hook=${1:?hook}; run=${2:?rundir}
PITSTOP=${PITSTOP:?set PITSTOP to the absolute path of the pitstop launcher}
CURL=${CURL:-/usr/bin/curl}
client=${PITSTOP_CLIENT:-curl}
action=${PITSTOP_ACTION:-reload}
notify=${PITSTOP_NOTIFY:-fd}
reset=${PITSTOP_BACKOFF_RESET:-1}
stack=$run/process-compose.yaml
sock=$run/.pitstop/pitstop.sock

yq() { # single-quoted YAML scalar
  printf "'%s'" "${1//\'/\'\'}"
}

port_of() { # the port a server argv listens on: the value after -p/--port, else the last numeric argument
  local prev="" p="" a
  for a in "$@"; do
    if [[ "$prev" == -p || "$prev" == --port ]]; then p=$a; break; fi
    [[ "$a" =~ ^[0-9]+$ ]] && p=$a
    prev=$a
  done
  echo "$p"
}

case "$hook" in
  setup)
    svc=${3:?services}
    {
      echo "# written by adapters/pitstop.sh (PITSTOP_NOTIFY=$notify)"
      echo "disable_env_expansion: true"
      echo "processes:"
      while read -r name ready argv; do
        [ -z "$name" ] && continue
        read -r -a av <<< "$argv"
        ep=""
        for a in "${av[@]}"; do ep+="${ep:+, }$(yq "$a")"; done
        echo "  $name:"
        echo "    entrypoint: [$ep]"
        echo "    availability: { restart: always, backoff_seconds: 0, backoff_reset_seconds: $reset }"
        if [ "$ready" = notify-fd ]; then
          case "$notify" in
            fd)  echo "    ready: notify-fd 3" ;;
            log) echo "    environment: ['NOTIFY_FD=1']"
                 echo "    ready_log_line: '^\$'" ;;
            tcp) p=$(port_of "${av[@]}")
                 echo "    readiness_probe: { tcp: { host: 127.0.0.1, port: ${p:?no port in argv} } }" ;;
            none) ;;
            *) echo "PITSTOP_NOTIFY=$notify?" >&2; exit 2 ;;
          esac
        elif [ "$(basename "${av[0]}")" = nats-server ]; then
          echo "    ready_log_line: 'Server is ready'"
        fi
      done < "$svc"
    } > "$stack"
    ;;
  describe)     sed -n '1,24p' "$stack" ;;
  start-argv)   printf '%s\n' "$PITSTOP" up -f "$stack" ;;
  restart-argv)
    name=${3:?name}
    if [ "$client" = cli ]; then
      printf '%s\n' "$PITSTOP" "$action" -f "$stack" "$name"
    else
      printf '%s\n' "$CURL" -s -f --unix-socket "$sock" -X POST "http://pitstop/v1/processes/$name/$action"
    fi ;;
  status-argv)
    name=${3:?name}
    if [ "$client" = cli ]; then
      printf '%s\n' "$PITSTOP" ps -f "$stack"
    else
      printf '%s\n' "$CURL" -s -f --unix-socket "$sock" "http://pitstop/v1/processes/$name"
    fi ;;
  pid)          # not timed: always the socket (one curl, ~5 ms)
    out=$("$CURL" -s -f --max-time 10 --unix-socket "$sock" "http://pitstop/v1/processes/${3:?name}" 2>/dev/null || true)
    [[ "$out" =~ \"pid\":([0-9]+) ]] && echo "${BASH_REMATCH[1]}" || echo 0 ;;
  stop)         # stop every process, then `up` returns; SIGTERM to the JVM if the request fails
    root=${3:?rootpid}
    if [ "$client" = cli ]; then
      "$PITSTOP" down -f "$stack" >/dev/null 2>&1 || kill -TERM "$root"
    else
      "$CURL" -s -f --max-time 60 --unix-socket "$sock" -X POST http://pitstop/v1/down >/dev/null 2>&1 \
        || kill -TERM "$root"
    fi
    if [ -n "${PITSTOP_SAVE:-}" ]; then
      mkdir -p "$PITSTOP_SAVE" && cp "$run/.pitstop/events.jsonl" "$PITSTOP_SAVE/$(basename "$run").events.jsonl" || true
    fi ;;
  supervisor-pids) exit 3 ;;   # default: the JVM + non-payload descendants (transient jspawnhelper/setsid)
  *) exit 3 ;;
esac
