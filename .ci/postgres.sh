#!/usr/bin/env bash
# Installs (from Debian's packages) and starts a local PostgreSQL for the tests that need one, creates the database
# named by $1 (default orchestrator_test) and prints the connection string the tests read from
# ORCHESTRATOR_TEST_POSTGRES. bench/postgres.sh uses it for the bench's own database.
set -euo pipefail

database=${1:-orchestrator_test}

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "ci: installing PostgreSQL" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
  pg_ctlcluster "$version" main start >&2
fi

for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1" && break
  sleep 1
done

su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >&2
if ! su postgres -c "psql -tAq -c \"SELECT 1 FROM pg_database WHERE datname = '$database'\"" | grep -q 1; then
  su postgres -c "createdb $database" >&2
fi

echo "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=$database"
