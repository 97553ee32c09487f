// The timeline of an entity: its dated edges and the dates of the events and cases it is linked to.
// Parameters: $entity_id.
MATCH (e:Entity {id: $entity_id})-[r]-(x:Entity)
WITH e, r, x, coalesce(r.date, x.start_date) AS date
WHERE date IS NOT NULL AND date <> ''
RETURN date, type(r) AS relation, x.name AS other, [l IN labels(x) WHERE l <> 'Entity'][0] AS type,
       CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction, r.ev_text[0] AS evidence
ORDER BY date, relation
