#!/usr/bin/env bash
# Page speed: gunicorn on this machine, wrk against each page type and a static CSS file.
# Prints requests/second, p50 and p99 latency, and each page's rate as a share of the static
# file's. Usage: bench/pages.sh [seconds a run, 5] [connections, 20] [page names, all]
# (for example: bench/pages.sh 5 20 search-3w search-brand). It installs what it needs
# (the project's packages, and Debian's wrk when run as root).
set -euo pipefail
cd "$(dirname "$0")/.."
make --silent install  # a fresh clone needs nothing else first
DURATION=${1:-5}
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
ORDER=(home drug-list drug side-effect survival search-3w search-brand)
if [ $# -gt 2 ]; then
  ORDER=("${@:3}")
  for name in "${ORDER[@]}"; do
    [ -n "${PAGES[$name]:-}" ] || { echo "No page called $name: ${!PAGES[*]}" >&2; exit 2; }
  done
fi
# This machine's speed drifts by a fifth within a minute (other work on the host), so each page is
# measured right after the static file, ROUNDS times (2 unless set): its ratio is to the static
# runs beside it, not to one static run a minute earlier.
ROUNDS=${ROUNDS:-2}
measure() {  # url -> "req/s p50 p99" (milliseconds)
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H 'Accept-Encoding: gzip' "$1")
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; return v * 1000 }
    /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    END { printf "%s %.2f %.2f", rps, p50, p99 }' <<<"$out"
}
printf '%-12s %10s %9s %9s %11s %8s\n' page "req/s" "p50 ms" "p99 ms" "static r/s" "ratio"
for name in "${ORDER[@]}"; do
  url=http://127.0.0.1:$PORT${PAGES[$name]}
  curl -fs -o /dev/null "$url"  # warm the page cache
  page=() static=()
  for _ in $(seq 1 $ROUNDS); do
    static+=("$(measure "http://127.0.0.1:$PORT$CSS")")
    page+=("$(measure "$url")")
  done
  # Means of the rounds' rates and medians; the worse p99.
  printf '%s\n' "${page[@]}" | awk -v name="$name" -v static="${static[*]}" '
    { rps += $1; p50 += $2; if ($3 > p99) p99 = $3; n++ }
    END {
      split(static, s, " "); for (i = 1; i <= length(s); i += 3) { srps += s[i]; m++ }
      rps /= n; srps /= m
      printf "%-12s %10.0f %9.2f %9.2f %11.0f %8.2f\n", name, rps, p50 / n, p99, srps, rps / srps
    }'
done
