#!/usr/bin/env bash
# Page speed: gunicorn on this machine, wrk against each page type and a static CSS file.
# Prints requests/second, p50 and p99 latency, and each page's rate as a share of the static
# file's. Usage: bench/pages.sh [seconds] [connections]. It installs what it needs (the
# project's packages, and Debian's wrk when run as root).
set -euo pipefail
cd "$(dirname "$0")/.."
make --silent install  # a fresh clone needs nothing else first
DURATION=${1:-10}
CONNECTIONS=${2:-20}
PORT=8767
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null 2>&1 \
  || { echo "wrk is not installed and could not be: apt-get install wrk" >&2; exit 1; }
WORKERS=2
# All of wrk's requests come from one address: without this, search would answer 429 after 60.
export DJANGO_RATELIMIT=0
# shellcheck source=bench/serve.sh
source bench/serve.sh
CSS=$(curl -fs http://127.0.0.1:$PORT/drugs/ | grep -o '/static/css/site\.[0-9a-f]*\.css' | head -n 1)
declare -A PAGES=(
  [home]=/
  [drug-list]=/drugs/
  [drug]=/drugs/trastuzumab/
  [side-effect]=/side-effects/low-white-blood-cells/
  [survival]=/survival/
  [search-3w]="/search/?q=bone+pain+relief"
  [search-brand]="/search/?q=Kisqali"
  [static-css]=$CSS
)
ORDER=(static-css home drug-list drug side-effect survival search-3w search-brand)
printf '%-12s %10s %9s %9s %8s\n' page "req/s" "p50 ms" "p99 ms" "ratio"
STATIC_RPS=""
for name in "${ORDER[@]}"; do
  url=http://127.0.0.1:$PORT${PAGES[$name]}
  curl -fs -o /dev/null "$url"  # warm the page cache
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H 'Accept-Encoding: gzip' "$url")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  [ -z "$STATIC_RPS" ] && STATIC_RPS=$rps
  ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else printf "%.2f", v*1000 }'; }
  ratio=$(awk -v a="$rps" -v b="$STATIC_RPS" 'BEGIN { printf "%.2f", a/b }')
  printf '%-12s %10s %9s %9s %8s\n' "$name" "$rps" "$(ms "$p50")" "$(ms "$p99")" "$ratio"
done
