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
WORK=$(mktemp -d)
export DJANGO_SECRET_KEY=load-test-only-secret-key-not-for-production-use-0123456789
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export DATABASE_URL="sqlite:///$WORK/load.sqlite3"
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_content -v0
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/gunicorn mbcsite.wsgi --bind 127.0.0.1:$PORT --workers 3 --log-level warning &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 30); do
  curl -fs -o /dev/null http://127.0.0.1:$PORT/healthz && break
  sleep 0.5
done
.venv/bin/locust -f bench/locustfile.py --headless -u "$USERS" -r 10 -t "${SECONDS_TO_RUN}s" \
  --host http://127.0.0.1:$PORT --only-summary --loglevel WARNING 2>&1 | tail -n 40
