# Shell functions shared by the benchmarks in bench/ (source it; it runs nothing by itself).
#
# The sourcing script sets BENCH_NAME (for messages) before sourcing, and OUT and TMP before
# calling the functions that write files (open_run sets TMP). Functions that start the server set
# SERVER_PID; stop_server stops it. The functions that talk to the API use BASE_URL and SESSION.
# Requires bash 4.4+.
# shellcheck shell=bash

JETTY_VERSION=12.1.12
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CLK_TCK=$(getconf CLK_TCK)
SERVER_PID=
LOGS=()       # log files in $TMP that bench_cleanup copies to $OUT (the last one is the server's)
GENERATING=0  # 1 while a library is being generated into "$LIBRARY".tmp-* (removed if interrupted)
SAMPLER_PID=  # a background helper to stop at the end, if any
JFR=${JFR:-0}

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
    SESSION=$(session_cookie "$TMP/login.headers")
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

now_ms() { echo $(($(date +%s%N) / 1000000)); }
# elapsed: the time since STARTED_AT (set by the script, date +%s), e.g. "42 s".
elapsed() { echo "$(($(date +%s) - STARTED_AT)) s"; }
# fmt VALUE [FORMAT]: VALUE printed with the awk FORMAT (default %.0f).
fmt() { awk -v v="$1" -v f="${2:-%.0f}" 'BEGIN {printf f, v}'; }
# ge VALUE GOAL: true when VALUE >= GOAL.
ge() { awk -v v="$1" -v g="$2" 'BEGIN {exit !(v >= g)}'; }

# open_run: creates $OUT (made absolute), copies everything printed from now on to $OUT/summary.txt,
# makes $TMP and sets the traps that end the run through bench_cleanup.
open_run() {
    mkdir -p "$OUT"
    OUT=$(cd "$OUT" && pwd)
    exec > >(tee "$OUT/summary.txt") 2>&1
    TMP=$(mktemp -d "${TMPDIR:-/tmp}/longbox-bench.XXXXXX")
    trap 'bench_cleanup $?' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

# bench_cleanup RC: stops the sampler and the server, removes an interrupted library generation,
# copies the LOGS from $TMP to $OUT (printing the end of the last one when RC is not 0), removes
# $TMP unless BENCH_KEEP=1, and exits with RC.
bench_cleanup() {
    local rc=$1 log
    if [[ -n $SAMPLER_PID ]]; then
        kill "$SAMPLER_PID" 2>/dev/null || true
        wait "$SAMPLER_PID" 2>/dev/null || true
    fi
    stop_server
    if ((GENERATING)); then
        rm -rf "$LIBRARY".tmp-* # an interrupted generation
    fi
    for log in "${LOGS[@]}"; do
        if [[ -f $TMP/$log ]]; then
            cp "$TMP/$log" "$OUT/$log" 2>/dev/null || true
        fi
    done
    if [[ $rc -ne 0 && ${#LOGS[@]} -gt 0 && -f $TMP/${LOGS[-1]} ]]; then
        echo "---- last lines of the server log ($OUT/${LOGS[-1]}) ----" >&2
        tail -n 30 "$TMP/${LOGS[-1]}" >&2 || true
    fi
    if [[ ${BENCH_KEEP:-0} == 1 ]]; then
        echo "kept $TMP"
    else
        rm -rf "$TMP"
    fi
    exit "$rc"
}

# session_cookie HEADERS_FILE: the value of the stump_session cookie set in a curl -D file, or nothing.
session_cookie() {
    sed -n 's/^[Ss]et-[Cc]ookie: *stump_session=\([^;]*\).*/\1/p' "$1" | tr -d '\r' | head -n1
}

# ---------------------------------------------------------------- the API, libraries, scans

# api METHOD PATH [JSON]: a request with the session cookie; the body of the answer goes to
# $TMP/api.json; dies unless the answer is 2xx.
api() {
    local method=$1 path=$2 body=${3:-} code
    local args=(-s -o "$TMP/api.json" -w '%{http_code}' -X "$method" -H "Cookie: stump_session=$SESSION")
    if [[ -n $body ]]; then
        args+=(-H 'Content-Type: application/json' -d "$body")
    fi
    code=$(curl "${args[@]}" "$BASE_URL$path") || die "$method $path: curl failed"
    [[ $code == 2?? ]] || die "$method $path answered $code: $(head -c 500 "$TMP/api.json")"
}

# ensure_library DIR MARKER GENERATOR: reuses the library in DIR when its marker file
# (.longbox-bench-library, written by bench/GenLibrary.java) holds MARKER, dies when DIR holds
# anything else, and otherwise runs GENERATOR DIR (a function or command that must leave a
# complete library with that marker in DIR, building it in DIR.tmp-*). Sets LIBRARY (absolute),
# LIBRARY_MB and GEN_SECONDS ("cached" or the time taken).
ensure_library() {
    local dir=$1 marker=$2 t0
    shift 2
    LIBRARY=$dir
    GEN_SECONDS=cached
    if [[ -d $dir ]]; then
        [[ $(cat "$dir/.longbox-bench-library" 2>/dev/null) == "$marker" ]] \
            || die "$dir exists but is not a complete library of $marker; delete it (rm -rf $dir) or set BENCH_LIBRARY_DIR"
        echo "library: reusing $dir"
    else
        echo "generating the library (once; cached in $dir) ..."
        mkdir -p "$(dirname "$dir")"
        GENERATING=1
        t0=$(now_ms)
        "$@" "$dir" || die "generating the library failed"
        GENERATING=0
        [[ $(cat "$dir/.longbox-bench-library" 2>/dev/null) == "$marker" ]] || die "the generated library in $dir has no marker '$marker'"
        GEN_SECONDS=$(awk -v ms=$(($(now_ms) - t0)) 'BEGIN {printf "%.1f s", ms / 1000}')
    fi
    LIBRARY=$(cd "$dir" && pwd)
    LIBRARY_MB=$(du -sm "$LIBRARY" | cut -f1)
}

THUMBNAIL_CONFIG='{"format":"Jpeg","quality":80,"resize_options":{"mode":"Sized","width":200,"height":300}}'
# create_library NAME THUMBNAILS(0|1): a library over $LIBRARY; sets LIBRARY_ID. Watching is off
# (nothing changes the folder, and the scans measured are the ones the script asks for).
create_library() {
    local config='{"watch":false}'
    if [[ $2 == 1 ]]; then
        config=$(jq -cn --argjson t "$THUMBNAIL_CONFIG" '{watch: false, thumbnail_config: $t}')
    fi
    api POST /api/v1/libraries "$(jq -cn --arg n "$1" --arg p "$LIBRARY" --argjson c "$config" \
        '{name: $n, path: $p, scan_mode: "NONE", config: $c}')"
    LIBRARY_ID=$(jq -er .id "$TMP/api.json") || die "creating the library answered no id"
}

# run_scan: POST /libraries/$LIBRARY_ID/scan, polls the job until it ends (SCAN_TIMEOUT seconds at
# most, default 1800). Sets SCAN_STATUS, SCAN_MS (the job's ms_elapsed), SCAN_WALL_MS (POST to
# COMPLETED seen), SCAN_CPU_S (server CPU seconds meanwhile), SCAN_OUTPUT and S_SERIES S_ADDED
# S_REREAD S_UNCHANGED S_MISSING S_UNREADABLE (-1 if not found); the job's JSON goes to $OUT.
run_scan() {
    local t0 c0 job deadline
    c0=$(server_ticks)
    t0=$(now_ms)
    deadline=$(($(date +%s) + ${SCAN_TIMEOUT:-1800}))
    api POST "/api/v1/libraries/$LIBRARY_ID/scan"
    job=$(jq -er .id "$TMP/api.json") || die "the scan answered no job id: $(head -c 300 "$TMP/api.json")"
    while :; do
        api GET "/api/v1/jobs/$job"
        SCAN_STATUS=$(jq -r .status "$TMP/api.json")
        case $SCAN_STATUS in
            COMPLETED | FAILED | CANCELLED) break ;;
        esac
        kill -0 "$SERVER_PID" 2>/dev/null || die "the server died during the scan"
        (($(date +%s) < deadline)) || die "the scan took more than ${SCAN_TIMEOUT:-1800} s (BENCH_SCAN_TIMEOUT): $(cat "$TMP/api.json")"
        sleep 0.1
    done
    SCAN_WALL_MS=$(($(now_ms) - t0))
    SCAN_CPU_S=$(awk -v d=$(($(server_ticks) - c0)) -v hz="$CLK_TCK" 'BEGIN {printf "%.1f", d / hz}')
    SCAN_MS=$(jq -r .ms_elapsed "$TMP/api.json")
    SCAN_OUTPUT=$(jq -r '.output_data // ""' "$TMP/api.json")
    local re='Series added ([0-9]+); books added ([0-9]+), re-read ([0-9]+), unchanged ([0-9]+), missing ([0-9]+), unreadable ([0-9]+)'
    if [[ $SCAN_OUTPUT =~ $re ]]; then
        S_SERIES=${BASH_REMATCH[1]} S_ADDED=${BASH_REMATCH[2]} S_REREAD=${BASH_REMATCH[3]}
        S_UNCHANGED=${BASH_REMATCH[4]} S_MISSING=${BASH_REMATCH[5]} S_UNREADABLE=${BASH_REMATCH[6]}
    else
        S_SERIES=-1 S_ADDED=-1 S_REREAD=-1 S_UNCHANGED=-1 S_MISSING=-1 S_UNREADABLE=-1
    fi
    cp "$TMP/api.json" "$OUT/job-$job.json"
}

# derby_counts DB_DIR TABLE...: after the server has stopped, the row count of each TABLE in the
# embedded Derby database DB_DIR (read with Derby's ij from the WAR's jars) into COUNTS (an array).
derby_counts() {
    local db=$1 t
    shift
    if [[ ! -d $TMP/war/WEB-INF/lib ]]; then
        unzip -q -o "$WAR" 'WEB-INF/lib/derby*.jar' -d "$TMP/war"
    fi
    local cp
    cp=$(find "$TMP/war/WEB-INF/lib" -name 'derby*.jar' ! -name '*client*' | tr '\n' ':')
    {
        echo "connect 'jdbc:derby:$db';"
        for t in "$@"; do echo "select count(*) as n from $t;"; done
        echo "disconnect;"
        echo "exit;"
    } >"$TMP/count.sql"
    java -cp "$cp" -Dderby.stream.error.file="$TMP/derby-ij.log" org.apache.derby.tools.ij "$TMP/count.sql" >"$TMP/count.out" 2>&1 \
        || { cat "$TMP/count.out" >&2; die "ij could not read the database"; }
    mapfile -t COUNTS < <(awk '/^-+$/ {getline; print $1}' "$TMP/count.out")
    [[ ${#COUNTS[@]} -eq $# ]] || { cat "$TMP/count.out" >&2; die "could not read the counts from ij"; }
}

# jfr_start NAME / jfr_stop NAME: a JFR recording (settings=profile) of the server into $OUT/NAME.jfr
# when JFR=1 (read it with bench/jfr_top.py); nothing otherwise.
jfr_start() {
    if [[ $JFR == 1 ]]; then
        jcmd "$SERVER_PID" JFR.start name="$1" settings=profile filename="$OUT/$1.jfr" >/dev/null \
            || die "jcmd JFR.start failed"
    fi
}
jfr_stop() {
    if [[ $JFR == 1 ]]; then
        jcmd "$SERVER_PID" JFR.stop name="$1" >/dev/null || die "jcmd JFR.stop failed"
        echo "  JFR profile: $OUT/$1.jfr"
    fi
}

# ---------------------------------------------------------------- wrk cases, rounds and ratios
# The script sets THREADS, CONNECTIONS, DURATION, ROUNDS, WARMUP, WARMUP_PASSES, CASES (the case
# names, in order) and LABEL (an associative array: case -> label), and defines case_request CASE,
# which sets URL and, if needed, HDR (header lines) and LUA (a wrk script and its arguments).

# wrk_settings DEFAULT_DURATION: DURATION, ROUNDS, WARMUP, WARMUP_PASSES, THREADS and CONNECTIONS from
# BENCH_DURATION (default DEFAULT_DURATION), BENCH_ROUNDS (4), BENCH_WARMUP (5s), BENCH_WARMUP_PASSES
# (2), BENCH_THREADS (2) and BENCH_CONNECTIONS (16); dies on a count that is not a number.
wrk_settings() {
    DURATION=${BENCH_DURATION:-$1}
    ROUNDS=${BENCH_ROUNDS:-4}
    WARMUP=${BENCH_WARMUP:-5s}
    WARMUP_PASSES=${BENCH_WARMUP_PASSES:-2}
    THREADS=${BENCH_THREADS:-2}
    CONNECTIONS=${BENCH_CONNECTIONS:-16}
    local v
    for v in ROUNDS THREADS CONNECTIONS; do
        [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "BENCH_$v must be a positive integer, not '${!v}'"
    done
    [[ $WARMUP_PASSES =~ ^[0-9]+$ ]] || die "BENCH_WARMUP_PASSES must be a non-negative integer, not '$WARMUP_PASSES'"
}

# run_wrk CASE DURATION FILE: wrk -t$THREADS -c$CONNECTIONS -d DURATION --latency over the case into
# FILE, a request timing out after WRK_TIMEOUT (default 2s, wrk's own; a timed-out request is left out
# of wrk's latencies, so set it above the slowest answer); fails on non-2xx answers or socket errors
# (timeouts included); sets LAST_RPS, LAST_REQS, LAST_P50, LAST_P99 (ms),
# LAST_CPU (server CPU µs per request, all threads, from /proc) and LAST_KB (KiB read per response).
run_wrk() {
    local name=$1 duration=$2 file=$3 h t0 t1 args=()
    HDR=() LUA=()
    case_request "$name"
    for h in "${HDR[@]}"; do args+=(-H "$h"); done
    if ((${#LUA[@]} > 0)); then
        args+=(-s "${LUA[0]}" "$URL" -- "${LUA[@]:1}")
    else
        args+=("$URL")
    fi
    t0=$(server_ticks)
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout "${WRK_TIMEOUT:-2s}" --latency "${args[@]}" >"$file" 2>&1 \
        || { cat "$file" >&2; die "wrk failed for case $name"; }
    t1=$(server_ticks)
    wrk_result "$name" "$file"
    LAST_CPU=$(awk -v d=$((t1 - t0)) -v hz="$CLK_TCK" -v n="$LAST_REQS" 'BEGIN {printf "%.1f", d / hz * 1e6 / n}')
    LAST_KB=$(awk -v n="$LAST_REQS" '/requests in/ {
        v = $5; u = v; sub(/^[0-9.]+/, "", u); v += 0
        f = (u == "B") ? 1 : (u == "KB") ? 1024 : (u == "MB") ? 1048576 : (u == "GB") ? 1073741824 : 0
        printf "%.1f", v * f / n / 1024 }' "$file")
    echo "server CPU: $((t1 - t0)) ticks at $CLK_TCK Hz = $LAST_CPU us/request; load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$file"
}

# fetch_case CASE: one request of the case with curl; dies unless it answers 200. The body goes to
# $TMP/check.body, the headers to $TMP/check.headers; sets FETCH_TYPE (the Content-Type) and
# FETCH_MS (curl's total time, ms).
fetch_case() {
    local h out code secs args=()
    HDR=() LUA=()
    case_request "$1"
    for h in "${HDR[@]}"; do args+=(-H "$h"); done
    out=$(curl -s -o "$TMP/check.body" -D "$TMP/check.headers" -w '%{http_code} %{time_total} %{content_type}' \
        "${args[@]}" "$URL") || die "case $1: curl $URL failed"
    read -r code secs FETCH_TYPE <<<"$out"
    [[ $code == 200 ]] || die "case $1: $URL answered $code, not 200: $(head -c 300 "$TMP/check.body")"
    FETCH_MS=$(awk -v s="$secs" 'BEGIN {printf "%.1f", s * 1000}')
}

# wrk_rounds: WARMUP_PASSES warm-up passes of WARMUP over the CASES, then ROUNDS measured rounds of
# DURATION, forward, then backward, ... (so compared cases run back to back), the raw outputs in
# $OUT (warmupW-CASE.txt, roundR-CASE.txt). Fills RPS, P50, P99, CPU, KB and REQS [case,round] and
# the medians MRPS, MP50, MP99, MCPU, MKB with LO and HI (lowest and highest req/s) [case].
# LABEL_WIDTH (default 50) is the width of the label column.
wrk_rounds() {
    local w r c i order=() lw=${LABEL_WIDTH:-50}
    local -a rps p50 p99 cpu kb
    declare -gA RPS=() P50=() P99=() CPU=() KB=() REQS=() MRPS=() MP50=() MP99=() MCPU=() MKB=() LO=() HI=()
    echo "  warm-up: $WARMUP_PASSES passes x $WARMUP per case ..."
    for ((w = 1; w <= WARMUP_PASSES; w++)); do
        for c in "${CASES[@]}"; do
            run_wrk "$c" "$WARMUP" "$OUT/warmup$w-$c.txt"
            printf "  pass %d   %-${lw}s %8.0f req/s  %7.1f us CPU/req\n" "$w" "${LABEL[$c]}" "$LAST_RPS" "$LAST_CPU"
        done
    done
    echo "  measuring: $ROUNDS rounds x ${#CASES[@]} cases x $DURATION (forward, then backward, ...) ..."
    for ((r = 1; r <= ROUNDS; r++)); do
        echo "  round $r: load average $(cut -d' ' -f1-3 /proc/loadavg)"
        order=("${CASES[@]}")
        if ((r % 2 == 0)); then
            order=()
            for ((i = ${#CASES[@]} - 1; i >= 0; i--)); do order+=("${CASES[i]}"); done
        fi
        for c in "${order[@]}"; do
            run_wrk "$c" "$DURATION" "$OUT/round$r-$c.txt"
            RPS[$c,$r]=$LAST_RPS P50[$c,$r]=$LAST_P50 P99[$c,$r]=$LAST_P99 CPU[$c,$r]=$LAST_CPU KB[$c,$r]=$LAST_KB
            REQS[$c,$r]=$LAST_REQS
            printf "  round %d  %-${lw}s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  %7.1f us CPU/req  %6.1f KiB/resp\n" \
                "$r" "${LABEL[$c]}" "$LAST_RPS" "$LAST_P50" "$LAST_P99" "$LAST_CPU" "$LAST_KB"
        done
    done
    for c in "${CASES[@]}"; do
        rps=() p50=() p99=() cpu=() kb=()
        for ((r = 1; r <= ROUNDS; r++)); do
            rps+=("${RPS[$c,$r]}") p50+=("${P50[$c,$r]}") p99+=("${P99[$c,$r]}") cpu+=("${CPU[$c,$r]}") kb+=("${KB[$c,$r]}")
        done
        MRPS[$c]=$(median "${rps[@]}") MP50[$c]=$(median "${p50[@]}") MP99[$c]=$(median "${p99[@]}")
        MCPU[$c]=$(median "${cpu[@]}") MKB[$c]=$(median "${kb[@]}")
        LO[$c]=$(printf '%s\n' "${rps[@]}" | sort -g | head -n1)
        HI[$c]=$(printf '%s\n' "${rps[@]}" | sort -g | tail -n1)
    done
}

# wrk_table INDENT: the medians of wrk_rounds, a line per case.
wrk_table() {
    local c lw=${LABEL_WIDTH:-50}
    printf "%s%-${lw}s %8s %13s %8s %8s %8s %7s\n" "$1" case "req/s" "(min-max)" "p50 ms" "p99 ms" "CPU us" "KiB"
    for c in "${CASES[@]}"; do
        printf "%s%-${lw}s %8.0f %13s %8.2f %8.2f %8.1f %7.1f\n" "$1" "${LABEL[$c]}" "${MRPS[$c]}" \
            "($(printf '%.0f-%.0f' "${LO[$c]}" "${HI[$c]}"))" "${MP50[$c]}" "${MP99[$c]}" "${MCPU[$c]}" "${MKB[$c]}"
    done
}

# wrk_ratio NUM DEN: compares two cases of wrk_rounds. Sets RATIO (the ratio of the median req/s,
# the figure judged against goals), RATIO_PAIRED (the median of the per-round ratios, the two runs
# back to back), RATIO_CPU (DEN's server CPU per request over NUM's: the throughput ratio if the
# server were CPU-bound) and RATIO_ROUNDS (the per-round ratios, space-separated).
wrk_ratio() {
    local num=$1 den=$2 r rr=()
    for ((r = 1; r <= ROUNDS; r++)); do
        rr+=("$(awk -v a="${RPS[$num,$r]}" -v b="${RPS[$den,$r]}" 'BEGIN {printf "%.2f", a / b}')")
    done
    RATIO=$(awk -v a="${MRPS[$num]}" -v b="${MRPS[$den]}" 'BEGIN {printf "%.2f", a / b}')
    RATIO_PAIRED=$(printf '%.2f' "$(median "${rr[@]}")")
    RATIO_CPU=$(awk -v a="${MCPU[$num]}" -v b="${MCPU[$den]}" 'BEGIN {printf "%.2f", b / a}')
    RATIO_ROUNDS=${rr[*]}
}

# jfr_wrk CASE...: when JFR=1, an extra (unmeasured) wrk run of JFR_DURATION per case, each recorded
# into $OUT/wrk-CASE.jfr (wrk's output in $OUT/jfr-CASE.txt); nothing otherwise.
jfr_wrk() {
    local c
    if [[ $JFR == 1 ]]; then
        for c in "$@"; do
            jfr_start "wrk-$c"
            run_wrk "$c" "$JFR_DURATION" "$OUT/jfr-$c.txt"
            jfr_stop "wrk-$c"
        done
    fi
}
