"""The ontology loader refuses inconsistent files with a message naming the file and the culprit."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from hrkg.ontology import load_ontology
from hrkg.ontology.errors import OntologyError
from hrkg.ontology.loader import parse_ontology
from tests.conftest import REPO

ONTOLOGY_FILES = ("types.yaml", "predicates.yaml", "vocabularies.yaml", "vocabulary.yaml", "authority.yaml")

#: The predicates SPEC.md names; the ontology may add more, but these stay.
SPEC_PREDICATES = (
    "reported_by", "executed_in", "executed_by", "killed_in", "arrested_in", "tried_under_universal_jurisdiction",
    "tried_in", "sentenced_to_death_by", "participated_in", "perpetrated_by", "member_of", "leader_of",
    "director_of", "secretary_general_of", "rapporteur_of", "located_in", "occurred_in", "victim_of", "subject_of",
    "condemned_by", "related_to",
)  # fmt: skip


@pytest.fixture
def ontology_dir(tmp_path: Path) -> Path:
    """A copy of the shipped ontology files to break."""
    for name in ONTOLOGY_FILES:
        shutil.copy(REPO / "ontology" / name, tmp_path / name)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}; update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(text)


def test_the_copied_files_load(ontology_dir: Path) -> None:
    onto = parse_ontology(ontology_dir)
    assert onto.predicates.keys() == load_ontology().predicates.keys()


def test_unknown_range_type_in_predicates(ontology_dir: Path) -> None:
    append(ontology_dir / "predicates.yaml", """
hid_in:
  domain: [Person]
  range: [Building]
  type: HID_IN
  rdf: hidIn
  definition: The person hid in the building.
""")  # fmt: skip
    with pytest.raises(OntologyError) as err:
        parse_ontology(ontology_dir)
    assert "predicates.yaml" in str(err.value)
    assert "hid_in" in str(err.value) and "Building" in str(err.value)


def test_predicate_without_type(ontology_dir: Path) -> None:
    edit(ontology_dir / "predicates.yaml", "  type: KILLED_IN\n", "")
    with pytest.raises(OntologyError, match=r"predicates\.yaml: predicate killed_in: .*'type'"):
        parse_ontology(ontology_dir)


def test_predicate_type_that_is_not_its_upper_snake_name(ontology_dir: Path) -> None:
    edit(ontology_dir / "predicates.yaml", "type: KILLED_IN", "type: KILLED")
    with pytest.raises(OntologyError, match=r"predicates\.yaml: predicate killed_in: type must be 'KILLED_IN'"):
        parse_ontology(ontology_dir)


def test_unknown_property_range(ontology_dir: Path) -> None:
    edit(ontology_dir / "types.yaml", "geonames: {range: integer", "geonames: {range: number")
    with pytest.raises(OntologyError) as err:
        parse_ontology(ontology_dir)
    message = str(err.value)
    assert "types.yaml" in message and "geonames" in message and "'number'" in message


def test_duplicate_id_in_authority(ontology_dir: Path) -> None:
    append(ontology_dir / "authority.yaml", """
  - id: place/iran
    type: Place
    name: Iran again
    aliases: []
    wikidata: null
    description: A second entry with the same id.
    kind: country
""")  # fmt: skip
    with pytest.raises(OntologyError, match=r"authority\.yaml: place/iran: duplicate id"):
        parse_ontology(ontology_dir)


def test_located_in_pointing_nowhere(ontology_dir: Path) -> None:
    append(ontology_dir / "authority.yaml", """
  - id: place/evin-annex
    type: Place
    name: Evin Annex
    aliases: []
    wikidata: null
    description: A made-up prison wing.
    kind: prison
    located_in: place/atlantis
""")  # fmt: skip
    with pytest.raises(OntologyError) as err:
        parse_ontology(ontology_dir)
    message = str(err.value)
    assert "authority.yaml" in message and "place/evin-annex" in message and "place/atlantis" in message


def test_missing_file_is_named(ontology_dir: Path) -> None:
    (ontology_dir / "predicates.yaml").unlink()
    with pytest.raises(OntologyError, match=r"predicates\.yaml is missing"):
        parse_ontology(ontology_dir)


def test_invalid_yaml_is_named(ontology_dir: Path) -> None:
    append(ontology_dir / "types.yaml", "\nPerson: [unclosed\n")
    with pytest.raises(OntologyError, match=r"types\.yaml is not valid YAML"):
        parse_ontology(ontology_dir)


@pytest.mark.parametrize("name", SPEC_PREDICATES)
def test_every_spec_predicate_is_in_the_ontology_with_its_upper_snake_type(name: str) -> None:
    onto = load_ontology()
    assert name in onto.predicates, f"SPEC predicate {name} is missing from predicates.yaml"
    pred = onto.predicates[name]
    assert pred.type == name.upper()
    assert re.fullmatch(r"[A-Z][A-Z0-9]*(_[A-Z0-9]+)*", pred.type)
    assert pred.domain and pred.range and pred.definition
