#!/usr/bin/env bash
# Lighthouse (npm) on three pages (or LIGHTHOUSE_PAGES), served by gunicorn with the deployed
# settings: prints the performance, accessibility, best-practices and SEO scores of each, and
# exits 1 if any is below 95. Usage: bench/lighthouse.sh. Needs Debian's chromium and npm; Lighthouse itself
# (pinned below, about 180 MB) is installed once into .lighthouse/, not with the project's
# npm packages, so `make test` does not fetch it.
set -euo pipefail
cd "$(dirname "$0")/.."
make --silent install  # a fresh clone needs nothing else first
LIGHTHOUSE_VERSION=13.5.0
MINIMUM=95
TOOL=.lighthouse/node_modules/.bin/lighthouse
if [ ! -x "$TOOL" ] || ! grep -q "\"version\": \"$LIGHTHOUSE_VERSION\"" .lighthouse/node_modules/lighthouse/package.json; then
  npm install --prefix .lighthouse --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION"
fi
PORT=8768
WORKERS=2
# shellcheck source=bench/serve.sh
source bench/serve.sh
# LIGHTHOUSE_PAGES="/my-questions/ /es/" bench/lighthouse.sh scores other pages.
read -r -a PAGES <<< "${LIGHTHOUSE_PAGES:-/ /drugs/trastuzumab/ /survival/}"
printf '%-22s %12s %14s %15s %5s\n' page performance accessibility best-practices seo
low=0
for path in "${PAGES[@]}"; do
  # Lighthouse's trace of a page load sometimes fails to start (NO_NAVSTART): try up to 3 times.
  for attempt in 1 2 3; do
    CHROME_PATH=/usr/bin/chromium "$TOOL" "http://127.0.0.1:$PORT$path" --quiet --output=json \
      --output-path="$WORK/report.json" --chrome-flags="--headless=new --no-sandbox" \
      --only-categories=performance,accessibility,best-practices,seo && break
    [ "$attempt" = 3 ] && exit 1
  done
  scores=$(python3 -c '
import json, sys
categories = json.load(open(sys.argv[1]))["categories"]
order = ["performance", "accessibility", "best-practices", "seo"]
print(" ".join(str(round(categories[name]["score"] * 100)) for name in order))' "$WORK/report.json")
  read -r performance accessibility practices seo <<<"$scores"
  printf '%-22s %12s %14s %15s %5s\n' "$path" "$performance" "$accessibility" "$practices" "$seo"
  for score in $scores; do [ "$score" -ge "$MINIMUM" ] || low=1; done
done
[ "$low" = 0 ] || { echo "A score is below $MINIMUM." >&2; exit 1; }
