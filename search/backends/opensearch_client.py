"""Import the OpenSearch client (opensearch-py) in this project.

opensearch-py does `from events import Events` (the PyPI package "Events",
for its metrics). In this project the module name `events` belongs to the
portal's events app, which comes first on the import path, so the client
cannot be imported as usual. Here the PyPI package is loaded from its own
files and stands in for `events` only while opensearch-py is imported; the
events app is put back straight after.
"""

import importlib
import importlib.util
import sys
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path


def _pypi_events_spec():
    try:
        path = Path(distribution("Events").locate_file("events/__init__.py"))
    except PackageNotFoundError:
        return None
    return importlib.util.spec_from_file_location(
        "events", path, submodule_search_locations=[str(path.parent)]
    )


def import_opensearch_client():
    if "opensearchpy" in sys.modules:
        return sys.modules["opensearchpy"]
    spec = _pypi_events_spec()
    if spec is None:
        return importlib.import_module("opensearchpy")
    saved = {name: module for name, module in sys.modules.items() if name == "events"}
    stand_in = importlib.util.module_from_spec(spec)
    sys.modules["events"] = stand_in
    try:
        spec.loader.exec_module(stand_in)
        return importlib.import_module("opensearchpy")
    finally:
        for name in [name for name in sys.modules if name.startswith("events.")]:
            if getattr(sys.modules[name], "__file__", "").startswith(str(Path(spec.origin).parent)):
                del sys.modules[name]
        sys.modules.pop("events", None)
        sys.modules.update(saved)
