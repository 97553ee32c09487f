"""Fixtures of the reliability trials: the integration fixtures (real Neo4j at HRKG_NEO4J_URI) and the knobs.

Counts come from the environment with small defaults so that CI stays under a few minutes; bench runs set
them higher:

* ``HRKG_RELIABILITY_TRIALS`` (5): kill -9 trials of an ingest;
* ``HRKG_RELIABILITY_DOCS`` (40): documents of the generated corpus those trials ingest;
* ``HRKG_RELIABILITY_OUTAGES`` (1): Neo4j outages under API load (SIGTERM, then alternately SIGKILL);
* ``HRKG_RELIABILITY_SEED`` (20240601): seed of every random choice (corpus, kill delays);
* ``HRKG_LOAD_SECONDS`` (15) and ``HRKG_LOAD_USERS`` (32): the load test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

# The integration fixtures (settings, driver, database, empty_graph) live in tests/integration/conftest.py;
# re-exporting them here makes them visible to this folder without copying them.
from tests.integration.conftest import database, driver, empty_graph, settings
from tests.reliability.helpers import ARTIFACTS

__all__ = ["artifacts_dir", "database", "driver", "empty_graph", "settings"]


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
