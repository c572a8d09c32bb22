#!/usr/bin/env bash
# ctest fixture "archive_pg": a throw-away PostgreSQL 15 (scripts/pg-server.sh) for the test suites.
#   pg-fixture.sh start URL_FILE TEST_DB   → server in a new temp dir, migrated database archive_template
#                                            (test_db --make-pg-template), base URL written to URL_FILE
#   pg-fixture.sh stop URL_FILE            → stops the server, removes its directory and URL_FILE
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cmd=${1:?start|stop}; urlfile=${2:?url file}
state="$urlfile.dir"
stop() {
  if [ -f "$state" ]; then
    dir=$(cat "$state")
    "$root/scripts/pg-server.sh" stop "$dir" || true
    rm -rf "$dir"
    rm -f "$state"
  fi
  rm -f "$urlfile"
}
case "$cmd" in
start)
  testdb=${3:?test_db binary}
  stop
  mkdir -p "$(dirname "$urlfile")"
  # In RAM when possible (/dev/shm): each test makes a database from the template, and on a busy shared disk the
  # server's shutdown checkpoint and removing its directory took minutes. The server is thrown away anyway.
  base=/tmp
  if [ -d /dev/shm ] && [ -w /dev/shm ] && [ "$(df -Pm /dev/shm | awk 'NR==2 {print $4}')" -gt 2048 ]; then base=/dev/shm; fi
  dir=$(mktemp -d "$base/archive-pg-test.XXXXXX")
  chmod 755 "$dir"
  echo "$dir" >"$state"
  url=$("$root/scripts/pg-server.sh" start "$dir")
  # A test server: no fsync (commits are still synchronous; a killed server process loses nothing the OS has).
  psql -q "$url" -c "ALTER SYSTEM SET fsync = off" -c "SELECT pg_reload_conf()" >/dev/null
  "$testdb" --make-pg-template "$url"
  echo "$url" >"$urlfile"
  echo "PostgreSQL test server: $url ($dir)"
  ;;
stop) stop ;;
*) echo "usage: $0 start|stop URL_FILE [TEST_DB]" >&2; exit 2 ;;
esac
