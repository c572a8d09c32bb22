#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL 15 server for tests and benchmarks.
#   scripts/pg-server.sh start DIR   → initdb in DIR, start on a free port, print the connection URL
#   scripts/pg-server.sh stop DIR
# PostgreSQL refuses to run as root: as root the server runs as the `postgres` system user
# (created by Debian's postgresql package). Trust authentication, loopback only.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?data directory}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/pg_ctl" ] || { echo "pg-server: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 2; }
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
start)
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_pg "$bin/initdb" -D "$dir/data" -U archive -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=50" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U archive archive
  echo "$port" >"$dir/port"
  echo "postgresql://archive@127.0.0.1:$port/archive"
  ;;
stop)
  as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
