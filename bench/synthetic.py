"""A deterministic synthetic corpus of human-rights reports and their extraction results, for benchmarks.

The corpus is a stream of *stories*: a protest in a city in some month, the execution of a person, or a
trial (in a Revolutionary Court, or abroad under universal jurisdiction). Each story is told by several
documents from different publishers, so the same edges collect evidence from many sentences, and the
figures (killed, arrested, executed, ...) differ between claimants exactly as they do in real reporting.

Every document is built from sentence templates, so its offsets are real: ``text[start:end]`` is each
mention and each evidence sentence, and the document id is the sha256 of the text, which is already in
the normalised form hrkg stores (ASCII punctuation, single spaces, ``\\n\\n`` between paragraphs).

Scale: new people (victims, defendants, relatives, witnesses) and claims are minted with every document,
while places, organisations and officials recur, so the graph grows by about 5.5 nodes (and 15 relation
rows) per document: 170,000 documents give 0.94M nodes, 190,000 over a million. Everything is a
generator and memory stays bounded (only the recurring cast is remembered: 40 MB RSS flat over 170,000
documents). Person names are drawn without repetition from per-group name spaces (Persian, Kurdish, Arab,
Baluch, European) of several million names.

    python bench/synthetic.py --docs 1000 --seed 7 --out /tmp/corpus [--gold]

writes ``NAME.txt`` plus ``NAME.meta.json`` (title, publisher, published, url) for extraction benchmarks,
and with ``--gold`` the expected extraction of each document as ``gold/NAME.json`` (the format of
``shared/eval/gold``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hrkg.ontology import load_ontology
from hrkg.ontology.models import Document

EXTRACTOR = "synthetic/1"

# --------------------------------------------------------------------------------------------------------
# Name lists
# --------------------------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


PERSIAN_FIRST = _words(
    "Ali Mohammad Hossein Reza Mehdi Amir Hamid Saeed Majid Javad Mostafa Ahmad Morteza Hassan Mahmoud "
    "Abbas Behnam Babak Kaveh Arash Siavash Farhad Behrouz Kourosh Dariush Payam Pouya Navid Nima Omid "
    "Peyman Ramin Shahab Vahid Yousef Jafar Kazem Masoud Mojtaba Mansour Rasoul Sajjad Milad Keyvan Ehsan "
    "Hadi Iman Hamed Sina Soheil Parviz Jamshid Bijan Fereydoun Houshang Manouchehr Karim Nader Afshin "
    "Zahra Fatemeh Maryam Narges Sara Leila Mina Nasrin Shirin Parisa Roya Neda Sepideh Mahsa Niloufar "
    "Azadeh Fariba Golrokh Atena Mahboubeh Sakineh Marzieh Elham Samaneh Somayeh Tahereh Ziba Shiva "
    "Faezeh Hengameh Nazanin Bahareh Forough Ladan Mahnaz Parvin Simin Homa Soudabeh Yasaman Ghazal "
    "Setareh Negin Donya Hadis Nika Sarina Asal Mona Raha Fereshteh Zeinab Masoumeh Kobra Roghayeh"
)
PERSIAN_LAST = _words(
    "Ahmadi Mohammadi Hosseini Rezaei Moradi Karimi Jafari Rahimi Mousavi Hashemi Ghasemi Sadeghi Kazemi "
    "Ebrahimi Abbasi Heidari Rostami Asadi Rahmani Zare Nazari Akbari Amini Azizi Bagheri Bahrami "
    "Davoudi Esmaeili Farahani Ghaffari Hamidi Jalali Kamali Khalili Latifi Mahmoudi Majidi Mansouri "
    "Nasiri Nouri Omidi Panahi Parsa Rafiei Rasouli Sabri Salehi Samadi Shahbazi Shirazi Soltani Tavakoli "
    "Tehrani Vahidi Yazdani Zamani Zarei Afshar Alavi Ansari Ardalan Bakhtiari Behbahani Daneshvar "
    "Eskandari Fallahi Farrokhi Golestani Hakimi Hejazi Jahani Karami Khorasani Kiani Mahdavi Mirzaei "
    "Moghaddam Mohebbi Najafi Naderi Nikpour Pakravan Pourmohammadi Rahnama Sarraf Sepehri Shafiei "
    "Sharifi Sohrabi Taheri Torabi Vaziri Yousefi Ziaei Abedini Aghaei Amiri Barati Dehghan Dorri "
    "Entezari Firouzi Ghorbani Habibi Hosseinzadeh Jamali Kashani Khodabandeh Lotfi Mehrabi Mokhtari "
    "Nematollahi Noroozi Parvizi Rouhani Saberi Shokri Tabatabaei Valizadeh Zandi Asgari Bayat "
    "Chegini Fathi Gholami Haghighi Izadi Kalantari Kazemzadeh Maleki Motamedi Niknam Pirouzi Rajabi"
)
KURDISH_FIRST = _words(
    "Zanyar Loghman Ramin Farzad Habibollah Shirko Hiwa Rebin Karwan Soran Diako Hazhar Aras Azad Bahman "
    "Dilan Hemin Jiyan Kamal Khaled Mohsen Nasrin Osman Peshawa Rahim Saman Sherko Wrya Yasin Zhina "
    "Ronak Avin Shirin Hajar Nazdar Parwin Shilan Chiman Golaleh Kazhal Aso Bakhtiar Chnur Darya Edris "
    "Fuad Hawre Jalal Kurosh Mansur"
)
KURDISH_LAST = _words(
    "Moradi Kamangar Hosseinpanahi Alam Sheikhi Ghaderi Rasouli Amini Mahmoudpour Rahmani Azizi Karimi "
    "Sharifi Saeedi Panahi Vakili Bahrami Khosravi Fattahi Zandi Ardalan Mohammadpour Hosseinzadeh "
    "Mostafaei Ahmadpour Ebrahimpour Khezri Rashidi Rostami Salimi Tahmasbi Valadbeigi Yazdanpanah "
    "Zarei Abdollahi Bayazidi Daneshfar Faraji Ghorbani Haji Hamzeh Jafari Kakaei Lahouni Mansouri "
    "Naseri Omidvar Pirbal Qaderi Rahimpour Sadeghzadeh Shahabi Sohrabi Talebi Vafaei Yousefi Zamani"
)
ARAB_FIRST = _words(
    "Habib Ali Hassan Hussein Jasem Abdullah Mohammed Ahmad Mahmoud Khaled Hamid Sami Nasser Adel Jaber "
    "Yasser Faisal Omar Saleh Majed Ghazi Kazem Hadi Abbas Qasem Taha Walid Mustafa Karim Sattar Nour "
    "Fatima Zeinab Maryam Amal Huda Layla Sakina Rania Samira Hanan Nadia Salwa Rasha Basma Dalal"
)
ARAB_LAST = _words(
    "Chaab Kaabi Sawari Neisi Heydari Albu-Shokeh Sari Obeidawi Khasraji Zergani Amouri Asakereh Bawi "
    "Sayahi Silawi Tamimi Zebeidi Mousawi Jabbari Nasseri Hamidawi Dorghi Khalafi Hazbawi Chenani Matouri "
    "Ghobeishawi Afrawi Maramazi Badawi Haydari Shaabani Zuhairi Rashedi Naseri Kanani Hardani Sabti"
)
BALUCH_FIRST = _words(
    "Abdolhamid Mowlavi Ebrahim Abdolrahim Yaqub Shahab Hamid Jalil Karim Naser Rashid Abdolbaset Ismail "
    "Younes Javid Eidou Hassan Omid Zakaria Dadshah Abdolmalek Gholam Saeed Salahuddin Mohammad Noor "
    "Hamideh Zarineh Mahtab Golnaz Shirin Bibi Khadijeh Marzieh Asma Mahrang Sahar Nazanin Aisha"
)
BALUCH_LAST = _words(
    "Rigi Baluch Shahbakhsh Narouei Brahouei Gamshadzehi Shahnavazi Dehvari Mirbaluchzehi Sarabandi "
    "Kordi Ismailzehi Gorgij Sepahi Bameri Dorazehi Naroui Jadgal Mollazehi Sarani Kahrazehi Hotaki "
    "Sotoudeh Rakhshani Nohtani Jangizehi Shahozehi Barahouei Lashkarzehi Saravani Zarounei Kurd Reisi "
    "Mirshekar Bozorgzadeh Kiani Notizehi Hormozzehi Shirzad Bijarzehi"
)
EUROPEAN_FIRST = _words(
    "Anna Maria Johan Erik Lars Karin Ingrid Sofia Magnus Henrik Eva Astrid Nils Per Ola Marta Lena "
    "Thomas Stefan Julia Katharina Markus Jonas Lukas Clara Hanna Felix Sophie Pierre Camille Julien "
    "Claire Antoine Mathilde Nicolas Pieter Sanne Joost Femke Bram Lieke Koen Emma Olivia James Sarah "
    "Daniel Rachel Laura Marco Giulia Luca Elena Pablo Lucia Javier Carmen Mikko Aino Ville Noora "
    "Søren Mette Björn Åsa Jürgen Hélène Zoë Agnès"
)
EUROPEAN_LAST = _words(
    "Andersson Johansson Lindqvist Berg Nyström Eriksson Holm Dahl Sandberg Lund Hansen Larsen Nilsen "
    "Haugen Bakke Schmidt Weber Becker Fischer Wagner Hoffmann Richter Krüger Braun Vogel Martin Bernard "
    "Dubois Laurent Moreau Lefebvre Girard Fontaine Rousseau Janssens Peeters Maes Jacobs Willems "
    "de Vries van Dijk Bakker Visser Smit Mulder Meijer de Boer Smith Jones Taylor Brown Wilson Evans "
    "Rossi Russo Ferrari Esposito Bianchi Garcia Fernandez Lopez Martinez Sanchez Virtanen Korhonen "
    "Mäkinen Nieminen Lehtonen Müller Schäfer Sørensen Åberg Ødegaard"
)

# "de Vries", "van Dijk", "de Boer" were split above; glue the particles back.
_eu = []
for _w in EUROPEAN_LAST:
    if _eu and _eu[-1] in ("de", "van"):
        _eu[-1] = f"{_eu[-1]} {_w}"
    else:
        _eu.append(_w)
EUROPEAN_LAST = _eu

NAME_GROUPS: dict[str, tuple[list[str], list[str]]] = {
    "persian": (PERSIAN_FIRST, PERSIAN_LAST),
    "kurdish": (KURDISH_FIRST, KURDISH_LAST),
    "arab": (ARAB_FIRST, ARAB_LAST),
    "baluch": (BALUCH_FIRST, BALUCH_LAST),
    "european": (EUROPEAN_FIRST, EUROPEAN_LAST),
}
# Which people live where: provinces mapped to the name group most of their people are drawn from.
PROVINCE_GROUPS = {
    "place/kurdistan-province": "kurdish",
    "place/west-azerbaijan-province": "kurdish",
    "place/kermanshah-province": "kurdish",
    "place/ilam-province": "kurdish",
    "place/sistan-and-baluchestan-province": "baluch",
    "place/khuzestan-province": "arab",
}

TOWN_ROOTS = _words(
    "Mehr Gol Sorkh Kalat Shah Now Sar Kuh Deh Mian Ab Bagh Sang Chah Khak Tal Anar Zard Siah Sefid "
    "Hasan Karim Ali Jafar Dowlat Soltan Nasr Fath Mobarak Nur Rahim Ghasem Qal'eh Kaj Rud Bid Chenar "
    "Sabz Shur Shirin Band Darreh Gach Ahan Mas Nik Bahar Dasht Kahnuj Firuz Eslam Hamid Eyvan"
)
TOWN_SUFFIXES = ("abad", "shahr", "dasht", "kuh", "rud", "deh", "an", "zar")

MONTHS = _words("January February March April May June July August September October November December")
OCCUPATIONS = (
    "student", "teacher", "labourer", "shopkeeper", "nurse", "truck driver", "engineer", "farmer", "mechanic",
    "university student", "construction worker", "fuel porter", "fisherman", "retired teacher", "bus driver",
    "street vendor", "doctor", "kolbar (border porter)", "factory worker", "journalist",
)  # fmt: skip
TRIGGERS = (
    "a sharp rise in fuel prices", "the death of a young woman in police custody", "months of unpaid wages",
    "severe water shortages", "the arrest of a local activist", "the killing of a fuel porter by border guards",
    "a collapse of the national currency", "the demolition of homes in a poor district",
    "a fire at a local prison", "the closure of a factory",
)  # fmt: skip
CHARGES = (
    "moharebeh (enmity against God)", "\"corruption on earth\"", "drug trafficking", "murder",
    "espionage for Israel", "armed rebellion (baghi)", "membership of an opposition group",
    "killing a member of the security forces", "rape", "armed robbery",
)  # fmt: skip
QUOTES = (
    "We were not even allowed to say goodbye", "They told us nothing until it was over",
    "My son was only defending his neighbours", "We will not stay silent", "The trial lasted only minutes",
    "They tortured him to make him confess", "We still do not know where the body is",
    "Nobody from the court ever spoke to us", "He had done nothing wrong", "Justice has been done at last",
)  # fmt: skip
RELATIVES = ("mother", "father", "brother", "sister", "cousin", "uncle", "wife", "husband", "son", "daughter")
UNION_TRADES = (
    "Teachers' Union", "Bus Workers' Syndicate", "Sugar Cane Workers' Union", "Truck Drivers' Union",
    "Nurses' Association", "Retirees' Council", "Bazaar Merchants' Guild", "Students' Council",
)  # fmt: skip
NGO_REGIONS = (
    "Kurdistan", "Baluchistan", "Ahwaz", "Azerbaijan", "Khorasan", "Gilan", "Lorestan", "Fars", "Mazandaran",
    "Hormozgan", "Kermanshah", "Ilam", "Tehran", "Isfahan", "Zagros", "Caspian",
)  # fmt: skip
NGO_PATTERNS = (
    "{r} Human Rights Network", "{r} Human Rights Association", "{r} Rights Monitor",
    "Association for Human Rights in {r}", "Center for Justice in {r}", "{r} Prisoners' Rights Group",
    "Campaign for Justice in {r}",
)  # fmt: skip
NGO_TOPICS = (
    "Prison", "Execution", "Labour Rights", "Women's Rights", "Minority Rights", "Press Freedom",
    "Death Penalty", "Child Rights",
)  # fmt: skip
CLAIM_WORDS = {
    "killed": ("people were killed", "people died", "protesters were killed"),
    "arrested": ("people were arrested", "protesters were detained in the first days", "arrests were made"),
    "injured": ("people were injured", "protesters were wounded"),
    "executed": ("people executed",),
    "death_row": ("other prisoners", "people"),
    "sentenced_to_death": ("defendants were sentenced to death",),
    "detained": ("people remain in detention in connection with the case",),
}
# National protest waves a local story may belong to, with a rough "true" death toll.
NATIONAL_PROTESTS = {
    "event/november-2019-protests": (2019, 11, 900),
    "event/2017-2018-protests": (2017, 12, 40),
    "event/mahsa-amini-protests": (2022, 9, 550),
    "event/2009-green-movement-protests": (2009, 6, 120),
    "event/2021-khuzestan-water-protests": (2021, 7, 12),
    "event/january-2020-protests": (2020, 1, 20),
}
# Known heads of known organisations: org id -> (person id, predicate, title)
KNOWN_HEADS = {
    "organisation/iran-human-rights": ("person/mahmood-amiry-moghaddam", "director_of", "director"),
    "organisation/amnesty-international": ("person/agnes-callamard", "secretary_general_of", "Secretary General"),
    "organisation/human-rights-watch": ("person/tirana-hassan", "director_of", "executive director"),
    "organisation/center-for-human-rights-in-iran": ("person/hadi-ghaemi", "director_of", "executive director"),
    "organisation/abdorrahman-boroumand-center": ("person/roya-boroumand", "director_of", "executive director"),
    "organisation/ecpm": ("person/raphael-chenuil-hazan", "director_of", "executive director"),
    "organisation/justice-for-iran": ("person/shadi-sadr", "director_of", "co-founder and director"),
}
UJ_COURTS = (  # country, city, court
    ("place/sweden", "place/stockholm", "organisation/stockholm-district-court"),
    ("place/germany", "place/koblenz", "organisation/koblenz-higher-regional-court"),
    ("place/germany", "place/frankfurt", "organisation/frankfurt-higher-regional-court"),
    ("place/belgium", "place/antwerp", "organisation/antwerp-criminal-court"),
    ("place/switzerland", "place/bellinzona", "organisation/swiss-federal-criminal-court"),
    ("place/finland", "place/tampere", "organisation/pirkanmaa-district-court"),
    ("place/netherlands", "place/the-hague", "organisation/the-hague-district-court"),
    ("place/norway", "place/oslo", "organisation/oslo-district-court"),
    ("place/france", "place/paris", "organisation/paris-court-of-assizes"),
)
UJ_CRIMES = (
    "event/1988-massacre", "event/november-2019-protests", "event/mahsa-amini-protests",
    "event/mahshahr-massacre", "event/zahedan-bloody-friday", "event/chain-murders",
)  # fmt: skip
CONDEMNING_COUNTRIES = (
    "place/united-kingdom", "place/france", "place/germany", "place/canada", "place/sweden", "place/netherlands",
    "place/norway", "place/united-states", "place/belgium", "place/italy", "place/denmark", "place/austria",
)  # fmt: skip
CONDEMNING_ORGS = (
    "organisation/european-union", "organisation/amnesty-international", "organisation/human-rights-watch",
    "organisation/ohchr", "organisation/european-parliament", "organisation/un-human-rights-council",
    "organisation/reporters-without-borders", "organisation/fidh", "organisation/ecpm",
)  # fmt: skip
STATE_CLAIMANT = "organisation/iranian-government"


def slugify(text: str) -> str:
    """Lower-case ASCII slug with hyphens: ``"Søren Åberg"`` -> ``"soren-aberg"``."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("ø", "o").replace("Ø", "O"))
    ascii_text = ascii_text.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def _unit(*parts: object) -> float:
    """A stable pseudo-random number in [0, 1) from ``parts`` (same parts, same number, in every process)."""
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def _alias(ent: Ent) -> str:
    return ent.aliases[0] if ent.aliases else ent.name


def _fmt(n: int) -> str:
    return f"{n:,}"


# --------------------------------------------------------------------------------------------------------
# The world: entities that recur across stories
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ent:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    description: str | None = None
    kind: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    located_in: str | None = None

    @property
    def short(self) -> str:
        """How a later sentence refers to a person (family name) or anything else (its name)."""
        if self.type == "Person":
            return self.aliases[0] if self.aliases else self.name
        return self.name


class _NameSpace:
    """Person names of one group drawn without repetition: first + last, then first + second + last."""

    def __init__(self, first: list[str], last: list[str], offset: int) -> None:
        self.first, self.last = first, last
        self.plain = len(first) * len(last)
        self.compound = len(first) * (len(first) - 1) * len(last)
        self.count = offset

    @staticmethod
    def _permute(i: int, n: int) -> int:
        a = 2_654_435_761 % n or 1
        while math.gcd(a, n) != 1:
            a += 1
        return (a * i + 7_919) % n

    def next(self) -> tuple[str, str]:
        """(full name, family name) of the next unused person; wraps around (names repeat) when exhausted."""
        i = self.count % (self.plain + self.compound)
        self.count += 1
        f, n_last = len(self.first), len(self.last)
        if i < self.plain:
            j = self._permute(i, self.plain)
            first, last = self.first[j % f], self.last[j // f]
            return f"{first} {last}", last
        j = self._permute(i - self.plain, self.compound)
        f1, rest = j % f, j // f
        f2, li = rest % (f - 1), rest // (f - 1)
        if f2 >= f1:
            f2 += 1
        last = self.last[li % n_last]
        return f"{self.first[f1]} {self.first[f2]} {last}", last


class World:
    """The recurring cast (places, organisations, officials) and the generators of new people."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        onto = load_ontology()
        self.onto = onto
        self.known: dict[str, Ent] = {
            k.id: Ent(k.id, k.type, k.name, tuple(k.aliases), k.wikidata, k.description, k.kind,
                      k.start_date, k.end_date, k.located_in)
            for k in onto.authority.values()
        }  # fmt: skip
        self.names = {g: _NameSpace(f, ln, rng.randrange(1_000)) for g, (f, ln) in NAME_GROUPS.items()}
        self.roles: dict[str, Ent] = {}
        self.made: dict[str, Ent] = {}
        by_kind = lambda t, k: [e for e in self.known.values() if e.type == t and e.kind == k]  # noqa: E731
        self.provinces = by_kind("Place", "province")
        self.iran_cities = [c for c in by_kind("Place", "city") if c.located_in in {p.id for p in self.provinces}]
        self.prisons_by_city: dict[str, list[Ent]] = {}
        for p in by_kind("Place", "prison"):
            self.prisons_by_city.setdefault(p.located_in or "", []).append(p)
        self.known_ngos = by_kind("Organisation", "ngo")
        self.media = by_kind("Organisation", "media")
        self.security = by_kind("Organisation", "security-force")
        self.opposition = [*by_kind("Organisation", "opposition"), self.known["organisation/jaish-al-adl"]]
        self.towns = [
            f"{r}{s}" if not r.endswith(s[0]) else f"{r} {s.capitalize()}" for r in TOWN_ROOTS for s in TOWN_SUFFIXES
        ]
        self.ngo_names = [p.format(r=r) for p in NGO_PATTERNS for r in NGO_REGIONS]
        self.ngo_names += [f"Iran {t} Watch" for t in NGO_TOPICS] + [f"Committee for {t} in Iran" for t in NGO_TOPICS]
        self.ngo_names += [f"{ln} Foundation for Human Rights" for ln in PERSIAN_LAST[:120] + EUROPEAN_LAST[:40]]

    # -- entities -------------------------------------------------------------------------------------
    def get(self, eid: str) -> Ent:
        return self.known.get(eid) or self.made[eid]

    def make(self, type_: str, name: str, **kw: Any) -> Ent:
        """An entity with id ``<type>/<slug of name>``; a known (authority) entity wins when the id exists."""
        eid = f"{type_.lower()}/{slugify(name)}"
        if eid in self.known:
            return self.known[eid]
        if eid in self.made:
            return self.made[eid]
        ent = Ent(eid, type_, name, **kw)
        if type_ != "Person" and type_ not in ("Event", "Case"):
            self.made[eid] = ent  # places and organisations recur; bounded by the name patterns
        return ent

    def person(self, group: str) -> Ent:
        full, last = self.names[group].next()
        aliases = (last,) if last != full else ()
        return Ent(f"person/{slugify(full)}", "Person", full, aliases)

    def role(self, key: str, group: str) -> Ent:
        """The same person every time ``key`` (e.g. the director of an NGO) is asked for."""
        if key not in self.roles:
            self.roles[key] = self.person(group)
        return self.roles[key]

    def group_for(self, place: Ent) -> str:
        province = place.id if place.kind == "province" else place.located_in
        if province and province not in PROVINCE_GROUPS and province in self.known:
            province = self.known[province].located_in if self.known[province].kind == "city" else province
        g = PROVINCE_GROUPS.get(province or "", "persian")
        return g if self.rng.random() < 0.8 else self.rng.choice(("persian", "kurdish", "arab", "baluch"))

    def city(self) -> Ent:
        """An Iranian city (known) or a generated town, located in a province."""
        if self.rng.random() < 0.6:
            return self.rng.choice(self.iran_cities)
        i = self.rng.randrange(len(self.towns))
        province = self.provinces[int(_unit("town", i) * len(self.provinces))]
        return self.make("Place", self.towns[i], kind="city", located_in=province.id)

    def prison(self, city: Ent) -> Ent:
        known = self.prisons_by_city.get(city.id)
        if known and self.rng.random() < 0.85:
            return self.rng.choice(known)
        return self.make("Place", f"{city.name} Central Prison", kind="prison", located_in=city.id)

    def court(self, city: Ent) -> Ent:
        branches = 30 if city.id == "place/tehran" else 4
        n = self.rng.randint(1, branches)
        return self.make("Organisation", f"Branch {n} of the Revolutionary Court of {city.name}",
                         kind="judiciary", located_in=city.id)  # fmt: skip

    def ngo(self) -> Ent:
        if self.rng.random() < 0.5:
            return self.rng.choice(self.known_ngos)
        name = self.rng.choice(self.ngo_names)
        abbr = "".join(w[0] for w in name.split() if w[0].isupper())
        return self.make("Organisation", name, kind="ngo", aliases=(abbr,) if len(abbr) >= 3 else ())

    def publisher(self) -> Ent:
        return self.rng.choice(self.media) if self.rng.random() < 0.4 else self.ngo()

    def union(self, city: Ent) -> Ent:
        return self.make("Organisation", f"{city.name} {self.rng.choice(UNION_TRADES)}", kind="other",
                         located_in=city.id)  # fmt: skip

    def head(self, org: Ent) -> tuple[Ent, str, str]:
        """(person, predicate, title) of whoever speaks for ``org``."""
        if org.id in KNOWN_HEADS:
            pid, pred, title = KNOWN_HEADS[org.id]
            return self.known[pid], pred, title
        pred, title = [("director_of", "director"), ("secretary_general_of", "secretary-general"),
                       ("member_of", "spokesperson")][int(_unit("head", org.id) * 3)]  # fmt: skip
        group = "european" if _unit("eu", org.id) < 0.3 else "persian"
        return self.role(f"head/{org.id}", group), pred, title

    def rapporteur(self, year: int) -> Ent:
        if 2011 <= year <= 2016:
            return self.known["person/ahmed-shaheed"]
        if 2018 <= year <= 2023:
            return self.known["person/javaid-rehman"]
        if year >= 2024:
            return self.known["person/mai-sato"]
        return self.known["organisation/un-human-rights-council"]

    def governor(self, province: Ent) -> Ent:
        return self.role(f"governor/{province.id}", "persian")

    def judge(self, court: Ent) -> Ent:
        return self.role(f"judge/{court.id}", "persian")

    def lawyer(self) -> Ent:
        return self.role(f"lawyer/{self.rng.randrange(3_000)}", "persian")


# --------------------------------------------------------------------------------------------------------
# One document: text built sentence by sentence, with the mentions, relations and claims it supports
# --------------------------------------------------------------------------------------------------------


@dataclass
class _Ref:
    ent: Ent
    surface: str


def R(ent: Ent, surface: str | None = None) -> _Ref:
    return _Ref(ent, surface or ent.name)


_ARTICLE_START = (
    "Islamic ", "Iranian ", "Ministry ", "Judiciary ", "Office ", "Government ", "International ", "UN ",
    "United Nations", "European ", "Committee ", "Center ", "Centre ", "Association ", "Campaign ", "Intelligence ",
    "Supreme ", "Swedish ", "Federal ", "Higher ", "Prisons ", "Special ", "Basij", "Morality ", "Quds ",
    "Revolutionary ", "Independent ",
)  # fmt: skip
_ARTICLE_END = (
    " Network", " Association", " Monitor", " Group", " Council", " Union", " Syndicate", " Guild", " Corps",
    " Court", " Department", " Agency", " Police", " Guards", " Center", " Centre", " Forces", " forces",
)  # fmt: skip


def Org(ent: Ent, surface: str | None = None, start: bool = False) -> tuple[str | _Ref, ...]:
    """An organisation's mention, with "the" in front when its name reads that way."""
    if ent.id == STATE_CLAIMANT and surface is None:
        surface = "Iranian government"
    s = surface or ent.name
    if ent.type != "Organisation" or s.startswith(("Branch ", "the ", "The ")):
        return (R(ent, s),)
    if s.startswith(_ARTICLE_START) or s.endswith(_ARTICLE_END):
        return ("The " if start else "the ", R(ent, s))
    return (R(ent, s),)


@dataclass
class _EntUse:
    ent: Ent
    aliases: list[str] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)


class DocBuilder:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.parts: list[str] = []
        self.length = 0
        self.new_paragraph = False
        self.ents: dict[str, _EntUse] = {}
        self.relations: list[dict[str, Any]] = []
        self.claims: list[dict[str, Any]] = []

    def use(self, ent: Ent) -> _EntUse:
        use = self.ents.get(ent.id)
        if use is None:
            use = self.ents[ent.id] = _EntUse(ent)
        return use

    def paragraph(self) -> None:
        self.new_paragraph = True

    def say(self, *pieces: str | _Ref) -> dict[str, Any]:
        """Append one sentence; returns its span ``{start, end, text}``."""
        if self.length:
            sep = "\n\n" if self.new_paragraph else " "
            self.parts.append(sep)
            self.length += len(sep)
        self.new_paragraph = False
        start = self.length
        for piece in pieces:
            if isinstance(piece, str):
                self.parts.append(piece)
                self.length += len(piece)
                continue
            use = self.use(piece.ent)
            s = self.length
            self.parts.append(piece.surface)
            self.length += len(piece.surface)
            use.mentions.append({"start": s, "end": self.length, "text": piece.surface})
            if piece.surface != piece.ent.name and piece.surface not in use.aliases:
                use.aliases.append(piece.surface)
        text = "".join(self.parts[-len(pieces) :])
        return {"start": start, "end": self.length, "text": text}

    def rel(self, s: Ent, predicate: str, o: Ent, span: dict[str, Any], date: str | None = None) -> None:
        self.use(s)
        self.use(o)
        self.relations.append({
            "subject": s.id, "predicate": predicate, "object": o.id, "date": date,
            "confidence": round(self.rng.uniform(0.55, 0.97), 2), "evidence": span,
        })  # fmt: skip

    def claim(self, about: Ent, metric: str, value: int, qualifier: str | None, by: Ent | None,
              span: dict[str, Any], date: str | None = None) -> None:  # fmt: skip
        self.use(about)
        if by is not None:
            self.use(by)
        self.claims.append({
            "about": about.id, "metric": metric, "value": value, "qualifier": qualifier,
            "claimed_by": by.id if by else None, "date": date,
            "confidence": round(self.rng.uniform(0.6, 0.95), 2), "evidence": span,
        })  # fmt: skip

    def text(self) -> str:
        return "".join(self.parts)

    def entities(self) -> list[dict[str, Any]]:
        out = []
        for use in self.ents.values():
            e = use.ent
            aliases = list(dict.fromkeys([*use.aliases, *(a for a in e.aliases[:2] if e.type != "Person")]))
            out.append({
                "id": e.id, "type": e.type, "name": e.name, "aliases": aliases, "wikidata": e.wikidata,
                "description": e.description, "kind": e.kind, "start_date": e.start_date,
                "end_date": e.end_date, "mentions": use.mentions,
            })  # fmt: skip
        return out


def _qualified(qualifier: str | None, value: int) -> str:
    return f"{qualifier} {_fmt(value)}" if qualifier else _fmt(value)


@dataclass
class _Figure:
    claimant: Ent
    metric: str
    value: int
    qualifier: str | None


def _figures(w: World, key: str, metric: str, truth: int, claimants: list[Ent]) -> list[_Figure]:
    """Each claimant's figure for ``metric``: the state understates, others scatter around the truth.

    Values come from a hash of (key, claimant, metric), so every story about the same event gives every
    claimant the same figure: evidence accumulates, and disagreements are between claimants.
    """
    out = []
    for c in claimants:
        u = _unit(key, c.id, metric)
        factor = 0.15 + 0.35 * u if c.id == STATE_CLAIMANT else 0.6 + 1.8 * u
        q_idx = int(_unit("q", key, c.id, metric) * 6)
        qualifier = ("at least", "about", "more than", None, "at least", "up to")[q_idx]
        if c.id == STATE_CLAIMANT:
            qualifier = None if q_idx % 2 else "exactly"
        out.append(_Figure(c, metric, max(1, round(truth * factor)), qualifier))
    return out


@dataclass
class _Story:
    kind: str
    docs: int


def _date(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _publish(w: World, year: int, month: int, j: int) -> tuple[int, int, int]:
    month0 = month - 1 + j // 2 + w.rng.randint(0, 1)
    return year + month0 // 12, month0 % 12 + 1, w.rng.randint(1, 28)


def _relative_quote(w: World, b: DocBuilder, victim: Ent, publisher: Ent, group: str) -> None:
    relative = w.person(group)
    kin = w.rng.choice(RELATIVES)
    span = b.say(f"\"{w.rng.choice(QUOTES)},\" said ", R(relative), ", ", R(victim, victim.short),
                 f"'s {kin}, speaking to ", *Org(publisher), ".")  # fmt: skip
    b.rel(relative, "related_to", victim, span)


def _condemnations(w: World, b: DocBuilder, subject: Ent, year: int, what: str) -> None:
    r = w.rng.random()
    if r < 0.35:
        rap = w.rapporteur(year)
        if rap.type == "Person":
            span = b.say(R(rap), ", the UN Special Rapporteur on the situation of human rights in ",
                         R(w.known["place/iran"]), f", condemned {what}.")  # fmt: skip
            b.rel(rap, "rapporteur_of", w.known["place/iran"], span)
        else:
            span = b.say("The ", R(rap), f" condemned {what}.")
        b.rel(subject, "condemned_by", rap, span)
    elif r < 0.65:
        country = w.known[w.rng.choice(CONDEMNING_COUNTRIES)]
        span = b.say("The government of ", R(country), f" condemned {what} and summoned Iran's ambassador.")
        b.rel(subject, "condemned_by", country, span)
    else:
        org = w.known[w.rng.choice(CONDEMNING_ORGS)]
        span = b.say(*Org(org, start=True), f" condemned {what} in a statement.")
        b.rel(subject, "condemned_by", org, span)


def _spokesperson(w: World, b: DocBuilder, org: Ent, statement: str) -> None:
    head, pred, title = w.head(org)
    span = b.say(R(head), f", {title} of ", *Org(org), f", said {statement}.")
    b.rel(head, pred, org, span)


# -- protests ---------------------------------------------------------------------------------------------


def _protest_story(w: World, n_docs: int) -> Iterator[DocBuilder]:
    rng = w.rng
    city = w.city()
    national = None
    if rng.random() < 0.15:
        national = w.known[rng.choice(list(NATIONAL_PROTESTS))]
        year, month, national_truth = NATIONAL_PROTESTS[national.id]
        if national.id == "event/2021-khuzestan-water-protests":
            city = rng.choice([c for c in w.iran_cities if c.located_in == "place/khuzestan-province"])
    else:
        year = rng.choices(range(2005, 2026), weights=[1 + (y - 2005) // 3 for y in range(2005, 2026)])[0]
        month = rng.randint(1, 12)
    province = w.get(city.located_in) if city.located_in else w.known["place/tehran-province"]
    group = w.group_for(city)
    mon = MONTHS[month - 1]
    event = national or w.make(
        "Event", f"{city.name} protests of {mon} {year}", aliases=(f"{mon} {year} protests in {city.name}",),
        kind="protest", start_date=f"{year}-{month:02d}",
    )  # fmt: skip
    truth_killed = rng.randint(1, 60)
    killed = [w.person(group) for _ in range(min(truth_killed, rng.randint(2, 8)))]
    arrested = [w.person(group) for _ in range(rng.randint(2, 8))]
    force = rng.choice(w.security)
    union = w.union(city)
    prison = w.prison(city)
    claimants = list({c.id: c for c in [w.ngo() for _ in range(rng.randint(2, 4))]}.values())
    if rng.random() < 0.3:
        claimants.append(w.known[STATE_CLAIMANT])
    key = national.id if national else event.id
    figures = _figures(w, key, "killed", national_truth if national else truth_killed, claimants)
    figures += _figures(w, key, "arrested", truth_killed * rng.randint(10, 60), claimants)
    figures += _figures(w, key, "injured", truth_killed * rng.randint(2, 8), claimants)
    ev_date = f"{year}-{month:02d}"
    start_day = rng.randint(1, 20)
    for j in range(n_docs):
        b = DocBuilder(rng)
        pub = w.publisher()
        py, pm, pd = _publish(w, year, month, j)
        if (py, pm) == (year, month):
            pd = max(pd, start_day + 1)
        iran = w.known["place/iran"]
        fig = rng.choice([f for f in figures if f.metric == "killed"])
        t = rng.randrange(3)
        if t == 0:
            b.say(R(iran), ": security forces open fire on protesters in ", R(city))
        elif t == 1:
            b.say(f"At least {_fmt(fig.value)} killed in ", R(city), " protests, says ", *Org(fig.claimant))
        else:
            b.say(R(city), f" protests: {rng.choice(['what we know', 'victims named', 'a timeline'])}")
        b.paragraph()
        span = b.say(f"{city.name.upper()}, {pd} {MONTHS[pm - 1]} {py} - The ",
                     R(event, rng.choice((event.name, *event.aliases))),
                     f" began on {start_day} {mon} {year}, after {rng.choice(TRIGGERS)}.")  # fmt: skip
        if rng.random() < 0.7:
            span = b.say("Most of the demonstrations took place in ", R(city), ", in ", R(province), ".")
            b.rel(event, "occurred_in", city, span, ev_date)
            b.rel(city, "located_in", province, span)
        else:
            b.rel(event, "occurred_in", city, span, ev_date)
        if rng.random() < 0.8:
            span = b.say(*Org(force, rng.choice((force.name, *force.aliases[:1])), start=True),
                         " opened fire on demonstrators in ", R(city), ", witnesses told ", *Org(pub), ".")  # fmt: skip
            b.rel(event, "perpetrated_by", force, span)
            b.rel(event, "reported_by", pub, span)
        if rng.random() < 0.3:
            gov = w.governor(province)
            span = b.say(R(gov), ", the governor of ", R(province), ', blamed "rioters" for the unrest.')
            b.rel(gov, "leader_of", province, span)
        b.paragraph()
        named = rng.sample(killed, k=min(len(killed), rng.randint(1, 4)))
        for v in named:
            day = rng.randint(1, 28)
            if rng.random() < 0.5:
                span = b.say(R(v), f", a {rng.randint(14, 60)}-year-old {rng.choice(OCCUPATIONS)}, was shot dead by ",
                             *Org(force), f" on {day} {mon}.")  # fmt: skip
            else:
                span = b.say(R(v), " was killed during the ", R(event, _alias(event)), ".")
            b.rel(v, "killed_in", event, span, f"{year}-{month:02d}-{day:02d}")
            if rng.random() < 0.4:
                b.rel(v, "victim_of", event, span)
        _relative_quote(w, b, rng.choice(named), pub, group)
        b.paragraph()
        for a in rng.sample(arrested, k=min(len(arrested), rng.randint(1, 3))):
            day = rng.randint(1, 28)
            span = b.say(R(a), " was arrested in ", R(city), f" on {day} {mon} {year} and taken to ", R(prison), ".")
            b.rel(a, "arrested_in", event, span, _date(year, month, day))
            b.rel(a, "arrested_in", city, span, _date(year, month, day))
            if rng.random() < 0.3:
                span = b.say(R(a, a.short), " is a member of ", *Org(union), ", whose members joined the protests.")
                b.rel(a, "member_of", union, span)
                b.rel(union, "participated_in", event, span)
            elif rng.random() < 0.3:
                span = b.say(R(a, a.short), " had taken part in the protests from the first day.")
                b.rel(a, "participated_in", event, span)
        if rng.random() < 0.4:
            span = b.say(R(prison), " is located in ", R(city), ".")
            b.rel(prison, "located_in", city, span)
        b.paragraph()
        for f in rng.sample(figures, k=rng.randint(1, min(4, len(figures)))):
            words = rng.choice(CLAIM_WORDS[f.metric])
            if rng.random() < 0.5:
                span = b.say("According to ", *Org(f.claimant), f", {_qualified(f.qualifier, f.value)} {words}.")
            else:
                q = _qualified(f.qualifier, f.value)
                span = b.say(*Org(f.claimant, start=True), f" said {q} {words} in ", R(city), ".")
            b.claim(event, f.metric, f.value, f.qualifier, f.claimant, span, ev_date if rng.random() < 0.5 else None)
            if f.claimant.id != STATE_CLAIMANT:
                b.rel(event, "reported_by", f.claimant, span)
        if rng.random() < 0.4:
            org = rng.choice([c for c in claimants if c.id != STATE_CLAIMANT])
            _spokesperson(w, b, org, "the authorities must allow an independent investigation")
        if rng.random() < 0.5:
            _condemnations(w, b, event, year, "the crackdown")
        if national is not None and rng.random() < 0.5:
            span = b.say("The unrest in ", R(city), " was part of the ", R(national, _alias(national)), ".")
            b.rel(national, "occurred_in", city, span)
        yield _finish(b, pub, (py, pm, pd))


# -- executions -------------------------------------------------------------------------------------------


def _execution_story(w: World, n_docs: int) -> Iterator[DocBuilder]:
    rng = w.rng
    home = w.city()
    province = w.get(home.located_in) if home.located_in else w.known["place/tehran-province"]
    group = w.group_for(home)
    person = w.person(group)
    seat = home if home in w.iran_cities and rng.random() < 0.5 else rng.choice(w.iran_cities)
    prison = w.prison(seat)
    court = w.court(seat)
    judge = w.judge(court)
    lawyer = w.lawyer()
    year = rng.choices(range(2000, 2026), weights=[1 + (y - 2000) // 2 for y in range(2000, 2026)])[0]
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    date = _date(year, month, day)
    event = w.make("Event", f"Execution of {person.name}", aliases=(f"{person.short}'s execution",),
                   kind="execution", start_date=date, end_date=date)  # fmt: skip
    yearly = w.make("Event", f"Executions in Iran in {year}", kind="other", start_date=str(year), end_date=str(year))
    charge = rng.choice(CHARGES)
    opposition = rng.choice(w.opposition)
    judiciary = w.known["organisation/iranian-judiciary"]
    arrested = (year - rng.randint(1, 6), rng.randint(1, 12))
    claimants = list({c.id: c for c in [w.ngo() for _ in range(rng.randint(1, 3))]}.values())
    # Figures of executions this year so far: the same for every story of that year and claimant.
    yearly_truth = 200 + int(_unit("yearly", year) * 700)
    fraction = month / 12
    figures = [
        _Figure(f.claimant, f.metric, max(1, round(f.value * fraction)), f.qualifier)
        for f in _figures(w, yearly.id, "executed", yearly_truth, claimants)
    ]  # fmt: skip
    death_row = _figures(w, event.id, "death_row", rng.randint(3, 40), claimants)
    for j in range(n_docs):
        b = DocBuilder(rng)
        pub = w.publisher()
        py, pm, pd = _publish(w, year, month, j)
        t = rng.randrange(3)
        if t == 0:
            b.say(R(w.known["place/iran"]), ": ", R(person), " executed in ", R(prison))
        elif t == 1:
            b.say(R(person), " hanged in ", R(seat), " after unfair trial")
        else:
            b.say("Fears for prisoners after the ", R(event, f"execution of {person.name}"))
        b.paragraph()
        span = b.say(R(person), f", a {rng.randint(18, 65)}-year-old {rng.choice(OCCUPATIONS)} from ", R(home),
                     ", was executed in ", R(prison), f" on {day} {MONTHS[month - 1]} {year}, ", *Org(pub),
                     " has learned.")  # fmt: skip
        b.rel(person, "executed_in", prison, span, date)
        b.rel(event, "reported_by", pub, span)
        span = b.say("News of the ", R(event, f"execution of {person.name}"), " was confirmed by ",
                     *Org(claimants[0]), ".")  # fmt: skip
        b.rel(event, "reported_by", claimants[0], span)
        if rng.random() < 0.6:
            b.rel(person, "executed_in", event, span, date)
        if rng.random() < 0.5:
            span = b.say(R(prison), " is in ", R(seat), ", the capital of ", R(w.get(seat.located_in or "place/iran")),
                         ".")  # fmt: skip
            b.rel(prison, "located_in", seat, span)
            b.rel(seat, "located_in", w.get(seat.located_in or "place/iran"), span)
        b.paragraph()
        span = b.say(R(person, person.short), " was arrested in ", R(home), f" in {MONTHS[arrested[1] - 1]} "
                     f"{arrested[0]} and charged with {charge}.")  # fmt: skip
        b.rel(person, "arrested_in", home, span, f"{arrested[0]}-{arrested[1]:02d}")
        if home.id != seat.id and rng.random() < 0.5:
            span = b.say(R(home), " lies in ", R(province), ".")
            b.rel(home, "located_in", province, span)
        if rng.random() < 0.8:
            span = b.say(R(person, person.short), " was sentenced to death by ", *Org(court),
                         ", presided over by judge ", R(judge), ".")  # fmt: skip
            b.rel(person, "sentenced_to_death_by", court, span)
            b.rel(person, "sentenced_to_death_by", judge, span)
            if rng.random() < 0.3:
                span = b.say(R(judge, judge.short), " is a judge of ", *Org(court), ".")
                b.rel(judge, "member_of", court, span)
        if rng.random() < 0.5:
            span = b.say(R(person, person.short), " was put to death by the ", R(judiciary),
                         " despite international appeals for clemency.")  # fmt: skip
            b.rel(person, "executed_by", judiciary, span, date)
        if "opposition" in charge or rng.random() < 0.2:
            span = b.say("The authorities accused ", R(person, person.short), " of membership in ",
                         *Org(opposition), ".")  # fmt: skip
            b.rel(person, "member_of", opposition, span)
        if rng.random() < 0.6:
            span = b.say(R(lawyer), f", {person.short}'s lawyer, said the trial lasted less than an hour.")
            b.rel(lawyer, "related_to", person, span)
        _relative_quote(w, b, person, pub, group)
        b.paragraph()
        for f in rng.sample(figures, k=rng.randint(0, len(figures))):
            span = b.say(f"{person.short}'s hanging brings the ", R(yearly, f"executions in Iran in {year}"),
                         f" to {_qualified(f.qualifier, f.value)}, according to ", *Org(f.claimant), ".")  # fmt: skip
            b.claim(yearly, "executed", f.value, f.qualifier, f.claimant, span, f"{year}-{month:02d}")
            b.rel(yearly, "reported_by", f.claimant, span)
        if rng.random() < 0.4:
            f = rng.choice(death_row)
            q = _qualified(f.qualifier, f.value)
            span = b.say(*Org(f.claimant, start=True), f" said {q} other prisoners in ", R(prison),
                         " are at imminent risk of execution.")  # fmt: skip
            b.claim(event, "death_row", f.value, f.qualifier, f.claimant, span, f"{py}-{pm:02d}")
        if rng.random() < 0.3:
            _spokesperson(w, b, claimants[0], "the international community must act to stop the executions")
        if rng.random() < 0.6:
            _condemnations(w, b, event, year, f"the execution of {person.name}")
        if rng.random() < 0.2:
            span = b.say(R(person, person.short), " was a victim of the ", R(event, f"execution of {person.name}"),
                         " carried out in secret, according to ", *Org(pub), ".")  # fmt: skip
            b.rel(person, "victim_of", event, span)
        yield _finish(b, pub, (py, pm, pd))


# -- trials -----------------------------------------------------------------------------------------------


def _trial_story(w: World, n_docs: int) -> Iterator[DocBuilder]:
    rng = w.rng
    universal = rng.random() < 0.25
    year = rng.randint(2010, 2025)
    month = rng.randint(1, 12)
    if universal:
        country_id, city_id, court_id = rng.choice(UJ_COURTS)
        country, city, court = w.known[country_id], w.known[city_id], w.known[court_id]
        defendants = [w.person("persian")]
        crime = w.known[rng.choice(UJ_CRIMES)]
        prosecutor = w.role(f"prosecutor/{country_id}/{rng.randrange(6)}", "european")
        victims = [w.person(rng.choice(("persian", "kurdish", "arab"))) for _ in range(rng.randint(2, 6))]
        group = "persian"
    else:
        city = rng.choice(w.iran_cities)
        country = w.known["place/iran"]
        court = w.court(city)
        group = w.group_for(city)
        defendants = [w.person(group) for _ in range(rng.randint(1, 6))]
        protest_month = rng.randint(1, 12)
        crime = w.make("Event", f"{city.name} protests of {MONTHS[protest_month - 1]} {year - 1}",
                       aliases=(f"{MONTHS[protest_month - 1]} {year - 1} protests in {city.name}",),
                       kind="protest", start_date=f"{year - 1}-{protest_month:02d}")  # fmt: skip
        prosecutor = None
        victims = []
    lead = defendants[0]
    name = f"Trial of {lead.name}" if len(defendants) == 1 else f"Trial of {lead.name} and others"
    case = w.make("Case", name, aliases=(f"{lead.short} trial",), start_date=f"{year}-{month:02d}")
    judge = w.judge(court)
    claimants = list({c.id: c for c in [w.ngo() for _ in range(rng.randint(1, 3))]}.values())
    if universal:
        truth = rng.randint(50, 5000)
        figures = _figures(w, case.id, "executed" if crime.id == "event/1988-massacre" else "killed", truth, claimants)
        figures.append(_Figure(prosecutor, figures[0].metric, truth, "at least"))
    else:
        sentenced = rng.randint(1, len(defendants))
        figures = [_Figure(c, "sentenced_to_death", max(1, sentenced + rng.randint(-1, 1)), None) for c in claimants]
        figures += _figures(w, case.id, "detained", rng.randint(5, 80), claimants)
    for j in range(n_docs):
        b = DocBuilder(rng)
        pub = w.publisher()
        py, pm, pd = _publish(w, year, month, j)
        if universal:
            b.say(R(country), ": ", R(case, case.aliases[0]), rng.choice((" opens", " hears witnesses", " ends")))
        elif len(defendants) > 1 and rng.random() < 0.5:
            b.say(R(lead), f" and {len(defendants) - 1} others face the death penalty in ", R(city))
        elif rng.random() < 0.5:
            b.say(R(w.known["place/iran"]), f": {len(defendants)} on trial in ", R(city))
        else:
            b.say(*Org(court, start=True), " hears the ", R(case, case.aliases[0]))
        b.paragraph()
        span = b.say("The ", R(case, case.name[0].lower() + case.name[1:]), " opened before ", *Org(court), " in ",
                     R(city), f" in {MONTHS[month - 1]} {year}.")  # fmt: skip
        b.rel(case, "tried_in", city, span, f"{year}-{month:02d}")
        b.rel(case, "occurred_in", city, span, f"{year}-{month:02d}")
        if universal:
            span = b.say(R(lead), " is being tried in ", R(country), " under the principle of universal jurisdiction.")
            b.rel(lead, "tried_under_universal_jurisdiction", country, span)
            b.rel(case, "tried_under_universal_jurisdiction", country, span)
            b.rel(lead, "subject_of", case, span)
            span = b.say("The case concerns the ", R(crime, _alias(crime)), ".")
            b.rel(case, "related_to", crime, span)
            if rng.random() < 0.5:
                span = b.say("Prosecutors say ", R(lead, lead.short), " took part in abuses carried out by the ",
                             R(w.known["organisation/irgc"], "Revolutionary Guards"), ".")  # fmt: skip
                b.rel(case, "perpetrated_by", lead, span)
                b.rel(case, "perpetrated_by", w.known["organisation/irgc"], span)
            for v in rng.sample(victims, k=rng.randint(1, len(victims))):
                witness = w.person("persian")
                span = b.say(R(witness), " told the court that ", R(v), " was taken away and never seen again.")
                b.rel(v, "victim_of", case, span)
                b.rel(witness, "related_to", v, span)
            p_fig = figures[-1]
            span = b.say("Prosecutor ", R(prosecutor), f" said {_qualified(p_fig.qualifier, p_fig.value)} prisoners "
                         f"were {'executed' if p_fig.metric == 'executed' else 'killed'}.")  # fmt: skip
            b.claim(case, p_fig.metric, p_fig.value, p_fig.qualifier, prosecutor, span)
            for f in rng.sample(figures[:-1], k=rng.randint(0, len(figures) - 1)):
                span = b.say(*Org(f.claimant, start=True), f" puts the number at {_qualified(f.qualifier, f.value)}.")
                b.claim(case, f.metric, f.value, f.qualifier, f.claimant, span)
                b.rel(case, "reported_by", f.claimant, span)
            if rng.random() < 0.5:
                ministry = w.known["organisation/iranian-ministry-of-foreign-affairs"]
                span = b.say(R(ministry, "Iran's Foreign Ministry"), " condemned the trial as politically motivated.")
                b.rel(case, "condemned_by", ministry, span)
        else:
            for d in defendants:
                span = b.say(R(d), " was arrested during the ",
                             R(crime, crime.aliases[0]), " and is among the defendants.")  # fmt: skip
                b.rel(d, "arrested_in", crime, span)
                b.rel(d, "subject_of", case, span)
                if rng.random() < 0.3:
                    group_org = rng.choice(w.opposition)
                    span = b.say(R(d, d.short), " is accused of leading a cell of ", *Org(group_org), ".")
                    b.rel(d, "member_of", group_org, span)
                if rng.random() < 0.2:
                    span = b.say(R(d, d.short), " appeared before judge ", R(judge), " and was tried in ", R(city), ".")
                    b.rel(d, "tried_in", city, span)
            n_sentenced = [f for f in figures if f.metric == "sentenced_to_death"]
            if n_sentenced and n_sentenced[0].value:
                for d in defendants[: n_sentenced[0].value]:
                    span = b.say(R(d, d.short), " was sentenced to death by ", *Org(court), ".")
                    b.rel(d, "sentenced_to_death_by", court, span)
            for f in rng.sample(figures, k=rng.randint(1, len(figures))):
                if f.metric == "sentenced_to_death":
                    verb = "was" if f.value == 1 else "were"
                    span = b.say("According to ", *Org(f.claimant), f", {_fmt(f.value)} of the defendants {verb}"
                                 " sentenced to death.")  # fmt: skip
                else:
                    q = _qualified(f.qualifier, f.value)
                    span = b.say(*Org(f.claimant, start=True), f" said {q} people remain in detention in connection"
                                 " with the case.")  # fmt: skip
                b.claim(case, f.metric, f.value, f.qualifier, f.claimant, span)
                b.rel(case, "reported_by", f.claimant, span)
            if rng.random() < 0.4:
                intel = w.make("Organisation", f"Intelligence Department of {w.get(city.located_in or '').name}",
                               kind="security-force")  # fmt: skip
                span = b.say("The defendants said they had been tortured by the ", R(intel), ".")
                b.rel(case, "perpetrated_by", intel, span)
            _relative_quote(w, b, lead, pub, group)
        b.paragraph()
        if rng.random() < 0.3:
            _spokesperson(w, b, claimants[0], "the trial fell short of international standards")
        if rng.random() < 0.5:
            _condemnations(w, b, case, year, "the trial")
        if rng.random() < 0.7:
            span = b.say(*Org(pub, start=True), " has followed the ", R(case, case.aliases[0]), " since it opened.")
            b.rel(case, "reported_by", pub, span)
        yield _finish(b, pub, (py, pm, pd))


# --------------------------------------------------------------------------------------------------------
# Putting it together
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SyntheticDocument:
    name: str
    text: str
    meta: dict[str, Any]
    document: Document


def _finish(b: DocBuilder, pub: Ent, published: tuple[int, int, int]) -> tuple[DocBuilder, Ent, tuple[int, int, int]]:
    return b, pub, published


STORIES = (("protest", _protest_story, 0.45), ("execution", _execution_story, 0.35), ("trial", _trial_story, 0.20))


def generate(n_docs: int, seed: int) -> Iterator[SyntheticDocument]:
    """The first ``n_docs`` documents of the corpus of ``seed``, with their text, metadata and extraction."""
    rng = random.Random(seed)
    world = World(rng)
    produced = 0
    while produced < n_docs:
        _, story, _ = rng.choices(STORIES, weights=[s[2] for s in STORIES])[0]
        per_story = rng.choice((2, 3, 3, 4, 4, 5, 6, 8))
        for b, pub, (py, pm, pd) in story(world, per_story):
            if produced >= n_docs:
                return
            text = b.text()
            title = text.split("\n\n", 1)[0]
            name = f"{produced:07d}-{slugify(title)[:60].rstrip('-')}"
            published = _date(py, pm, pd)
            meta = {
                "title": title, "publisher": pub.name, "published": published,
                "url": f"https://{slugify(pub.name)}.example.org/{py}/{pm:02d}/{slugify(title)[:80]}",
            }  # fmt: skip
            doc = Document.model_validate({
                "id": hashlib.sha256(text.encode("utf-8")).hexdigest(), "source": f"{name}.txt",
                "title": title, "url": meta["url"], "publisher": pub.name, "published": published,
                "extractor": EXTRACTOR, "entities": b.entities(), "relations": b.relations, "claims": b.claims,
            })  # fmt: skip
            produced += 1
            yield SyntheticDocument(name, text, meta, doc)


def generate_documents(n_docs: int, seed: int) -> Iterator[Document]:
    """Extraction results (``hrkg.ontology.models.Document``) of ``n_docs`` synthetic documents."""
    for item in generate(n_docs, seed):
        yield item.document


def generate_texts(n_docs: int, seed: int) -> Iterator[tuple[str, str]]:
    """``(name, text)`` of the same documents as :func:`generate_documents` with the same arguments."""
    for item in generate(n_docs, seed):
        yield item.name, item.text


def check(item: SyntheticDocument) -> None:
    """Raise ``AssertionError`` when a span does not index the text or the id is not the text's sha256."""
    text, doc = item.text, item.document
    assert doc.id == hashlib.sha256(text.encode("utf-8")).hexdigest()
    for e in doc.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text, (item.name, e.id, m)
    for r in [*doc.relations, *doc.claims]:
        assert text[r.evidence.start : r.evidence.end] == r.evidence.text, (item.name, r)


def gold(item: SyntheticDocument) -> dict[str, Any]:
    """The document's expected extraction in the format of ``shared/eval/gold``."""
    data = item.document.model_dump(mode="json", include={"published", "entities", "relations", "claims"})
    return {"document": f"{item.name}.txt", **data}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100, help="number of documents (default 100)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="folder for NAME.txt and NAME.meta.json")
    parser.add_argument("--gold", action="store_true", help="also write the expected extraction to OUT/gold/")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.gold:
        (args.out / "gold").mkdir(exist_ok=True)
    count = 0
    for item in generate(args.docs, args.seed):
        check(item)
        (args.out / f"{item.name}.txt").write_text(item.text + "\n", encoding="utf-8")
        (args.out / f"{item.name}.meta.json").write_text(json.dumps(item.meta, ensure_ascii=False) + "\n")
        if args.gold:
            (args.out / "gold" / f"{item.name}.json").write_text(json.dumps(gold(item), ensure_ascii=False))
        count += 1
    print(f"wrote {count} documents to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
