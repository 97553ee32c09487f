"""A seeded corpus of short news-like documents about invented cases, plus copies of the repository's samples.

Names, organisations and places recur across documents so that loading them exercises the merge paths
(one entity, several documents; one edge, several evidence entries). Formats vary: plain text with a
``.meta.json`` sidecar, Markdown with front matter, HTML with meta tags, and text with only a dateline.
"""

from __future__ import annotations

import html
import json
import random
import shutil
from pathlib import Path

from tests.conftest import REPO

FIRST = ["Leyla", "Tomas", "Amina", "Reza", "Mariam", "Sipho", "Ines", "Dmitri", "Farah", "Kofi", "Yusuf",
         "Elena", "Nadia", "Karim", "Hana", "Arturo", "Lucia", "Bahram", "Zainab", "Oleg"]  # fmt: skip
LAST = ["Moradi", "Vellner", "Osei", "Haddad", "Karimova", "Nkosi", "Barros", "Petrov", "Rahimi", "Mensah",
        "Quispe", "Sadeghi", "Lindqvist", "Novak", "Toure", "Farahani"]  # fmt: skip
ORGS = ["Amnesty International", "Human Rights Watch", "the Kestrel Rights Initiative",
        "the Meridian Justice Project", "Northwind Legal Aid", "the Observatory for Civic Freedoms",
        "Iran Human Rights", "the UN Human Rights Office"]  # fmt: skip
CITIES = [("Tehran", "Iran"), ("Shiraz", "Iran"), ("Mashhad", "Iran"), ("Almaty", "Kazakhstan"),
          ("Minsk", "Belarus"), ("Yangon", "Myanmar"), ("Khartoum", "Sudan"), ("Caracas", "Venezuela"),
          ("Harare", "Zimbabwe"), ("Tashkent", "Uzbekistan"), ("Dhaka", "Bangladesh")]  # fmt: skip
COURTS = [("Stockholm", "Sweden"), ("Koblenz", "Germany"), ("The Hague", "the Netherlands"), ("Paris", "France"),
          ("Bern", "Switzerland"), ("Brussels", "Belgium")]  # fmt: skip
JOBS = ["journalist", "lawyer", "student", "teacher", "trade unionist", "blogger", "wrestler", "nurse", "poet"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
PUBLISHERS = ["Example Wire", "Example Daily", "Example Rights Review", "Example Monitor"]
QUALIFIERS = ["at least", "about", "more than", ""]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _date(rng: random.Random, year: int) -> tuple[str, str]:
    month = rng.randrange(12)
    day = rng.randint(1, 28)
    return f"{day} {MONTHS[month]} {year}", f"{year}-{month + 1:02d}-{day:02d}"


def _sentences(rng: random.Random, n: int) -> tuple[str, list[str], str]:
    """A title, the paragraphs and the ISO date of one invented story."""
    year = rng.randint(2015, 2024)
    when, iso = _date(rng, year)
    city, country = rng.choice(CITIES)
    court_city, court_country = rng.choice(COURTS)
    org, org2 = rng.sample(ORGS, 2)
    victim, accused, official, witness = (_person(rng) for _ in range(4))
    age = rng.randint(19, 64)
    month_name = MONTHS[rng.randrange(12)]
    killed = rng.randint(12, 1600)
    detained = rng.randint(40, 9000)
    qualifier = rng.choice(QUALIFIERS)
    pool = [
        f"{org} said on {rng.choice(WEEKDAYS)} that {victim}, "
        f"a {age}-year-old {rng.choice(JOBS)}, was arrested in {city} during the {month_name} {year} protests.",
        f"{victim} was executed in {city} on {when}, {org} reported.",
        f"According to {org2}, {qualifier + ' ' if qualifier else ''}{killed} people were killed during the "
        f"{month_name} {year} protests in {country}.",
        f"The group said {detained} people were detained in the crackdown that followed.",
        f"A court in {court_city} sentenced {accused} to life in prison on {when} for crimes committed in "
        f"{country}, in a trial held under universal jurisdiction.",
        f"{accused} was tried in {court_country} under universal jurisdiction, {org} said.",
        f"{official}, the director of {org2}, condemned the verdict against {victim}.",
        f"{witness}, a member of {org}, told reporters that the families had not been informed.",
        f"{victim} had been sentenced to death by a revolutionary court in {city} in {MONTHS[rng.randrange(12)]} "
        f"{year - 1}.",
        f"{org2} documented {rng.randint(2, 90)} executions in {country} in {year}.",
    ]
    chosen = [s[0].upper() + s[1:] for s in rng.sample(pool, n)]
    title = f"{victim}: {rng.choice(['arrests', 'verdict', 'execution', 'crackdown'])} in {city}"
    return title, chosen, iso


def write_generated(folder: Path, count: int, seed: int) -> list[Path]:
    """``count`` invented stories in mixed formats under ``folder``; returns the document files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    for i in range(count):
        title, paragraphs, iso = _sentences(rng, rng.randint(4, 7))
        publisher = rng.choice(PUBLISHERS)
        kind = i % 4
        stem = f"gen-{i:03d}"
        body = "\n\n".join(" ".join(paragraphs[j : j + 2]) for j in range(0, len(paragraphs), 2))
        if kind == 0:
            path = folder / f"{stem}.txt"
            path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
            meta = {"title": title, "publisher": publisher, "published": iso,
                    "url": f"https://example.org/reliability/{stem}"}  # fmt: skip
            (folder / f"{stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
        elif kind == 1:
            path = folder / f"{stem}.md"
            path.write_text(f'---\ntitle: "{title}"\npublisher: {publisher}\npublished: {iso}\n---\n\n'
                            f"# {title}\n\n{body}\n", encoding="utf-8")  # fmt: skip
        elif kind == 2:
            path = folder / f"{stem}.html"
            paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n"))
            path.write_text(
                f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
                f'<meta property="og:site_name" content="{publisher}">'
                f'<meta property="article:published_time" content="{iso}T09:00:00+00:00"></head>'
                f"<body><article><h1>{html.escape(title)}</h1>\n{paras}\n</article></body></html>\n",
                encoding="utf-8",
            )
        else:
            path = folder / f"{stem}.txt"
            city = rng.choice(CITIES)[0].upper()
            day, month, year = iso[8:], MONTHS[int(iso[5:7]) - 1], iso[:4]
            path.write_text(f"{int(day)} {month} {year}\n\n{city} ({publisher}) - {body}\n", encoding="utf-8")
        files.append(path)
    return files


def copy_samples(folder: Path, count: int) -> list[Path]:
    """Up to ``count`` plain-text samples of the repository (with their sidecars), each with a distinct first line
    so that every copy is a distinct document."""
    folder.mkdir(parents=True, exist_ok=True)
    samples = [
        *sorted((REPO / "examples" / "corpus").glob("*.txt")),
        *sorted((REPO / "tests" / "fixtures" / "docs").glob("*.txt")),
    ]
    files: list[Path] = []
    for i, src in enumerate(samples[:count]):
        dst = folder / f"copy-{i:02d}-{src.name}"
        dst.write_text(f"Reliability copy {i}.\n\n" + src.read_text(encoding="utf-8"), encoding="utf-8")
        sidecar = src.with_name(src.stem + ".meta.json")
        if sidecar.is_file():
            shutil.copyfile(sidecar, folder / f"copy-{i:02d}-{src.stem}.meta.json")
        files.append(dst)
    return files


def build_corpus(folder: Path, total: int, seed: int) -> list[Path]:
    """About a quarter copies of the samples, the rest generated stories: ``total`` documents in all."""
    copies = copy_samples(folder / "samples", max(0, total // 4))
    return copies + write_generated(folder / "generated", total - len(copies), seed)
