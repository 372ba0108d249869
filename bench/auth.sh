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

DURATION=${BENCH_DURATION:-3s}
ROUNDS=${BENCH_ROUNDS:-4}
WARMUP=${BENCH_WARMUP:-5s}
WARMUP_PASSES=${BENCH_WARMUP_PASSES:-2}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
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
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "BENCH_ROUNDS must be a positive integer, not '$ROUNDS'"
[[ $WARMUP_PASSES =~ ^[0-9]+$ ]] || die "BENCH_WARMUP_PASSES must be a non-negative integer, not '$WARMUP_PASSES'"
port_must_be_free "$PORT"

mkdir -p "$OUT"
exec > >(tee "$OUT/summary.txt") 2>&1

TMP=$(mktemp -d "${TMPDIR:-/tmp}/longbox-bench.XXXXXX")
cleanup() {
    local rc=$?
    stop_server
    if [[ -f $TMP/server.log ]]; then
        cp "$TMP/server.log" "$OUT/server.log" 2>/dev/null || true
        if [[ $rc -ne 0 ]]; then
            echo "---- last lines of the server log ($OUT/server.log) ----" >&2
            tail -n 30 "$TMP/server.log" >&2 || true
        fi
    fi
    if [[ ${BENCH_KEEP:-0} == 1 ]]; then
        echo "kept $TMP"
    else
        rm -rf "$TMP"
    fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

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

# One request with curl; must be 200. Leaves the body in $TMP/check.body, headers in $TMP/check.headers.
check_once() {
    case_request "$1"
    local args=() h code
    for h in "${HDR[@]}"; do args+=(-H "$h"); done
    code=$(curl -s -o "$TMP/check.body" -D "$TMP/check.headers" -w '%{http_code}' "${args[@]}" "$URL")
    [[ $code == 200 ]] || die "case $1: $URL answered $code, not 200: $(head -c 300 "$TMP/check.body")"
}
set_cookie_token() {
    sed -n 's/^[Ss]et-[Cc]ookie: *stump_session=\([^;]*\).*/\1/p' "$TMP/check.headers" | tr -d '\r' | head -n1
}

echo
echo "correctness checks (curl, each must answer 200):"
check_once ping
[[ $(cat "$TMP/check.body") == pong ]] || die "ping answered '$(head -c 100 "$TMP/check.body")', not pong"
for c in me_cookie me_bearer; do
    check_once $c
    [[ $(jq -r .id "$TMP/check.body") == "$USER_ID" ]] || die "case $c: /auth/me answered another user: $(head -c 300 "$TMP/check.body")"
done
for c in opds_cookie opds_basic opds_basic_nosave; do
    check_once $c
    grep -q '<feed' "$TMP/check.body" || die "case $c: the catalog is not an Atom feed: $(head -c 300 "$TMP/check.body")"
done
# Basic without the cookie: the first answer may create the session, the next must re-send the same one.
check_once opds_basic
basic_token_1=$(set_cookie_token)
check_once opds_basic
basic_token_2=$(set_cookie_token)
[[ -n $basic_token_1 ]] || die "Basic without a cookie got no stump_session cookie back"
[[ $basic_token_1 == "$basic_token_2" ]] || die "Basic without a cookie got a new session per request ($basic_token_1 then $basic_token_2)"
check_once opds_basic_nosave
[[ -z $(set_cookie_token) ]] || die "X-Stump-Save-Session: false still set a session cookie"
for c in "${CASES[@]}"; do printf '  %-45s 200\n' "${LABEL[$c]}"; done
echo "  Basic re-sends one session cookie; Basic with X-Stump-Save-Session: false sets none"

# ---------------------------------------------------------------- wrk
declare -A RPS P50 P99 REQS CPU
BASIC_REQUESTS=0
# run_wrk CASE DURATION FILE: runs wrk, fails on non-2xx or socket errors, sets LAST_RPS, LAST_P50,
# LAST_P99, LAST_REQS and LAST_CPU (server CPU microseconds per request).
run_wrk() {
    local name=$1 duration=$2 file=$3 h t0 t1
    case_request "$name"
    local args=()
    for h in "${HDR[@]}"; do args+=(-H "$h"); done
    t0=$(server_ticks)
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency "${args[@]}" "$URL" >"$file" 2>&1 \
        || { cat "$file" >&2; die "wrk failed for case $name"; }
    t1=$(server_ticks)
    wrk_result "$name" "$file"
    LAST_CPU=$(awk -v d=$((t1 - t0)) -v hz="$CLK_TCK" -v n="$LAST_REQS" 'BEGIN {printf "%.1f", d / hz * 1e6 / n}')
    echo "server CPU: $((t1 - t0)) ticks at $CLK_TCK Hz = $LAST_CPU us/request; load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$file"
}

echo
echo "warm-up: $WARMUP_PASSES passes x $WARMUP per case ..."
for ((w = 1; w <= WARMUP_PASSES; w++)); do
    for c in "${CASES[@]}"; do
        run_wrk "$c" "$WARMUP" "$OUT/warmup$w-$c.txt"
        printf '  pass %d   %-45s %9.0f req/s  %7.1f us CPU/req\n' "$w" "${LABEL[$c]}" "$LAST_RPS" "$LAST_CPU"
    done
done

echo
echo "measuring: $ROUNDS rounds x ${#CASES[@]} cases x $DURATION (forward, then backward, ...) ..."
for ((r = 1; r <= ROUNDS; r++)); do
    echo "  round $r: load average $(cut -d' ' -f1-3 /proc/loadavg)"
    order=("${CASES[@]}")
    if ((r % 2 == 0)); then
        order=()
        for ((i = ${#CASES[@]} - 1; i >= 0; i--)); do order+=("${CASES[i]}"); done
    fi
    for c in "${order[@]}"; do
        run_wrk "$c" "$DURATION" "$OUT/round$r-$c.txt"
        RPS[$c,$r]=$LAST_RPS; P50[$c,$r]=$LAST_P50; P99[$c,$r]=$LAST_P99; REQS[$c,$r]=$LAST_REQS; CPU[$c,$r]=$LAST_CPU
        if [[ $c == opds_basic ]]; then BASIC_REQUESTS=$((BASIC_REQUESTS + LAST_REQS)); fi
        printf '  round %d  %-45s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  %7.1f us CPU/req\n' \
            "$r" "${LABEL[$c]}" "$LAST_RPS" "$LAST_P50" "$LAST_P99" "$LAST_CPU"
    done
done

declare -A MRPS MP50 MP99 MCPU
for c in "${CASES[@]}"; do
    rps=() p50=() p99=() cpu=()
    for ((r = 1; r <= ROUNDS; r++)); do
        rps+=("${RPS[$c,$r]}"); p50+=("${P50[$c,$r]}"); p99+=("${P99[$c,$r]}"); cpu+=("${CPU[$c,$r]}")
    done
    MRPS[$c]=$(median "${rps[@]}"); MP50[$c]=$(median "${p50[@]}"); MP99[$c]=$(median "${p99[@]}"); MCPU[$c]=$(median "${cpu[@]}")
done

echo
echo "results (median of $ROUNDS rounds; wrk -t$THREADS -c$CONNECTIONS -d$DURATION; min-max of req/s in brackets;"
echo "         CPU = server process CPU time per request, all threads incl. GC and JIT):"
printf '  %-45s %10s %17s %10s %10s %12s\n' case "req/s" "(min-max)" "p50 ms" "p99 ms" "CPU us/req"
for c in "${CASES[@]}"; do
    lo=$(for ((r = 1; r <= ROUNDS; r++)); do echo "${RPS[$c,$r]}"; done | sort -g | head -n1)
    hi=$(for ((r = 1; r <= ROUNDS; r++)); do echo "${RPS[$c,$r]}"; done | sort -g | tail -n1)
    printf '  %-45s %10.0f %17s %10.2f %10.2f %12.1f\n' "${LABEL[$c]}" "${MRPS[$c]}" "($(printf '%.0f-%.0f' "$lo" "$hi"))" \
        "${MP50[$c]}" "${MP99[$c]}" "${MCPU[$c]}"
done

# ratio NUM DEN GOAL LABEL: the req/s ratio of the medians (the figure judged against the goal),
# the median of the per-round (paired, run back to back) req/s ratios, the same ratio from the
# server's CPU per request (DEN's over NUM's: the throughput ratio if the server were CPU-bound),
# and the per-round ratios.
FAILED_GOALS=0
ratio() {
    local num=$1 den=$2 goal=$3 label=$4 rr=() r value paired cpu verdict
    for ((r = 1; r <= ROUNDS; r++)); do rr+=("$(awk -v a="${RPS[$num,$r]}" -v b="${RPS[$den,$r]}" 'BEGIN {printf "%.2f", a / b}')"); done
    value=$(awk -v a="${MRPS[$num]}" -v b="${MRPS[$den]}" 'BEGIN {printf "%.2f", a / b}')
    paired=$(printf '%.2f' "$(median "${rr[@]}")")
    cpu=$(awk -v a="${MCPU[$num]}" -v b="${MCPU[$den]}" 'BEGIN {printf "%.2f", b / a}')
    verdict=""
    if [[ -n $goal ]]; then
        if awk -v v="$value" -v g="$goal" 'BEGIN {exit !(v >= g)}'; then verdict="goal >= $goal: met"; else verdict="goal >= $goal: MISSED"; FAILED_GOALS=$((FAILED_GOALS + 1)); fi
    fi
    printf '  %-43s %6s %7s %6s   %-26s %s\n' "$label" "$value" "$paired" "$cpu" "$(printf '%s ' "${rr[@]}" | sed 's/ $//')" "$verdict"
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
unzip -q -o "$WAR" 'WEB-INF/lib/derby*.jar' -d "$TMP/war"
DERBY_CP=$(find "$TMP/war/WEB-INF/lib" -name 'derby*.jar' ! -name '*client*' | tr '\n' ':')
cat >"$TMP/count.sql" <<SQL
connect 'jdbc:derby:$CONFIG_DIR/longbox-db';
select count(*) as sessions_n from sessions;
select count(*) as logins_n from login_activity;
disconnect;
exit;
SQL
java -cp "$DERBY_CP" -Dderby.stream.error.file="$TMP/derby-ij.log" org.apache.derby.tools.ij "$TMP/count.sql" >"$TMP/count.out" 2>&1 \
    || { cat "$TMP/count.out" >&2; die "ij could not read the database"; }
mapfile -t counts < <(awk '/^-+$/ {getline; print $1}' "$TMP/count.out")
[[ ${#counts[@]} -eq 2 ]] || { cat "$TMP/count.out" >&2; die "could not read the counts from ij"; }
SESSIONS=${counts[0]}
LOGINS=${counts[1]}
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
