#!/usr/bin/env bash
# Start a local PostgreSQL server for textmine's database tests and print its URL.
#
# Installs Debian's postgresql package when it is missing, creates and starts a
# cluster listening on 127.0.0.1 only, and creates the role and the test
# database (idempotent: running it again reuses them). Runs as root; the server
# itself runs as the `postgres` user. Typical use:
#
#   export TEXTMINE_TEST_POSTGRES_URL="$(bash scripts/postgres.sh)"
#
# Everything but the URL goes to standard error, so the line above captures
# only the URL. Settings (environment): TEXTMINE_PG_PORT (5432),
# TEXTMINE_PG_DB (textmine_test), TEXTMINE_PG_USER / TEXTMINE_PG_PASSWORD
# (textmine / textmine).
set -euo pipefail

port="${TEXTMINE_PG_PORT:-5432}"
database="${TEXTMINE_PG_DB:-textmine_test}"
user="${TEXTMINE_PG_USER:-textmine}"
password="${TEXTMINE_PG_PASSWORD:-textmine}"

log() { echo "postgres.sh: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    log "installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y postgresql >&2
fi

# The newest installed server version.
version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
cluster=main

if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c {found = 1} END {exit !found}'; then
    log "creating cluster $version/$cluster on port $port"
    pg_createcluster --port "$port" "$version" "$cluster" >&2
fi

# Listen on the loopback address only; the port is the one asked for.
conf_dir="/etc/postgresql/$version/$cluster"
mkdir -p "$conf_dir/conf.d"
cat >"$conf_dir/conf.d/textmine.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
EOF

status="$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c {print $4}')"
if [ "$status" != "online" ]; then
    log "starting cluster $version/$cluster"
    pg_ctlcluster "$version" "$cluster" start >&2
else
    pg_ctlcluster "$version" "$cluster" reload >&2
fi

# Wait until the server accepts connections (a fresh start takes a moment).
for _ in $(seq 1 30); do
    if su postgres -c "pg_isready -q -h 127.0.0.1 -p $port"; then
        break
    fi
    sleep 1
done
su postgres -c "pg_isready -q -h 127.0.0.1 -p $port" || { log "server did not come up; see /var/log/postgresql/"; exit 1; }

psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -q -p $port -d postgres $*" >&2; }

if [ -z "$(su postgres -c "psql -p $port -d postgres -tAc \"SELECT 1 FROM pg_roles WHERE rolname = '$user'\"")" ]; then
    log "creating role $user"
    psql_admin "-c \"CREATE ROLE \\\"$user\\\" LOGIN PASSWORD '$password'\""
fi
if [ -z "$(su postgres -c "psql -p $port -d postgres -tAc \"SELECT 1 FROM pg_database WHERE datname = '$database'\"")" ]; then
    log "creating database $database"
    psql_admin "-c \"CREATE DATABASE \\\"$database\\\" OWNER \\\"$user\\\"\""
fi

echo "postgresql://$user:$password@127.0.0.1:$port/$database"
