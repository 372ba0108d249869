#!/usr/bin/env bash
# Smoke test of target/longbox.war in real servlet containers, over HTTP with curl.
#
#   mvn -B -q package -DskipTests && bash .ci/smoke-containers.sh
#
# Downloads (once, through Maven: dependency:copy) and unpacks Tomcat 10.1, Tomcat 11 and
# standalone Jetty 12 into target/containers/, then for each run makes a fresh CATALINA_BASE /
# JETTY_BASE and a fresh STUMP_CONFIG_DIR under a temp dir, deploys the WAR at /longbox on free
# loopback ports, and checks:
#   tomcat10          the Tomcat context file webapp-config/tomcat/longbox.xml (settings as
#                     <Parameter>s), the API/OPDS/Swagger checks, the JSON answers to requests
#                     Tomcat refuses itself, a hot redeploy on the same database, no thread-leak
#                     or Derby-lock lines, a clean shutdown.
#   tomcat10-jndi     the same context file with its Derby DataSource block switched on (DBCP2,
#                     Derby jars in $CATALINA_BASE/lib): register/login through JNDI, redeploy.
#   tomcat10-badconf  SESSION_TTL=abc: one "Invalid setting" line, the context does not answer.
#   tomcat11          settings as -D system properties, the API checks, the JSON answers to
#                     requests Tomcat refuses itself, a redeploy, no leak lines, a clean shutdown.
# Every Tomcat run uses the server.xml lines webapp-config/tomcat/server-fragments.xml marks
# LONGBOX (relaxedQueryChars, JsonErrorReportValve without report or server info).
#   jetty12           webapp-config/jetty/longbox.xml (setInitParameter), http + ee10-deploy
#                     modules only, jetty.httpConfig.sendServerVersion=false, the API checks, no
#                     version in Jetty's own error answers, a clean SIGTERM shutdown.
# Prints one PASS/FAIL line per check and exits non-zero if any check failed.
# Environment: SMOKE_SKIP_TOMCAT11=1 skips the Tomcat 11 run; SMOKE_ONLY="tomcat10 jetty12" runs
# only the named runs; SMOKE_KEEP=1 keeps the run directory (logs) even when everything passed
# (it is always kept on failure).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TOMCAT10_VERSION=10.1.59
TOMCAT11_VERSION=11.0.24
JETTY_VERSION=12.1.12
DERBY_VERSION="$(sed -n 's:.*<derby.version>\(.*\)</derby.version>.*:\1:p' pom.xml | head -1)"
WAR="$ROOT/target/longbox.war"
CONTAINERS="$ROOT/target/containers"
CTX=/longbox
PING_TIMEOUT=90
STOP_TIMEOUT=30
REDEPLOY_TIMEOUT=60
USERNAME=smoke-owner
PASSWORD='s3cret-Smoke!'

T0=$SECONDS
PASSES=0
FAILS=0
LABEL=setup
PIDS=()
USED_PORTS=" "

# ---------------------------------------------------------------- reporting

pass() { PASSES=$((PASSES + 1)); printf 'PASS [%s] %s\n' "$LABEL" "$*"; }
fail() { FAILS=$((FAILS + 1)); printf 'FAIL [%s] %s\n' "$LABEL" "$*"; }
note() { printf 'NOTE [%s] %s\n' "$LABEL" "$*"; }
# check DESCRIPTION COMMAND...: PASS when the command succeeds.
check() {
    local what=$1
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}
die() {
    fail "$*"
    exit 1
}

# ---------------------------------------------------------------- cleanup

RUN="$(mktemp -d "${TMPDIR:-/tmp}/longbox-smoke.XXXXXX")"

is_running() {
    local pid=$1 stat
    kill -0 "$pid" 2>/dev/null || return 1
    stat="$(ps -o stat= -p "$pid" 2>/dev/null || true)"
    [[ -n "$stat" && "$stat" != Z* ]]
}

cleanup() {
    local rc=$? pid i
    for pid in "${PIDS[@]}"; do
        if is_running "$pid"; then
            echo "cleanup: stopping leftover process $pid" >&2
            kill -TERM "$pid" 2>/dev/null || true
        fi
    done
    for pid in "${PIDS[@]}"; do
        for ((i = 0; i < 50; i++)); do is_running "$pid" || break; sleep 0.2; done
        if is_running "$pid"; then
            echo "cleanup: killing process $pid" >&2
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
    if [[ $rc -eq 0 && $FAILS -eq 0 && -z "${SMOKE_KEEP:-}" ]]; then
        rm -rf "$RUN"
    else
        echo "Logs and data kept in $RUN" >&2
    fi
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

# Settings from the caller's environment would beat everything the runs configure.
SETTINGS=($(sed -n 's/.*Setting\.[a-zA-Z]*("\([A-Z_]*\)".*/\1/p' src/main/java/org/longbox/server/config/Settings.java))
[[ ${#SETTINGS[@]} -ge 10 ]] || die "could not read the setting names from Settings.java"
for name in "${SETTINGS[@]}"; do unset "$name"; done
unset CATALINA_HOME CATALINA_BASE CATALINA_OPTS CATALINA_PID JAVA_OPTS JETTY_HOME JETTY_BASE

# ---------------------------------------------------------------- helpers

# free_port START: sets PORT to the first port >= START nobody listens on (and not handed out yet).
free_port() {
    local p=$1
    while :; do
        if [[ "$USED_PORTS" != *" $p "* ]] && ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            USED_PORTS+="$p "
            PORT=$p
            return
        fi
        p=$((p + 1))
    done
}

# fetch_dist GROUP:ARTIFACT:VERSION:zip DIRNAME: unpacks the zip into $CONTAINERS/DIRNAME once.
fetch_dist() {
    local gav=$1 dir=$2 tmp
    if [[ -f "$CONTAINERS/$dir/.unpacked" ]]; then
        return
    fi
    echo "Downloading $gav ..."
    mkdir -p "$CONTAINERS/download"
    mvn -B -q dependency:copy -Dartifact="$gav" -DoutputDirectory="$CONTAINERS/download" >"$RUN/mvn-$dir.log" 2>&1 \
        || { cat "$RUN/mvn-$dir.log" >&2; die "download of $gav"; }
    local artifact version
    artifact="$(cut -d: -f2 <<<"$gav")"
    version="$(cut -d: -f3 <<<"$gav")"
    tmp="$CONTAINERS/.unpack-$dir"
    rm -rf "$tmp" "${CONTAINERS:?}/$dir"
    mkdir -p "$tmp"
    unzip -q "$CONTAINERS/download/$artifact-$version.zip" -d "$tmp"
    mv "$tmp"/*/ "$CONTAINERS/$dir"
    rm -rf "$tmp"
    chmod +x "$CONTAINERS/$dir"/bin/*.sh 2>/dev/null || true
    touch "$CONTAINERS/$dir/.unpacked"
}

# fetch_derby: the Derby jars a container needs in its lib/ for a container-owned Derby DataSource.
fetch_derby() {
    DERBY_LIB="$CONTAINERS/derby-$DERBY_VERSION"
    if [[ -f "$DERBY_LIB/.complete" ]]; then
        return
    fi
    mkdir -p "$DERBY_LIB"
    local a
    for a in derby derbytools derbyshared; do
        mvn -B -q dependency:copy -Dartifact="org.apache.derby:$a:$DERBY_VERSION" -DoutputDirectory="$DERBY_LIB" \
            >"$RUN/mvn-derby.log" 2>&1 || { cat "$RUN/mvn-derby.log" >&2; die "download of Derby $a $DERBY_VERSION"; }
    done
    touch "$DERBY_LIB/.complete"
}

# http METHOD URL [curl args...]: sets STATUS and REDIRECT (a redirect's resolved absolute URL);
# the body is in $BODY, the headers in $HEADERS.
BODY="$RUN/body"
HEADERS="$RUN/headers"
http() {
    local method=$1 url=$2
    shift 2
    : >"$BODY"
    : >"$HEADERS"
    local out
    out="$(curl -sS -o "$BODY" -D "$HEADERS" -w '%{http_code} %{redirect_url}' --max-time 30 -X "$method" "$@" "$url" \
        2>>"$RUN/curl.err")" || out=000
    STATUS="${out%% *}"
    REDIRECT="${out#* }"
}
# header NAME: the last value of that response header (no CR).
header() {
    grep -i "^$1:" "$HEADERS" | tail -1 | cut -d: -f2- | sed -e 's/^ *//' -e 's/\r$//' || true
}
json() { jq -e "$1" "$BODY" >/dev/null 2>&1; }
status_is() { [[ "$STATUS" == "$1" ]]; }
show_body() { head -c 300 "$BODY" | tr '\n' ' '; }
# no_internals: the body names no server, version, exception or stack frame and is not HTML.
no_internals() { ! grep -qiE 'tomcat|jetty|exception|<html|at org\.|at java\.' "$BODY"; }
# sed_escape TEXT: TEXT as a literal sed replacement (delimiter @).
sed_escape() { printf '%s' "$1" | sed -e 's/[\\&@]/\\&/g'; }

# wait_for_ping BASE_URL PID: waits until /api/v1/ping answers pong.
wait_for_ping() {
    local base=$1 pid=$2 start=$SECONDS
    while ((SECONDS - start < PING_TIMEOUT)); do
        if ! is_running "$pid"; then
            fail "server process $pid exited before answering ping"
            return 1
        fi
        if [[ "$(curl -s --max-time 5 "$base/api/v1/ping" 2>/dev/null || true)" == *pong* ]]; then
            pass "ping answered pong after $((SECONDS - start)) s"
            return 0
        fi
        sleep 0.5
    done
    fail "ping did not answer pong within ${PING_TIMEOUT} s"
    return 1
}

# wait_exit PID WHAT: waits up to STOP_TIMEOUT s for the process to end.
wait_exit() {
    local pid=$1 what=$2 start=$SECONDS
    while is_running "$pid"; do
        if ((SECONDS - start >= STOP_TIMEOUT)); then
            fail "$what: process $pid still running after ${STOP_TIMEOUT} s"
            kill -KILL "$pid" 2>/dev/null || true
            return 1
        fi
        sleep 0.3
    done
    wait "$pid" 2>/dev/null || true
    pass "$what: process exited after $((SECONDS - start)) s"
}

# count PATTERN FILE...: lines matching the fixed string (0 when no file).
count() {
    local pattern=$1
    shift
    cat "$@" 2>/dev/null | grep -c -F -- "$pattern" || true
}

# derby_closed DB_DIR: Derby removes db.lck when it shuts a database down cleanly.
derby_closed() {
    local dir=$1
    check "embedded Derby was shut down cleanly (no db.lck left in $dir)" \
        eval 'test -f "$dir/service.properties" && test ! -e "$dir/db.lck"'
}

# ---------------------------------------------------------------- the API checks

# api_checks BASE_URL: everything a fresh deployment must do over HTTP.
api_checks() {
    local base=$1 jar="$RUN/$LABEL.cookies"
    rm -f "$jar"

    http GET "$base/api/v1/claim"
    check "GET claim -> 200 {\"is_claimed\":false} ($STATUS $(show_body))" \
        eval 'status_is 200 && json ".is_claimed == false"'

    http POST "$base/api/v1/auth/register" -H 'Content-Type: application/json' \
        --data "{\"username\":\"$USERNAME\",\"password\":\"$PASSWORD\"}"
    check "POST register owner -> 200 with the username ($STATUS)" \
        eval 'status_is 200 && json ".username == \"$USERNAME\""'

    http GET "$base/api/v1/claim"
    check "GET claim -> is_claimed true after register ($STATUS $(show_body))" \
        eval 'status_is 200 && json ".is_claimed == true"'

    http POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' -c "$jar" \
        --data "{\"username\":\"$USERNAME\",\"password\":\"$PASSWORD\"}"
    check "POST login -> 200 ($STATUS)" status_is 200
    local cookie
    cookie="$(grep -i '^set-cookie: *stump_session=' "$HEADERS" | tail -1 | tr -d '\r' || true)"
    check "login sets stump_session cookie" test -n "$cookie"
    check "cookie is HttpOnly ($cookie)" grep -qiE '; *HttpOnly(;|$)' <<<"$cookie"
    check "cookie has SameSite=Lax" grep -qiE '; *SameSite=Lax(;|$)' <<<"$cookie"
    check "cookie has Path=$CTX" grep -qE "; *Path=$CTX(;|\$)" <<<"$cookie"

    http GET "$base/api/v1/auth/me" -b "$jar"
    check "GET auth/me with the cookie -> 200 as $USERNAME ($STATUS)" \
        eval 'status_is 200 && json ".username == \"$USERNAME\""'

    http GET "$base/api/v1/auth/me"
    check "GET auth/me without the cookie -> 401 ($STATUS)" status_is 401

    http GET "$base/opds/v1.2/catalog" -u "$USERNAME:$PASSWORD"
    check "GET opds/v1.2/catalog with Basic -> 200 Atom ($STATUS $(header Content-Type))" \
        eval 'status_is 200 && [[ "$(header Content-Type)" == *application/atom+xml* ]] && grep -q "<feed" "$BODY"'

    http GET "$base/opds/v1.2/catalog"
    check "GET opds/v1.2/catalog without credentials -> 401 + WWW-Authenticate ($STATUS $(header WWW-Authenticate))" \
        eval 'status_is 401 && [[ "$(header WWW-Authenticate)" == [Bb]asic* ]]'

    http GET "$base/swagger-ui"
    check "GET swagger-ui -> 302 to $CTX/swagger-ui/ ($STATUS Location: $(header Location))" \
        eval 'status_is 302 && [[ "$REDIRECT" == "$base/swagger-ui/" ]]'

    http GET "$base/swagger-ui/"
    check "GET swagger-ui/ -> 200 HTML with Swagger UI ($STATUS)" \
        eval 'status_is 200 && grep -q "Swagger UI" "$BODY"'

    http GET "$base/api-doc/openapi.json"
    check "GET api-doc/openapi.json -> 200, servers[0].url == $CTX ($STATUS $(jq -r '.servers[0].url' "$BODY" 2>/dev/null))" \
        eval 'status_is 200 && json ".servers[0].url == \"$CTX\""'

    http GET "$base/api/v1/no-such-route-$$"
    check "GET unknown route -> 404 JSON {\"status\":404,...} ($STATUS $(show_body))" \
        eval 'status_is 404 && [[ "$(header Content-Type)" == *json* ]] && json ".status == 404 and (.message | type == \"string\")"'

    # Stump's clients send filters and search words with [ ] " < > \ ^ ` { | } unencoded
    http GET "$base/api/v1/series?library[id][]=no-such-library&count_media=true" -g -b "$jar"
    check "raw [ ] in the query (library[id][]=...) -> 200 JSON, nothing matches ($STATUS $(show_body))" \
        eval 'status_is 200 && json ".data | length == 0"'
    http GET "$base/api/v1/media?search=\"a\"<b>{c}|d^e\`f\\g" -g -b "$jar"
    check "raw \" < > { | } ^ \` \\ in the query -> 200 ($STATUS $(show_body))" status_is 200

    # paths the auth filter and the router could read differently: JSON 400 before authentication
    http GET "$base/api;x/v1/ping" --path-as-is
    check "GET api;x/v1/ping -> 400 JSON 'Malformed request path' ($STATUS $(show_body))" \
        eval 'status_is 400 && json ".status == 400 and (.message | startswith(\"Malformed request path\"))"'
    http GET "$base/opds/v1.2/../../api/v1/auth/me" --path-as-is -u "$USERNAME:$PASSWORD"
    check "GET opds/v1.2/../../api/v1/auth/me with Basic -> 400 JSON, no session ($STATUS $(show_body))" \
        eval 'status_is 400 && json ".message | startswith(\"Malformed request path\")" && ! grep -qi "^set-cookie" "$HEADERS"'

    # cross-site requests with the cookie
    http POST "$base/api/v1/auth/logout" -b "$jar" -H 'Origin: https://evil.example' -H 'Sec-Fetch-Site: cross-site'
    check "cross-site POST auth/logout with the cookie -> 403 JSON ($STATUS $(show_body))" \
        eval 'status_is 403 && json ".status == 403"'
    http GET "$base/api/v1/auth/me" -b "$jar"
    check "the session survived the forged logout ($STATUS)" status_is 200
    local own="${base%$CTX}"
    http PUT "$base/api/v1/users/me/preferences" -b "$jar" -H "Origin: $own" -H 'Content-Type: application/json' --data '{}'
    check "same-origin PUT (Origin $own, context $CTX) with the cookie -> 200 ($STATUS $(show_body))" status_is 200
}

# tomcat_error_checks BASE_URL: what Tomcat refuses itself is JSON {"status":400} without a stack
# trace or the server's version (webapp-config/tomcat/server-fragments.xml).
tomcat_error_checks() {
    local base=$1 long target
    long="$(head -c 9000 /dev/zero | tr '\0' a)"
    for target in "/api/v1/ping%00" "/api/v1/a%2Fb" "/api/v1/a%5Cb" "/api/v1/a%zz" '/api/v1/a\b' "/api/v1/$long"; do
        http GET "$base$target" --path-as-is -g
        check "Tomcat's own answer to GET ${target:0:24}$([[ ${#target} -gt 24 ]] && echo "...(${#target} chars)") -> 400 JSON, no internals ($STATUS $(header Content-Type) $(show_body | head -c 120))" \
            eval 'status_is 400 && [[ "$(header Content-Type)" == application/json* ]] && json ".status == 400" && no_internals'
    done
    http GET "$base/api/v1/ping" -H "X-Long: $long"
    check "Tomcat's own answer to a header over 8 KB -> 400 JSON, no internals ($STATUS $(show_body | head -c 120))" \
        eval 'status_is 400 && [[ "$(header Content-Type)" == application/json* ]] && json ".status == 400" && no_internals'
}

# login_again BASE_URL: the same owner logs in again (after a redeploy); the old cookie still works.
login_again() {
    local base=$1 jar="$RUN/$LABEL.cookies" jar2="$RUN/$LABEL.cookies2"
    http GET "$base/api/v1/claim"
    check "after redeploy: claim still true (same database) ($STATUS $(show_body))" \
        eval 'status_is 200 && json ".is_claimed == true"'
    http GET "$base/api/v1/auth/me" -b "$jar"
    check "after redeploy: the session cookie from before still works ($STATUS)" \
        eval 'status_is 200 && json ".username == \"$USERNAME\""'
    http POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' -c "$jar2" \
        --data "{\"username\":\"$USERNAME\",\"password\":\"$PASSWORD\"}"
    check "after redeploy: login as $USERNAME -> 200 ($STATUS $(show_body))" status_is 200
    http GET "$base/api/v1/auth/me" -b "$jar2"
    check "after redeploy: auth/me with the new cookie -> 200 ($STATUS)" status_is 200
}

# ---------------------------------------------------------------- Tomcat

# tomcat_base HOME BASE: a fresh CATALINA_BASE on free ports; sets HTTP_PORT and BASE_URL.
tomcat_base() {
    local home=$1 base=$2
    rm -rf "$base"
    mkdir -p "$base"/{conf,logs,temp,webapps,work,lib}
    cp -r "$home/conf/." "$base/conf/"
    free_port 18080; HTTP_PORT=$PORT
    free_port 18005; local shut=$PORT
    sed -i -e "s/<Server port=\"8005\"/<Server port=\"$shut\"/" \
        -e "s/<Connector port=\"8080\"/<Connector address=\"127.0.0.1\" port=\"$HTTP_PORT\"/" "$base/conf/server.xml"
    grep -q "<Server port=\"$shut\"" "$base/conf/server.xml" && grep -q "port=\"$HTTP_PORT\"" "$base/conf/server.xml" \
        || die "could not set the ports in $base/conf/server.xml"
    tomcat_server_settings "$base/conf/server.xml"
    cp "$WAR" "$base/webapps/longbox.war"
    BASE_URL="http://127.0.0.1:$HTTP_PORT$CTX"
    note "CATALINA_BASE=$base, http port $HTTP_PORT, shutdown port $shut"
}

# tomcat_server_settings SERVER_XML: the lines webapp-config/tomcat/server-fragments.xml marks
# LONGBOX, put into a stock server.xml: relaxedQueryChars on the HTTP connector, the JSON error
# report valve on the Host.
tomcat_server_settings() {
    local xml=$1 frag=webapp-config/tomcat/server-fragments.xml relaxed valve_class valve
    relaxed="$(grep -o 'relaxedQueryChars="[^"]*"' "$frag")"
    valve_class="$(grep -o 'errorReportValveClass="[^"]*"' "$frag")"
    valve="$(grep -o '<Valve className="org.apache.catalina.valves.JsonErrorReportValve"[^>]*/>' "$frag")"
    [[ -n "$relaxed" && -n "$valve_class" && -n "$valve" ]] || die "could not read the LONGBOX lines of $frag"
    sed -i -e "s@<Connector address=\"127.0.0.1\" port=\"$HTTP_PORT\"@& $(sed_escape "$relaxed")@" \
        -e "s@<Host name=\"localhost\"@& $(sed_escape "$valve_class")@" \
        -e "s@</Host>@  $(sed_escape "$valve")\n      &@" "$xml"
    grep -qF "$relaxed" "$xml" && grep -qF "$valve_class" "$xml" && grep -qF "$valve" "$xml" \
        || die "could not put the LONGBOX lines of $frag into $xml"
}

# tomcat_context_file BASE CONFIG_DIR [derby]: installs webapp-config/tomcat/longbox.xml with
# /var/lib/longbox replaced by CONFIG_DIR; with "derby" its Derby DataSource block is switched on.
tomcat_context_file() {
    local base=$1 config=$2 mode=${3:-}
    mkdir -p "$base/conf/Catalina/localhost"
    local sedargs=(-e "s|/var/lib/longbox|$config|g")
    if [[ "$mode" == derby ]]; then
        sedargs+=(-e '/<!-- BEGIN derby-datasource/d' -e '/END derby-datasource -->/d')
    fi
    sed "${sedargs[@]}" webapp-config/tomcat/longbox.xml >"$base/conf/Catalina/localhost/longbox.xml"
}

# start_tomcat HOME BASE [VAR=value...]: catalina.sh run in the background; sets PID.
start_tomcat() {
    local home=$1 base=$2
    shift 2
    (cd "$base" && exec env CATALINA_HOME="$home" CATALINA_BASE="$base" "$@" "$home/bin/catalina.sh" run) \
        >"$base/logs/console.out" 2>&1 &
    PID=$!
    PIDS+=("$PID")
}

# stop_tomcat HOME BASE PID: bin/shutdown.sh (through the moved shutdown port), then wait.
stop_tomcat() {
    local home=$1 base=$2 pid=$3
    env CATALINA_HOME="$home" CATALINA_BASE="$base" "$home/bin/shutdown.sh" >>"$base/logs/shutdown.out" 2>&1 \
        || note "shutdown.sh failed, see $base/logs/shutdown.out"
    wait_exit "$pid" "bin/shutdown.sh"
}

tomcat_logs() { echo "$1"/logs/catalina.*.log "$1"/logs/localhost.*.log; }

# leak_checks BASE: the lines a clean undeploy must not produce.
leak_checks() {
    local base=$1 logs
    logs=$(tomcat_logs "$base")
    # shellcheck disable=SC2086
    local threads derby
    threads="$(cat $logs 2>/dev/null | grep -E 'appears to have started a thread named|failed to stop it' || true)"
    check "no 'appears to have started a thread named'/'failed to stop it' warning in the Tomcat logs" test -z "$threads"
    [[ -z "$threads" ]] || printf '      %s\n' "$threads"
    derby="$(cat $logs "$base/logs/console.out" 2>/dev/null | grep -F 'Another instance of Derby may have already booted' || true)"
    check "no 'Another instance of Derby may have already booted' error" test -z "$derby"
    local severe drivers
    severe="$(cat $logs 2>/dev/null | grep -c 'checkThreadLocalMapForLeaks' || true)"
    [[ "$severe" == 0 ]] || note "$severe checkThreadLocalMapForLeaks SEVERE line(s) (Derby's ContextManager ThreadLocal; known, harmless)"
    drivers="$(cat $logs 2>/dev/null | grep -E 'registered the JDBC driver' || true)"
    [[ -z "$drivers" ]] || note "JDBC driver line(s): $drivers"
}

# redeploy BASE PID: touches the WAR and waits for the new context to answer.
redeploy() {
    local base=$1 pid=$2 before start=$SECONDS
    before=$(count "started at $CTX" "$base/logs/console.out")
    touch "$base/webapps/longbox.war"
    while ((SECONDS - start < REDEPLOY_TIMEOUT)); do
        if (($(count "started at $CTX" "$base/logs/console.out") > before)) \
            && [[ "$(curl -s --max-time 5 "$BASE_URL/api/v1/ping" || true)" == *pong* ]]; then
            pass "redeploy after touching webapps/longbox.war: answering again after $((SECONDS - start)) s"
            check "the old context was stopped (Longbox stopped at $CTX logged)" \
                test "$(count "Longbox stopped at $CTX" "$base/logs/console.out")" -ge 1
            return 0
        fi
        is_running "$pid" || break
        sleep 0.5
    done
    fail "redeploy: no new 'started at $CTX' + pong within ${REDEPLOY_TIMEOUT} s"
    return 1
}

run_tomcat10() {
    LABEL=tomcat10
    local t=$SECONDS home="$CONTAINERS/apache-tomcat-$TOMCAT10_VERSION" base="$RUN/tomcat10" config="$RUN/tomcat10-config"
    tomcat_base "$home" "$base"
    tomcat_context_file "$base" "$config"
    start_tomcat "$home" "$base"
    local pid=$PID
    if wait_for_ping "$BASE_URL" "$pid"; then
        check "settings from the context file <Parameter>: database created in $config/longbox-db" \
            test -f "$config/longbox-db/service.properties"
        api_checks "$BASE_URL"
        tomcat_error_checks "$BASE_URL"
        redeploy "$base" "$pid" && login_again "$BASE_URL"
    fi
    stop_tomcat "$home" "$base" "$pid"
    check "contextDestroyed ran at shutdown (Longbox stopped at $CTX x2: redeploy + stop)" \
        test "$(count "Longbox stopped at $CTX" "$base/logs/console.out")" -ge 2
    derby_closed "$config/longbox-db"
    leak_checks "$base"
    note "tomcat10 run took $((SECONDS - t)) s"
}

run_tomcat10_jndi() {
    LABEL=tomcat10-jndi
    local t=$SECONDS home="$CONTAINERS/apache-tomcat-$TOMCAT10_VERSION" base="$RUN/tomcat10-jndi" config="$RUN/tomcat10-jndi-config"
    tomcat_base "$home" "$base"
    tomcat_context_file "$base" "$config" derby
    cp "$DERBY_LIB"/*.jar "$base/lib/"
    start_tomcat "$home" "$base" CATALINA_OPTS="-Dderby.stream.error.file=$base/logs/derby.log"
    local pid=$PID
    if wait_for_ping "$BASE_URL" "$pid"; then
        check "the app uses the JNDI DataSource (log: 'with JNDI DataSource java:comp/env/jdbc/longbox')" \
            test "$(count "with JNDI DataSource java:comp/env/jdbc/longbox" "$base/logs/console.out")" -ge 1
        check "the container's Derby (CATALINA_BASE/lib) booted the database in $config/longbox-db" \
            eval 'test -f "$config/longbox-db/service.properties" && grep -q "$config/longbox-db" "$base/logs/derby.log"'
        api_checks "$BASE_URL"
        redeploy "$base" "$pid" && login_again "$BASE_URL"
    fi
    stop_tomcat "$home" "$base" "$pid"
    check "only Tomcat's Derby copy booted (derby.log names no webapp class loader)" \
        eval 'grep -q "with class loader" "$base/logs/derby.log" && ! grep -q "WebappClassLoader" "$base/logs/derby.log"'
    [[ ! -e "$config/longbox-db/db.lck" ]] \
        || note "db.lck left in $config/longbox-db: Tomcat never shuts the container-owned Derby down (it recovers at next boot)"
    leak_checks "$base"
    note "tomcat10-jndi run took $((SECONDS - t)) s"
}

run_tomcat10_badconf() {
    LABEL=tomcat10-badconf
    local t=$SECONDS home="$CONTAINERS/apache-tomcat-$TOMCAT10_VERSION" base="$RUN/tomcat10-badconf" config="$RUN/tomcat10-badconf-config"
    tomcat_base "$home" "$base"
    start_tomcat "$home" "$base" STUMP_CONFIG_DIR="$config" SESSION_TTL=abc
    local pid=$PID start=$SECONDS
    while ((SECONDS - start < PING_TIMEOUT)) && is_running "$pid" \
        && [[ $(count "Server startup in" "$base/logs/console.out") == 0 ]]; do
        sleep 0.5
    done
    check "Tomcat itself started (Server startup in ...)" test "$(count "Server startup in" "$base/logs/console.out")" -ge 1
    http GET "$BASE_URL/api/v1/ping"
    check "GET $CTX/api/v1/ping does not answer 200 ($STATUS)" eval '! status_is 200'
    stop_tomcat "$home" "$base" "$pid"
    local logs line next
    logs=$(tomcat_logs "$base")
    # shellcheck disable=SC2086
    line="$(cat $logs 2>/dev/null | grep -F 'Longbox cannot start: Invalid setting SESSION_TTL=abc' || true)"
    check "the log has exactly one 'Longbox cannot start: Invalid setting SESSION_TTL=abc' line" \
        test "$(grep -c . <<<"$line")" -eq 1 -a -n "$line"
    [[ -z "$line" ]] || note "$line"
    # shellcheck disable=SC2086
    next="$(cat $logs 2>/dev/null | grep -F -A1 'Longbox cannot start: Invalid setting SESSION_TTL=abc' | sed -n 2p)"
    check "that line has no stack trace under it" eval '[[ -z "$next" || "$next" =~ ^[0-9] ]]'
    check "no database was created for the bad configuration" test ! -e "$config/longbox-db"
    note "tomcat10-badconf run took $((SECONDS - t)) s"
}

run_tomcat11() {
    LABEL=tomcat11
    local t=$SECONDS home="$CONTAINERS/apache-tomcat-$TOMCAT11_VERSION" base="$RUN/tomcat11" config="$RUN/tomcat11-config"
    tomcat_base "$home" "$base"
    # one setting as a JNDI env entry (<Environment>), the rest as -D properties
    mkdir -p "$base/conf/Catalina/localhost"
    printf '<Context>\n  <Environment name="SESSION_TTL" value="7200" type="java.lang.String" override="false"/>\n</Context>\n' \
        >"$base/conf/Catalina/localhost/longbox.xml"
    start_tomcat "$home" "$base" CATALINA_OPTS="-DSTUMP_CONFIG_DIR=$config"
    local pid=$PID
    if wait_for_ping "$BASE_URL" "$pid"; then
        check "settings from -D system properties: database created in $config/longbox-db" \
            test -f "$config/longbox-db/service.properties"
        api_checks "$BASE_URL"
        tomcat_error_checks "$BASE_URL"
        http POST "$BASE_URL/api/v1/auth/login" -H 'Content-Type: application/json' \
            --data "{\"username\":\"$USERNAME\",\"password\":\"$PASSWORD\"}"
        local cookie
        cookie="$(grep -i '^set-cookie: *stump_session=' "$HEADERS" | tail -1 | tr -d '\r' || true)"
        check "SESSION_TTL=7200 from the context's <Environment> (JNDI): cookie Max-Age 7200 ($cookie)" \
            grep -qE '; *Max-Age=(7200|7199)(;|$)' <<<"$cookie"
        redeploy "$base" "$pid" && login_again "$BASE_URL"
    fi
    stop_tomcat "$home" "$base" "$pid"
    check "contextDestroyed ran at shutdown (Longbox stopped at $CTX x2: redeploy + stop)" \
        test "$(count "Longbox stopped at $CTX" "$base/logs/console.out")" -ge 2
    derby_closed "$config/longbox-db"
    leak_checks "$base"
    note "tomcat11 run took $((SECONDS - t)) s"
}

# ---------------------------------------------------------------- Jetty

run_jetty12() {
    LABEL=jetty12
    local t=$SECONDS home="$CONTAINERS/jetty-home-$JETTY_VERSION" base="$RUN/jetty12" config="$RUN/jetty12-config"
    mkdir -p "$base"
    (cd "$base" && java -jar "$home/start.jar" --add-modules=http,ee10-deploy) >"$RUN/jetty12-add-modules.log" 2>&1 \
        || { cat "$RUN/jetty12-add-modules.log" >&2; die "jetty --add-modules=http,ee10-deploy"; }
    # $JETTY_BASE/work: Jetty unpacks the WAR there instead of java.io.tmpdir.
    mkdir -p "$base/webapps" "$base/work"
    cp "$WAR" "$base/webapps/longbox.war"
    sed "s|/var/lib/longbox|$config|g" webapp-config/jetty/longbox.xml >"$base/webapps/longbox.xml"
    cp webapp-config/jetty/longbox.properties "$base/webapps/longbox.properties"
    free_port 18080
    BASE_URL="http://127.0.0.1:$PORT$CTX"
    note "JETTY_BASE=$base, http port $PORT"
    (cd "$base" && exec java -jar "$home/start.jar" jetty.http.host=127.0.0.1 "jetty.http.port=$PORT" \
        jetty.httpConfig.sendServerVersion=false) >"$base/console.out" 2>&1 &
    local pid=$!
    PIDS+=("$pid")
    if wait_for_ping "$BASE_URL" "$pid"; then
        check "settings from the context XML setInitParameter: database created in $config/longbox-db" \
            test -f "$config/longbox-db/service.properties"
        api_checks "$BASE_URL"
        # Jetty refuses an encoded / itself, with its own page: no version in it or in a Server header
        http GET "$BASE_URL/api/v1/a%2Fb" --path-as-is
        check "Jetty's own answer to GET api/v1/a%2Fb -> 400 without the Jetty version ($STATUS Server: $(header Server))" \
            eval 'status_is 400 && [[ -z "$(header Server)" ]] && ! grep -q "$JETTY_VERSION" "$BODY"'
    fi
    kill -TERM "$pid" 2>/dev/null || true
    wait_exit "$pid" "SIGTERM"
    # JUL's own shutdown hook resets its handlers, so Longbox's log lines from a JVM shutdown hook
    # are lost under Jetty; Jetty's log line and the released Derby lock show the undeploy instead.
    check "Jetty stopped the context (Stopped ...WebAppContext...{Longbox,$CTX)" \
        test "$(count "Stopped oeje10w.WebAppContext" "$base/console.out")" -ge 1
    derby_closed "$config/longbox-db"
    local bad
    bad="$(grep -E 'SEVERE|ERROR|Another instance of Derby' "$base/console.out" || true)"
    [[ -z "$bad" ]] || note "SEVERE/ERROR lines in the Jetty log:"$'\n'"$bad"
    note "jetty12 run took $((SECONDS - t)) s"
}

# ---------------------------------------------------------------- main

[[ -f "$WAR" ]] || die "$WAR not found; build it first: mvn -B -q package -DskipTests"
for tool in curl jq unzip java mvn; do
    command -v "$tool" >/dev/null || die "$tool is required"
done

# The shipped config files list every setting Settings.java knows.
missing=""
for name in "${SETTINGS[@]}"; do
    for f in webapp-config/longbox.env webapp-config/tomcat/longbox.xml webapp-config/jetty/longbox.xml; do
        grep -q "\b$name\b" "$f" || missing+=" $name($f)"
    done
done
check "webapp-config files list all ${#SETTINGS[@]} settings of Settings.java" test -z "$missing"
[[ -z "$missing" ]] || note "missing:$missing"

fetch_dist "org.apache.tomcat:tomcat:$TOMCAT10_VERSION:zip" "apache-tomcat-$TOMCAT10_VERSION"
[[ -n "${SMOKE_SKIP_TOMCAT11:-}" ]] || fetch_dist "org.apache.tomcat:tomcat:$TOMCAT11_VERSION:zip" "apache-tomcat-$TOMCAT11_VERSION"
fetch_dist "org.eclipse.jetty:jetty-home:$JETTY_VERSION:zip" "jetty-home-$JETTY_VERSION"
fetch_derby
note "containers ready in $((SECONDS - T0)) s (cache: $CONTAINERS)"

wanted() { [[ -z "${SMOKE_ONLY:-}" || " $SMOKE_ONLY " == *" $1 "* ]]; }
if wanted tomcat10; then run_tomcat10; fi
if wanted tomcat10-jndi; then run_tomcat10_jndi; fi
if wanted tomcat10-badconf; then run_tomcat10_badconf; fi
if wanted tomcat11 && [[ -z "${SMOKE_SKIP_TOMCAT11:-}" ]]; then run_tomcat11; fi
if wanted jetty12; then run_jetty12; fi

LABEL=summary
echo "----"
echo "$PASSES passed, $FAILS failed, $((SECONDS - T0)) s"
if ((FAILS > 0)); then
    echo "SMOKE FAILED"
    exit 1
fi
echo "SMOKE PASSED"
