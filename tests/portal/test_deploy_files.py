"""The configuration files of the production layout, filled in for this
machine by deploy/render_nginx_conf.py and deploy/render_varnish_vcl.py (as
deploy/production_trial.sh runs them): every placeholder is filled, and a
variable that must be set and is not is named, with nothing written."""

import re

import pytest

from tests.portal.layout import render_deploy_file

# No database at all: CI runs these in the SQLite pass only.
pytestmark = pytest.mark.database_independent

PLACEHOLDER = r"@[A-Z_]+@"
CERTIFICATE = {
    "NGINX_TLS_CERTIFICATE": "/etc/rusmeco/portal.crt",
    "NGINX_TLS_CERTIFICATE_KEY": "/etc/rusmeco/portal.key",
}


def test_nginx_conf_is_filled_with_the_machine_s_values(tmp_path):
    status, conf, message = render_deploy_file(
        "render_nginx_conf.py",
        tmp_path,
        NGINX_HTTPS_PORT="8443",
        VARNISH_LISTEN="127.0.0.1:6090",
        STATIC_ROOT="/srv/rusmeco/static/",
        **CERTIFICATE,
    )

    assert (status, message) == (0, "")
    assert not re.search(PLACEHOLDER, conf)
    assert "ssl_certificate /etc/rusmeco/portal.crt;" in conf
    assert "ssl_certificate_key /etc/rusmeco/portal.key;" in conf
    assert "8443" in conf and "127.0.0.1:6090" in conf
    assert "alias /srv/rusmeco/static/;" in conf


@pytest.mark.parametrize("missing", sorted(CERTIFICATE))
def test_nginx_conf_names_a_missing_certificate_variable_and_writes_nothing(tmp_path, missing):
    env = {name: value for name, value in CERTIFICATE.items() if name != missing}

    status, conf, message = render_deploy_file("render_nginx_conf.py", tmp_path, **env)

    assert status == 1
    assert message == f"Set the {missing} environment variable."
    assert conf is None


def test_varnish_vcl_is_filled_with_each_app_server(tmp_path):
    status, vcl, message = render_deploy_file(
        "render_varnish_vcl.py", tmp_path, GUNICORN_BINDS="127.0.0.1:9101, 127.0.0.1:9102,"
    )

    assert (status, message) == (0, "")
    assert not re.search(PLACEHOLDER, vcl)
    assert '.port = "9101";' in vcl and '.port = "9102";' in vcl
    assert vcl.count("portal.add_backend(") == 2
