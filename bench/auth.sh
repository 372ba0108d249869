#!/usr/bin/env bash
# Auth overhead benchmark: how much does authenticating a request cost compared to a public one?
#
# Builds the WAR, deploys it as ROOT in a standalone Jetty 12.1 (jetty-home from Maven Central,
# modules http + ee10-deploy) with a fresh temporary config dir (embedded Derby) and the default
# bcrypt cost (HASH_COST=12, so a bcrypt per request would show), registers a user, logs in, and
# measures with wrk, interleaved over several rounds:
#   a  GET /api/v1/ping                     (public, the baseline)
#   b  GET /api/v1/auth/me                  with the stump_session cookie
#   c  GET /api/v1/auth/me                  with Authorization: Bearer <jwt>
#   d  GET /opds/v1.2/catalog               with the cookie
#   e  GET /opds/v1.2/catalog               with HTTP Basic, the cookie never sent back
#   f  GET /opds/v1.2/catalog               with HTTP Basic and X-Stump-Save-Session: false
# It prints the median req/s, p50, p99 and server CPU time per request for each case and the
# ratios that matter (the CPU figure is measured on the server process alone, from /proc, so it
# is less disturbed than req/s when other work shares the machine). It checks that every
# case answers 200 before measuring and that wrk saw no non-2xx answers and no socket errors,
# and, after the server has stopped, counts the sessions in the database (Basic without the
# cookie must reuse one session, not create one per request).
#
# Usage: bench/auth.sh            (about 2.5 minutes with the defaults)
# Environment (all optional):
#   BENCH_DURATION=3s     wrk duration of one measured run
#   BENCH_ROUNDS=4        measured runs per case (interleaved; the median is reported)
#   BENCH_WARMUP=5s       wrk duration of one warm-up run
#   BENCH_WARMUP_PASSES=2 warm-up passes over all cases before measuring (the JIT needs about a
#                         minute of load on 2 busy cores before the CPU cost per request settles)
#   BENCH_THREADS=2       wrk threads
#   BENCH_CONNECTIONS=16  wrk connections
#   BENCH_PORT=18801      HTTP port of the server under test (must be free)
#   BENCH_JAVA_OPTS=      extra JVM options for the server (e.g. -Xmx512m)
#   BENCH_SKIP_BUILD=1    use the existing target/longbox.war
#   BENCH_OUT=bench/out/auth-<time>   where raw wrk outputs, the server log and the summary go
#   BENCH_KEEP=1          keep the temporary directory (config dir, Derby, Jetty base)
# Needs: wrk, curl, jq, unzip, java 17+, mvn. It installs nothing.
set -euo pipefail

BENCH_NAME=auth.sh
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

wrk_settings 3s
PORT=${BENCH_PORT:-18801}
JAVA_OPTS=${BENCH_JAVA_OPTS:-}

ROOT=$BENCH_ROOT
OUT=${BENCH_OUT:-$ROOT/bench/out/auth-$(date -u +%Y%m%dT%H%M%SZ)}
BASE_URL="http://127.0.0.1:$PORT"
USERNAME=bench
PASSWORD='bench-Pass-1234'
STARTED_AT=$(date +%s)

# ---------------------------------------------------------------- prerequisites
require_tools curl jq unzip java mvn
port_must_be_free "$PORT"

open_run
LOGS=(server.log)

# ---------------------------------------------------------------- machine
echo "== Longbox auth benchmark (bench/auth.sh)"
print_machine
echo "container:   Jetty $JETTY_VERSION standalone (http, ee10-deploy), WAR as ROOT"
echo "wrk params:  -t$THREADS -c$CONNECTIONS -d$DURATION --latency, $ROUNDS interleaved rounds (median), warm-up $WARMUP_PASSES x $WARMUP per case"
echo "note:        wrk and the server share this machine's CPUs"
echo "output:      $OUT"
echo

# ---------------------------------------------------------------- build + container
build_war
fetch_jetty
JETTY_BASE=$TMP/jetty-base
CONFIG_DIR=$TMP/config
mkdir -p "$CONFIG_DIR"
new_jetty_base "$JETTY_BASE"

echo "starting the server on port $PORT (STUMP_CONFIG_DIR=$CONFIG_DIR, HASH_COST=12) ..."
start_server "$JETTY_BASE" "$PORT" "$TMP/server.log" "$JAVA_OPTS" STUMP_CONFIG_DIR="$CONFIG_DIR" HASH_COST=12
echo "server up (pid $SERVER_PID) after $(($(date +%s) - STARTED_AT)) s since the script started"

# ---------------------------------------------------------------- user, cookie, JWT
register_user "$BASE_URL" "$USERNAME" "$PASSWORD"
login_user "$BASE_URL" "$USERNAME" "$PASSWORD" generate_token=true
JWT=$(jq -er .token.access_token "$TMP/login.json") || die "login?generate_token=true answered no token.access_token"
[[ $(jq -r .for_user.id "$TMP/login.json") == "$USER_ID" ]] || die "login answered another user than the one registered"
BASIC=$(printf '%s:%s' "$USERNAME" "$PASSWORD" | base64 | tr -d '\n')
echo "registered '$USERNAME' ($USER_ID), logged in: cookie and JWT in hand"

# ---------------------------------------------------------------- the cases
CASES=(ping me_cookie me_bearer opds_cookie opds_basic opds_basic_nosave)
declare -A LABEL=(
    [ping]="a  GET /api/v1/ping (public)"
    [me_cookie]="b  GET /api/v1/auth/me, cookie"
    [me_bearer]="c  GET /api/v1/auth/me, Bearer JWT"
    [opds_cookie]="d  GET /opds/v1.2/catalog, cookie"
    [opds_basic]="e  GET /opds/v1.2/catalog, Basic"
    [opds_basic_nosave]="f  GET /opds/v1.2/catalog, Basic, no-save"
)

# Sets URL and HDR (an array of header lines) for a case.
case_request() {
    HDR=()
    case $1 in
        ping) URL=$BASE_URL/api/v1/ping ;;
        me_cookie) URL=$BASE_URL/api/v1/auth/me; HDR=("Cookie: stump_session=$SESSION") ;;
        me_bearer) URL=$BASE_URL/api/v1/auth/me; HDR=("Authorization: Bearer $JWT") ;;
        opds_cookie) URL=$BASE_URL/opds/v1.2/catalog; HDR=("Cookie: stump_session=$SESSION") ;;
        opds_basic) URL=$BASE_URL/opds/v1.2/catalog; HDR=("Authorization: Basic $BASIC") ;;
        opds_basic_nosave) URL=$BASE_URL/opds/v1.2/catalog; HDR=("Authorization: Basic $BASIC" "X-Stump-Save-Session: false") ;;
        *) die "unknown case $1" ;;
    esac
}

set_cookie_token() { session_cookie "$TMP/check.headers"; }

echo
echo "correctness checks (curl, each must answer 200):"
fetch_case ping
[[ $(cat "$TMP/check.body") == pong ]] || die "ping answered '$(head -c 100 "$TMP/check.body")', not pong"
for c in me_cookie me_bearer; do
    fetch_case $c
    [[ $(jq -r .id "$TMP/check.body") == "$USER_ID" ]] || die "case $c: /auth/me answered another user: $(head -c 300 "$TMP/check.body")"
done
for c in opds_cookie opds_basic opds_basic_nosave; do
    fetch_case $c
    grep -q '<feed' "$TMP/check.body" || die "case $c: the catalog is not an Atom feed: $(head -c 300 "$TMP/check.body")"
done
# Basic without the cookie: the first answer may create the session, the next must re-send the same one.
fetch_case opds_basic
basic_token_1=$(set_cookie_token)
fetch_case opds_basic
basic_token_2=$(set_cookie_token)
[[ -n $basic_token_1 ]] || die "Basic without a cookie got no stump_session cookie back"
[[ $basic_token_1 == "$basic_token_2" ]] || die "Basic without a cookie got a new session per request ($basic_token_1 then $basic_token_2)"
fetch_case opds_basic_nosave
[[ -z $(set_cookie_token) ]] || die "X-Stump-Save-Session: false still set a session cookie"
for c in "${CASES[@]}"; do printf '  %-45s 200\n' "${LABEL[$c]}"; done
echo "  Basic re-sends one session cookie; Basic with X-Stump-Save-Session: false sets none"

# ---------------------------------------------------------------- wrk
echo
LABEL_WIDTH=45
wrk_rounds
BASIC_REQUESTS=0
for ((r = 1; r <= ROUNDS; r++)); do BASIC_REQUESTS=$((BASIC_REQUESTS + REQS[opds_basic,$r])); done

echo
echo "results (median of $ROUNDS rounds; wrk -t$THREADS -c$CONNECTIONS -d$DURATION; min-max of req/s in brackets;"
echo "         CPU = server process CPU time per request, all threads incl. GC and JIT):"
wrk_table "  "

# ratio NUM DEN GOAL LABEL: the req/s ratio of the medians (the figure judged against the goal),
# the median of the per-round (paired, run back to back) req/s ratios, the same ratio from the
# server's CPU per request (DEN's over NUM's: the throughput ratio if the server were CPU-bound),
# and the per-round ratios.
FAILED_GOALS=0
ratio() {
    local num=$1 den=$2 goal=$3 label=$4 verdict=""
    wrk_ratio "$num" "$den"
    if [[ -n $goal ]]; then
        if ge "$RATIO" "$goal"; then verdict="goal >= $goal: met"; else verdict="goal >= $goal: MISSED"; FAILED_GOALS=$((FAILED_GOALS + 1)); fi
    fi
    printf '  %-43s %6s %7s %6s   %-26s %s\n' "$label" "$RATIO" "$RATIO_PAIRED" "$RATIO_CPU" "$RATIO_ROUNDS" "$verdict"
}
echo
echo "ratios: req/s = ratio of the median req/s (judged against the goal); paired = median of the"
echo "per-round ratios (the two runs back to back); CPU = inverse ratio of server CPU per request:"
printf '  %-43s %6s %7s %6s   %-26s %s\n' "" "req/s" "paired" "CPU" "per round" ""
ratio me_cookie ping 0.85 "b/a  /auth/me with cookie / ping"
ratio opds_basic opds_cookie 0.8 "e/d  OPDS Basic, no cookie / OPDS cookie"
ratio opds_basic_nosave opds_cookie "" "f/d  OPDS Basic, no-save / OPDS cookie"
ratio me_bearer me_cookie "" "c/b  /auth/me Bearer JWT / cookie"
ratio opds_cookie ping "" "d/a  OPDS cookie / ping"

# ---------------------------------------------------------------- sessions in the database
stop_server
echo
echo "server stopped; counting rows in the database (Derby ij, read after shutdown) ..."
derby_counts "$CONFIG_DIR/longbox-db" sessions login_activity
SESSIONS=${COUNTS[0]}
LOGINS=${COUNTS[1]}
echo "  sessions stored: $SESSIONS (1 from /auth/login, the rest from Basic) for $BASIC_REQUESTS measured Basic requests without a cookie"
echo "  login_activity rows: $LOGINS (register does not log in; /auth/login and the first Basic request each record one)"
# One from /auth/login, one from the first Basic request; a few more are tolerated (e.g. a cache miss race), not one per request.
((SESSIONS <= 5)) || die "$SESSIONS sessions stored: Basic without a cookie creates sessions per request"

echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "total time: $(($(date +%s) - STARTED_AT)) s; raw wrk outputs and the server log in $OUT"
if ((FAILED_GOALS > 0)); then
    echo "note: $FAILED_GOALS ratio goal(s) missed (reported, not a failure of the script)"
fi
