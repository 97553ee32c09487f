// Which organisations are cited most as sources: reported events/cases and claimed figures, per organisation.
// Parameters: $limit (e.g. 20).
MATCH (o:Organisation)
CALL (o) {
  OPTIONAL MATCH (x)-[r:REPORTED_BY]->(o)
  RETURN count(r) AS reports
}
CALL (o) {
  OPTIONAL MATCH (c:Claim)-[:CLAIMED_BY]->(o)
  RETURN count(c) AS claims
}
WITH o, reports, claims
WHERE reports + claims > 0
RETURN o.id AS id, o.name AS organisation, reports, claims, reports + claims AS total
ORDER BY total DESC, organisation
LIMIT $limit
