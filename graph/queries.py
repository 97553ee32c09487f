"""Load the ``cypher/*.cypher`` statements by name, so analysts read the very queries the app runs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from hrkg.ontology.errors import HrkgError

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True)
class CypherFile:
    name: str
    text: str
    header: str

    @property
    def parameters(self) -> list[str]:
        """Names of the ``$parameters`` the statement uses, in order of first use."""
        body = "\n".join(line for line in self.text.splitlines() if not line.lstrip().startswith("//"))
        return list(dict.fromkeys(_PARAM.findall(body)))


def available() -> list[str]:
    """Names of all bundled statements (file names without ``.cypher``)."""
    root = resources.files("hrkg.cypher")
    return sorted(p.name[: -len(".cypher")] for p in root.iterdir() if p.name.endswith(".cypher"))


@cache
def load(name: str) -> CypherFile:
    """The statement ``cypher/<name>.cypher``; raises :class:`HrkgError` naming the file when it is missing."""
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise HrkgError(f"invalid cypher statement name {name!r}")
    path = resources.files("hrkg.cypher").joinpath(f"{name}.cypher")
    if not path.is_file():
        raise HrkgError(f"cypher/{name}.cypher does not exist")
    text = path.read_text(encoding="utf-8")
    header = "\n".join(line.lstrip()[2:].strip() for line in text.splitlines() if line.lstrip().startswith("//"))
    return CypherFile(name=name, text=text, header=header)


def query(name: str) -> str:
    """Shorthand for the text of ``cypher/<name>.cypher``."""
    return load(name).text
