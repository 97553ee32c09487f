"""docker-compose.yml is for users with Docker; no engine runs here, so check its shape instead."""

from __future__ import annotations

import yaml

from hrkg.graph.server import NEO4J_VERSION
from tests.conftest import REPO


def compose() -> dict:
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())


def test_services_and_ports() -> None:
    services = compose()["services"]
    assert set(services) == {"neo4j", "api"}
    assert "127.0.0.1:7687:7687" in services["neo4j"]["ports"]
    assert "127.0.0.1:7474:7474" in services["neo4j"]["ports"]
    assert "127.0.0.1:8000:8000" in services["api"]["ports"]


def test_neo4j_image_is_the_launchers_version() -> None:
    image = compose()["services"]["neo4j"]["image"]
    name, tag = image.split(":")
    assert name == "neo4j"
    assert tag.endswith("-community")
    assert NEO4J_VERSION.startswith(tag.removesuffix("-community")), (tag, NEO4J_VERSION)
    assert NEO4J_VERSION.startswith("5.26.")


def test_healthcheck_volume_and_auth_from_environment() -> None:
    doc = compose()
    neo4j = doc["services"]["neo4j"]
    assert "cypher-shell" in " ".join(neo4j["healthcheck"]["test"])
    assert neo4j["healthcheck"]["retries"] > 0
    assert "neo4j-data:/data" in neo4j["volumes"]
    assert "neo4j-data" in doc["volumes"]
    assert "${HRKG_NEO4J_PASSWORD" in neo4j["environment"]["NEO4J_AUTH"]


def test_api_waits_for_a_healthy_neo4j_and_is_built_here() -> None:
    api = compose()["services"]["api"]
    assert api["build"] == "."
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert api["environment"]["HRKG_NEO4J_URI"] == "bolt://neo4j:7687"
    assert (REPO / "Dockerfile").is_file()


def test_pom_pins_the_same_version() -> None:
    pom = (REPO / "graph" / "server" / "pom.xml").read_text()
    assert f"<neo4j.version>{NEO4J_VERSION}</neo4j.version>" in pom
