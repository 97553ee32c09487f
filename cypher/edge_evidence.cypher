// The evidence behind one edge: every sentence, document, offsets, extractor and confidence supporting it.
// Parameters: $subject_id, $object_id, $type (relationship type such as "EXECUTED_IN", or null for any).
MATCH (s:Entity {id: $subject_id})-[r]->(o:Entity {id: $object_id})
WHERE ($type IS NULL OR type(r) = $type) AND r.ev_key IS NOT NULL
UNWIND range(0, size(r.ev_key) - 1) AS i
MATCH (d:Document {id: r.ev_doc[i]})
RETURN type(r) AS relation, r.ev_text[i] AS sentence, d.title AS document, d.source AS source, d.url AS url,
       d.published AS published, r.ev_start[i] AS start, r.ev_end[i] AS end,
       r.ev_extractor[i] AS extractor, r.ev_confidence[i] AS confidence, r.ev_date[i] AS date
ORDER BY published
