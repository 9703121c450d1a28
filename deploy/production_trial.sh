#!/usr/bin/env bash
# `make production`: the production layout on this machine, for a trial.
# Collects static files, migrates, then runs nginx (deploy/nginx.conf) with a
# self-signed certificate in front of Varnish (deploy/varnish.vcl), which
# keeps public pages and shares requests out between two gunicorns
# (gunicorn.conf.py) on 127.0.0.1, and the worker that runs the queued
# background jobs (e-mail, search index updates, purges of the front cache:
# `manage.py db_worker`), in the foreground; Ctrl-C stops them all.
#
# Production settings need SECRET_KEY, ALLOWED_HOSTS, REDIS_URL and
# WAGTAILADMIN_BASE_URL; for the trial they default to loopback values.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
VARNISHD=${VARNISHD:-$(command -v varnishd || echo /usr/sbin/varnishd)}
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-portal.settings.production}
export NGINX_HTTP_PORT=${NGINX_HTTP_PORT:-8080}
export NGINX_HTTPS_PORT=${NGINX_HTTPS_PORT:-8443}
export NGINX_LISTEN_ADDRESS=127.0.0.1
# The app servers, each a gunicorn of its own, sharing the database and Redis.
export GUNICORN_BINDS=${GUNICORN_BINDS:-127.0.0.1:8001,127.0.0.1:8002}
export VARNISH_LISTEN=${VARNISH_LISTEN:-127.0.0.1:6081}
# Where Wagtail sends its purges when a page is published.
export FRONTEND_CACHE_URL=${FRONTEND_CACHE_URL:-http://$VARNISH_LISTEN}
export SECRET_KEY=${SECRET_KEY:-$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-https://127.0.0.1:$NGINX_HTTPS_PORT}

# nginx's pid, logs, temporary files and certificate, and Varnish's working
# folder, live in a folder of their own, removed on the way out unless
# NGINX_RUN_DIR was given.
if [ -z "${NGINX_RUN_DIR:-}" ]; then
    NGINX_RUN_DIR=$(mktemp -d)
    trap 'rm -rf "$NGINX_RUN_DIR"' EXIT
fi
export NGINX_RUN_DIR
export NGINX_ACCESS_LOG=${NGINX_ACCESS_LOG:-$NGINX_RUN_DIR/access.log}
# As root, nginx's workers would otherwise run as "nobody", who may not read
# the project's folders; the trial keeps the invoking user.
# Varnish likewise (by default it would switch to Debian's "varnish" user).
varnish_jail=()
if [ "$(id -u)" = 0 ]; then
    export NGINX_USER=${NGINX_USER:-root}
    varnish_jail=(-j none)
fi

"$PY" manage.py compile_catalogues >/dev/null
"$PY" manage.py collectstatic --no-input >/dev/null
"$PY" manage.py migrate --no-input

if [ -z "${NGINX_TLS_CERTIFICATE:-}" ]; then
    export NGINX_TLS_CERTIFICATE=$NGINX_RUN_DIR/trial.crt NGINX_TLS_CERTIFICATE_KEY=$NGINX_RUN_DIR/trial.key
    openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj /CN=127.0.0.1 \
        -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
        -keyout "$NGINX_TLS_CERTIFICATE_KEY" -out "$NGINX_TLS_CERTIFICATE" 2>/dev/null
fi
"$PY" deploy/render_nginx_conf.py "$NGINX_RUN_DIR/nginx.conf"
"$PY" deploy/render_varnish_vcl.py "$NGINX_RUN_DIR/varnish.vcl"
mkdir -p "$NGINX_RUN_DIR/varnish"

pids=()
IFS=, read -ra binds <<<"$GUNICORN_BINDS"
for bind in "${binds[@]}"; do
    GUNICORN_BIND=$bind "$PY" -m gunicorn portal.wsgi --config gunicorn.conf.py &
    pids+=($!)
done
"$VARNISHD" -F "${varnish_jail[@]}" -n "$NGINX_RUN_DIR/varnish" -a "$VARNISH_LISTEN" \
    -f "$NGINX_RUN_DIR/varnish.vcl" -s "malloc,${VARNISH_MEMORY:-64m}" &
pids+=($!)
"$NGINX" -p "$NGINX_RUN_DIR" -c "$NGINX_RUN_DIR/nginx.conf" -g "daemon off;" &
pids+=($!)
"$PY" manage.py db_worker --no-reload &
pids+=($!)

# Ctrl-C (or TERM) reaches the whole process group: the servers stop
# themselves or are stopped below; the exit status tells which signal it was.
interrupted=
trap 'interrupted=130' INT
trap 'interrupted=143' TERM
stop() {
    kill -TERM "${pids[@]}" 2>/dev/null || true
    # A signal interrupts `wait`: wait again until each one is gone.
    for pid in "${pids[@]}"; do
        while kill -0 "$pid" 2>/dev/null; do wait "$pid" 2>/dev/null || true; done
    done
}

echo "Serving https://127.0.0.1:$NGINX_HTTPS_PORT/ (self-signed certificate) and http://127.0.0.1:$NGINX_HTTP_PORT/; Ctrl-C stops."
# When one stops by itself, the others are stopped too.
wait -n "${pids[@]}" || true
stop
exit "${interrupted:-1}"
