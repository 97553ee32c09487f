// API: the figures one organisation or person has claimed, about whatever event or case.
// Used by the entity page. Parameters: $claimed_by, $metric (or null).
MATCH (c:Claim)-[:CLAIMED_BY]->(by:Entity {id: $claimed_by})
WHERE $metric IS NULL OR c.metric = $metric
MATCH (c)-[:ABOUT]->(a:Entity)
OPTIONAL MATCH (c)-[:STATED_IN]->(d:Document)
RETURN c.id AS id, c.metric AS metric, c.value AS value, c.qualifier AS qualifier, c.date AS date,
       c.sentence AS sentence, c.start AS start, c.end AS end, c.confidence AS confidence,
       a {.id, .name, type: [l IN labels(a) WHERE l <> 'Entity'][0]} AS about,
       by {.id, .name, type: [l IN labels(by) WHERE l <> 'Entity'][0]} AS claimant,
       CASE WHEN d IS NULL THEN null ELSE d {.id, .title, .url, .publisher, .published, .source} END AS document
ORDER BY about.name, metric, value DESC
