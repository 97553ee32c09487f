// Merge typed edges between a document's entities, one relationship per (subject, type, object), and append
// this document's evidence to it unless the same evidence (document, start, end) is already there.
// Evidence is kept in parallel lists ev_* (one entry per supporting sentence); evidence_count and doc_ids
// summarise them. Parameters: $doc_id, $rows [{subject, type, object, key, text, start, end, extractor,
// confidence, date}]
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
MERGE (s)-[r:$(row.type)]->(o)
ON CREATE SET r.ev_key = [], r.ev_doc = [], r.ev_text = [], r.ev_start = [], r.ev_end = [],
              r.ev_extractor = [], r.ev_confidence = [], r.ev_date = [], r.doc_ids = []
WITH r, row
WHERE NOT row.key IN r.ev_key
SET r.ev_key = r.ev_key + row.key,
    r.ev_doc = r.ev_doc + $doc_id,
    r.ev_text = r.ev_text + row.text,
    r.ev_start = r.ev_start + row.start,
    r.ev_end = r.ev_end + row.end,
    r.ev_extractor = r.ev_extractor + row.extractor,
    r.ev_confidence = r.ev_confidence + row.confidence,
    r.ev_date = r.ev_date + coalesce(row.date, ''),
    r.doc_ids = CASE WHEN $doc_id IN r.doc_ids THEN r.doc_ids ELSE r.doc_ids + $doc_id END,
    r.confidence = CASE WHEN r.confidence IS NULL OR row.confidence > r.confidence
                        THEN row.confidence ELSE r.confidence END,
    r.date = coalesce(r.date, row.date)
SET r.evidence_count = size(r.ev_key)
