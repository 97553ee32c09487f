from __future__ import annotations

from tests.unit.ingest.shapes import triples as _triples


def _claims(doc):
    return {(c.metric, c.value, c.qualifier) for c in doc.claims}


def test_passive_execution_with_prison_place_and_date(extract) -> None:
    doc = extract(
        "The dissident poet Arash Karimzadeh was executed in Sangbast Prison on 4 March 2023, his family said.",
        published="2023-03-06",
    )
    rel = next(r for r in doc.relations if r.predicate == "executed_in")
    assert rel.subject == "person/arash-karimzadeh"
    assert rel.object.endswith("sangbast-prison")
    assert rel.date == "2023-03-04"


def test_evidence_is_the_sentence_span(extract) -> None:
    text = "Nothing else happened. The dissident poet Arash Karimzadeh was executed in Sangbast Prison in 2023."
    doc = extract(text)
    r = next(r for r in doc.relations if r.predicate == "executed_in")
    assert text[r.evidence.start : r.evidence.end] == r.evidence.text
    assert r.evidence.text.startswith("The dissident poet")


def test_based_in_and_led_by(extract) -> None:
    doc = extract("Geneva-based Justice Advocates Watch said it would appeal.")
    assert ("organisation/justice-advocates-watch", "located_in", "place/geneva") in _triples(doc)


def test_role_apposition_gives_director_of(extract) -> None:
    doc = extract("Selin Aydemir, Prison Reform Network's Executive Director, said the figures were low.")
    assert ("person/selin-aydemir", "director_of", "organisation/prison-reform-network") in _triples(doc)


def test_universal_jurisdiction_through_the_courts_country(extract) -> None:
    doc = extract("The trial of Karim Sabbagh opened in Sweden under the principle of universal jurisdiction in 2023.")
    t = _triples(doc)
    assert ("person/karim-sabbagh", "subject_of", "case/trial-of-karim-sabbagh") in t or any(
        p == "subject_of" for _, p, _ in t
    )
    assert any(p == "tried_under_universal_jurisdiction" and o == "place/sweden" for _, p, o in t)


def test_arrested_in_place_with_year(extract) -> None:
    doc = extract("Rights groups said the teacher Nasrin Kalhori was arrested in Mashhad in 2020.")
    r = next(r for r in doc.relations if r.predicate == "arrested_in")
    assert (r.subject, r.object, r.date) == ("person/nasrin-kalhori", "place/mashhad", "2020")


def test_claims_with_qualifiers_and_attribution(extract) -> None:
    doc = extract(
        "The Baluch Rights Monitor said security forces killed at least 96 protesters and arrested more than "
        "4,000 people during the Zahedan protests in September 2022. The monitor said some 250 were injured."
    )
    got = _claims(doc)
    assert ("killed", 96, "at least") in got
    assert ("arrested", 4000, "more than") in got
    claim = next(c for c in doc.claims if c.value == 96)
    assert claim.claimed_by == "organisation/baluch-rights-monitor"


def test_vague_amounts_and_ages_are_not_claims(extract) -> None:
    doc = extract(
        "Thousands of people were arrested during the Karaj protests in 2019, and a 17-year-old was among "
        "hundreds killed."
    )
    assert doc.claims == []


def test_second_source_confirming_a_figure_gives_a_second_claim(extract) -> None:
    doc = extract(
        "The Ahvaz Monitor confirmed on 3 May 2021 the toll of 41 dead in the Ahvaz protests in April 2021 "
        "that was announced by the Karun Human Rights Group on 28 April 2021."
    )
    by = {c.claimed_by for c in doc.claims if c.value == 41}
    assert len(by) == 2


def test_relation_types_respect_domain_and_range(extract) -> None:
    from hrkg.ontology import load_ontology

    ont = load_ontology()
    doc = extract(
        "Tehran-based Justice Now reported on the Ilam protests in 2024, which security forces crushed. "
        "The activist Omid Rahbari, the group's spokesman, condemned the crackdown."
    )
    types = {e.id: e.type for e in doc.entities}
    for r in doc.relations:
        assert ont.allows(r.predicate, types[r.subject], types[r.object])
