"""Figures told in more ways (a toll that "was no lower than", "the figure of 42" confirmed by a second group,
people "held", "gunned down", "convicted of robbery and murder" before the verb) and who reported what.

Every sentence here is written for the test, about made-up or public cases in our own words.
"""

from __future__ import annotations

from tests.unit.ingest.shapes import ids as _ids
from tests.unit.ingest.shapes import triples as _triples


def _claims(doc) -> set[tuple[str, str, int, str | None]]:
    return {(c.about, c.metric, c.value, c.qualifier) for c in doc.claims}


def test_a_figure_confirmed_by_a_second_group_keeps_its_metric_and_event(extract) -> None:
    doc = extract(
        "Security forces opened fire on the Dehgolan protests on 3 May 2021. "
        "Hengaw said 17 protesters were killed in the town. "
        "The Kurdistan Human Rights Network later confirmed the figure of 17 in its monthly report."
    )
    found = [c for c in doc.claims if c.value == 17]
    assert len(found) == 2, doc.claims
    assert {c.metric for c in found} == {"killed"}
    assert len({c.about for c in found}) == 1
    assert {c.claimed_by for c in found} == {"organisation/hengaw", "organisation/kurdistan-human-rights-network"}


def test_a_toll_that_was_no_lower_than_a_figure(extract) -> None:
    doc = extract(
        "The Hama massacre of February 1982 wiped out whole districts of the city. "
        "The Syrian Human Rights Committee says the toll was no lower than 25,000."
    )
    claims = _claims(doc)
    assert any(m == "killed" and v == 25000 and q == "at least" for _a, m, v, q in claims), claims


def test_qualifiers_in_other_words(extract) -> None:
    doc = extract(
        "During the Andijan massacre of May 2005, upwards of 300 people were killed, according to witnesses. "
        "Officials put the toll closer to 187."
    )
    claims = {(v, q) for _a, m, v, q in _claims(doc) if m == "killed"}
    assert (300, "more than") in claims, claims
    assert (187, "about") in claims, claims


def test_a_figure_that_refers_to_the_previous_sentences_metric(extract) -> None:
    doc = extract(
        "Amnesty International says at least 230 people were killed during the Cairo protests of 2013. "
        "Human Rights Watch said the real figure was probably more than 800."
    )
    assert any(m == "killed" and v == 800 for _a, m, v, _q in _claims(doc)), doc.claims


def test_people_held_and_people_gunned_down(extract) -> None:
    doc = extract(
        "Police broke up the Lafayette Square vigil in June 2020. "
        "A spokesman said about 40 people had been held overnight. "
        "Witnesses said at least six people were gunned down as they fled."
    )
    claims = {(m, v) for _a, m, v, _q in _claims(doc)}
    assert ("detained", 40) in claims, claims
    assert ("killed", 6) in claims, claims


def test_a_rally_that_was_held_is_no_detention(extract) -> None:
    doc = extract("During the 2019 Hong Kong protests, 12 rallies were held in a single weekend.")
    assert not [c for c in doc.claims if c.metric == "detained"], doc.claims


def test_charges_joined_by_and_before_the_verb(extract) -> None:
    doc = extract(
        "The Shiraz executions of March 2024 drew protests abroad. "
        "Three men convicted of armed robbery and murder were hanged in Adelabad prison, Hengaw said."
    )
    assert any(m == "executed" and v == 3 for _a, m, v, _q in _claims(doc)), doc.claims


def test_members_of_a_family_can_be_counted(extract) -> None:
    doc = extract(
        "During the 2022 Mahabad crackdown, relatives said that four members of the family had been arrested by "
        "intelligence agents."
    )
    assert any(m == "arrested" and v == 4 for _a, m, v, _q in _claims(doc)), doc.claims


def test_murders_are_killings(extract) -> None:
    doc = extract(
        "The Tadamon massacre of April 2013 came to light years later. "
        "A court abroad found one officer responsible for 27 murders."
    )
    assert any(m == "killed" and v == 27 for _a, m, v, _q in _claims(doc)), doc.claims


def _events(doc) -> dict[str, list[str]]:
    return {e.id: e.aliases for e in doc.entities if e.type == "Event"}


def test_executions_named_after_a_town_are_one_event(extract) -> None:
    doc = extract("The Shiraz executions of March 2024 drew protests abroad.")
    events = _events(doc)
    assert any("shiraz-executions" in e for e in events), events
    assert not any("drew" in a for aliases in events.values() for a in aliases), events


def test_the_month_march_is_no_march(extract) -> None:
    doc = extract("The March 2024 Tabriz executions were condemned by the EU. On 4 March police beat mourners.")
    assert not any(e.endswith("/march") for e in _events(doc)), _events(doc)


def test_a_group_hanging_dated_by_a_year_alone_takes_that_year(extract) -> None:
    doc = extract("Five men were hanged in Shiraz in 2023, a rights group said.", published="2024-01-15")
    assert any(e.startswith("event/2023-") for e in _events(doc)), _events(doc)


def test_a_place_put_before_the_clause_is_where_the_event_happened(extract) -> None:
    doc = extract("In Vakilabad Prison, inmates began the Tuesday hunger strike against executions in 2024.")
    triples = _triples(doc)
    assert any(p == "occurred_in" and o.endswith("vakilabad-prison") for _s, p, o in triples), triples


def test_people_killed_across_a_country_during_an_event(extract) -> None:
    doc = extract("Witnesses said at least 50 people were killed across Sudan during the June 2019 crackdown.")
    triples = _triples(doc)
    assert any(p == "occurred_in" and o == "place/sudan" for _s, p, o in triples), triples


def test_a_mass_hanging_at_a_prison_on_a_day_is_one_event(extract) -> None:
    doc = extract("Rights groups recalled the mass hanging at Rajaei Shahr on 27 July 2023.")
    events = _events(doc)
    assert len(events) == 1, events
    assert any(p == "occurred_in" for _s, p, _o in _triples(doc)), _triples(doc)


def test_a_court_named_after_its_city_sentenced_him(extract) -> None:
    doc = extract(
        "Mohammed Jabbateh was arrested in Pennsylvania in 2016. "
        "In 2018 the Philadelphia District Court sentenced him to 30 years in prison for lying about war crimes."
    )
    triples = _triples(doc)
    assert ("person/mohammed-jabbateh", "tried_in", "place/philadelphia") in triples, triples


def test_a_word_of_a_courts_name_that_is_a_small_town_is_no_trial_place(extract) -> None:
    doc = extract("The Federal Criminal Court in Bellinzona sentenced Ousman Sonko to 20 years in 2024.")
    assert not any(o == "place/federal" for _s, _p, o in _triples(doc)), _triples(doc)


def test_condemning_the_arrests_condemns_the_arrests_named_before(extract) -> None:
    doc = extract(
        "Police detained dozens of mourners at the Saqqez funeral of October 2022. "
        "The families said the mourners were beaten. "
        "Amnesty International condemned the arrests and demanded the release of all detainees."
    )
    triples = _triples(doc)
    assert any(
        p == "condemned_by" and o == "organisation/amnesty-international" and "funeral" in s for s, p, o in triples
    ), triples


def test_led_or_commanded_by_a_described_person(extract) -> None:
    doc = extract(
        "The Kurdistan Human Rights Network, which is led by the exiled activist Rebin Rahmani, issued a report. "
        "The Sudan Liberation Army, the rebel force commanded by General Abdel Wahid al-Nur, held the hills."
    )
    triples = _triples(doc)
    assert ("person/rebin-rahmani", "leader_of", "organisation/kurdistan-human-rights-network") in triples, triples
    assert any(s == "person/abdel-wahid-al-nur" and p == "leader_of" for s, p, _o in triples), triples


def test_who_chairs_the_organisation(extract) -> None:
    doc = extract("Mehdi Rahimi, the lawyer who chairs the Tehran Bar Association, declined to comment.")
    triples = _triples(doc)
    assert any(s == "person/mehdi-rahimi" and p == "leader_of" for s, p, _o in triples), triples


def test_an_acronym_the_text_defines_wins_over_the_dictionarys(extract) -> None:
    doc = extract("The Rapid Support Forces (RSF) stormed the camp. The RSF denied the accusation.")
    orgs = {e.id: e.aliases for e in doc.entities if e.type == "Organisation"}
    assert "RSF" in orgs.get("organisation/rapid-support-forces", []), orgs
    assert "organisation/reporters-without-borders" not in orgs, orgs


def test_a_diplomat_a_student_and_a_professor_belong_to_their_bodies(extract) -> None:
    doc = extract(
        "Olivier Grondeau, a French diplomat of the European Union, was freed. "
        "Niloufar Bayani, a Columbia University graduate student, was jailed. "
        "Kylie Moore-Gilbert, a lecturer at the University of Melbourne, was released in 2020."
    )
    members = {(s, o) for s, p, o in _triples(doc) if p == "member_of"}
    assert ("person/olivier-grondeau", "organisation/european-union") in members, members
    assert any(s == "person/niloufar-bayani" and "columbia" in o for s, o in members), members
    assert any(s == "person/kylie-moore-gilbert" and "melbourne" in o for s, o in members), members


def test_journalists_of_a_described_channel_listed_after_it(extract) -> None:
    doc = extract(
        "Three reporters of the London-based broadcaster Iran International, Sima Sabet and Kambiz Ghafouri, "
        "were threatened."
    )
    members = {s for s, p, o in _triples(doc) if p == "member_of" and "iran-international" in o}
    assert members == {"person/sima-sabet", "person/kambiz-ghafouri"}, _triples(doc)


def test_compound_persian_given_names_and_names_the_name_list_lacks(extract) -> None:
    doc = extract(
        "Guards beat Amirhossein Moradi and Pouya Kazemi outside the prison. "
        "The court sentenced Moein Khanfari to death. Mohammadian, a lawyer, said so."
    )
    persons = _ids(doc, "Person")
    assert {"person/amirhossein-moradi", "person/pouya-kazemi", "person/moein-khanfari"} <= persons, persons


def test_surnames_are_no_compound_given_names() -> None:
    from hrkg.ingest.gazetteer import gazetteer

    gz = gazetteer()
    assert gz.is_given_name("Ahmadreza") and gz.is_given_name("Ruhollah") and gz.is_given_name("Abdolrahim")
    for surname in ("Mohammadi", "Hosseinzadeh", "Ahmadian", "Alizadeh", "Hassanpour", "Amirkhani"):
        assert not gz.is_given_name(surname), surname


def test_a_person_and_others_sentenced_by_a_court(extract) -> None:
    doc = extract(
        "Kamal Rahimi and two others were sentenced to death in March by the Revolutionary Court of Sanandaj. "
        "Leila Hosseini received a death sentence from the Tehran Revolutionary Court in May."
    )
    sentenced = {(s, o) for s, p, o in _triples(doc) if p == "sentenced_to_death_by"}
    assert any(s == "person/kamal-rahimi" and "sanandaj" in o for s, o in sentenced), sentenced
    assert ("person/leila-hosseini", "organisation/tehran-revolutionary-court") in sentenced, sentenced


def test_the_three_men_they_and_all_of_them_are_the_people_just_listed(extract) -> None:
    doc = extract(
        "Intelligence agents arrested Hadi Kaabi, Nasser Sawari and Yousef Badavi in 2020. "
        "The three men were sentenced to death by the Ahvaz Revolutionary Court in 2023. "
        "They were hanged in Sepidar prison in May 2024."
    )
    triples = _triples(doc)
    for who in ("person/hadi-kaabi", "person/nasser-sawari", "person/yousef-badavi"):
        assert any(s == who and p == "sentenced_to_death_by" for s, p, _o in triples), triples
        assert any(s == who and p == "executed_in" and "sepidar" in o for s, p, o in triples), triples


def test_a_count_that_does_not_fit_the_list_refers_to_other_people(extract) -> None:
    doc = extract(
        "Intelligence agents arrested Hadi Kaabi and Nasser Sawari in 2020. "
        "The five men were sentenced to death by the Ahvaz Revolutionary Court in 2023."
    )
    assert not any(p == "sentenced_to_death_by" for _s, p, _o in _triples(doc)), _triples(doc)


def test_only_a_court_sentences_to_death(extract) -> None:
    doc = extract("Javaid Rehman, the UN Special Rapporteur, said death sentences against protesters must stop.")
    assert not any(p == "sentenced_to_death_by" for _s, p, _o in _triples(doc)), _triples(doc)


def test_a_date_after_of_dates_the_event_and_ends_its_name(extract) -> None:
    doc = extract(
        "Riot police beat voters after the presidential election of 9 August declared the incumbent the winner. "
        "The massacre of 4 June 1989 is still censored.",
        published="2020-11-20",
    )
    events = _events(doc)
    election = next(e for e in events if "election" in e)
    assert election.startswith("event/august-2020"), events
    assert not any("winner" in a or "censored" in a for aliases in events.values() for a in aliases), events
    assert "election" in events[election] and "presidential election" in events[election], events


def test_the_mass_execution_of_a_month_is_one_event(extract) -> None:
    doc = extract("Since the mass execution of March 2022, when 81 men were put to death, hangings have risen.")
    events = _events(doc)
    assert any("march-2022" in e for e in events), events
    assert any(c.value == 81 and c.metric == "executed" for c in doc.claims), doc.claims


def test_a_hanging_told_again_without_its_name_says_where_it_happened(extract) -> None:
    doc = extract(
        "The Vakilabad executions of June 2024 alarmed rights groups. "
        "Four more men were hanged on Tuesday in Vakilabad Prison, the group said."
    )
    triples = _triples(doc)
    assert any(p == "occurred_in" and "vakilabad-executions" in s and "prison" in o for s, p, o in triples), triples


def test_one_persons_execution_is_no_group_hanging_told_later(extract) -> None:
    doc = extract(
        "The execution of Arman Karimi in May 2024 shocked his town. "
        "Two other men were hanged on Sunday in Dastgerd Prison."
    )
    triples = _triples(doc)
    assert not any(s == "event/execution-of-arman-karimi" and o.endswith("dastgerd-prison") for s, _p, o in triples)


def test_quoted_as_saying_and_the_same_figure_name_sources(extract) -> None:
    doc = extract(
        "The Ilam water protests of July 2021 were put down by force. "
        "IRNA quoted the governor, Hassan Kamali, as saying that 3 protesters were killed. "
        "The Ilam Rights Observatory arrived independently at the same figure of 3."
    )
    reporters = {o for s, p, o in _triples(doc) if p == "reported_by"}
    assert {"person/hassan-kamali", "organisation/ilam-rights-observatory"} <= reporters, reporters


def test_lives_claimed_and_a_toll_of_an_event_that_rose(extract) -> None:
    doc = extract(
        "The Andijan massacre of May 2005 claimed the lives of at least 187 people, officials said. "
        "The death toll of the Andijan massacre rose to 750, according to witnesses."
    )
    claims = {(m, v) for _a, m, v, _q in _claims(doc)}
    assert {("killed", 187), ("killed", 750)} <= claims, claims


def test_the_number_of_people_detained_set_at_a_figure(extract) -> None:
    doc = extract(
        "The Rasht teachers' strike of May 2023 was broken up. "
        "The union put the number of people detained during the strike at about 50."
    )
    assert any(m == "detained" and v == 50 for _a, m, v, _q in _claims(doc)), doc.claims


def test_an_aside_in_brackets_shot_and_killed_and_a_toll_far_before_its_figure(extract) -> None:
    doc = extract(
        "During the Shadegan protests of July 2021, at least 4 people (including a teenager) were killed. "
        "Witnesses said 3 protesters had been shot and killed on the bridge. "
        "The death toll from the crackdown on the 2021 Khuzestan unrest in Shadegan and Susangerd had reached 9 "
        "by Friday, Amnesty said."
    )
    values = {v for _a, m, v, _q in _claims(doc) if m == "killed"}
    assert {4, 3, 9} <= values, doc.claims


def test_a_death_in_custody_names_no_perpetrator_of_the_protests(extract) -> None:
    doc = extract(
        "A year after Mahsa Amini died in the custody of Iran's morality police, rights groups still count the dead "
        "of the 2022 protests."
    )
    assert not any(p == "perpetrated_by" for _s, p, _o in _triples(doc)), _triples(doc)


def test_someone_released_in_an_exchange_did_not_report_it(extract) -> None:
    doc = extract("Kylie Moore-Gilbert was released in a prisoner exchange in November 2020, her family said.")
    assert not any(p == "reported_by" and o == "person/kylie-moore-gilbert" for _s, p, o in _triples(doc))


def test_a_group_hanging_is_also_named_with_the_prisons_other_spelling(extract) -> None:
    doc = extract(
        "Guards beat relatives outside Vakilabad (Vakil Abad) Prison on Monday. "
        "Four men were hanged in Vakil Abad on 3 June 2024, a rights group said.",
        published="2024-06-05",
    )
    events = [e for e in doc.entities if e.type == "Event"]
    assert len(events) == 1, events
    names = {events[0].name, *events[0].aliases}
    assert {"June 2024 Vakil Abad executions", "June 2024 Vakilabad executions"} <= names, events


def test_a_nationality_is_not_the_national_police(extract) -> None:
    doc = extract("Swedish police arrested Hamid Noury in 2019. A Swedish diplomat, Johan Floderus, was freed in 2024.")
    police = next(e for e in doc.entities if e.id == "organisation/swedish-police")
    assert [m.text for m in police.mentions] == ["Swedish police"], police.mentions


def test_who_directs_an_organisation_is_its_director_only(extract) -> None:
    doc = extract("Rebin Rahmani, who directs the Kurdistan Human Rights Network, said families were threatened.")
    roles = {p for s, p, o in _triples(doc) if s == "person/rebin-rahmani"}
    assert roles == {"director_of"}, _triples(doc)


def test_an_organisations_unit_is_two_organisations(extract) -> None:
    doc = extract("General Mohammad Pakpour, commander of the IRGC's Quds Base, spoke to IRNA on Monday.")
    orgs = _ids(doc, "Organisation")
    assert {"organisation/irgc", "organisation/quds-base"} <= orgs, orgs
    assert not any(e.type == "Person" and "base" in e.id for e in doc.entities), doc.entities


def test_arrested_him_somewhere_where_he_was_seized_and_on_arrival(extract) -> None:
    doc = extract(
        "Ahmad Khalili, a Kurdish teacher, organised the strike. Police arrested him in Marivan in 2022. "
        "In 2020 Habib Chaab flew to Istanbul, where he was abducted by agents. "
        "Jamshid Sharmahd, a software engineer, was seized on arrival in Dubai in July 2020."
    )
    arrests = {(s, o) for s, p, o in _triples(doc) if p == "arrested_in"}
    assert ("person/ahmad-khalili", "place/marivan") in arrests, arrests
    assert ("person/habib-chaab", "place/istanbul") in arrests, arrests
    assert ("person/jamshid-sharmahd", "place/dubai") in arrests, arrests


def test_protesters_gathering_in_a_list_of_towns(extract) -> None:
    doc = extract(
        "The Mahsa Amini protests spread in September 2022. "
        "Demonstrators gathered in Sanandaj, Saqqez and Mahabad on Sunday."
    )
    places = {o for s, p, o in _triples(doc) if p == "occurred_in" and s == "event/mahsa-amini-protests"}
    assert {"place/sanandaj", "place/saqqez", "place/mahabad"} <= places, _triples(doc)


def test_a_count_of_hangings_is_not_about_one_persons_execution(extract) -> None:
    doc = extract(
        "The execution of Mohsen Shekari in December 2022 was the first linked to the Mahsa Amini protests. "
        "Since the execution of Mohsen Shekari, at least 9 people have been executed over the Mahsa Amini protests, "
        "IHR said."
    )
    nine = [c for c in doc.claims if c.value == 9]
    assert nine and all(c.about == "event/mahsa-amini-protests" for c in nine), doc.claims


def test_a_figure_after_a_funeral_named_since_the_protests_is_about_the_funeral(extract) -> None:
    doc = extract(
        "The Mahsa Amini protests spread to Kurdistan in September 2022. "
        "On 26 October thousands attended the Saqqez funeral of a young protester. "
        "Witnesses said 12 mourners were arrested."
    )
    twelve = [c for c in doc.claims if c.value == 12]
    assert twelve and all("funeral" in c.about for c in twelve), doc.claims


def test_the_arrest_of_a_named_person_and_of_someones_relative(extract) -> None:
    doc = extract(
        "Amnesty condemned the arrest of Fariba Nazari-Far in Ahvaz. "
        "Hengaw reported the arrest of Navid Afkari's brother, Habib Afkari."
    )
    events = _events(doc)
    assert "event/arrest-of-fariba-nazari-far" in events, events
    assert not any(e == "event/arrest-of-navid-afkari" for e in events), events
    assert any("brother" in e for e in events), events


def test_arrest_places_after_an_apposition_or_a_checkpoint_and_one_of_a_group_hanged(extract) -> None:
    doc = extract(
        "Intelligence agents arrested Zahra Sedighi, a teacher's aide, in Urmia on Monday. "
        "Jalal Rigi was arrested in 2019 at a checkpoint outside Khash, his family said. "
        "Kamal Azizi was one of at least six prisoners hanged in Vakilabad Prison on 2 May 2024, Hengaw said."
    )
    triples = _triples(doc)
    assert ("person/zahra-sedighi", "arrested_in", "place/urmia") in triples, triples
    assert ("person/jalal-rigi", "arrested_in", "place/khash") in triples, triples
    hanged = {o for s, p, o in triples if s == "person/kamal-azizi" and p == "executed_in"}
    assert any(o.startswith("event/") for o in hanged) and any("vakilabad" in o for o in hanged), triples


def test_a_region_in_the_north_of_a_country(extract) -> None:
    doc = extract("Foya is a town in Lofa County in the north of Liberia.")
    assert ("place/lofa-county", "located_in", "place/liberia") in _triples(doc), _triples(doc)


def test_a_death_told_paragraphs_after_the_crackdown_was_named(extract) -> None:
    doc = extract(
        "The Javanrud crackdown of November 2022 began with a raid on the town. "
        "Rights groups gathered videos. Families spoke to reporters. Officials denied everything. "
        "Schools were closed. Shops stayed shut. Phones were cut. Roads were blocked. "
        "In Javanrud, Kamran Moradi, a 24-year-old mechanic, was killed by gunfire outside his home."
    )
    assert any(s == "person/kamran-moradi" and p == "killed_in" for s, p, _o in _triples(doc)), _triples(doc)


def test_every_conjunct_of_the_subject_condemns(extract) -> None:
    doc = extract(
        "The Tehran Revolutionary Court sentenced Toomaj Salehi to death in April 2024. "
        "The trial of Toomaj Salehi lasted one session. "
        "Amnesty International and Human Rights Watch both condemned the death sentence."
    )
    condemners = {o for s, p, o in _triples(doc) if p == "condemned_by"}
    assert {"organisation/amnesty-international", "organisation/human-rights-watch"} <= condemners, _triples(doc)


def test_among_those_arrested_and_a_post_election_crackdown_is_no_election(extract) -> None:
    doc = extract(
        "The 2024 Venezuelan post-election crackdown began in July. "
        "Among those arrested was the opposition politician Freddy Superlano."
    )
    events = _events(doc)
    assert not any("election" in e for e in events), events
    assert any(s == "person/freddy-superlano" and p == "arrested_in" for s, p, _o in _triples(doc)), _triples(doc)


def test_a_month_without_a_year_takes_the_year_of_the_event_the_sentence_ties_it_to(extract) -> None:
    doc = extract(
        "Relatives held a vigil in January for the victims of the January 2020 downing of Flight 752 over Tehran.",
        published="2021-06-01",
    )
    vigils = [e for e in doc.entities if e.type == "Event" and "vigil" in e.name.lower()]
    assert vigils and all(e.start_date == "2020-01" for e in vigils), doc.entities


def test_the_execution_of_someone_described_then_placed(extract) -> None:
    doc = extract("The execution of Kamran Sheikheh, a 30-year-old Kurd, in Urmia Prison on 4 March was condemned.")
    triples = _triples(doc)
    assert ("person/kamran-sheikheh", "executed_in", "place/urmia-central-prison") in triples, triples


def test_a_part_in_a_massacre_and_a_candidate_in_an_election(extract) -> None:
    doc = extract(
        "A Stockholm court sentenced Hamid Noury to life for his part in the 1988 massacre. "
        "Saudi Arabia executed Mustafa al-Darwish over his alleged role in the 2011 Qatif protests."
    )
    part = {(s, o) for s, p, o in _triples(doc) if p == "participated_in"}
    assert ("person/hamid-noury", "event/1988-massacre") in part, part
    assert not any(s == "person/mustafa-al-darwish" for s, _o in part), part


def test_since_an_event_is_no_period_statistic_but_since_a_year_is(extract) -> None:
    doc = extract(
        "Police broke up the Minsk protests of August 2020. "
        "Viasna said it had recorded more than 25,000 detentions since the election. "
        "Belarus has jailed more than 1,500 people since 2020, the group said."
    )
    values = {c.value for c in doc.claims}
    assert 25000 in values and 1500 not in values, doc.claims


def test_forces_that_moved_in_on_or_raided_a_gathering(extract) -> None:
    doc = extract("In June 2019 the Sudanese police moved in on the Khartoum sit-in and broke up the crowd.")
    assert any(p == "perpetrated_by" and o == "organisation/sudanese-police" for _s, p, o in _triples(doc)), _triples(
        doc
    )


def test_a_ministry_in_a_story_set_in_another_country_is_that_countrys(extract) -> None:
    doc = extract(
        "Belarusian riot police beat protesters in Minsk in August 2020. "
        "The interior ministry said 700 people had been held."
    )
    orgs = {e.id for e in doc.entities if e.type == "Organisation"}
    assert any("belarus" in o and "interior" in o for o in orgs), orgs
    assert "organisation/iranian-ministry-of-interior" not in orgs, orgs


def test_its_spokeswoman_after_a_colon_belongs_to_the_body_that_opens_the_sentence(extract) -> None:
    doc = extract(
        "Belarusian riot police beat protesters in Minsk in August 2020. "
        "The interior ministry gave a lower figure: its spokeswoman, Olga Chemodanova, said 700 people were held. "
        "Presenting the mission's report to the Human Rights Council, its chair, Sara Hossain, spoke."
    )
    members = {(s, o) for s, p, o in _triples(doc) if p in ("member_of", "leader_of")}
    assert any(s == "person/olga-chemodanova" and "interior" in o for s, o in members), members
    assert not any(s == "person/sara-hossain" and "council" in o for s, o in members), members


def test_a_prosecution_or_retrial_of_someone_is_their_trial(extract) -> None:
    doc = extract("The retrial of Ahmadreza Djalali was refused in 2023. The prosecution said nothing.")
    cases = {e.id for e in doc.entities if e.type == "Case"}
    assert cases == {"case/ahmadreza-djalali-trial"}, cases
    assert ("person/ahmadreza-djalali", "subject_of", "case/ahmadreza-djalali-trial") in _triples(doc)


def test_proceedings_against_someone_opened_somewhere(extract) -> None:
    doc = extract(
        "Swiss prosecutors charged a former Gambian minister. "
        "Proceedings against Ousman Sonko opened in Bellinzona in January 2024."
    )
    triples = _triples(doc)
    assert ("person/ousman-sonko", "tried_in", "place/bellinzona") in triples, triples


def test_a_condemnation_is_not_also_a_report_from_the_same_sentence(extract) -> None:
    doc = extract(
        "Iran hanged Reza Rasaei in Dizelabad Prison in August 2024. "
        "Amnesty International condemned the execution of Reza Rasaei and said the trial was unfair."
    )
    pairs = {(p, o) for s, p, o in _triples(doc) if s == "event/execution-of-reza-rasaei"}
    assert ("condemned_by", "organisation/amnesty-international") in pairs, pairs
    assert ("reported_by", "organisation/amnesty-international") not in pairs, pairs


def test_a_report_on_a_crackdown_that_followed_an_election_reports_the_crackdown(extract) -> None:
    doc = extract(
        "Viasna highlighted the Minsk crackdown of August 2020 that followed the presidential election "
        "of 9 August 2020."
    )
    reported = {s for s, p, o in _triples(doc) if p == "reported_by" and o == "organisation/viasna"}
    assert reported and not any("election" in s for s in reported), _triples(doc)


def test_led_by_a_first_name_that_looks_like_a_title(extract) -> None:
    doc = extract("In 2022 the UN human rights office, then led by Michelle Bachelet, published its Xinjiang report.")
    assert ("person/michelle-bachelet", "leader_of", "organisation/ohchr") in _triples(doc), _triples(doc)


def test_the_possessor_of_a_violent_act_perpetrated_that_act_not_the_protest_beside_it(extract) -> None:
    doc = extract("Students protested in Tehran in January 2020 against the IRGC's downing of Flight 752.")
    by_irgc = {s for s, p, o in _triples(doc) if p == "perpetrated_by" and o == "organisation/irgc"}
    assert by_irgc and all("protest" not in s for s in by_irgc), _triples(doc)


def test_an_attack_is_linked_to_a_known_one_by_its_name_not_its_year_alone(extract) -> None:
    doc = extract("A coalition jet carried out the bombing of the Dahyan school bus in 2018.")
    assert "event/2018-ncri-rally-bomb-plot" not in _events(doc), _events(doc)


def test_a_head_of_state_titled_in_lower_case(extract) -> None:
    doc = extract(
        "The Iranian regime's forces, on the order of supreme leader Ali Khamenei, fired on crowds. "
        "The regime's former president Hassan Rouhani and vice president Mohammad Mokhber stayed silent."
    )
    leaders = {s for s, p, o in _triples(doc) if p == "leader_of" and o == "organisation/iranian-government"}
    assert leaders == {"person/ali-khamenei"}, _triples(doc)


def test_two_ministries_named_together(extract) -> None:
    doc = extract("Lawyers wrote to the Egyptian interior and justice ministries in 2023.")
    orgs = {e.id for e in doc.entities if e.type == "Organisation"}
    assert {"organisation/egyptian-interior-ministry", "organisation/egyptian-justice-ministry"} <= orgs, orgs
