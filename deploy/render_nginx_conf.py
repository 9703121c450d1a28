"""Write deploy/nginx.conf with this machine's paths and ports filled in.

    python deploy/render_nginx_conf.py OUTPUT

Each @NAME@ of the template comes from the environment variable NGINX_NAME
(or the portal's own STATIC_ROOT, MEDIA_ROOT and VARNISH_LISTEN), with the
defaults below; README, "Production", lists them.
"""

from pathlib import Path

from fill_template import main

PROJECT = Path(__file__).resolve().parent.parent
TEMPLATE = PROJECT / "deploy" / "nginx.conf"


def values(env):
    https_port = env.get("NGINX_HTTPS_PORT", "443")
    run_dir = env.get("NGINX_RUN_DIR", "/run/rusmeco-nginx")
    listen_address = env.get("NGINX_LISTEN_ADDRESS", "")
    user = env.get("NGINX_USER", "")
    return {
        # As root nginx runs its workers as this user, who must be able to
        # read STATIC_ROOT and MEDIA_ROOT (Debian: www-data).
        "USER_LINE": f"user {user};" if user else "",
        "RUN_DIR": run_dir,
        "ACCESS_LOG": env.get("NGINX_ACCESS_LOG", f"{run_dir}/access.log"),
        "MIME_TYPES": env.get("NGINX_MIME_TYPES", "/etc/nginx/mime.types"),
        "LISTEN_ADDRESS": f"{listen_address}:" if listen_address else "",
        "HTTP_PORT": env.get("NGINX_HTTP_PORT", "80"),
        "HTTPS_PORT": https_port,
        "HTTPS_PORT_SUFFIX": "" if https_port == "443" else f":{https_port}",
        "SERVER_NAME": env.get("NGINX_SERVER_NAME")
        or env.get("ALLOWED_HOSTS", "").replace(",", " ")
        or "_",
        "TLS_CERTIFICATE": env["NGINX_TLS_CERTIFICATE"],
        "TLS_CERTIFICATE_KEY": env["NGINX_TLS_CERTIFICATE_KEY"],
        "STATIC_ROOT": env.get("STATIC_ROOT", str(PROJECT / "staticfiles")).rstrip("/"),
        "MEDIA_ROOT": env.get("MEDIA_ROOT", str(PROJECT / "media")).rstrip("/"),
        # Varnish (deploy/varnish.vcl), which shares the requests out
        # between the app servers; NGINX_UPSTREAM=host:port skips it.
        "UPSTREAM": env.get("NGINX_UPSTREAM") or env.get("VARNISH_LISTEN", "127.0.0.1:6081"),
        "MAX_BODY_SIZE": env.get("NGINX_MAX_BODY_SIZE", "12m"),
        "DOCUMENT_MAX_BODY_SIZE": env.get("NGINX_DOCUMENT_MAX_BODY_SIZE", "21m"),
    }


if __name__ == "__main__":
    main(__doc__, TEMPLATE, values)
