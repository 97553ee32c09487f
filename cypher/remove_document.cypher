// Remove one document and what only it supported (runs in one transaction):
// its claims; its evidence on every edge (edges left without evidence are deleted); its mentions;
// aliases that no remaining document uses; entities no remaining document mentions; the Document node.
// Parameters: $doc_id. Returns counts.
MATCH (d:Document {id: $doc_id})
CALL (d) {
  OPTIONAL MATCH (c:Claim)-[:STATED_IN]->(d)
  DETACH DELETE c
  RETURN count(c) AS claims_removed
}
CALL (d) {
  MATCH (e:Entity)-[:MENTIONED_IN]->(d)
  MATCH (e)-[r]->(:Entity)
  WHERE r.doc_ids IS NOT NULL AND d.id IN r.doc_ids
  WITH r, [i IN range(0, size(r.ev_key) - 1) WHERE r.ev_doc[i] <> d.id] AS keep
  SET r.ev_key = [i IN keep | r.ev_key[i]],
      r.ev_text = [i IN keep | r.ev_text[i]],
      r.ev_start = [i IN keep | r.ev_start[i]],
      r.ev_end = [i IN keep | r.ev_end[i]],
      r.ev_extractor = [i IN keep | r.ev_extractor[i]],
      r.ev_confidence = [i IN keep | r.ev_confidence[i]],
      r.ev_date = [i IN keep | r.ev_date[i]],
      r.ev_doc = [i IN keep | r.ev_doc[i]],
      r.doc_ids = [x IN r.doc_ids WHERE x <> d.id],
      r.evidence_count = size(keep)
  WITH r, keep
  WITH r, size(keep) = 0 AS orphan,
       reduce(m = null, c IN r.ev_confidence | CASE WHEN m IS NULL OR c > m THEN c ELSE m END) AS best
  SET r.confidence = best
  WITH r WHERE orphan
  DELETE r
  RETURN count(*) AS relations_removed
}
CALL (d) {
  MATCH (e:Entity)-[m:MENTIONED_IN]->(d)
  DELETE m
  WITH DISTINCT e
  OPTIONAL MATCH (e)-[rest:MENTIONED_IN]->(:Document)
  WITH e, collect(rest) AS rest
  CALL (e, rest) {
    WITH e, rest WHERE size(rest) = 0
    DETACH DELETE e
    RETURN 1 AS deleted
    UNION
    WITH e, rest WHERE size(rest) > 0
    WITH e, reduce(acc = [], m IN rest | acc + m.aliases + m.name) AS used
    SET e.aliases = reduce(acc = [], a IN used |
          CASE WHEN a = e.name OR a IN acc THEN acc ELSE acc + a END)
    RETURN 0 AS deleted
  }
  RETURN sum(deleted) AS entities_removed
}
DETACH DELETE d
RETURN claims_removed, relations_removed, entities_removed
