"""A gunicorn worker gives back the large blocks it frees (gunicorn.conf.py).

Making an image rendition decodes and resizes in buffers of several
megabytes. By default glibc would keep such buffers on the heap once a
larger one had been freed, and the worker would stay that much bigger
after the request. Each case loads the portal's gunicorn configuration in a
fresh interpreter, as gunicorn's master does before it forks the workers.
"""

import pytest

from tests.helpers import run_python

# No database involved: CI runs these in the SQLite pass only.
pytestmark = pytest.mark.database_independent

# A large photo is decoded once (its 16 MB blocks are mapped and unmapped),
# then a page's worth of renditions is made while the worker allocates other
# things after each; the renditions are dropped, the rest is kept.
RENDITIONS_THEN_RESIDENT_GROWTH = """
import os, runpy
runpy.run_path("gunicorn.conf.py")
from PIL import Image

def resident():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

Image.new("RGB", (4000, 3000)).close()
before = resident()
renditions, kept = [], []
for _ in range(8):
    renditions.append(Image.new("RGB", (1600, 900), "white"))
    kept.append(bytes(100_000))
del renditions
print((resident() - before) / 2**20)
"""

# Eight renditions of 1600x900 hold about 44 MB while they exist; what is
# kept besides them is under 1 MB.
RENDITIONS_MB = 44


def growth_after_renditions(**env):
    result = run_python(RENDITIONS_THEN_RESIDENT_GROWTH, "portal.settings.base", **env)
    assert result.returncode == 0, result.stderr
    return float(result.stdout)


def test_the_buffers_of_renditions_are_given_back_once_dropped():
    assert growth_after_renditions() < 5


def test_a_threshold_of_zero_leaves_the_buffers_with_the_worker():
    """GUNICORN_MMAP_THRESHOLD=0 is glibc's own behaviour: the freed buffers
    stay resident (what the portal's setting avoids)."""
    assert growth_after_renditions(GUNICORN_MMAP_THRESHOLD="0") > RENDITIONS_MB * 0.8


def test_the_threshold_is_read_from_the_environment():
    """Above the renditions' size, their buffers come from the heap again."""
    above = growth_after_renditions(GUNICORN_MMAP_THRESHOLD=str(64 * 2**20))
    below = growth_after_renditions(GUNICORN_MMAP_THRESHOLD=str(128 * 1024))

    assert above > RENDITIONS_MB * 0.8
    assert below < 5
