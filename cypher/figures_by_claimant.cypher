// Which figures exist for an event or case, and who claims each? One row per claim, highest value first.
// Parameters: $event_id (e.g. "event/november-2019-protests"); $metric (e.g. "killed", or null for all).
MATCH (c:Claim)-[:ABOUT]->(e:Entity {id: $event_id})
WHERE $metric IS NULL OR c.metric = $metric
OPTIONAL MATCH (c)-[:CLAIMED_BY]->(who:Entity)
OPTIONAL MATCH (c)-[:STATED_IN]->(d:Document)
RETURN e.name AS event, c.metric AS metric, c.qualifier AS qualifier, c.value AS value,
       who.name AS claimant, d.title AS document, d.published AS published, c.sentence AS sentence
ORDER BY c.metric, c.value DESC
