// API: one document with metadata, counts, the entities it mentions, the evidence it gives for edges and
// the claims it states. Used by GET /documents/{id}. Parameters: $id.
MATCH (d:Document {id: $id})
CALL (d) {
  OPTIONAL MATCH (e:Entity)-[m:MENTIONED_IN]->(d)
  WITH e, m ORDER BY e.name
  RETURN collect(CASE WHEN e IS NULL THEN null ELSE e {.id, .name, type: [l IN labels(e) WHERE l <> 'Entity'][0],
                 mentions: size(coalesce(m.starts, []))} END) AS entities
}
CALL (d) {
  MATCH (s:Entity)-[:MENTIONED_IN]->(d)
  MATCH (s)-[r]->(o:Entity)
  WHERE d.id IN r.doc_ids
  UNWIND [i IN range(0, size(r.ev_key) - 1) WHERE r.ev_doc[i] = d.id] AS i
  WITH s, r, o, i ORDER BY r.ev_start[i], s.name
  RETURN collect({subject: s {.id, .name, type: [l IN labels(s) WHERE l <> 'Entity'][0]}, type: type(r),
                  object: o {.id, .name, type: [l IN labels(o) WHERE l <> 'Entity'][0]},
                  sentence: r.ev_text[i], start: r.ev_start[i], end: r.ev_end[i],
                  confidence: r.ev_confidence[i]}) AS relations
}
CALL (d) {
  OPTIONAL MATCH (c:Claim)-[:STATED_IN]->(d)
  OPTIONAL MATCH (c)-[:ABOUT]->(a:Entity)
  OPTIONAL MATCH (c)-[:CLAIMED_BY]->(by:Entity)
  WITH c, a, by ORDER BY c.start
  RETURN collect(CASE WHEN c IS NULL THEN null ELSE {
    id: c.id, metric: c.metric, value: c.value, qualifier: c.qualifier, date: c.date, sentence: c.sentence,
    start: c.start, end: c.end, confidence: c.confidence,
    about: a {.id, .name, type: [l IN labels(a) WHERE l <> 'Entity'][0]},
    claimant: CASE WHEN by IS NULL THEN null ELSE by {.id, .name, type: [l IN labels(by) WHERE l <> 'Entity'][0]} END
  } END) AS claims
}
RETURN d {.id, .source, .title, .url, .publisher, .published, .extractor, .ingested_at} AS document,
       entities, relations, claims
