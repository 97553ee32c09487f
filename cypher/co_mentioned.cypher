// Which entities appear in the same documents as this one, and how often?
// Parameters: $entity_id, $limit (e.g. 25).
MATCH (e:Entity {id: $entity_id})-[:MENTIONED_IN]->(d:Document)<-[:MENTIONED_IN]-(other:Entity)
WHERE other <> e
RETURN other.id AS id, other.name AS name, [l IN labels(other) WHERE l <> 'Entity'][0] AS type, count(DISTINCT d) AS documents
ORDER BY documents DESC, name
LIMIT $limit
