"""Gunicorn settings for one app server; deploy/systemd/mbcsite@.service runs one per port.

The unit gives the address (``--bind 127.0.0.1:PORT``); nginx (deploy/nginx/mbcsite.conf) sits
in front of two of them. WEB_CONCURRENCY, if set in /etc/mbcsite/env, is the number of worker
processes per app server.
"""

import gc
import multiprocessing
import os

from gunicorn.http import wsgi as gunicorn_wsgi

# Sync workers, one request at a time each: nginx buffers slow readers, so a worker is only busy
# while the page is made. Not gthread: a gthread worker that restarts (max_requests below, or a
# stop) drops its idle keep-alive connections, and nginx gets "connection reset" for requests it
# had just sent down them (benoitc/gunicorn#3038). Two app servers share the machine: each gets
# one worker per CPU, plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", "") or multiprocessing.cpu_count() + 1)
worker_class = "sync"

# A request still running after 30 s is stopped (nginx waits 35 s). On stop or restart, workers
# get 30 s to finish the request they have.
timeout = 30
graceful_timeout = 30

# Replace each worker after 2000 to 2500 requests (spread out, so they do not all restart at
# once): a slow leak can never grow for long.
max_requests = 2000
max_requests_jitter = 500
# Load Django once, in the master, before starting workers: a worker that restarts is forked
# ready in milliseconds instead of loading the site again for a second or more while its
# server's other workers take all the requests. (Nothing opens a database or Redis connection
# while loading.) So a reload (SIGHUP) starts workers with the code already loaded: to deploy new
# code, restart the app servers one at a time (README, "Deploying").
preload_app = True


def on_starting(server):
    """Before the first worker starts: import every view too (Django does that on a process's
    first request, for most of a second), so each worker is forked with them already loaded.
    Then freeze what is loaded: the workers' garbage collector leaves it alone, instead of
    walking (and copying) all of it in every worker.

    In on_starting, not when_ready: gunicorn has not yet set its SIGCHLD handler, which takes
    any child process for a worker. Loading WeasyPrint runs short helper programs (ctypes looks
    for pango with gcc and ldconfig); after that handler, each was logged as "Worker exited
    with code 1", 64 lines at every start."""
    from django.urls import reverse

    reverse("education:home")  # loads every URL pattern, and each module they name
    gc.collect()
    gc.freeze()


class _Held:
    """Stands in for the socket while gunicorn writes a response's headers and first part."""

    def __init__(self):
        self.parts = []

    def sendall(self, data):
        self.parts.append(data)


class OneWriteResponse(gunicorn_wsgi.Response):
    """Sends a response's headers and the first part of its body (a whole page: Django gives it
    in one part) in one write, where gunicorn makes two. So an app server killed in the middle
    of a response has either sent nothing, and nginx passes the request to the other one, or
    sent the whole page; never the headers alone, which nginx cannot retry."""

    def write(self, arg):
        if self.headers_sent:
            return super().write(arg)
        sock, self.sock = self.sock, _Held()
        try:
            super().write(arg)
        finally:
            held, self.sock = self.sock, sock
        sock.sendall(b"".join(held.parts))


gunicorn_wsgi.Response = OneWriteResponse  # what gunicorn's workers make each response with


# Only nginx on this machine may say a request came over HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = "127.0.0.1"

# nginx logs each request (path only). Gunicorn's access log is off; if it is ever turned on
# (accesslog = "-"), this format logs the path without its query string (%(U)s, never %(r)s,
# which holds search words) and no client address.
accesslog = None
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = "info"
