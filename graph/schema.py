"""Neo4j constraints and indexes generated from the ontology, applied idempotently by ``hrkg init-db``.

Labels and property names come from the checked ontology (never from user input) and are validated
against a strict identifier pattern before they are placed into DDL, which Cypher cannot parameterise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from neo4j import Driver

from hrkg.ontology import Ontology
from hrkg.ontology.errors import OntologyError

_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
FULLTEXT_INDEX = "entity_names"


@dataclass(frozen=True)
class SchemaStatement:
    name: str
    kind: str  # "constraint" | "index"
    cypher: str


def _ident(value: str) -> str:
    if not _IDENT.match(value):
        raise OntologyError(f"'{value}' is not a valid Neo4j identifier")
    return value


def schema_statements(ontology: Ontology) -> list[SchemaStatement]:
    """Every constraint and index the app needs, in the order they should be created."""
    out = [
        SchemaStatement(
            "entity_id_unique",
            "constraint",
            "CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
        )
    ]
    fulltext_labels: list[str] = []
    fulltext_props: set[str] = set()
    for t in ontology.types.values():
        label = _ident(t.label)
        for prop in t.properties.values():
            pname = _ident(prop.name)
            if prop.index == "unique":
                name = f"{label.lower()}_{pname}_unique"
                out.append(SchemaStatement(
                    name, "constraint",
                    f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{pname} IS UNIQUE",
                ))  # fmt: skip
            elif prop.index == "range":
                name = f"{label.lower()}_{pname}"
                out.append(SchemaStatement(
                    name, "index", f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{pname})"
                ))  # fmt: skip
            elif prop.index == "fulltext":
                if t.entity and label not in fulltext_labels:
                    fulltext_labels.append(label)
                fulltext_props.add(pname)
    # Lookups the API makes on every entity label at once.
    out.append(SchemaStatement(
        "entity_name", "index", "CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)"
    ))  # fmt: skip
    out.append(SchemaStatement(
        "mentioned_in_doc", "index",
        "CREATE INDEX mentioned_in_doc IF NOT EXISTS FOR ()-[r:MENTIONED_IN]-() ON (r.doc_id)",
    ))  # fmt: skip
    if fulltext_labels:
        labels = "|".join(fulltext_labels)
        props = ", ".join(f"n.{p}" for p in sorted(fulltext_props))
        out.append(SchemaStatement(
            FULLTEXT_INDEX, "index",
            f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{labels}) ON EACH [{props}]",
        ))  # fmt: skip
    return out


def apply_schema(driver: Driver, ontology: Ontology, database: str) -> list[str]:
    """Create what is missing (existing constraints and indexes are left as they are); wait until online.

    Returns the names of the statements applied.
    """
    statements = schema_statements(ontology)
    with driver.session(database=database) as session:
        for st in statements:
            session.run(st.cypher).consume()
        session.run("CALL db.awaitIndexes(300)").consume()
    return [st.name for st in statements]


def existing_schema(driver: Driver, database: str) -> dict[str, set[str]]:
    """Names of the constraints and indexes present in the database."""
    with driver.session(database=database) as session:
        constraints = {r["name"] for r in session.run("SHOW CONSTRAINTS YIELD name")}
        indexes = {r["name"] for r in session.run("SHOW INDEXES YIELD name")}
    return {"constraints": constraints, "indexes": indexes}
