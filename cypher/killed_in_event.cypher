// Who was killed in, arrested in or executed as part of an event, with the supporting sentence?
// Parameters: $event_id.
MATCH (p:Person)-[r:KILLED_IN|ARRESTED_IN|EXECUTED_IN|VICTIM_OF]->(e:Entity {id: $event_id})
RETURN p.name AS person, type(r) AS relation, r.date AS date, r.evidence_count AS sources, r.ev_text[0] AS evidence
ORDER BY relation, person
