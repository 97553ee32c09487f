from __future__ import annotations

import pytest

from hrkg.ingest.extractors import get_extractor
from hrkg.ingest.pipeline import extract_text
from hrkg.ontology.models import Document


@pytest.fixture(scope="session")
def extract():
    get_extractor()  # load the gazetteer once

    def run(text: str, **kw: object) -> Document:
        return extract_text(text, **kw)  # type: ignore[arg-type]

    return run
