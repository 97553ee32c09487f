"""All configuration, read once from the environment (prefix ``HRKG_``) and an optional ``.env`` file.

Nothing else in hrkg reads ``os.environ``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HRKG_", env_file=".env", extra="ignore")

    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("hrkg-local-password")
    neo4j_database: str = "neo4j"

    base_uri: str = "http://127.0.0.1:8000"
    api_keys: Annotated[list[SecretStr], NoDecode] = Field(default_factory=list)
    data_dir: Path = Path(".hrkg")

    # The local server launched by `hrkg neo4j start`.
    neo4j_bolt_port: int = Field(default=7687, ge=1, le=65535)
    neo4j_http_port: int = Field(default=7474, ge=1, le=65535)
    neo4j_heap: str = Field(default="4g", pattern=r"^\d+[kmg]$")
    neo4j_pagecache: str = Field(default="4g", pattern=r"^\d+[kmg]$")
    neo4j_tx_timeout: str = Field(default="120s", pattern=r"^\d+(ms|s|m|h)$")
    neo4j_start_timeout: float = Field(default=120.0, gt=0)

    # Ingest and API limits.
    max_document_bytes: int = Field(default=20_000_000, gt=0)
    cypher_timeout: float = Field(default=10.0, gt=0)
    cypher_max_rows: int = Field(default=10_000, gt=0)
    request_timeout: float = Field(default=10.0, gt=0)  # a GET answers 503 after this

    @field_validator("api_keys", mode="before")
    @classmethod
    def _split_keys(cls, v: object) -> object:
        if isinstance(v, str):
            return [k.strip() for k in v.split(",") if k.strip()]
        return v

    @field_validator("base_uri")
    @classmethod
    def _no_trailing_slash(cls, v: str) -> str:
        return v.rstrip("/")

    @model_validator(mode="after")
    def _uri_follows_local_port(self) -> Settings:
        """Without HRKG_NEO4J_URI, talk to the local server on HRKG_NEO4J_BOLT_PORT."""
        if "neo4j_uri" not in self.model_fields_set:
            self.neo4j_uri = f"bolt://127.0.0.1:{self.neo4j_bolt_port}"
        return self

    @property
    def neo4j_home(self) -> Path:
        return self.data_dir.resolve() / "neo4j"


@cache
def get_settings() -> Settings:
    return Settings()
