from __future__ import annotations

import pytest
from pydantic import ValidationError

from hrkg.settings import Settings


def test_environment_variables_of_the_spec(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HRKG_NEO4J_URI", "bolt://db.example:7999")
    monkeypatch.setenv("HRKG_NEO4J_USER", "analyst")
    monkeypatch.setenv("HRKG_NEO4J_PASSWORD", "s3cret-value")
    monkeypatch.setenv("HRKG_NEO4J_DATABASE", "hr")
    monkeypatch.setenv("HRKG_BASE_URI", "https://kg.example.org/")
    monkeypatch.setenv("HRKG_API_KEYS", "key-one, key-two,")
    monkeypatch.setenv("HRKG_DATA_DIR", "/var/lib/hrkg")
    s = Settings(_env_file=None)
    assert s.neo4j_uri == "bolt://db.example:7999"
    assert s.neo4j_user == "analyst"
    assert s.neo4j_password.get_secret_value() == "s3cret-value"
    assert "s3cret" not in repr(s)
    assert s.neo4j_database == "hr"
    assert s.base_uri == "https://kg.example.org"
    assert [k.get_secret_value() for k in s.api_keys] == ["key-one", "key-two"]
    assert str(s.neo4j_home) == "/var/lib/hrkg/neo4j"


def test_bad_memory_size_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HRKG_NEO4J_HEAP", "lots")
    with pytest.raises(ValidationError, match="neo4j_heap"):
        Settings(_env_file=None)


def test_env_example_lists_every_spec_variable() -> None:
    from tests.conftest import REPO

    text = (REPO / ".env.example").read_text()
    for name in ("URI", "USER", "PASSWORD", "DATABASE"):
        assert f"HRKG_NEO4J_{name}=" in text
    for name in ("HRKG_BASE_URI=", "HRKG_API_KEYS=", "HRKG_DATA_DIR="):
        assert name in text


def test_uri_follows_the_local_bolt_port_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HRKG_NEO4J_URI", raising=False)
    monkeypatch.setenv("HRKG_NEO4J_BOLT_PORT", "27001")
    assert Settings(_env_file=None).neo4j_uri == "bolt://127.0.0.1:27001"
    monkeypatch.setenv("HRKG_NEO4J_URI", "bolt://elsewhere:7687")
    assert Settings(_env_file=None).neo4j_uri == "bolt://elsewhere:7687"
