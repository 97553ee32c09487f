// API: every typed edge of one entity (both directions) with all its evidence: the sentence, offsets,
// extractor, confidence, date and the source document's metadata. Parameters: $id.
MATCH (e:Entity {id: $id})-[r]-(x:Entity)
WHERE r.ev_key IS NOT NULL
CALL (r) {
  UNWIND range(0, size(r.ev_key) - 1) AS i
  OPTIONAL MATCH (d:Document {id: r.ev_doc[i]})
  RETURN collect({
    document_id: r.ev_doc[i], sentence: r.ev_text[i], start: r.ev_start[i], end: r.ev_end[i],
    extractor: r.ev_extractor[i], confidence: r.ev_confidence[i],
    date: CASE WHEN r.ev_date[i] = '' THEN null ELSE r.ev_date[i] END,
    title: d.title, url: d.url, publisher: d.publisher, published: d.published, source: d.source
  }) AS evidence
}
RETURN type(r) AS type,
       CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
       x {.id, .name, type: [l IN labels(x) WHERE l <> 'Entity'][0]} AS other,
       r.confidence AS confidence, r.date AS date, size(r.ev_key) AS evidence_count,
       coalesce(r.doc_ids, []) AS doc_ids, evidence
ORDER BY type, direction, other.name
