"""Attribution frames, pronouns, generic state actors, pre-nominal roles and event identity.

Every sentence here is written for the test, about made-up or public cases in our own words.
"""

from __future__ import annotations

from hrkg.ingest.attribution import sources
from hrkg.ingest.entities import Mention
from tests.unit.ingest.shapes import triples as _triples


def _agent(text: str, name: str, etype: str = "Organisation") -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, f"x/{name}", etype)


def _sources(text: str, *names: str) -> list[str]:
    ms = [_agent(text, n, "Person" if n[0] == "P" else "Organisation") for n in names]
    return [s.entity.split("/", 1)[1] for s in sources(text, 0, len(text), ms)]


def test_source_with_an_apposition_and_a_descriptive_head() -> None:
    assert _sources("Gulf Watch, a Geneva-based monitor, said 40 men were detained.", "Gulf Watch") == ["Gulf Watch"]
    assert _sources("The Halvash rights group reported that 12 people were shot.", "Halvash") == ["Halvash"]
    assert _sources("Nine were hanged, the Lorestan Observatory said on Friday.", "Lorestan Observatory") == [
        "Lorestan Observatory"
    ]


def test_sources_introduced_before_the_agent() -> None:
    text = "According to figures from Sahel Monitor, 30 people died; the toll was confirmed by Radio Dunya."
    assert _sources(text, "Sahel Monitor", "Radio Dunya") == ["Sahel Monitor", "Radio Dunya"]
    assert _sources("Kestrel Group's latest count lists 51 executions.", "Kestrel Group") == ["Kestrel Group"]
    assert _sources("Eleven were arrested, said Pari Nadeem.", "Pari Nadeem") == ["Pari Nadeem"]


def test_orders_and_opinions_are_not_sources() -> None:
    # "told officials to ..." is an order, and the person inside an apposition is the speaker, not the body
    assert _sources("Pouya Amin had told officials to end the strike.", "Pouya Amin") == []
    text = "The Council, its chair, Parisa Mehr, said 20 people were held."
    assert _sources(text, "Council", "Parisa Mehr") == ["Parisa Mehr"]


def test_reported_by_from_a_source_needs_a_fact(extract) -> None:
    text = (
        "Protests in Dezful were crushed in May 2021. The Karun Rights Network said at least 14 people were "
        "arrested in the Dezful protests. The Karun Rights Network said the crackdown was a disgrace."
    )
    doc = extract(text)
    reported = [r for r in doc.relations if r.predicate == "reported_by"]
    assert reported and all("14" in r.evidence.text for r in reported), [r.evidence.text for r in reported]


def test_pronoun_subject_takes_the_person_named_before(extract) -> None:
    text = (
        "Saman Yasin-Far, a 24-year-old bricklayer, was detained in Bukan in October 2022. "
        "He was sentenced to death by the Revolutionary Court of Mahabad in March 2023."
    )
    doc = extract(text)
    assert (
        "person/saman-yasin-far",
        "sentenced_to_death_by",
        "organisation/revolutionary-court-of-mahabad",
    ) in _triples(doc)
    # pronouns are not listed as mentions of the person
    person = next(e for e in doc.entities if e.id == "person/saman-yasin-far")
    assert all(m.text not in ("He", "he") for m in person.mentions)


def test_generic_state_actors_at_the_start_of_a_sentence(extract) -> None:
    text = (
        "Protests over water shortages spread through Ahvaz in July 2021. "
        "Security forces fired on the protesters in the protests in Ahvaz, and the judiciary charged dozens."
    )
    doc = extract(text)
    perpetrators = {r.object for r in doc.relations if r.predicate == "perpetrated_by"}
    assert "organisation/iranian-security-forces" in perpetrators, _triples(doc)


def test_roles_before_the_name(extract) -> None:
    text = (
        "Death Commission member Mostafa Pourmohammadi later served as a minister. "
        "Amnesty International researcher Raha Bahreini said the trial was unfair. "
        "The Kurdish party PJAK said its member Sharif Bajvar was killed. "
        "Ahmad Shaheed, a former UN Special Rapporteur, attended."
    )
    triples = _triples(extract(text))
    assert ("person/mostafa-pourmohammadi", "member_of", "organisation/death-commission") in triples
    assert ("person/raha-bahreini", "member_of", "organisation/amnesty-international") in triples
    assert ("person/sharif-bajvar", "member_of", "organisation/pjak") in triples
    assert ("person/ahmad-shaheed", "rapporteur_of", "organisation/united-nations") in triples


def test_named_events_are_not_merged_into_another_event(extract) -> None:
    text = (
        "Security forces opened fire on worshippers during the Bloody Friday massacre in Zahedan. "
        "The 1988 massacre took place in prisons across Iran. "
        "The November 2019 protests spread to more than 100 cities in Iran. "
        "The Mahsa Amini protests that broke out in Saqqez later swept the country."
    )
    doc = extract(text)
    events = {e.id: [m.text for m in e.mentions] for e in doc.entities if e.type == "Event"}
    assert "event/1988-massacre" in events and "event/zahedan-bloody-friday" in events, events
    assert "event/mahsa-amini-protests" in events and "event/november-2019-protests" in events, events
    triples = _triples(doc)
    assert ("event/1988-massacre", "occurred_in", "place/iran") in triples
    assert ("event/november-2019-protests", "occurred_in", "place/iran") in triples
    assert ("event/mahsa-amini-protests", "occurred_in", "place/saqqez") in triples
    assert ("event/november-2019-protests", "occurred_in", "place/saqqez") not in triples


def test_possessive_case_and_trial(extract) -> None:
    text = (
        "Kaveh Golestani's case has drawn attention in Brussels. "
        "Farid Sahraei's trial lasted one hour, his lawyer said."
    )
    doc = extract(text)
    triples = _triples(doc)
    assert ("person/kaveh-golestani", "subject_of", "case/kaveh-golestani-case") in triples
    assert ("person/farid-sahraei", "subject_of", "case/farid-sahraei-trial") in triples


def test_known_event_named_without_an_event_word(extract) -> None:
    text = (
        'Residents of Zahedan still mark "Bloody Friday" every September. Guards fired on worshippers that day, '
        "a local imam said. The Baluch Rights Forum said it had counted 94 dead. The province is poor. "
        "Its ports are busy. Fishing is the main trade. Smuggling is common. "
        "The Sistan Monitor said 91 people were killed."
    )
    doc = extract(text)
    assert "event/zahedan-bloody-friday" in {e.id for e in doc.entities}
    # a bare casualty figure some sentences later is still about the massacre under discussion
    claims = {(c.value, c.about) for c in doc.claims}
    assert (94, "event/zahedan-bloody-friday") in claims and (91, "event/zahedan-bloody-friday") in claims


def test_pronoun_opening_a_sentence_is_the_previous_subject(extract) -> None:
    text = (
        "Colonel Dariush Farahi, the police chief of the port of Jask, was named in the complaint. "
        "Ayatollah Kamal Rigi, the cleric who leads prayers at the central mosque, described the shooting. "
        "He condemned the killings in the Jask protests."
    )
    doc = extract(text)
    condemned = {r.object for r in doc.relations if r.predicate == "condemned_by"}
    assert condemned == {"person/kamal-rigi"}, condemned


def test_protests_named_after_a_death_link_to_the_known_event(extract) -> None:
    doc = extract("The nationwide protests that erupted after the death of Mahsa Amini spread to Zahedan.")
    assert "event/mahsa-amini-protests" in {e.id for e in doc.entities}


def test_arrest_clause_gives_place_and_event(extract) -> None:
    text = (
        "The November 2019 protests over fuel prices spread across Iran. "
        "Kamran Shirazi-Nejad was arrested on 18 November in the town of Behbahan, during the protests over fuel "
        "prices. Leila Baharvand and Omid Pakzad, two students who were detained in Shiraz in December 2019, "
        "were later released. Vahid Sarabi, arrested in Ahvaz for alleged involvement in the protests, was freed."
    )
    triples = _triples(extract(text, published="2020-01-10"))
    assert ("person/kamran-shirazi-nejad", "arrested_in", "place/behbahan") in triples
    assert ("person/kamran-shirazi-nejad", "arrested_in", "event/november-2019-protests") in triples
    assert ("person/leila-baharvand", "arrested_in", "place/shiraz") in triples
    assert ("person/omid-pakzad", "arrested_in", "place/shiraz") in triples
    assert ("person/vahid-sarabi", "arrested_in", "place/ahvaz") in triples
    # what someone is accused of is not where they were arrested
    assert ("person/vahid-sarabi", "arrested_in", "event/november-2019-protests") not in triples


def test_possessive_arrest_points_back_to_the_people_named(extract) -> None:
    text = (
        "Parisa Kamali and Sanaz Rahimi are reporters. Both have been held in Evin Prison since their arrest "
        "in October 2022, days after the Mahsa Amini protests began."
    )
    triples = _triples(extract(text))
    assert ("person/parisa-kamali", "arrested_in", "event/mahsa-amini-protests") in triples
    assert ("person/sanaz-rahimi", "arrested_in", "event/mahsa-amini-protests") in triples


def test_deaths_in_the_protest_under_discussion(extract) -> None:
    text = (
        "The November 2019 protests left hundreds dead. Among the dead were Farzad Ansari-Far, 26, and "
        "Mehrdad Dashti, 19. Navid Behbudi, a 24-year-old mechanic, was shot in the chest by security forces in "
        "Shiraz on 17 November. His lawyer, Reza Ahmadi, said the family had been threatened."
    )
    triples = _triples(extract(text, published="2020-02-01"))
    for victim in ("farzad-ansari-far", "mehrdad-dashti", "navid-behbudi"):
        assert (f"person/{victim}", "killed_in", "event/november-2019-protests") in triples
    assert ("person/reza-ahmadi", "killed_in", "event/november-2019-protests") not in triples


def test_general_alone_is_no_person_and_no_role(extract) -> None:
    text = (
        "Lina Haddad, Amnesty's Secretary General, condemned the verdict. "
        "Samir Kassab, a colonel of the General Intelligence Directorate, was charged."
    )
    doc = extract(text)
    assert "person/general" not in {e.id for e in doc.entities}
    triples = _triples(doc)
    assert ("person/lina-haddad", "secretary_general_of", "organisation/amnesty-international") in triples
    assert ("person/samir-kassab", "member_of", "organisation/general-intelligence-directorate") in triples


def test_claims_read_past_appositions_revisions_and_statement_dates(extract) -> None:
    text = (
        "The November 2019 protests were crushed within days. Amnesty International, which first put the toll "
        "at 304, later raised its verified count to at least 321. In June 2020 Behrouz Kamali, chairman of the "
        "parliament's Security Committee, said that 230 people had been killed."
    )
    claims = {(c.value, c.qualifier, c.about, c.claimed_by) for c in extract(text).claims}
    assert (304, None, "event/november-2019-protests", "organisation/amnesty-international") in claims
    assert (321, "at least", "event/november-2019-protests", "organisation/amnesty-international") in claims
    assert (230, None, "event/november-2019-protests", "person/behrouz-kamali") in claims
    assert not any(c[3] and "committee" in c[3] for c in claims), claims


def test_executions_tied_to_protests_and_named_among_a_group(extract) -> None:
    text = (
        "Iran has carried out nine executions linked to the Mahsa Amini protests. Among them were Arman Sadeghi "
        "and Pouria Rostami, who were hanged in May 2023. Among the 14 men hanged at Qezel Hesar Prison, the "
        "group identified Hadi Baluchzehi; Kaveh Moradi, 36; and Sina Farrokhi."
    )
    triples = _triples(extract(text))
    assert ("person/arman-sadeghi", "executed_in", "event/mahsa-amini-protests") in triples
    assert ("person/pouria-rostami", "executed_in", "event/mahsa-amini-protests") in triples
    for victim in ("hadi-baluchzehi", "kaveh-moradi", "sina-farrokhi"):
        assert (f"person/{victim}", "executed_in", "place/qezel-hesar-prison") in triples


def test_condemnation_by_the_subject_past_its_apposition(extract) -> None:
    text = (
        "The execution of Hossein Jalali in Qezel Hesar Prison in March 2024 was widely reported. "
        "Laleh Sadr, Amnesty International's regional director, condemned the execution. "
        "Kian Navabi, the head of the Tabriz Bar Association, said on Monday that the trial had been a farce "
        "and condemned the execution."
    )
    condemned = {r.object for r in extract(text).relations if r.predicate == "condemned_by"}
    assert "person/laleh-sadr" in condemned and "person/kian-navabi" in condemned, condemned
    assert "organisation/amnesty-international" not in condemned


def test_places_inside_places(extract) -> None:
    text = (
        "Both reporters have been held in Tehran's Evin Prison since 2022. Worshippers gathered outside "
        "Zahedan's Makki Mosque. Protesters in Mahshahr, Khuzestan, were shot. She later moved to Saqqez in "
        "Kurdistan province."
    )
    triples = _triples(extract(text))
    assert ("place/evin-prison", "located_in", "place/tehran") in triples
    assert ("place/makki-mosque", "located_in", "place/zahedan") in triples
    assert ("place/mahshahr", "located_in", "place/khuzestan-province") in triples
    assert ("place/saqqez", "located_in", "place/kurdistan-province") in triples


def test_country_from_a_known_city_and_events_named_by_their_phrase(extract) -> None:
    text = (
        "Davood Rigi was arrested in the Bandar Abbas dockworkers' protests in October, which were put down by "
        "the police and the Basij."
    )
    doc = extract(text, published="2024-01-05")
    events = {e.id: e.name for e in doc.entities if e.type == "Event"}
    assert events == {"event/bandar-abbas-dockworkers-protests": "Bandar Abbas dockworkers' protests"}, events
    triples = _triples(doc)
    assert ("event/bandar-abbas-dockworkers-protests", "perpetrated_by", "organisation/iranian-police") in triples
    assert ("event/bandar-abbas-dockworkers-protests", "perpetrated_by", "organisation/basij") in triples
    # the city inside the event's name is not where he was arrested
    assert ("person/davood-rigi", "arrested_in", "place/bandar-abbas") not in triples


def test_airstrikes_are_events_named_after_their_place(extract) -> None:
    doc = extract("An army airstrike on the village of Kan Gyi in Magway killed at least 37 people, the UN said.")
    events = {e.id: e for e in doc.entities if e.type == "Event"}
    assert list(events) == ["event/kan-gyi-airstrike"], list(events)
    assert "Airstrike on Kan Gyi" in events["event/kan-gyi-airstrike"].aliases
    claims = {(c.metric, c.value, c.about) for c in doc.claims}
    assert ("killed", 37, "event/kan-gyi-airstrike") in claims


def test_membership_phrasings_and_outlets_named_after_their_kind(extract) -> None:
    text = (
        "Parisa Nouri, who writes for the newspaper Etemad-Now, was summoned. Omid Karimi, an activist with "
        "the Zagros Rights Collective, was arrested. The lawyer Farhad Rostami joined the Defenders of Human "
        "Rights Center in 2015. The group publishes a bi-weekly Persian-language magazine."
    )
    doc = extract(text)
    triples = _triples(doc)
    assert ("person/parisa-nouri", "member_of", "organisation/etemad-now") in triples
    assert ("person/omid-karimi", "member_of", "organisation/zagros-rights-collective") in triples
    assert ("person/farhad-rostami", "member_of", "organisation/defenders-of-human-rights-center") in triples
    assert "organisation/persian" not in {e.id for e in doc.entities}


def test_a_known_surname_after_another_given_name_is_someone_else(extract) -> None:
    doc = extract("Parisa Nouri, a teacher from Karaj, was arrested in May 2023.")
    ids = {e.id for e in doc.entities}
    assert "person/parisa-nouri" in ids and "person/hamid-noury" not in ids, ids


def test_prisons_named_with_a_lower_case_head(extract) -> None:
    doc = extract(
        "Shawkan spent five years in Tora prison. Reza Shahabi was moved to Rajaei Shahr prison in 2023. "
        "Hamid Noury, an Iranian prison official, was tried in Stockholm."
    )
    places = {e.id for e in doc.entities if e.type == "Place"}
    assert {"place/tora-prison", "place/rajaei-shahr-prison"} <= places, places
    assert not any("iranian" in p for p in places), places


def test_known_name_running_past_a_lower_case_in(extract) -> None:
    doc = extract("Hadi Ghaemi, executive director of the Center for Human Rights in Iran (CHRI), said so.")
    triples = _triples(doc)
    assert ("person/hadi-ghaemi", "director_of", "organisation/center-for-human-rights-in-iran") in triples
    assert "organisation/center-for-human-rights" not in {e.id for e in doc.entities}


def test_opinions_and_cited_bodies_do_not_report(extract) -> None:
    text = (
        "The November 2019 protests were crushed. Reuters, citing three officials of the Interior Ministry, "
        "reported that about 1,500 people were killed. The Iran Justice Network said it was shocked by the "
        "killings."
    )
    reporters = {r.object for r in extract(text).relations if r.predicate == "reported_by"}
    assert reporters == {"organisation/reuters"}, reporters


def test_execution_of_a_described_prisoner_and_titles_before_names(extract) -> None:
    text = (
        "The Iranian regime executed Kurdish political prisoner Dara Karimi in Urmia Central Prison on Wednesday, "
        "the Kurdistan Human Rights Network reported. The group's director, Rebin Amini, said he had been "
        "tortured. The UN Special Rapporteur on the situation of human rights in Iran, Javaid Rehman, condemned "
        "the execution."
    )
    triples = _triples(extract(text, published="2024-03-15"))
    assert ("person/dara-karimi", "executed_in", "place/urmia-central-prison") in triples
    assert ("event/execution-of-dara-karimi", "reported_by", "organisation/kurdistan-human-rights-network") in triples
    assert ("event/execution-of-dara-karimi", "condemned_by", "person/javaid-rehman") in triples
    assert ("person/rebin-amini", "director_of", "organisation/kurdistan-human-rights-network") in triples
    assert ("person/javaid-rehman", "rapporteur_of", "organisation/united-nations") in triples


def test_group_execution_victims_named_next_and_lists_of_places(extract) -> None:
    text = (
        "The regime hanged four prisoners in Ghezel Hesar Prison on Sunday, according to reports obtained by "
        "the Kurdistan Human Rights Network. The victims were identified as Amir Rahimi, Javad Soltani and "
        "Behnam Sadri. Protests by retirees continued in Ahvaz, Tabriz and Tehran on Sunday. Retirees chanted "
        "against the judiciary chief Gholamhossein Mohseni-Ejei."
    )
    doc = extract(text, published="2024-06-03")
    triples = _triples(doc)
    for victim in ("amir-rahimi", "javad-soltani", "behnam-sadri"):
        assert (f"person/{victim}", "executed_in", "place/qezel-hesar-prison") in triples
    protests = next(e.id for e in doc.entities if e.type == "Event" and e.kind == "protest")
    for city in ("ahvaz", "tabriz", "tehran"):
        assert (protests, "occurred_in", f"place/{city}") in triples
    assert ("person/gholamhossein-mohseni-ejei", "leader_of", "organisation/iranian-judiciary") in triples
    reporters = {r.object for r in doc.relations if r.predicate == "reported_by"}
    assert "organisation/kurdistan-human-rights-network" in reporters


def test_killing_of_an_executed_person_is_the_execution_and_led_by(extract) -> None:
    text = (
        "Mehdi Farahani, a 23-year-old protester, was hanged in Ghezel Hesar Prison on 23 January. He had been "
        "tried by Branch 26 of the Tehran Revolutionary Court, headed by Judge Iman Afshari. Amnesty International "
        "condemned the killing of Farahani."
    )
    triples = _triples(extract(text, published="2024-01-30"))
    assert ("event/execution-of-mehdi-farahani", "condemned_by", "organisation/amnesty-international") in triples
    # a judge heading a branch sits on the court
    assert ("person/iman-afshari", "member_of", "organisation/tehran-revolutionary-court") in triples


def test_each_figure_goes_to_its_own_source_and_trials_abroad(extract) -> None:
    text = (
        "The trial of Reza Hosseini, a former prison official accused of taking part in the 1988 massacre, opened "
        "in Stockholm on Tuesday. Swedish prosecutors charged him under the principle of universal jurisdiction. "
        "Amnesty International estimates that some 5,000 prisoners were executed in the 1988 massacre, while the "
        "PMOI puts the number at 30,000."
    )
    doc = extract(text, published="2021-08-11")
    claims = {(c.value, c.claimed_by) for c in doc.claims}
    assert claims == {(5000, "organisation/amnesty-international"), (30000, "organisation/pmoi")}, claims
    triples = _triples(doc)
    assert ("person/reza-hosseini", "tried_in", "place/stockholm") in triples
    assert ("person/reza-hosseini", "tried_under_universal_jurisdiction", "place/sweden") in triples
    assert ("case/reza-hosseini-trial", "tried_under_universal_jurisdiction", "place/sweden") in triples


def test_one_court_under_both_name_orders(extract) -> None:
    text = (
        "Two protesters were sentenced to death by the Revolutionary Court of Sanandaj. Branch 1 of the Sanandaj "
        "Revolutionary Court, presided over by Judge Saeed Bagheri, issued the verdict on 2 May."
    )
    doc = extract(text, published="2023-05-05")
    courts = [e for e in doc.entities if e.type == "Organisation" and "court" in e.id]
    assert len(courts) == 1 and "Sanandaj Revolutionary Court" in courts[0].aliases, courts
    assert ("person/saeed-bagheri", "member_of", courts[0].id) in _triples(doc)


def test_role_in_a_massacre_and_a_quoted_lower_case_body(extract) -> None:
    text = (
        'Ebrahim Raisi was a member of the four-man "death commission" in Tehran during the 1988 massacre. '
        "In July 2022 a Swedish court sentenced Hamid Noury to life imprisonment for his role in the 1988 massacre."
    )
    triples = _triples(extract(text))
    assert ("person/ebrahim-raisi", "member_of", "organisation/death-commission") in triples
    assert ("person/hamid-noury", "participated_in", "event/1988-massacre") in triples


def test_victims_listed_and_relative_clauses_are_not_roles(extract) -> None:
    text = (
        "The Mahsa Amini protests reached Javanrud in November. The victims included Karvan Shokri and "
        "Mohammad Ashrafi, who was shot in the head. Mehran Samak, a protester shot dead by security forces, "
        "was buried on Sunday."
    )
    doc = extract(text, published="2022-11-22")
    person = next(e for e in doc.entities if e.id == "person/mohammad-ashrafi")
    assert all("shot" not in m.text for m in person.mentions), person.mentions
    triples = _triples(doc)
    for victim in ("mohammad-ashrafi", "mehran-samak"):
        assert (f"person/{victim}", "killed_in", "event/mahsa-amini-protests") in triples


def test_violence_in_a_town_during_the_event_of_the_sentence(extract) -> None:
    text = "During Bloody Friday, security forces fired on worshippers outside the main mosque in Zahedan."
    triples = _triples(extract(text))
    assert ("event/zahedan-bloody-friday", "occurred_in", "place/zahedan") in triples


def test_whose_members_included(extract) -> None:
    doc = extract('A three-member "Death Commission", whose members included Ebrahim Raisi, sent prisoners to die.')
    assert ("person/ebrahim-raisi", "member_of", "organisation/death-commission") in _triples(doc)


def test_a_postposed_source_reports_the_nearest_event(extract) -> None:
    text = (
        "The Mahsa Amini protests spread to 150 cities. The crackdown was harsher than during the November 2019 "
        "protests, when at least 1,500 people were killed, according to Reuters."
    )
    reported = {(r.subject, r.object) for r in extract(text).relations if r.predicate == "reported_by"}
    assert reported == {("event/november-2019-protests", "organisation/reuters")}, reported


def test_a_judge_of_a_court_is_a_person_and_supporters_are_members(extract) -> None:
    text = (
        "Behrouz Ehsani, 69, was a supporter of the PMOI. He was sentenced to death by Judge Iman Afshari of the "
        "Tehran Revolutionary Court in 2023."
    )
    doc = extract(text)
    ids = {e.id for e in doc.entities}
    assert "person/iman-afshari" in ids and not any("afshari-of" in i for i in ids), ids
    triples = _triples(doc)
    assert ("person/behrouz-ehsani", "member_of", "organisation/pmoi") in triples
    assert ("person/behrouz-ehsani", "sentenced_to_death_by", "organisation/tehran-revolutionary-court") in triples


def test_everyone_sentenced_and_not_the_speaker(extract) -> None:
    text = (
        "The Revolutionary Court of Isfahan sentenced Majid Kazemi, Saleh Mirhashemi and Saeed Yaghoubi to death "
        "in January 2023. Lawyer Mohammad Ali Kamfirouzi said the Revolutionary Court of Tehran sentenced his "
        "client Toomaj Salehi to death."
    )
    triples = _triples(extract(text))
    for name in ("majid-kazemi", "saleh-mirhashemi", "saeed-yaghoubi"):
        assert (f"person/{name}", "sentenced_to_death_by", "organisation/revolutionary-court-of-isfahan") in triples
    assert ("person/toomaj-salehi", "sentenced_to_death_by", "organisation/tehran-revolutionary-court") in triples
    assert not any(s == "person/mohammad-ali-kamfirouzi" and p == "sentenced_to_death_by" for s, p, _ in triples)
