// API: the typed edges among a set of entities (the nodes of a neighbourhood view). Parameters: $ids.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids AND r.ev_key IS NOT NULL
RETURN a.id AS source, b.id AS target, type(r) AS type, size(r.ev_key) AS evidence_count,
       r.date AS date, r.confidence AS confidence
ORDER BY source, type, target
