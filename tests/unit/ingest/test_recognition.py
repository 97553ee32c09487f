from __future__ import annotations

from hrkg.ingest.names import mint_id, slugify, word_key


def _by_id(doc):
    return {e.id: e for e in doc.entities}


def test_unknown_person_with_role_cue_and_surname_coreference(extract) -> None:
    doc = extract(
        "Prosecutors charged the blogger Farhad Zolghadr-Nasab with sedition. "
        "Zolghadr-Nasab's lawyer said the case was political."
    )
    e = _by_id(doc)["person/farhad-zolghadr-nasab"]
    assert e.type == "Person"
    assert "Zolghadr-Nasab" in e.aliases
    assert len(e.mentions) == 2


def test_offsets_index_the_normalised_text(extract) -> None:
    text = "The activist Leyla  Bahrami\u00a0was freed in Tabriz."
    doc = extract(text)
    from hrkg.ingest.text import normalise_text

    norm = normalise_text(text)
    for e in doc.entities:
        for m in e.mentions:
            assert norm[m.start : m.end] == m.text
    assert "person/leyla-bahrami" in _by_id(doc)


def test_organisation_heads_and_acronym_defined_in_parentheses(extract) -> None:
    doc = extract(
        "The Kurdistan Lawyers Association (KLA) published a list on Monday. According to KLA, the list is incomplete."
    )
    org = _by_id(doc)["organisation/kurdistan-lawyers-association"]
    assert "KLA" in org.aliases
    assert len(org.mentions) == 3


def test_places_from_the_gazetteer_and_demonyms_do_not_invent_entities(extract) -> None:
    doc = extract("The delegation travelled from Nairobi to Lisbon, where Portuguese officials met them.")
    ids = set(_by_id(doc))
    assert {"place/nairobi", "place/lisbon"} <= ids
    assert not any(i.startswith("person/") for i in ids)


def test_title_tied_to_a_named_person(extract) -> None:
    doc = extract(
        "Marta Oyelaran, the Council's Special Envoy, visited the camp. The Special Envoy later met local elders."
    )
    p = _by_id(doc)["person/marta-oyelaran"]
    assert any(a.lower().endswith("special envoy") for a in p.aliases) or len(p.mentions) >= 1


def test_report_titles_and_quoted_programme_names_are_not_entities(extract) -> None:
    doc = extract('The monitor also runs a radio show called "Sedaye Azadi Now" every week.')
    assert not any(e.type == "Person" for e in doc.entities)


def test_generic_state_actor_only_when_in_a_relation(extract) -> None:
    quiet = extract("In Iran the regime rarely comments on such matters.")
    assert "organisation/iranian-government" not in _by_id(quiet)
    active = extract("In Iran, security forces killed at least 12 protesters during the Arak protests in May 2021.")
    assert "organisation/iranian-security-forces" in _by_id(active)


def test_ids_are_stable_slugs() -> None:
    assert slugify("Amiry-Moghaddam's Office") == "amiry-moghaddams-office"
    assert mint_id("Person", "Zoë Ñúñez") == "person/zoe-nunez"
    assert word_key("Trial of Jane Roe") == word_key("Jane Roe trial")


def test_same_document_gives_same_ids_and_document_id(extract) -> None:
    text = "The journalist Kaveh Sarrafi was arrested in Shiraz in 2019."
    a, b = extract(text), extract(text)
    assert a.id == b.id
    assert [e.id for e in a.entities] == [e.id for e in b.entities]
