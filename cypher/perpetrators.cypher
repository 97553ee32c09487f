// Who is said to have carried out or ordered the violence of events, with how many documents say so?
// Parameters: $event_id (or null for every event).
MATCH (e:Entity)-[r:PERPETRATED_BY]->(who:Entity)
WHERE $event_id IS NULL OR e.id = $event_id
RETURN e.name AS event, who.name AS perpetrator, [l IN labels(who) WHERE l <> 'Entity'][0] AS type, size(r.doc_ids) AS documents,
       r.ev_text AS evidence
ORDER BY documents DESC, event
