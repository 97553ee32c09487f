"""Documents -> normalised text -> entities, relations and claims with evidence.

The default extractor ("rules") runs fully offline: no model downloads, no LLM. See
:mod:`hrkg.ingest.pipeline` for the entry points the CLI and the API call.
"""
