// API: the figures claimed about one event or case, each with its claimant, document and sentence.
// Used by GET /claims?about= and the entity page. Parameters: $about, $metric (or null for every metric).
MATCH (c:Claim)-[:ABOUT]->(a:Entity {id: $about})
WHERE $metric IS NULL OR c.metric = $metric
OPTIONAL MATCH (c)-[:CLAIMED_BY]->(by:Entity)
OPTIONAL MATCH (c)-[:STATED_IN]->(d:Document)
RETURN c.id AS id, c.metric AS metric, c.value AS value, c.qualifier AS qualifier, c.date AS date,
       c.sentence AS sentence, c.start AS start, c.end AS end, c.confidence AS confidence,
       a {.id, .name, type: [l IN labels(a) WHERE l <> 'Entity'][0]} AS about,
       CASE WHEN by IS NULL THEN null ELSE by {.id, .name, type: [l IN labels(by) WHERE l <> 'Entity'][0]} END
         AS claimant,
       CASE WHEN d IS NULL THEN null ELSE d {.id, .title, .url, .publisher, .published, .source} END AS document
ORDER BY metric, value DESC, claimant.name
