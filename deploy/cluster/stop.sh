#!/usr/bin/env bash
# `make cluster-stop`: stops what deploy/cluster/start.sh started (by the pid files in var/cluster), then PostgreSQL.
# The stores and logs stay in var/cluster; the next `make cluster` reuses the primary's store.
set -uo pipefail
cd "$(dirname "$0")/../.."
dir="$PWD/var/cluster"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_pid() {  # PIDFILE NAME
    [ -f "$1" ] || return 0
    local pid
    pid=$(cat "$1")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"
        # Lodestar drains its requests and syncs its store on SIGTERM.
        for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && { echo "$2 (pid $pid) did not stop on SIGTERM; killing it" >&2; kill -KILL "$pid"; }
        echo "stopped $2 (pid $pid)" >&2
    fi
    rm -f "$1"
}

stop_pid "$dir/varnish.pid" varnish
for pidfile in "$dir"/replica*.pid "$dir/primary.pid"; do
    [ -e "$pidfile" ] && stop_pid "$pidfile" "$(basename "$pidfile" .pid)"
done
for cluster in standby primary; do
    if [ -f "$dir/pg/$cluster/postmaster.pid" ]; then
        as_postgres "$pg_bin/pg_ctl" -D "$dir/pg/$cluster" -m fast -w stop >/dev/null && echo "stopped PostgreSQL $cluster" >&2
    fi
done
rm -f "$dir/urls.env"
