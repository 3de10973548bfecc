#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages if it is missing, starts it, creates the bench's own database
# (orchestrator_bench; the bench empties its public schema before each run) and prints its connection string.
# Server settings are Debian's defaults: fsync and synchronous_commit on, so every acknowledged push is durable.
# The pool is capped at 40 (the server allows 100 clients, shared with the tests) and TLS is off (loopback).
#   export ORCHESTRATOR_BENCH_POSTGRES=$(bash bench/postgres.sh)
set -euo pipefail

connection=$(bash "$(dirname "$0")/../.ci/postgres.sh" "${1:-orchestrator_bench}")
echo "$connection;Maximum Pool Size=40;SSL Mode=Disable"
