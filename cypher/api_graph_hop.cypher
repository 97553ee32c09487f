// API: one breadth-first step of the neighbourhood view (GET /graph): the entities next to the $frontier
// that are not in $seen yet, the best supported first. Parameters: $frontier (ids), $seen (ids), $limit.
UNWIND $frontier AS fid
MATCH (:Entity {id: fid})-[r]-(m:Entity)
WHERE NOT m.id IN $seen
WITH m, sum(coalesce(r.evidence_count, 1)) AS weight
ORDER BY weight DESC, m.name, m.id
LIMIT $limit
RETURN m.id AS id, [l IN labels(m) WHERE l <> 'Entity'][0] AS type, m.name AS name,
       m.start_date AS start_date, m.end_date AS end_date
