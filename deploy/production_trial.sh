#!/usr/bin/env bash
# `make production`: the production layout on this machine, for a trial.
# Collects static files, migrates, then runs gunicorn (gunicorn.conf.py) on
# 127.0.0.1 behind nginx (deploy/nginx.conf) with a self-signed certificate,
# and the worker that runs the queued background jobs (e-mail, search index
# updates: `manage.py db_worker`), in the foreground; Ctrl-C stops all three.
#
# Production settings need SECRET_KEY, ALLOWED_HOSTS, REDIS_URL and
# WAGTAILADMIN_BASE_URL; for the trial they default to loopback values.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-portal.settings.production}
export NGINX_HTTP_PORT=${NGINX_HTTP_PORT:-8080}
export NGINX_HTTPS_PORT=${NGINX_HTTPS_PORT:-8443}
export NGINX_LISTEN_ADDRESS=127.0.0.1
export GUNICORN_BIND=${GUNICORN_BIND:-127.0.0.1:8001}
export SECRET_KEY=${SECRET_KEY:-$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-https://127.0.0.1:$NGINX_HTTPS_PORT}

# nginx's pid, logs, temporary files and certificate live in a folder of
# their own, removed on the way out unless NGINX_RUN_DIR was given.
if [ -z "${NGINX_RUN_DIR:-}" ]; then
    NGINX_RUN_DIR=$(mktemp -d)
    trap 'rm -rf "$NGINX_RUN_DIR"' EXIT
fi
export NGINX_RUN_DIR
export NGINX_ACCESS_LOG=${NGINX_ACCESS_LOG:-$NGINX_RUN_DIR/access.log}
# As root, nginx's workers would otherwise run as "nobody", who may not read
# the project's folders; the trial keeps the invoking user.
if [ "$(id -u)" = 0 ]; then export NGINX_USER=${NGINX_USER:-root}; fi

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

"$PY" -m gunicorn portal.wsgi --config gunicorn.conf.py &
gunicorn_pid=$!
"$NGINX" -p "$NGINX_RUN_DIR" -c "$NGINX_RUN_DIR/nginx.conf" -g "daemon off;" &
nginx_pid=$!
"$PY" manage.py db_worker --no-reload &
worker_pid=$!

stop() {
    trap - INT TERM
    kill -TERM "$gunicorn_pid" "$nginx_pid" "$worker_pid" 2>/dev/null || true
    wait "$gunicorn_pid" "$nginx_pid" "$worker_pid" 2>/dev/null || true
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM

echo "Serving https://127.0.0.1:$NGINX_HTTPS_PORT/ (self-signed certificate) and http://127.0.0.1:$NGINX_HTTP_PORT/; Ctrl-C stops."
# When one stops by itself, the others are stopped too.
wait -n "$gunicorn_pid" "$nginx_pid" "$worker_pid" || true
stop
exit 1
