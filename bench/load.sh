#!/usr/bin/env bash
# Load test: gunicorn on this machine, 50 concurrent users for 60 s of mixed browsing and
# questionnaire use (bench/locustfile.py). Prints requests per second, latency and failures.
# Usage: bench/load.sh [users] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
make --silent install-dev  # a fresh clone needs nothing else first
USERS=${1:-50}
SECONDS_TO_RUN=${2:-60}
PORT=8765
WORKERS=3
# shellcheck source=bench/serve.sh
source bench/serve.sh
.venv/bin/locust -f bench/locustfile.py --headless -u "$USERS" -r 10 -t "${SECONDS_TO_RUN}s" \
  --host http://127.0.0.1:$PORT --only-summary --loglevel WARNING 2>&1 | tail -n 40
