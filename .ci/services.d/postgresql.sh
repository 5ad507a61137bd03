# shellcheck shell=bash
# Installs and starts PostgreSQL for the store's DAO tests, and exports where to reach it.
#
# Sourced by .ci/run (as root, on a fresh Debian 12 machine, CI=true) before `mvn -B verify`.
# Because it is sourced, it never calls `exit` and does its work inside a function whose failure
# is reported with `return`; .ci/run's `set -e` then stops the build. Running it twice is fine:
# an installed package, a running cluster, an existing role or database are left as they are.
#
# Exports: CTMON_TEST_PG_URL, CTMON_TEST_PG_USER, CTMON_TEST_PG_PASSWORD.

ctmon_pg_setup() {
  local pg_user=ctmon pg_password=ctmon pg_db=ctmon_test

  if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "postgresql: installing the Debian package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || return 1
    apt-get install -y -qq postgresql || return 1
  fi

  # The newest installed major version and its first cluster (Debian creates "main" on install).
  local version cluster
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if [ -z "$version" ]; then
    echo "postgresql: no server found under /usr/lib/postgresql" >&2
    return 1
  fi
  cluster=$(pg_lsclusters -h 2>/dev/null | awk -v v="$version" '$1 == v { print $2; exit }')
  if [ -z "$cluster" ]; then
    echo "postgresql: creating cluster $version/main"
    pg_createcluster "$version" main || return 1
    cluster=main
  fi
  if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $4 }' | grep -q online; then
    echo "postgresql: starting cluster $version/$cluster"
    pg_ctlcluster "$version" "$cluster" start || service postgresql start || return 1
  fi

  local i
  for i in $(seq 1 60); do
    if su postgres -c "psql -qAtX -c 'select 1'" >/dev/null 2>&1; then
      break
    fi
    if [ "$i" = 60 ]; then
      echo "postgresql: the server did not accept connections within 60 s" >&2
      return 1
    fi
    sleep 1
  done

  # Role and database; names are constants, so plain interpolation is safe here.
  su postgres -c "psql -qAtX -v ON_ERROR_STOP=1" <<SQL || return 1
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$pg_user') THEN
    CREATE ROLE $pg_user LOGIN PASSWORD '$pg_password';
  ELSE
    ALTER ROLE $pg_user LOGIN PASSWORD '$pg_password';
  END IF;
END
\$\$;
SQL
  if ! su postgres -c "psql -qAtX -c \"select 1 from pg_database where datname = '$pg_db'\"" | grep -q 1; then
    su postgres -c "createdb -O $pg_user $pg_db" || return 1
  fi

  # Wait until the test role can log in over TCP with its password, as the JDBC tests will.
  for i in $(seq 1 30); do
    if PGPASSWORD=$pg_password psql -qAtX -h 127.0.0.1 -p 5432 -U "$pg_user" -d "$pg_db" -c 'select 1' >/dev/null 2>&1; then
      break
    fi
    if [ "$i" = 30 ]; then
      echo "postgresql: role $pg_user cannot connect to $pg_db on 127.0.0.1:5432" >&2
      return 1
    fi
    sleep 1
  done

  export CTMON_TEST_PG_URL="jdbc:postgresql://127.0.0.1:5432/$pg_db"
  export CTMON_TEST_PG_USER="$pg_user"
  export CTMON_TEST_PG_PASSWORD="$pg_password"
  echo "postgresql: ready at $CTMON_TEST_PG_URL"
}

ctmon_pg_setup
