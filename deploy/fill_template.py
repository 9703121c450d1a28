"""Fill a template of deploy/ with this machine's values and write it out:
render_nginx_conf.py and render_varnish_vcl.py both run through `main()`.

Each @NAME@ of the template is replaced by the value of NAME that the
script's `values(env)` gives for the environment; a variable the script
needs and that is not set ends the script with a message naming it, and
nothing is written."""

import os
import re
import sys
from pathlib import Path

PLACEHOLDER = re.compile(r"@([A-Z_]+)@")


def fill(template, filled):
    """The template's text with each @NAME@ replaced by filled[NAME]."""

    def value(match):
        name = match.group(1)
        if name not in filled:
            # A fault of the template or the script, not of the environment.
            raise LookupError(f"{template} has @{name}@, which nothing fills in")
        return filled[name]

    return PLACEHOLDER.sub(value, Path(template).read_text())


def main(usage, template, values):
    """`python deploy/SCRIPT.py OUTPUT`: write the filled template to OUTPUT."""
    if len(sys.argv) != 2:
        sys.exit(usage)
    try:
        filled = values(os.environ)
    except KeyError as missing:
        sys.exit(f"Set the {missing.args[0]} environment variable.")
    Path(sys.argv[1]).write_text(fill(template, filled))
