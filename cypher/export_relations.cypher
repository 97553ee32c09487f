// RDF export: the typed edges leaving one page of subject entities (in id order), each with its parallel
// evidence lists (one entry per supporting sentence). A subject without edges still gives one row (type null),
// so the largest subject id of a page is the cursor of the next. Keyset paging as in export_entities.
// Parameters: $after (string), $limit (integer, subjects per page), $types (relationship types to export)
MATCH (s:Entity)
WHERE s.id > $after
WITH s
ORDER BY s.id
LIMIT $limit
OPTIONAL MATCH (s)-[r]->(o:Entity)
WHERE type(r) IN $types
RETURN s.id AS subject, type(r) AS type, o.id AS object,
       r.ev_key AS ev_key, r.ev_doc AS ev_doc, r.ev_text AS ev_text, r.ev_start AS ev_start, r.ev_end AS ev_end,
       r.ev_extractor AS ev_extractor, r.ev_confidence AS ev_confidence, r.ev_date AS ev_date
