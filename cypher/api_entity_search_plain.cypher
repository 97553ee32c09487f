// API: like api_entity_search, without the full-text index (used when the index `entity_names` is missing).
// Parameters: $q (lower-cased text or null for all), $label (entity label or null), $limit, $offset.
MATCH (e:Entity)
WHERE ($label IS NULL OR $label IN labels(e))
  AND ($q IS NULL OR toLower(e.name) CONTAINS $q OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) CONTAINS $q))
WITH e, CASE
    WHEN $q IS NULL THEN 0.0
    WHEN toLower(e.name) = $q THEN 100.0
    WHEN toLower(e.name) STARTS WITH $q THEN 60.0
    WHEN any(a IN coalesce(e.aliases, []) WHERE toLower(a) = $q) THEN 50.0
    ELSE 20.0 END AS score
ORDER BY score DESC, e.name, e.id
WITH collect({e: e, score: score}) AS hits
CALL (hits) {
  UNWIND hits[$offset..($offset + $limit)] AS h
  WITH h.e AS e, h.score AS score
  RETURN collect(e {.id, .name, .aliases, .wikidata, .description, .kind, .start_date, .end_date,
                    type: [l IN labels(e) WHERE l <> 'Entity'][0], score: score}) AS items
}
RETURN size(hits) AS total, items
