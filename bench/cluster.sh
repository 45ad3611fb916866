#!/usr/bin/env bash
# A real cluster on this machine, built from the production files in deploy/ as they are:
# PostgreSQL, Redis (deploy/redis.conf), two gunicorn app servers on ports 8001 and 8002 started
# with the ExecStart line of deploy/systemd/mbcsite@.service, and nginx
# (deploy/nginx/mbcsite.conf) in front on port 8080. Then it checks, one PASS/FAIL line each:
#   a. the content loads on PostgreSQL, and both app servers start with no worker failing;
#   b. wrk through nginx: no failed request;
#   c. an unpublish made on one app server is gone through nginx within 1 s;
#   d. killing one app server (SIGKILL) while wrk runs through nginx loses no request;
#   e. with Redis stopped the site still serves, quickly, and /healthz answers 200;
#   f. Redis and the app server come back: /healthz and pages answer 200 everywhere;
# and that the cleanup timer's command runs, and that no log holds a search's query string.
# Exits 0 only if all pass.
# Usage, as root: bench/cluster.sh. It installs what it needs (the project's packages, and
# Debian's postgresql, redis-server, nginx and wrk), keeps everything in a temporary folder it
# removes on exit, and uses a PostgreSQL cluster of its own (port 5439), never Debian's. The one
# thing it leaves behind: nginx's path-only request lines in /var/log/nginx/mbcsite.access.log,
# where the site's nginx file puts them.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
[ "$(id -u)" = 0 ] || { echo "bench/cluster.sh starts PostgreSQL, Redis and nginx: run it as root" >&2; exit 1; }
make --silent install  # a fresh clone needs nothing else first

PG_PORT=5439
REDIS_PORT=6390
APP_A=8001
APP_B=8002
NGINX=http://127.0.0.1:8080
PAGES=(/ /drugs/ /drugs/trastuzumab/ /side-effects/ /survival/)

# --- Debian packages ---------------------------------------------------------------------------
missing=()
command -v curl >/dev/null || missing+=(curl)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v nginx >/dev/null || missing+=(nginx)
command -v wrk >/dev/null || missing+=(wrk)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
PG_BIN=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in $PG_PORT $REDIS_PORT $APP_A $APP_B 8080; do
  if port_open "$port"; then echo "port $port is in use: stop what listens there first" >&2; exit 1; fi
done

# --- The temporary folder, and stopping everything on exit --------------------------------------
WORK=$(mktemp -d /tmp/mbcsite-cluster.XXXXXX)
chmod 711 "$WORK"  # the postgres user reaches its data folder inside
declare -A APP_PGID=()
NGINX_PID=""
WRK_PID=""
cleanup() {
  set +e
  [ -n "$WRK_PID" ] && kill "$WRK_PID" 2>/dev/null
  for port in "${!APP_PGID[@]}"; do stop_app "$port"; done
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  redis-cli -p $REDIS_PORT shutdown nosave >/dev/null 2>&1
  [ -d "$WORK/pg/data" ] && pg "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w stop >/dev/null 2>&1
  # KEEP_LOGS=folder bench/cluster.sh keeps the servers' logs and wrk's output there.
  if [ -n "${KEEP_LOGS:-}" ]; then
    mkdir -p "$KEEP_LOGS" && cp "$WORK"/*.log "$WORK"/*.txt "$WORK"/nginx/*.log "$WORK"/pg/log "$KEEP_LOGS"/
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap "exit 1" INT TERM

# wait_for DESCRIPTION SECONDS COMMAND...: polls every 0.1 s; fails loudly after SECONDS.
wait_for() {
  local what=$1 tries=$(($2 * 10))
  shift 2
  for _ in $(seq 1 "$tries"); do
    "$@" && return 0
    sleep 0.1
  done
  echo "timed out waiting for $what" >&2
  return 1
}

# --- PostgreSQL: a cluster of its own, in the temporary folder ----------------------------------
pg() { (cd / && runuser -u postgres -- "$@"); }
mkdir "$WORK/pg" && chown postgres: "$WORK/pg"
pg "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres -E UTF8 --locale=C.UTF-8 --no-sync \
  --auth-local=trust --auth-host=scram-sha-256 >/dev/null
# fsync off: this cluster is thrown away at the end; nothing here tests durability.
pg "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w -t 30 start \
  -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off" >/dev/null
DB_PASSWORD=cluster-$RANDOM$RANDOM
pg "$PG_BIN/psql" -h "$WORK/pg" -p $PG_PORT -q -v ON_ERROR_STOP=1 \
  -c "CREATE USER mbcsite PASSWORD '$DB_PASSWORD'" -c "CREATE DATABASE mbcsite_cluster OWNER mbcsite"

# --- Redis, with the production config, on a spare port -----------------------------------------
start_redis() {
  redis-server "$ROOT/deploy/redis.conf" --port $REDIS_PORT --dir "$WORK" \
    --logfile "$WORK/redis.log" --daemonize no --pidfile "" &
  disown
  wait_for "Redis" 10 redis_up
}
redis_up() { [ "$(redis-cli -p $REDIS_PORT ping 2>/dev/null)" = PONG ]; }
start_redis

# --- The environment file, made from deploy/env.example with this cluster's values -------------
declare -A SETTINGS=(
  [DJANGO_SECRET_KEY]=cluster-test-only-secret-key-not-for-production-$RANDOM$RANDOM$RANDOM
  [DJANGO_ALLOWED_HOSTS]="127.0.0.1,localhost"
  [DJANGO_SITE_URL]=$NGINX
  [DJANGO_SECURE]=0
  [DJANGO_PROXY_COUNT]=1
  [DATABASE_URL]=postgres://mbcsite:$DB_PASSWORD@127.0.0.1:$PG_PORT/mbcsite_cluster
  [REDIS_URL]=redis://127.0.0.1:$REDIS_PORT/0
  [WEB_CONCURRENCY]=2
)
declare -A used=()
while IFS= read -r line; do
  # A "NAME=value" line, or a commented-out "# NAME=value": this cluster's value if it has one.
  if [[ $line =~ ^(#\ )?([A-Z_][A-Z0-9_]*)= ]] && [ -n "${SETTINGS[${BASH_REMATCH[2]}]+set}" ]; then
    name=${BASH_REMATCH[2]}
    echo "$name=${SETTINGS[$name]}"
    used[$name]=1
  else
    echo "$line"
  fi
done <deploy/env.example >"$WORK/env"
for name in "${!SETTINGS[@]}"; do
  [ -n "${used[$name]+set}" ] || { echo "deploy/env.example does not list $name" >&2; exit 1; }
done

# Every app process gets only what systemd would give it: PATH, the unit's Environment= lines
# and the environment file (NAME=value lines; # starts a comment).
UNIT=deploy/systemd/mbcsite@.service
systemd_line() {  # the unit's KEY= line(s), with /srv/mbcsite, %i (the port) and %C filled in
  sed -n "s/^$2=//p" "$1" | sed -e "s|/srv/mbcsite|$ROOT|g" -e "s|%i|${3:-}|g" -e "s|%C|$WORK/cache|g"
}
mkdir -p "$WORK/cache/mbcsite"
APP_ENV=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)
while IFS= read -r line; do APP_ENV+=("$line"); done < <(systemd_line $UNIT Environment)
while IFS= read -r line; do
  [[ $line =~ ^[A-Z_][A-Z0-9_]*= ]] && APP_ENV+=("$line")
done <"$WORK/env"
manage() { env -i "${APP_ENV[@]}" .venv/bin/python manage.py "$@"; }

echo "Setting up PostgreSQL $(basename "$(dirname "$PG_BIN")") on :$PG_PORT and Redis on :$REDIS_PORT; migrate, load_content, collectstatic ..."
manage migrate --noinput -v0
manage load_content -v0 >/dev/null
manage collectstatic --noinput -v0

# --- App servers: the unit's ExecStart, each in a process group of its own ----------------------
start_app() {
  local port=$1 cmd
  read -ra cmd <<<"$(systemd_line $UNIT ExecStart "$port")"
  # setsid: the server and its workers get a process group of their own, to kill all at once.
  setsid env -i "${APP_ENV[@]}" "${cmd[@]}" >>"$WORK/app-$port.log" 2>&1 &
  APP_PGID[$port]=$!
  disown  # no "Killed" message from bash when check d kills it
  wait_for "the app server on :$port (log: $WORK/app-$port.log)" 30 \
    curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"
}
stop_app() {  # SIGTERM, as systemd stops it; SIGKILL after 10 s
  local port=$1
  kill -TERM -- "-${APP_PGID[$port]}" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 -- "-${APP_PGID[$port]}" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-${APP_PGID[$port]}" 2>/dev/null || true
  unset "APP_PGID[$port]"
}
start_app $APP_A
start_app $APP_B

# --- nginx: a small main config that includes the site's file -----------------------------------
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<EOF
daemon off;
user www-data;
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path $WORK/nginx/client_body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    include $ROOT/deploy/nginx/mbcsite.conf;
}
EOF
NGINX_ARGS=(-p "$WORK/nginx" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf")
nginx -t -q "${NGINX_ARGS[@]}"
nginx "${NGINX_ARGS[@]}" &
NGINX_PID=$!
wait_for nginx 10 curl -fs -o /dev/null "$NGINX/healthz"
echo "Running: app servers on :$APP_A and :$APP_B (the unit's ExecStart), nginx on :8080 in front."

# --- Checks --------------------------------------------------------------------------------------
FAILED=0
result() {  # result CONDITION-EXIT-STATUS MESSAGE
  if [ "$1" = 0 ]; then echo "PASS $2"; else echo "FAIL $2"; FAILED=$((FAILED + 1)); fi
}
status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" || true; }

all_pages_200() {
  local path
  for path in "${PAGES[@]}"; do [ "$(status_of "$NGINX$path")" = 200 ] || return 1; done
}

# wrk over the public pages through nginx; sets REQUESTS, BAD (non-2xx/3xx), SOCKET (errors),
# RPS and P99 from its output.
cat >"$WORK/pages.lua" <<EOF
local paths = {$(printf '"%s", ' "${PAGES[@]}")}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
EOF
run_wrk() {  # run_wrk SECONDS OUTPUT-FILE
  wrk -t2 -c16 -d"$1s" --latency -s "$WORK/pages.lua" -H 'Accept-Encoding: gzip' "$NGINX" >"$2"
}
read_wrk() {
  REQUESTS=$(awk '/requests in/ {print $1}' "$1")
  BAD=$(awk -F': *' '/Non-2xx or 3xx/ {print $2}' "$1")
  BAD=${BAD:-0}
  SOCKET=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$1")
  SOCKET=${SOCKET:-0}
  RPS=$(awk '/Requests\/sec/ {print $2}' "$1")
  P99=$(awk '$1=="99%" {print $2}' "$1")
}

# a. Content on PostgreSQL.
counted=$(manage shell -c "
from django.db import connection
from education.models import Drug
with connection.cursor() as cursor:
    cursor.execute('SHOW server_version' if connection.vendor == 'postgresql' else 'SELECT 0')
    version = cursor.fetchone()[0].split()[0]
print(connection.vendor, version, Drug.objects.published().count())" 2>&1 | tail -n 1) || true
read -r vendor version drugs <<<"$counted"
[ "$vendor" = postgresql ] && [ "${drugs:-0}" -gt 0 ] 2>/dev/null && ok=0 || ok=1
result "$ok" "content loads on PostgreSQL ${version:-?}: ${drugs:-?} published drugs (database: ${vendor:-$counted})"
# Both app servers started cleanly: no worker (or what gunicorn took for one) failed on the way.
failed_starts=$(cat "$WORK"/app-*.log | grep -c "exited with code" || true)
result "$([ "$failed_starts" = 0 ]; echo $?)" "app servers start with no worker failing (${failed_starts} failures logged)"

# The cleanup timer's command, as mbcsite-cleanup.service runs it.
read -ra cleanup_cmd <<<"$(systemd_line deploy/systemd/mbcsite-cleanup.service ExecStart)"
cleaned=$(env -i "${APP_ENV[@]}" "${cleanup_cmd[@]}" 2>&1 | tail -n 1) && ok=0 || ok=1
result "$ok" "cleanup timer's command runs: $cleaned"

# b. Load through nginx, every page already in the shared cache (as readers find them).
warm_pages() {
  local path
  for path in "${PAGES[@]}"; do curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$NGINX$path"; done
}
warm_pages
run_wrk 10 "$WORK/wrk-b.txt" && ok=0 || ok=1
read_wrk "$WORK/wrk-b.txt"
[ "$ok" = 0 ] && [ "$BAD" = 0 ] && [ "$SOCKET" = 0 ] && [ "${REQUESTS:-0}" -gt 0 ] && ok=0 || ok=1
result "$ok" "wrk through nginx, 10 s, 16 connections, ${#PAGES[@]} pages: $REQUESTS requests, $BAD non-2xx/3xx, $SOCKET socket errors, $RPS req/s, p99 $P99"

# c. An unpublish made on app server A's side is gone through nginx within 1 s.
DRUG=/drugs/trastuzumab/
set_status() {  # prints the time of the save, in ms since the epoch
  env -i "${APP_ENV[@]}" .venv/bin/python manage.py shell -c "
import time
from education.models import Drug
drug = Drug.objects.get(slug='trastuzumab')
drug.status = '$1'
drug.save()
print(int(time.time() * 1000))" | tail -n 1
}
drug_is() { [ "$(status_of "$NGINX$DRUG")" = "$1" ]; }
for _ in 1 2 3 4; do status_of "$NGINX$DRUG" >/dev/null; done  # cached on both app servers
before=$(status_of "$NGINX$DRUG")
saved_at=$(set_status draft) || saved_at=""
gone="not gone within 3 s"
ok=1
for _ in $(seq 1 300); do  # up to ~3 s
  if [ -n "$saved_at" ] && drug_is 404; then
    gone_ms=$(($(date +%s%3N) - saved_at))
    gone="gone after $gone_ms ms"
    [ "$gone_ms" -le 1000 ] && ok=0
    break
  fi
  sleep 0.01
done
set_status published >/dev/null || true
back=200
wait_for "$DRUG to come back" 5 drug_is 200 || { back="not 200"; ok=1; }
[ "$before" = 200 ] || ok=1
result "$ok" "unpublish saved on the app side, seen through nginx: $DRUG $gone (limit 1000 ms; was $before, published again: $back)"

# d. Kill app server A (SIGKILL, workers and all) while wrk runs through nginx.
warm_pages  # c's saves moved the content version on
run_wrk 8 "$WORK/wrk-d.txt" &
WRK_PID=$!
sleep 2  # wrk is under way
kill -KILL -- "-${APP_PGID[$APP_A]:-0}" || true
unset "APP_PGID[$APP_A]"
wait "$WRK_PID" && ok=0 || ok=1
WRK_PID=""
read_wrk "$WORK/wrk-d.txt"
wait_for "port $APP_A to close" 10 eval "! port_open $APP_A" || ok=1
start_app $APP_A || ok=1
[ "$ok" = 0 ] && [ "$BAD" = 0 ] && [ "$SOCKET" = 0 ] && [ "${REQUESTS:-0}" -gt 0 ] && ok=0 || ok=1
result "$ok" "app server A killed (SIGKILL) during 8 s of wrk through nginx: $REQUESTS requests, $BAD non-2xx/3xx, $SOCKET socket errors; A restarted"

# e. Redis stopped: pages still answer 200, each in under 1 s, and /healthz answers 200.
redis-cli -p $REDIS_PORT shutdown nosave >/dev/null 2>&1 || true
wait_for "Redis to stop" 10 eval "! redis_up"
ok=0
timings=()
for path in "${PAGES[@]}" "${PAGES[@]}"; do  # each page twice
  read -r code secs <<<"$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 5 \
    "$NGINX$path" || true)"
  timings+=("$path=${code:-none}/${secs:-?}s")
  [ "$code" = 200 ] && awk -v s="$secs" 'BEGIN { exit !(s < 1) }' || ok=1
done
health=$(curl -s -w ' %{http_code}' --max-time 5 "$NGINX/healthz" || true)
[ "${health##* }" = 200 ] || ok=1
result "$ok" "Redis stopped: pages ${timings[*]}; /healthz via nginx: $health"

# f. Both come back: Redis, and app server A restarted as systemd would (SIGTERM, start).
ok=0
start_redis || ok=1
stop_app $APP_A
start_app $APP_A || ok=1
answers=()
for url in "http://127.0.0.1:$APP_A/healthz" "http://127.0.0.1:$APP_B/healthz" "$NGINX/healthz"; do
  code=$(status_of "$url")
  answers+=("${url#http://}=$code")
  [ "$code" = 200 ] || ok=1
done
all_pages_200 || ok=1
[ "$ok" = 0 ] && pages=200 || pages="not all 200"
result "$ok" "Redis and app server A back: /healthz ${answers[*]}; pages via nginx $pages"

# No log holds a query string: a search through nginx, then its words looked for in nginx's
# access log (the site's file says where) and error log, and the app servers' logs.
canary=cluster-canary-$RANDOM$RANDOM
status_of "$NGINX/search/?q=$canary" >/dev/null
logs=(/var/log/nginx/mbcsite.access.log "$WORK/nginx/error.log" "$WORK"/app-*.log)
found=$(grep -l "$canary" "${logs[@]}" 2>/dev/null || true)
logged=$(grep -c "GET /search/ " /var/log/nginx/mbcsite.access.log 2>/dev/null || true)
[ -z "$found" ] && [ "${logged:-0}" -gt 0 ] && ok=0 || ok=1
result "$ok" "no query string in the logs: /search/?q=... logged as /search/ (${logged:-0} times so far); words found in: ${found:-no log}"

if [ "$FAILED" -gt 0 ]; then
  echo "$FAILED check(s) failed. KEEP_LOGS=folder bench/cluster.sh keeps the logs." >&2
  exit 1
fi
echo "All checks passed."
