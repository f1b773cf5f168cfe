#!/usr/bin/env bash
# Writes deploy/varnish/lodestar.vcl with its backends: the primary and each replica, as HOST:PORT.
# Usage: render-vcl.sh PRIMARY_HOST:PORT REPLICA_HOST:PORT... > out.vcl
set -euo pipefail
if [ $# -lt 2 ]; then
    echo "usage: $0 PRIMARY_HOST:PORT REPLICA_HOST:PORT..." >&2
    exit 2
fi
template="$(dirname "$0")/lodestar.vcl"
primary="$1"
shift
backends="backend primary { .host = \"${primary%:*}\"; .port = \"${primary##*:}\"; .probe = lodestar_health; }"
replicas=""
n=0
for replica in "$@"; do
    n=$((n + 1))
    backends+=$'\n'"backend replica$n { .host = \"${replica%:*}\"; .port = \"${replica##*:}\"; .probe = lodestar_health; }"
    replicas+="    replicas.add_backend(replica$n);"$'\n'
done
awk -v backends="$backends" -v replicas="$replicas" '
    /^# BEGIN BACKENDS/ { print; print backends; skip = 1; next }
    /^# BEGIN REPLICAS/ { print; printf "%s", replicas; skip = 1; next }
    /^# END / { skip = 0 }
    !skip { print }
' "$template"
