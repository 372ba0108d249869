#!/usr/bin/env bash
# Library benchmark: how fast does Longbox scan a large comics library, rescan it, make thumbnails
# and serve pages, and does it do all that in a 256 MiB heap?
#
# Builds the WAR, deploys it as ROOT in a standalone Jetty 12.1 (as bench/auth.sh: jetty-home from
# Maven Central, modules http + ee10-deploy) next to a second, static context (webapps/static/, a
# plain directory served by Jetty's DefaultServlet), with a fresh temporary config dir (embedded
# Derby), HASH_COST=4, and measures, in one run:
#   1  the generated library: BENCH_BOOKS CBZs in BENCH_SERIES series folders, BENCH_PAGES JPEG pages
#      (11-14 KB each) and a ComicInfo.xml per book, entries stored (bench/GenLibrary.java, run with
#      the JDK's source launcher; cached in target/bench-library-<books> and reused: deterministic)
#   2  the first scan, no thumbnails: books/s = books / the job's ms_elapsed (and from the wall time,
#      POST to COMPLETED); the job's output must say all books added and none unreadable
#   3  rescans with nothing changed (BENCH_RESCANS times, the median): books/s
#   4  the library deleted and created again over the same folder with JPEG thumbnails
#      (200x300, quality 80), first scan: books/s; every book must get its thumbnail file
#   5  pages: wrk through bench/rotate.lua over BENCH_PAGE_URLS different GET /api/v1/media/{id}/page/{n}
#      (books spread over the library, pages varied) against the very same bytes as static files
#      (GET /static/pNNNN.jpg), interleaved rounds, plus a case asking a different book on every
#      request (all the books in turn) to defeat any caching; req/s, p50, p99, server CPU/request
#   6  memory: the server restarted with -Xmx256m and a fresh config dir scans the library (with
#      thumbnails) and then serves pages of all the books under wrk for 20 s: the scan must
#      complete with every book, wrk must see only 2xx, the log no OutOfMemoryError; it reports the
#      peak RSS of the server process (VmHWM), the heap after the run and the GC pauses (-Xlog:gc)
# and prints the figures against their goals (a missed goal is reported, not a failure; a failed
# check is a failure).
#
# Usage: bench/library.sh                   (3.2-3.8 minutes with the defaults on 2 cores, build included,
#                                             see BENCHMARKS.md; generating the 2.4 GB library the first
#                                             time takes a few seconds)
#        BENCH_BOOKS=1000 bench/library.sh  (a quick run, about 2.3 minutes: the page part takes ~1.5
#                                             minutes whatever the size; BENCH_ROUNDS=2
#                                             BENCH_WARMUP_PASSES=1 shortens it)
# Environment (all optional):
#   BENCH_BOOKS=10000      books in the library
#   BENCH_SERIES=          series folders (default BENCH_BOOKS / 20, i.e. 500: 20 books each)
#   BENCH_PAGES=20         pages per book
#   BENCH_LIBRARY_DIR=     where the library is generated and cached (default target/bench-library-<books>,
#                          or target/bench-library-<books>-<series>s-<pages>p with other series/pages)
#   BENCH_RESCANS=3        rescans with nothing changed (the median is reported)
#   BENCH_PAGE_URLS=200    different page URLs in the page and static cases
#   BENCH_DURATION=5s      wrk duration of one measured page run
#   BENCH_ROUNDS=4         measured runs per page case (interleaved; the median is reported)
#   BENCH_WARMUP=5s        wrk duration of one warm-up run
#   BENCH_WARMUP_PASSES=2  warm-up passes over the page cases
#   BENCH_THREADS=2        wrk threads
#   BENCH_CONNECTIONS=16   wrk connections
#   BENCH_MEM=1            0 skips the memory part (6)
#   BENCH_MEM_XMX=256m     heap of the server in the memory part
#   BENCH_MEM_DURATION=20s wrk duration in the memory part
#   BENCH_MEM_THUMBNAILS=1 0: the memory part scans without thumbnails
#   BENCH_SCAN_CONCURRENCY= STUMP_MAX_SCANNER_CONCURRENCY for the server (default: the server's, processors x 2)
#   BENCH_SCAN_TIMEOUT=1800 seconds a scan may take before the script gives up
#   BENCH_PORT=18802       HTTP port of the server under test (must be free)
#   BENCH_JAVA_OPTS=       extra JVM options for the server (both runs)
#   BENCH_JFR=0            1: record a JFR profile (settings=profile) of each scan and of an extra
#                          page run per page case (not measured) into the output directory (*.jfr;
#                          read them with bench/jfr_top.py)
#   BENCH_JFR_DURATION=15s wrk duration of those extra page runs
#   BENCH_SKIP_BUILD=1     use the existing target/longbox.war
#   BENCH_OUT=bench/out/library-<time>   where the summary, raw wrk outputs and server logs go
#   BENCH_KEEP=1           keep the temporary directory (config dirs, Derby, Jetty base)
# Needs: wrk, curl, jq, unzip, cmp, java 17+, mvn. It installs nothing. Disk: about 2.4 GB for
# the default library (under target/), plus the thumbnails and Derby under $TMPDIR.
set -euo pipefail

BENCH_NAME=library.sh
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BOOKS=${BENCH_BOOKS:-10000}
[[ $BOOKS =~ ^[1-9][0-9]*$ ]] || die "BENCH_BOOKS must be a positive integer, not '$BOOKS'"
SERIES=${BENCH_SERIES:-$(((BOOKS + 19) / 20))}
PAGES=${BENCH_PAGES:-20}
RESCANS=${BENCH_RESCANS:-3}
PAGE_URLS=${BENCH_PAGE_URLS:-200}
wrk_settings 5s
MEM=${BENCH_MEM:-1}
MEM_XMX=${BENCH_MEM_XMX:-256m}
MEM_DURATION=${BENCH_MEM_DURATION:-20s}
MEM_THUMBNAILS=${BENCH_MEM_THUMBNAILS:-1}
SCAN_CONCURRENCY=${BENCH_SCAN_CONCURRENCY:-}
SCAN_TIMEOUT=${BENCH_SCAN_TIMEOUT:-1800}
PORT=${BENCH_PORT:-18802}
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
JFR=${BENCH_JFR:-0}
JFR_DURATION=${BENCH_JFR_DURATION:-15s}

for v in SERIES PAGES RESCANS PAGE_URLS SCAN_TIMEOUT; do
    [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "BENCH_$v must be a positive integer, not '${!v}'"
done
((SERIES <= BOOKS)) || die "BENCH_SERIES ($SERIES) must not exceed BENCH_BOOKS ($BOOKS)"
((PAGES <= 999)) || die "BENCH_PAGES must be at most 999"
((PAGE_URLS <= BOOKS)) || PAGE_URLS=$BOOKS

ROOT=$BENCH_ROOT
if [[ -n ${BENCH_LIBRARY_DIR:-} ]]; then
    LIBRARY=$BENCH_LIBRARY_DIR
elif ((SERIES == (BOOKS + 19) / 20 && PAGES == 20)); then
    LIBRARY=$ROOT/target/bench-library-$BOOKS
else
    LIBRARY=$ROOT/target/bench-library-$BOOKS-${SERIES}s-${PAGES}p
fi
OUT=${BENCH_OUT:-$ROOT/bench/out/library-$(date -u +%Y%m%dT%H%M%SZ)}
BASE_URL="http://127.0.0.1:$PORT"
USERNAME=bench
PASSWORD='bench-Pass-1234'
STARTED_AT=$(date +%s)

# ---------------------------------------------------------------- prerequisites
require_tools curl jq unzip cmp java mvn
port_must_be_free "$PORT"

open_run

# ---------------------------------------------------------------- machine
echo "== Longbox library benchmark (bench/library.sh)"
print_machine
echo "container:   Jetty $JETTY_VERSION standalone (http, ee10-deploy), WAR as ROOT, a static context at /static"
echo "library:     $BOOKS books in $SERIES series, $PAGES pages each; $LIBRARY"
echo "scanner:     STUMP_MAX_SCANNER_CONCURRENCY=${SCAN_CONCURRENCY:-default (processors x 2 = $(($(nproc) * 2)))}"
echo "wrk params:  -t$THREADS -c$CONNECTIONS -d$DURATION --latency, $ROUNDS interleaved rounds (median), warm-up $WARMUP_PASSES x $WARMUP per case"
echo "note:        wrk and the server share this machine's CPUs; the library is in the OS page cache after generation or the first scan"
echo "output:      $OUT"
echo

# ---------------------------------------------------------------- build, container, library
build_war
fetch_jetty

gen_library() { java -Djava.awt.headless=true "$ROOT/bench/GenLibrary.java" "$1" "$BOOKS" "$SERIES" "$PAGES"; }
ensure_library "$LIBRARY" "books=$BOOKS series=$SERIES pages=$PAGES generator=1" gen_library
echo "library: $(find "$LIBRARY" -name '*.cbz' | wc -l) CBZ files, $LIBRARY_MB MiB"

JETTY_BASE=$TMP/jetty-base
new_jetty_base "$JETTY_BASE"
STATIC_DIR=$JETTY_BASE/webapps/static # a plain directory: Jetty deploys it at /static with its DefaultServlet
mkdir -p "$STATIC_DIR"

SERVER_ENV_COMMON=(HASH_COST=4)
if [[ -n $SCAN_CONCURRENCY ]]; then
    SERVER_ENV_COMMON+=(STUMP_MAX_SCANNER_CONCURRENCY="$SCAN_CONCURRENCY")
fi

books_per_s() { awk -v n="$BOOKS" -v ms="$1" 'BEGIN {printf "%.0f", (ms > 0) ? n * 1000 / ms : 0}'; }

# media_list FILE: every book of the library as "id<TAB>pages<TAB>path" lines sorted by path.
media_list() {
    local p=1 total_pages=1
    : >"$1.unsorted"
    while ((p <= total_pages)); do
        api GET "/api/v1/media?page_size=1000&page=$p"
        jq -r '.data[] | [.id, .pages, .path] | @tsv' "$TMP/api.json" >>"$1.unsorted"
        total_pages=$(jq -r '._page.total_pages' "$TMP/api.json")
        p=$((p + 1))
    done
    sort -t $'\t' -k3,3 "$1.unsorted" >"$1"
    rm -f "$1.unsorted"
    [[ $(wc -l <"$1") -eq $BOOKS ]] || die "/api/v1/media listed $(wc -l <"$1") books, not $BOOKS"
    awk -F'\t' -v p="$PAGES" '$2 != p {bad++} END {exit (bad > 0)}' "$1" \
        || die "some books do not have $PAGES pages: $(awk -F'\t' -v p="$PAGES" '$2 != p' "$1" | head -n 3)"
}

# all_book_paths MEDIA_FILE OUT_FILE: one page URL per book, every book in turn, pages varied.
all_book_paths() {
    awk -F'\t' -v p="$PAGES" '{printf "/api/v1/media/%s/page/%d\n", $1, 1 + ((NR - 1) * 7) % p}' "$1" >"$2"
}

# ================================================================ main server
CONFIG_DIR=$TMP/config
mkdir -p "$CONFIG_DIR"
LOGS+=(server.log)
echo
echo "starting the server on port $PORT (STUMP_CONFIG_DIR=$CONFIG_DIR, ${SERVER_ENV_COMMON[*]}) ..."
start_server "$JETTY_BASE" "$PORT" "$TMP/server.log" "$JAVA_OPTS" STUMP_CONFIG_DIR="$CONFIG_DIR" "${SERVER_ENV_COMMON[@]}"
echo "server up (pid $SERVER_PID) after $(elapsed) since the script started"
register_user "$BASE_URL" "$USERNAME" "$PASSWORD"
login_user "$BASE_URL" "$USERNAME" "$PASSWORD"
echo "registered '$USERNAME' (owner), logged in"
[[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/static/") != 5?? ]] || die "the static context does not answer"

FAILED_CHECKS=()
check() { # check CONDITION-RESULT(0|1) MESSAGE
    if [[ $1 != 0 ]]; then
        FAILED_CHECKS+=("$2")
        echo "  CHECK FAILED: $2"
    fi
}

# ---------------------------------------------------------------- 2 first scan, no thumbnails
echo
echo "[2] first scan, no thumbnails ... (at $(elapsed))"
create_library "Bench" 0
jfr_start scan-first
run_scan
jfr_stop scan-first
[[ $SCAN_STATUS == COMPLETED ]] || die "the first scan ended $SCAN_STATUS: $SCAN_OUTPUT"
[[ $S_ADDED == "$BOOKS" && $S_UNREADABLE == 0 && $S_SERIES == "$SERIES" ]] \
    || die "the first scan should add $SERIES series and $BOOKS books, none unreadable; it said: $SCAN_OUTPUT"
FIRST_MS=$SCAN_MS FIRST_WALL_MS=$SCAN_WALL_MS FIRST_CPU=$SCAN_CPU_S FIRST_OUTPUT=$SCAN_OUTPUT
FIRST_BPS=$(books_per_s "$SCAN_MS")
FIRST_WALL_BPS=$(books_per_s "$SCAN_WALL_MS")
echo "  job: $SCAN_OUTPUT"
echo "  ms_elapsed $SCAN_MS ms = $FIRST_BPS books/s; wall (POST to COMPLETED) $SCAN_WALL_MS ms = $FIRST_WALL_BPS books/s;" \
    "server CPU $SCAN_CPU_S s ($(awk -v c="$SCAN_CPU_S" -v n="$BOOKS" 'BEGIN {printf "%.2f", c * 1000 / n}') ms/book)"

# ---------------------------------------------------------------- 3 rescans, nothing changed
echo
echo "[3] rescans with nothing changed ($RESCANS) ... (at $(elapsed))"
RESCAN_BPS=() RESCAN_MS=() RESCAN_WALL_BPS=()
jfr_start rescan
for ((i = 1; i <= RESCANS; i++)); do
    run_scan
    [[ $SCAN_STATUS == COMPLETED ]] || die "rescan $i ended $SCAN_STATUS: $SCAN_OUTPUT"
    [[ $S_UNCHANGED == "$BOOKS" && $S_ADDED == 0 && $S_REREAD == 0 && $S_MISSING == 0 && $S_UNREADABLE == 0 ]] \
        || die "rescan $i should find all $BOOKS books unchanged; it said: $SCAN_OUTPUT"
    RESCAN_MS+=("$SCAN_MS")
    RESCAN_BPS+=("$(books_per_s "$SCAN_MS")")
    RESCAN_WALL_BPS+=("$(books_per_s "$SCAN_WALL_MS")")
    echo "  rescan $i: $SCAN_OUTPUT; ms_elapsed $SCAN_MS ms = ${RESCAN_BPS[-1]} books/s; wall $SCAN_WALL_MS ms = ${RESCAN_WALL_BPS[-1]} books/s; server CPU $SCAN_CPU_S s"
done
jfr_stop rescan
RESCAN_MEDIAN=$(fmt "$(median "${RESCAN_BPS[@]}")")
RESCAN_WALL_MEDIAN=$(fmt "$(median "${RESCAN_WALL_BPS[@]}")")

# ---------------------------------------------------------------- 4 first scan with thumbnails
echo
echo "[4] library deleted, created again over the same folder with JPEG thumbnails, first scan ... (at $(elapsed))"
t0=$(now_ms)
api DELETE "/api/v1/libraries/$LIBRARY_ID"
DELETE_MS=$(($(now_ms) - t0))
echo "  DELETE /api/v1/libraries/{id} ($BOOKS books): $DELETE_MS ms"
create_library "Bench thumbnails" 1
jfr_start scan-thumbnails
run_scan
jfr_stop scan-thumbnails
[[ $SCAN_STATUS == COMPLETED ]] || die "the thumbnail scan ended $SCAN_STATUS: $SCAN_OUTPUT"
[[ $S_ADDED == "$BOOKS" && $S_UNREADABLE == 0 ]] \
    || die "the thumbnail scan should add $BOOKS books, none unreadable; it said: $SCAN_OUTPUT"
THUMBS=$(find "$CONFIG_DIR/thumbnails" -name '*.jpeg' 2>/dev/null | wc -l)
[[ $THUMBS == "$BOOKS" ]] || die "$THUMBS thumbnail files in $CONFIG_DIR/thumbnails, not $BOOKS"
THUMB_MS=$SCAN_MS THUMB_WALL_MS=$SCAN_WALL_MS THUMB_CPU=$SCAN_CPU_S
THUMB_BPS=$(books_per_s "$SCAN_MS")
THUMB_WALL_BPS=$(books_per_s "$SCAN_WALL_MS")
THUMB_KB=$(find "$CONFIG_DIR/thumbnails" -name '*.jpeg' -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / NR / 1024}')
echo "  job: $SCAN_OUTPUT; $THUMBS thumbnails of $THUMB_KB KB on average"
echo "  ms_elapsed $SCAN_MS ms = $THUMB_BPS books/s; wall $SCAN_WALL_MS ms = $THUMB_WALL_BPS books/s; server CPU $SCAN_CPU_S s" \
    "($(awk -v c="$SCAN_CPU_S" -v n="$BOOKS" 'BEGIN {printf "%.2f", c * 1000 / n}') ms/book)"

# ---------------------------------------------------------------- 5 pages vs static files
echo
echo "[5] pages: $PAGE_URLS page URLs vs the same bytes as static files, and all $BOOKS books in turn ... (at $(elapsed))"
media_list "$TMP/media.tsv"
: >"$TMP/paths-pages.txt"
: >"$TMP/paths-static.txt"
for ((i = 0; i < PAGE_URLS; i++)); do
    line=$(sed -n "$((i * BOOKS / PAGE_URLS + 1))p" "$TMP/media.tsv")
    IFS=$'\t' read -r id _ path <<<"$line"
    page=$((1 + (i * 7) % PAGES))
    url=/api/v1/media/$id/page/$page
    static=$(printf 'p%04d.jpg' "$i")
    code=$(curl -s -o "$STATIC_DIR/$static" -w '%{http_code} %{content_type}' -H "Cookie: stump_session=$SESSION" "$BASE_URL$url")
    [[ $code == "200 image/jpeg" ]] || die "$url answered '$code'"
    unzip -p "$path" "$(printf 'page-%03d.jpg' "$page")" | cmp -s - "$STATIC_DIR/$static" \
        || die "$url did not answer the bytes of page $page of $path"
    echo "$url" >>"$TMP/paths-pages.txt"
    echo "/static/$static" >>"$TMP/paths-static.txt"
done
all_book_paths "$TMP/media.tsv" "$TMP/paths-allbooks.txt"
for f in $(head -n 3 "$TMP/paths-static.txt"); do
    code=$(curl -s -o "$TMP/static.check" -w '%{http_code} %{content_type}' "$BASE_URL$f")
    [[ $code == "200 image/jpeg" ]] || die "$f answered '$code'"
    cmp -s "$TMP/static.check" "$STATIC_DIR/${f#/static/}" || die "$f did not answer its file's bytes"
done
echo "  checked: each of the $PAGE_URLS page URLs answers 200 image/jpeg with the bytes of that page in the CBZ;" \
    "the static copies ($(du -sk "$STATIC_DIR" | cut -f1) KB) answer the same"

CASES=(pages static allbooks)
declare -A LABEL=(
    [pages]="GET /api/v1/media/{id}/page/{n}, $PAGE_URLS URLs"
    [static]="GET /static/pNNNN.jpg, $PAGE_URLS files"
    [allbooks]="GET /api/v1/media/{id}/page/{n}, all $BOOKS books"
)
# every request the next path of $TMP/paths-CASE.txt (bench/rotate.lua)
case_request() {
    URL=$BASE_URL
    HDR=("Cookie: stump_session=$SESSION")
    LUA=("$ROOT/bench/rotate.lua" "$TMP/paths-$1.txt")
}
wrk_rounds
wrk_ratio pages static
PAGES_RATIO=$RATIO PAGES_PAIRED=$RATIO_PAIRED PAGES_CPU_RATIO=$RATIO_CPU PAGES_ROUNDS=$RATIO_ROUNDS
wrk_ratio allbooks static
ALL_RATIO=$RATIO ALL_PAIRED=$RATIO_PAIRED ALL_CPU_RATIO=$RATIO_CPU ALL_ROUNDS=$RATIO_ROUNDS

jfr_wrk pages allbooks

echo
echo "  server log: $(grep -c -E 'SEVERE|WARNING' "$TMP/server.log" || true) SEVERE/WARNING lines," \
    "$(grep -c 'OutOfMemoryError' "$TMP/server.log" || true) OutOfMemoryError"
MAIN_HWM=$(awk '/^VmHWM/ {print $2}' "/proc/$SERVER_PID/status")
echo "  peak RSS of this server (default heap): $((MAIN_HWM / 1024)) MiB"
stop_server

# ================================================================ 6 memory
MEM_RESULT="skipped (BENCH_MEM=0)"
if [[ $MEM == 1 ]]; then
    echo
    echo "[6] memory: the server restarted with -Xmx$MEM_XMX and a fresh config dir; scan$([[ $MEM_THUMBNAILS == 1 ]] && echo ' with thumbnails'), then pages under wrk for $MEM_DURATION ... (at $(elapsed))"
    CONFIG_DIR=$TMP/config-mem
    mkdir -p "$CONFIG_DIR"
    LOGS+=(mem-gc.log server-mem.log)
    start_server "$JETTY_BASE" "$PORT" "$TMP/server-mem.log" "-Xmx$MEM_XMX -Xlog:gc:file=$TMP/mem-gc.log $JAVA_OPTS" \
        STUMP_CONFIG_DIR="$CONFIG_DIR" "${SERVER_ENV_COMMON[@]}"
    echo "  server up (pid $SERVER_PID), RSS $(awk '/^VmRSS/ {printf "%d MiB", $2 / 1024}' "/proc/$SERVER_PID/status")"
    (
        while kill -0 "$SERVER_PID" 2>/dev/null; do
            echo "$(date +%s) $(awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null)"
            sleep 1
        done
    ) >"$OUT/mem-rss-kib.txt" 2>/dev/null &
    SAMPLER_PID=$!
    register_user "$BASE_URL" "$USERNAME" "$PASSWORD"
    login_user "$BASE_URL" "$USERNAME" "$PASSWORD"
    create_library "Bench memory" "$MEM_THUMBNAILS"
    run_scan
    MEM_SCAN="$SCAN_STATUS: $SCAN_OUTPUT"
    MEM_SCAN_BPS=$(books_per_s "$SCAN_MS")
    check "$([[ $SCAN_STATUS == COMPLETED && $S_ADDED == "$BOOKS" && $S_UNREADABLE == 0 ]] && echo 0 || echo 1)" \
        "memory: the scan should complete with $BOOKS books added, none unreadable; it ended $MEM_SCAN"
    MEM_HWM_SCAN=$(awk '/^VmHWM/ {print $2}' "/proc/$SERVER_PID/status")
    echo "  scan: $MEM_SCAN; $MEM_SCAN_BPS books/s; peak RSS so far $((MEM_HWM_SCAN / 1024)) MiB"
    media_list "$TMP/media-mem.tsv"
    all_book_paths "$TMP/media-mem.tsv" "$TMP/paths-mem.txt"
    t0=$(server_ticks)
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$MEM_DURATION" --latency -H "Cookie: stump_session=$SESSION" \
        -s "$ROOT/bench/rotate.lua" "$BASE_URL" -- "$TMP/paths-mem.txt" >"$OUT/mem-wrk.txt" 2>&1 \
        || { cat "$OUT/mem-wrk.txt" >&2; die "wrk failed in the memory part"; }
    kill -0 "$SERVER_PID" 2>/dev/null || die "the server died in the memory part"
    MEM_NON2XX=$(awk '/Non-2xx/ {print $NF}' "$OUT/mem-wrk.txt")
    MEM_SOCKET=$(grep 'Socket errors' "$OUT/mem-wrk.txt" || true)
    MEM_RPS=$(awk '/^Requests\/sec:/ {print $2}' "$OUT/mem-wrk.txt")
    MEM_REQS=$(awk '/requests in/ {print $1}' "$OUT/mem-wrk.txt")
    MEM_P50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$OUT/mem-wrk.txt")")
    MEM_P99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$OUT/mem-wrk.txt")")
    check "$([[ -z $MEM_NON2XX ]] && echo 0 || echo 1)" "memory: wrk saw $MEM_NON2XX non-2xx answers"
    check "$([[ -z $MEM_SOCKET ]] && echo 0 || echo 1)" "memory: wrk saw $MEM_SOCKET"
    echo "  pages of all $BOOKS books in turn (no warm-up): $MEM_REQS requests, $(fmt "$MEM_RPS") req/s, p50 $MEM_P50 ms, p99 $MEM_P99 ms," \
        "non-2xx ${MEM_NON2XX:-0}; server CPU $(awk -v d=$(($(server_ticks) - t0)) -v hz="$CLK_TCK" -v n="$MEM_REQS" 'BEGIN {printf "%.1f", d / hz * 1e6 / n}') us/request"
    MEM_HWM=$(awk '/^VmHWM/ {print $2}' "/proc/$SERVER_PID/status")
    jcmd "$SERVER_PID" GC.heap_info >"$OUT/mem-heap-info.txt" 2>&1 || true
    MEM_HEAP=$(awk '/garbage-first heap/ {for (i = 1; i <= NF; i++) if ($i == "used") {print $(i + 1); exit}}' "$OUT/mem-heap-info.txt")
    MEM_OOM=$(grep -c 'OutOfMemoryError' "$TMP/server-mem.log" || true)
    check "$([[ $MEM_OOM == 0 ]] && echo 0 || echo 1)" "memory: $MEM_OOM OutOfMemoryError lines in the server log"
    MEM_SAMPLED=$(awk '$2 > m {m = $2} END {print m + 0}' "$OUT/mem-rss-kib.txt")
    # -Xlog:gc lines: "[1.234s][info][gc] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 120M->30M(256M) 5.123ms"
    MEM_GC=$(awk '/ Pause / && / [0-9.]+ms$/ {n++; v = $NF; sub(/ms$/, "", v); t += v; if (v > m) m = v}
        END {printf "%d GC pauses, %.0f ms in all, longest %.0f ms", n, t, m}' "$TMP/mem-gc.log")
    stop_server
    kill "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=
    if [[ $MEM_NON2XX == "" && -z $MEM_SOCKET && $MEM_OOM == 0 && $SCAN_STATUS == COMPLETED && $S_ADDED == "$BOOKS" && $S_UNREADABLE == 0 ]]; then
        MEM_RESULT="success"
    else
        MEM_RESULT="FAILED"
    fi
    echo "  peak RSS (VmHWM): $((MEM_HWM_SCAN / 1024)) MiB after the scan, $((MEM_HWM / 1024)) MiB at the end" \
        "(1 s samples of VmRSS: max $((MEM_SAMPLED / 1024)) MiB); heap used at the end: ${MEM_HEAP:-?}; OutOfMemoryError in the log: $MEM_OOM"
    echo "  GC (whole memory part): $MEM_GC"
fi

# ================================================================ summary
FAILED_GOALS=0
verdict() { # verdict VALUE GOAL
    if ge "$1" "$2"; then echo "met"; else FAILED_GOALS=$((FAILED_GOALS + 1)); echo "MISSED"; fi
}
v_first=$(verdict "$FIRST_BPS" 200)
v_rescan=$(verdict "$RESCAN_MEDIAN" 5000)
v_pages=$(verdict "$PAGES_RATIO" 0.7)
echo
echo "== summary: $BOOKS books, $SERIES series, $PAGES pages each ($LIBRARY_MB MiB; generation: $GEN_SECONDS)"
printf '  %-52s %10s %10s   %-14s %s\n' "" "books/s" "(wall)" "goal" ""
printf '  %-52s %10s %10s   %-14s %s\n' "2 first scan, no thumbnails" "$FIRST_BPS" "$FIRST_WALL_BPS" ">= 200" "$v_first"
printf '  %-52s %10s %10s   %-14s %s\n' "3 rescan, nothing changed (median of $RESCANS)" "$RESCAN_MEDIAN" "$RESCAN_WALL_MEDIAN" ">= 5000" "$v_rescan"
printf '  %-52s %10s %10s   %-14s %s\n' "4 first scan, JPEG thumbnails 200x300" "$THUMB_BPS" "$THUMB_WALL_BPS" "-" ""
echo "  (books/s = $BOOKS / the job's ms_elapsed; wall = POST to COMPLETED seen, polled every 0.1 s)"
echo "  first scan: ${FIRST_MS} ms, server CPU $FIRST_CPU s; rescans: ${RESCAN_MS[*]} ms; thumbnails: $THUMB_MS ms, server CPU $THUMB_CPU s; delete: $DELETE_MS ms"
echo
echo "  5 pages (median of $ROUNDS rounds; wrk -t$THREADS -c$CONNECTIONS -d$DURATION; CPU = server CPU per request):"
wrk_table "    "
printf '    %-40s %6s %7s %6s   %-24s %s\n' "ratio" "req/s" "paired" "CPU" "per round" ""
printf '    %-40s %6s %7s %6s   %-24s %s\n' "pages / static" "$PAGES_RATIO" "$PAGES_PAIRED" "$PAGES_CPU_RATIO" "$PAGES_ROUNDS" "goal >= 0.7: $v_pages"
printf '    %-40s %6s %7s %6s   %-24s %s\n' "all books / static" "$ALL_RATIO" "$ALL_PAIRED" "$ALL_CPU_RATIO" "$ALL_ROUNDS" ""
echo "    (req/s = ratio of the medians, judged against the goal; paired = median of the per-round ratios;"
echo "     CPU = inverse ratio of the server CPU per request)"
echo
if [[ $MEM == 1 ]]; then
    echo "  6 memory, -Xmx$MEM_XMX: $MEM_RESULT — scan $MEM_SCAN ($MEM_SCAN_BPS books/s);"
    echo "    $MEM_DURATION of pages (no warm-up): $MEM_REQS requests, $(fmt "$MEM_RPS") req/s, non-2xx ${MEM_NON2XX:-0}; OutOfMemoryError: $MEM_OOM;"
    echo "    GC: $MEM_GC;"
    echo "    peak RSS (VmHWM) $((MEM_HWM / 1024)) MiB (after the scan $((MEM_HWM_SCAN / 1024)) MiB); heap used at the end ${MEM_HEAP:-?}"
else
    echo "  6 memory: $MEM_RESULT"
fi
echo "  peak RSS of the main server (default heap): $((MAIN_HWM / 1024)) MiB"
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "total time: $(elapsed); raw wrk outputs, job JSON and server logs in $OUT"
if ((FAILED_GOALS > 0)); then
    echo "note: $FAILED_GOALS goal(s) missed (reported, not a failure of the script)"
fi
if ((${#FAILED_CHECKS[@]} > 0)); then
    printf 'FAILED: %s\n' "${FAILED_CHECKS[@]}"
    exit 1
fi
