# Shell functions shared by the benchmarks in bench/ (source it; it runs nothing by itself).
#
# The sourcing script sets BENCH_NAME (for messages) before sourcing, and OUT and TMP before
# calling the functions that write files. Functions that start the server set SERVER_PID;
# stop_server stops it. Requires bash 4+.
# shellcheck shell=bash

JETTY_VERSION=12.1.12
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CLK_TCK=$(getconf CLK_TCK)
SERVER_PID=

die() {
    echo "${BENCH_NAME:-bench}: FAIL: $*" >&2
    exit 1
}

# require_tools TOOL...: wrk and the given tools must be on the PATH.
require_tools() {
    if ! command -v wrk >/dev/null 2>&1; then
        die "wrk is not installed. Install it with: apt-get install -y wrk   (Debian/Ubuntu, as root)"
    fi
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (needed by this script)"
    done
}

# port_must_be_free PORT
port_must_be_free() {
    if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/"; then
        die "something already answers on port $1; set BENCH_PORT to a free port"
    fi
}

# print_machine: date, commit, host, CPUs, memory, load, java and wrk versions.
print_machine() {
    echo "date:        $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "commit:      $(git -C "$BENCH_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$BENCH_ROOT" diff --quiet HEAD 2>/dev/null || echo ' (dirty)')"
    echo "host:        $(uname -srm)"
    echo "nproc:       $(nproc)"
    echo "cpu:         $(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
    echo "memory:      $(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "load avg:    $(cut -d' ' -f1-3 /proc/loadavg) (before start)"
    echo "java:        $(java -version 2>&1 | tr '\n' ' ' | sed 's/ *$//')"
    echo "wrk:         $(wrk -v 2>&1 | head -n1 | awk '{print $1, $2}')"
}

# build_war: mvn package unless BENCH_SKIP_BUILD=1; sets WAR.
build_war() {
    if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
        echo "building target/longbox.war ..."
        (cd "$BENCH_ROOT" && mvn -B -q package -DskipTests) >"$OUT/build.log" 2>&1 \
            || { tail -n 40 "$OUT/build.log" >&2; die "build failed (see $OUT/build.log)"; }
    fi
    WAR=$BENCH_ROOT/target/longbox.war
    [[ -f $WAR ]] || die "$WAR not found (build it, or drop BENCH_SKIP_BUILD)"
}

# fetch_jetty: jetty-home from Maven Central into target/bench (once); sets JETTY_HOME.
fetch_jetty() {
    JETTY_HOME=$BENCH_ROOT/target/bench/jetty-home-$JETTY_VERSION
    if [[ ! -f $JETTY_HOME/start.jar ]]; then
        echo "fetching jetty-home $JETTY_VERSION (Maven Central, once; kept under target/bench) ..."
        (cd "$BENCH_ROOT" && mvn -B -q dependency:copy -Dartifact=org.eclipse.jetty:jetty-home:$JETTY_VERSION:zip \
            -DoutputDirectory="$BENCH_ROOT/target/bench") >"$OUT/jetty-fetch.log" 2>&1 \
            || { tail -n 20 "$OUT/jetty-fetch.log" >&2; die "could not fetch jetty-home $JETTY_VERSION"; }
        unzip -q -o "$BENCH_ROOT/target/bench/jetty-home-$JETTY_VERSION.zip" -d "$BENCH_ROOT/target/bench"
    fi
}

# new_jetty_base DIR: a Jetty base (modules http, ee10-deploy) with the WAR as ROOT.
new_jetty_base() {
    local base=$1
    mkdir -p "$base"
    java -jar "$JETTY_HOME/start.jar" jetty.home="$JETTY_HOME" jetty.base="$base" \
        --add-modules=http,ee10-deploy >"$TMP/jetty-setup.log" 2>&1 \
        || { cat "$TMP/jetty-setup.log" >&2; die "could not set up the Jetty base"; }
    mkdir -p "$base/work" # Jetty unpacks the WAR here instead of /tmp
    cp "$WAR" "$base/webapps/ROOT.war"
}

# start_server BASE PORT LOG JAVA_OPTS [VAR=VALUE...]: starts Jetty from BASE in the background with
# the given environment, waits for /api/v1/ping to answer pong (120 s at most); sets SERVER_PID.
start_server() {
    local base=$1 port=$2 log=$3 java_opts=$4 i
    shift 4
    mkdir -p "$TMP/java-tmp"
    # shellcheck disable=SC2086 # java_opts is a list of options
    (
        cd "$base"
        exec env "$@" java $java_opts -Djava.io.tmpdir="$TMP/java-tmp" -jar "$JETTY_HOME/start.jar" \
            jetty.home="$JETTY_HOME" jetty.base="$base" jetty.http.port="$port"
    ) >"$log" 2>&1 &
    SERVER_PID=$!
    for i in $(seq 1 240); do
        kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited during start-up (log: $log)"
        if [[ $(curl -s --max-time 2 "http://127.0.0.1:$port/api/v1/ping" 2>/dev/null || true) == pong ]]; then
            return 0
        fi
        [[ $i -lt 240 ]] || die "no pong from http://127.0.0.1:$port/api/v1/ping within 120 s"
        sleep 0.5
    done
}

# stop_server: TERM, then KILL after 15 s.
stop_server() {
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 30); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "server did not stop in 15 s; killing it" >&2
            kill -KILL "$SERVER_PID" 2>/dev/null || true
        fi
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=
}

# register_user BASE_URL USERNAME PASSWORD: POST /auth/register, must answer 200/201; sets USER_ID.
register_user() {
    local code json
    json=$(jq -cn --arg u "$2" --arg p "$3" '{username: $u, password: $p}')
    code=$(curl -s -o "$TMP/register.json" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
        -d "$json" "$1/api/v1/auth/register")
    [[ $code == 200 || $code == 201 ]] || die "register answered $code: $(cat "$TMP/register.json")"
    USER_ID=$(jq -er .id "$TMP/register.json") || die "register answered no user id"
}

# login_user BASE_URL USERNAME PASSWORD [QUERY]: POST /auth/login[?QUERY]; sets SESSION (the
# stump_session cookie) and leaves the answer in $TMP/login.json.
login_user() {
    local code json
    json=$(jq -cn --arg u "$2" --arg p "$3" '{username: $u, password: $p}')
    code=$(curl -s -o "$TMP/login.json" -D "$TMP/login.headers" -w '%{http_code}' -X POST \
        -H 'Content-Type: application/json' -d "$json" "$1/api/v1/auth/login${4:+?$4}")
    [[ $code == 200 ]] || die "login answered $code: $(cat "$TMP/login.json")"
    SESSION=$(sed -n 's/^[Ss]et-[Cc]ookie: *stump_session=\([^;]*\).*/\1/p' "$TMP/login.headers" | tr -d '\r' | head -n1)
    [[ -n $SESSION ]] || die "login set no stump_session cookie"
}

# to_ms VALUE: a wrk time (us, ms, s, m, h) in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : (u == "h") ? 3600000 : -1
        if (f < 0) { print "NaN"; exit 1 }
        printf "%.3f", n * f
    }'
}

# median NUMBER...
median() {
    printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

# server_ticks: CPU time (user + system, all threads, in clock ticks) the server process has used so far.
server_ticks() {
    awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"
}

# wrk_result NAME FILE: fails on non-2xx answers or socket errors in wrk's output FILE, sets
# LAST_RPS, LAST_REQS, LAST_P50 and LAST_P99 (ms).
wrk_result() {
    local name=$1 file=$2
    kill -0 "$SERVER_PID" 2>/dev/null || die "the server died during case $name"
    if grep -q 'Non-2xx' "$file"; then
        cat "$file" >&2
        die "case $name: wrk saw non-2xx answers: $(grep 'Non-2xx' "$file")"
    fi
    if grep -q 'Socket errors' "$file"; then
        cat "$file" >&2
        die "case $name: wrk saw socket errors: $(grep 'Socket errors' "$file")"
    fi
    LAST_RPS=$(awk '/^Requests\/sec:/ {print $2}' "$file")
    LAST_REQS=$(awk '/requests in/ {print $1}' "$file")
    LAST_P50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$file")")
    LAST_P99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$file")")
    [[ -n $LAST_RPS && -n $LAST_REQS && $LAST_REQS -gt 0 && $LAST_P50 != NaN && $LAST_P99 != NaN ]] \
        || { cat "$file" >&2; die "could not read wrk's output for case $name"; }
}
