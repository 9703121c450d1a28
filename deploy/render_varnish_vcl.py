"""Write deploy/varnish.vcl with this machine's app servers filled in.

    python deploy/render_varnish_vcl.py OUTPUT

The app servers are GUNICORN_BINDS (comma-separated host:port, default
127.0.0.1:8001,127.0.0.1:8002), taken in turn; README, "Production", lists
the variables.
"""

from pathlib import Path

from fill_template import main

PROJECT = Path(__file__).resolve().parent.parent
TEMPLATE = PROJECT / "deploy" / "varnish.vcl"
# Django's names (SESSION_COOKIE_NAME, and the messages' cookie storage).
SESSION_COOKIE = "sessionid"
MESSAGES_COOKIE = "messages"


def app_servers(env):
    binds = env.get("GUNICORN_BINDS") or env.get("GUNICORN_BIND") or "127.0.0.1:8001,127.0.0.1:8002"
    return [bind.strip().rsplit(":", 1) for bind in binds.split(",") if bind.strip()]


def values(env):
    servers = app_servers(env)
    backends = "\n".join(
        f'backend app{index} {{\n    .host = "{host}";\n    .port = "{port}";\n'
        "    .connect_timeout = 2s;\n"
        "    # A little longer than gunicorn's own timeout (GUNICORN_TIMEOUT).\n"
        "    .first_byte_timeout = 70s;\n"
        "    .between_bytes_timeout = 70s;\n}"
        for index, (host, port) in enumerate(servers, 1)
    )
    members = "\n".join(
        f"    portal.add_backend(app{index});" for index in range(1, len(servers) + 1)
    )
    return {
        "BACKENDS": backends,
        "DIRECTOR_MEMBERS": members,
        "RETRIES": str(len(servers) - 1),
        "SESSION_COOKIE": SESSION_COOKIE,
        "MESSAGES_COOKIE": MESSAGES_COOKIE,
    }


if __name__ == "__main__":
    main(__doc__, TEMPLATE, values)
