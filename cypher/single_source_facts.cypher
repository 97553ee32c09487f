// Which edges rest on a single document? Candidates for corroboration before publication.
// Parameters: $type (relationship type such as "EXECUTED_IN", or null for all), $limit.
MATCH (s:Entity)-[r]->(o:Entity)
WHERE r.doc_ids IS NOT NULL AND size(r.doc_ids) = 1 AND ($type IS NULL OR type(r) = $type)
MATCH (d:Document {id: r.doc_ids[0]})
RETURN s.name AS subject, type(r) AS relation, o.name AS object, d.title AS only_source, r.ev_text[0] AS evidence
ORDER BY relation, subject
LIMIT $limit
