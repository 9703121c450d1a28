"""gunicorn's settings for the portal behind nginx (deploy/nginx.conf).

gunicorn reads this file from the working directory by itself; each value
can be changed through the environment.
"""

import ctypes
import gc
import multiprocessing
import os
import platform

# Loopback only: nginx on this machine is the way in.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# gunicorn's rule of thumb: two per core plus one, so a worker waiting on
# the database leaves the cores busy with the others.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
# A request still running after this many seconds is stopped and its worker
# restarted; nginx waits a little longer (proxy_read_timeout).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
keepalive = 5
# Workers are replaced now and then, so a slow leak never grows for long.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10

# The portal is loaded once, in the master, and the workers are forked from
# it (gunicorn's preload_app): they share its pages until they write to them,
# so each worker is smaller (about 15 MB of resident memory and 25 MB of
# proportional memory, bench/memory.py) and a replaced worker starts at once.
# Loading the portal opens no connection and no thread, so the workers
# inherit none (tests/portal/test_memory_preload.py). A new release needs
# gunicorn restarted: on a HUP the master forks new workers from the code it
# already has.
# GUNICORN_PRELOAD=false loads the portal in each worker instead.
_preload = os.environ.get("GUNICORN_PRELOAD", "true").strip().lower()
preload_app = _preload in {"1", "true", "yes", "on"}

# Logs to standard output and error, for systemd's journal or the container.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# Only nginx's X-Forwarded-Proto may say "https" (and only its headers are
# believed by the portal too: TRUSTED_PROXIES, see portal/proxies.py).
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES", "127.0.0.1,::1")

# No control socket: its default path is one per user ($HOME/.gunicorn), which
# two servers on one machine (a trial beside the tests) would both claim.
control_socket_disable = True

# Large blocks a worker frees go back to the system. glibc's malloc maps
# blocks from this size up on their own and unmaps them when freed, but by
# default it raises the size each time such a block is freed: once a worker
# has made an image rendition (Pillow decodes and resizes in buffers of
# several megabytes), later buffers of that size come from the heap and stay
# resident after the request, 15 to 25 MB a worker (bench/memory.py). Setting
# the size (mallopt(3)) keeps it where it is. Done here, in the master, before
# the workers are forked: they inherit it. GUNICORN_MMAP_THRESHOLD=0 leaves
# glibc's own behaviour.
_M_MMAP_THRESHOLD = -3
_mmap_threshold = int(os.environ.get("GUNICORN_MMAP_THRESHOLD", str(1024 * 1024)))
if _mmap_threshold > 0 and platform.libc_ver()[0] == "glibc":
    ctypes.CDLL(None).mallopt(_M_MMAP_THRESHOLD, _mmap_threshold)


def pre_fork(server, worker):
    # The portal's objects, loaded in the master, go to the collector's
    # permanent generation before each worker is forked: a worker's
    # collections then never visit them, so they are not written to, and
    # their pages stay shared with the master instead of being copied into
    # every worker (bench/memory.py, PSS and USS).
    gc.freeze()
