// Create a document's claims (figures asserted by someone) with ABOUT, CLAIMED_BY and STATED_IN.
// A claim's id is a hash of its document, content and sentence span, so re-loading adds nothing.
// Parameters: $doc_id, $rows [{id, about, claimed_by, metric, value, qualifier, date, text, start, end,
//             extractor, confidence}]
UNWIND $rows AS row
MATCH (d:Document {id: $doc_id})
MATCH (about:Entity {id: row.about})
MERGE (c:Claim {id: row.id})
SET c.metric = row.metric,
    c.value = row.value,
    c.qualifier = row.qualifier,
    c.date = row.date,
    c.sentence = row.text,
    c.start = row.start,
    c.end = row.end,
    c.extractor = row.extractor,
    c.confidence = row.confidence,
    c.doc_id = $doc_id
MERGE (c)-[:ABOUT]->(about)
MERGE (c)-[:STATED_IN]->(d)
WITH c, row
OPTIONAL MATCH (by:Entity {id: row.claimed_by})
FOREACH (_ IN CASE WHEN by IS NULL THEN [] ELSE [1] END | MERGE (c)-[:CLAIMED_BY]->(by))
