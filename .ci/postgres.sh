#!/usr/bin/env bash
# Starts a local PostgreSQL from Debian's packages (installing it when missing), makes a role and a
# database for the tests, and prints the JDBC URL the tests read from LONGBOX_TEST_POSTGRES_URL.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "installing postgresql from Debian's packages" >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi

version=$(ls /etc/postgresql | sort -V | tail -n 1)
if [ -z "$version" ]; then
  echo "no PostgreSQL cluster found under /etc/postgresql" >&2
  exit 1
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online" {found=1} END {exit !found}'; then
  $SUDO pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 1
done
pg_isready -h 127.0.0.1 >&2

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi
}
as_postgres "psql -q -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'longbox'\" | grep -q 1 || psql -q -c \"CREATE ROLE longbox LOGIN PASSWORD 'longbox'\"" >&2
as_postgres "psql -q -tAc \"SELECT 1 FROM pg_database WHERE datname = 'longbox_test'\" | grep -q 1 || psql -q -c \"CREATE DATABASE longbox_test OWNER longbox\"" >&2

echo "jdbc:postgresql://127.0.0.1:5432/longbox_test?user=longbox&password=longbox"
