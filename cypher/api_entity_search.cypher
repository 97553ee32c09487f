// API: entities matching a search text by name, alias (case-insensitive substring) or the full-text index.
// Used by GET /entities and the browse page's suggestions. Best matches first: exact name, name prefix,
// exact alias, substring, then full-text (fuzzy) score.
// Parameters: $q (lower-cased text or null for all), $fulltext (a Lucene query built from $q's words, or null),
//             $label (an entity label checked against the ontology, or null), $limit, $offset.
CALL () {
  MATCH (e:Entity)
  WHERE ($label IS NULL OR $label IN labels(e))
    AND ($q IS NULL OR toLower(e.name) CONTAINS $q OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) CONTAINS $q))
  RETURN e, CASE
    WHEN $q IS NULL THEN 0.0
    WHEN toLower(e.name) = $q THEN 100.0
    WHEN toLower(e.name) STARTS WITH $q THEN 60.0
    WHEN any(a IN coalesce(e.aliases, []) WHERE toLower(a) = $q) THEN 50.0
    ELSE 20.0 END AS score
  UNION ALL
  WITH $fulltext AS ft
  WHERE ft IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_names', ft, {limit: 200}) YIELD node, score
  WITH node AS e, score
  WHERE e:Entity AND ($label IS NULL OR $label IN labels(e))
  RETURN e, score
}
WITH e, max(score) AS score
ORDER BY score DESC, e.name, e.id
WITH collect({e: e, score: score}) AS hits
CALL (hits) {
  UNWIND hits[$offset..($offset + $limit)] AS h
  WITH h.e AS e, h.score AS score
  RETURN collect(e {.id, .name, .aliases, .wikidata, .description, .kind, .start_date, .end_date,
                    type: [l IN labels(e) WHERE l <> 'Entity'][0], score: score}) AS items
}
RETURN size(hits) AS total, items
