// Everything an organisation (or person) reported: events, cases and claims, with the supporting sentences.
// Parameters: $org_id (e.g. "organisation/amnesty-international").
MATCH (o:Entity {id: $org_id})
CALL (o) {
  MATCH (x:Entity)-[r:REPORTED_BY]->(o)
  RETURN x.name AS subject, [l IN labels(x) WHERE l <> 'Entity'][0] AS kind, null AS figure, r.ev_text AS evidence
  UNION ALL
  MATCH (c:Claim)-[:CLAIMED_BY]->(o)
  MATCH (c)-[:ABOUT]->(x:Entity)
  RETURN x.name AS subject, 'Claim' AS kind,
         c.metric + ': ' + coalesce(c.qualifier + ' ', '') + toString(c.value) AS figure, [c.sentence] AS evidence
}
RETURN subject, kind, figure, evidence
ORDER BY kind, subject
