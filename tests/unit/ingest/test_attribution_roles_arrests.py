"""Claims with number words and figures next to the event under discussion, active-voice arrests, roles from
relative clauses, organisation names with "for"/"on" topics. Every sentence here is written for the test."""

from __future__ import annotations

from hrkg.ingest.claims import word_value
from tests.unit.ingest.shapes import triples as _triples


def _claims(doc):
    return {(c.metric, c.value, c.claimed_by) for c in doc.claims}


def test_word_values() -> None:
    assert word_value("three") == 3
    assert word_value("two hundred") == 200
    assert word_value("thirty-five") == 35
    assert word_value("a thousand") == 1000
    assert word_value("three hundred and twelve") == 312


def test_number_words_and_figures_about_the_protest_under_discussion(extract) -> None:
    text = (
        "Police fired on the Harbour Street protests in Velmora on Friday.\n\n"
        "The Velmora Rights Observatory said at least 31 people were killed. "
        "Three students were killed near the university, and more than two hundred people had been injured, "
        "according to the Coastal Rights Bureau."
    )
    doc = extract(text, published="2021-03-05")
    got = {(m, v) for m, v, _ in _claims(doc)}
    assert {("killed", 31), ("killed", 3), ("injured", 200)} <= got, got
    assert all(c.about.startswith("event/") for c in doc.claims)


def test_no_claim_for_back_references_statistics_or_fatal_injuries(extract) -> None:
    text = (
        "Police fired on the Harbour Street protests in Velmora on Friday.\n\n"
        "The three men were killed near the bridge, the Velmora Rights Observatory said. "
        "In all but four cases the victims were shot. Of the remaining victims, two suffered fatal head injuries. "
        "The Observatory said 840 people had been executed in the country since 2015."
    )
    doc = extract(text, published="2021-03-05")
    got = {(m, v) for m, v, _ in _claims(doc)}
    assert ("killed", 3) not in got and ("killed", 4) not in got and ("injured", 2) not in got, got
    assert not any(v == 840 for _, v in got), got


def test_put_the_toll_at_and_number_of_injured_at(extract) -> None:
    text = (
        "Security forces broke up the Harbour Street protests in Velmora in March 2021. "
        "The Velmora Rights Observatory put the toll at 34. "
        "The Ministry of Interior put the number of injured police officers at 121, a figure confirmed by "
        "the state news agency Velnews."
    )
    doc = extract(text, published="2021-03-05")
    got = {(m, v) for m, v, _ in _claims(doc)}
    assert ("killed", 34) in got and ("injured", 121) in got, got
    assert any(c.claimed_by and "observatory" in c.claimed_by for c in doc.claims if c.value == 34)


def test_active_voice_arrest_of_several_people_in_a_place(extract) -> None:
    text = "Security forces arrested Loujain Marvi, Aziza Dallal and Eman Qasir in Riyadh on Tuesday."
    doc = extract(text, published="2018-05-20")
    triples = _triples(doc)
    for name in ("loujain-marvi", "aziza-dallal", "eman-qasir"):
        assert (f"person/{name}", "arrested_in", "place/riyadh") in triples, triples


def test_no_arrest_for_the_arresting_side_or_a_passive_clause(extract) -> None:
    text = (
        "Officials who detained Reza Kamali declined to comment. "
        "Samira Nouri, who was detained for a week, travelled to Tehran in May."
    )
    doc = extract(text, published="2018-05-20")
    assert not any(r.predicate == "arrested_in" for r in doc.relations), _triples(doc)


def test_whose_director_and_whose_members_and_its_director(extract) -> None:
    text = (
        "Coastal Rights Bureau (CRB), a Norway-based group whose director is Mahmood Tavakoli, welcomed the report. "
        "The Fact-Finding Mission on Velmora, whose other members are Shirin Abadi and Viviana Kostic, "
        "was set up in 2022. The Harbour Justice Network said the verdict was unfair. "
        "Its director, Maya Fenwick, said the court had ignored the evidence."
    )
    doc = extract(text, published="2023-01-10")
    triples = _triples(doc)
    assert ("person/mahmood-tavakoli", "director_of", "organisation/coastal-rights-bureau") in triples, triples
    mission = next(e.id for e in doc.entities if e.type == "Organisation" and "mission" in e.id)
    assert ("person/shirin-abadi", "member_of", mission) in triples, triples
    assert ("person/viviana-kostic", "member_of", mission) in triples, triples
    assert ("person/maya-fenwick", "director_of", "organisation/harbour-justice-network") in triples, triples


def test_its_director_needs_a_sentence_opening_its(extract) -> None:
    text = "The Harbour Justice Network said the verdict was unfair. Maya Fenwick said its director had resigned."
    doc = extract(text, published="2023-01-10")
    assert not any(r.predicate == "director_of" for r in doc.relations), _triples(doc)


def test_organisation_names_with_for_and_on_topics(extract) -> None:
    text = (
        "The Velmoran Center for Human Rights (CENVH) and the Permanent Commission on Human Rights (CPDH) "
        "said the police had killed 12 people. The Commission on Monday repeated the figure."
    )
    doc = extract(text, published="2018-04-23")
    names = {e.name for e in doc.entities if e.type == "Organisation"}
    assert "Velmoran Center for Human Rights" in names and "Permanent Commission on Human Rights" in names, names
    assert not any("Monday" in n for n in names), names
