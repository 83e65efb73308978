#!/usr/bin/env bash
# Provides the PostgreSQL server the randomization-service tests use: installs Debian's postgresql when it is missing,
# starts the newest cluster (Debian configures it to listen on localhost only) and creates the role evident/evident
# (tests create and drop their own databases). Idempotent. Called by .ci/run, and by the tests themselves
# (tests/Evident.Server.Tests/Databases.cs) when no server answers, so that a plain `dotnet test` works on a fresh
# machine. Needs root (apt-get, runuser); exits non-zero with a message otherwise.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi
pg_version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk -v v="$pg_version" '$1 == v' | grep -q .; then pg_createcluster "$pg_version" main >/dev/null; fi
pg_ctlcluster "$pg_version" main start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
pg_isready -q -h 127.0.0.1 || { echo "PostgreSQL did not start on 127.0.0.1:5432" >&2; exit 1; }
runuser -u postgres -- psql -q -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'evident') THEN CREATE ROLE evident LOGIN CREATEDB PASSWORD 'evident'; END IF; END \$\$;"
