# Sourced by the bench scripts: a throwaway SQLite database with all the content, and gunicorn
# serving it on 127.0.0.1:$PORT with $WORKERS workers until the calling script exits.
WORK=$(mktemp -d)
export DJANGO_SECRET_KEY=benchmark-only-secret-key-not-for-production-use-0123456789
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export DATABASE_URL="sqlite:///$WORK/bench.sqlite3"
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_content -v0
.venv/bin/python manage.py collectstatic --noinput -v0
# The settings the site is deployed with (deploy/gunicorn.conf.py: preloaded, garbage collector
# frozen, one write per response), with the benchmark's own address and number of workers, and
# without replacing each worker every ~2,000 requests: that would land several times in every
# 10-second run, and measure restarts instead of pages.
.venv/bin/gunicorn mbcsite.wsgi --config deploy/gunicorn.conf.py --bind "127.0.0.1:$PORT" \
  --workers "$WORKERS" --max-requests 0 --log-level warning &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 30); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
  sleep 0.5
done
