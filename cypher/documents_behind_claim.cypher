// Which documents state a given figure about an event? Useful to check whether a number has one source or many.
// Parameters: $event_id, $metric, $value (integer).
MATCH (c:Claim {metric: $metric, value: $value})-[:ABOUT]->(:Entity {id: $event_id})
MATCH (c)-[:STATED_IN]->(d:Document)
OPTIONAL MATCH (c)-[:CLAIMED_BY]->(who:Entity)
RETURN d.id AS document_id, d.title AS title, d.publisher AS publisher, d.published AS published, d.url AS url,
       who.name AS claimant, c.qualifier AS qualifier, c.sentence AS sentence
ORDER BY published
