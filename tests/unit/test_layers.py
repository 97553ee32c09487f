"""Imports flow one way: api -> ingest, graph -> ontology. ontology imports nothing of ours."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import REPO

ALLOWED = {
    "ontology": {"ontology"},
    "graph": {"ontology", "graph", "cypher"},
    "ingest": {"ontology", "ingest"},
    "api": {"ontology", "graph", "ingest", "api", "cypher", "settings"},
}


def imported_layers(path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "hrkg" and len(parts) > 1:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports(layer: str) -> None:
    for path in sorted((REPO / layer).rglob("*.py")):
        extra = imported_layers(path) - ALLOWED[layer]
        assert not extra, f"{path.relative_to(REPO)} imports {sorted(extra)}; {layer} may use {sorted(ALLOWED[layer])}"
