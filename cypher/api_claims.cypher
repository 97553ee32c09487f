// API: all claims, optionally of one metric, a page at a time. Used by GET /claims without `about`.
// Parameters: $metric (or null), $limit, $offset.
MATCH (c:Claim)-[:ABOUT]->(a:Entity)
WHERE $metric IS NULL OR c.metric = $metric
OPTIONAL MATCH (c)-[:CLAIMED_BY]->(by:Entity)
OPTIONAL MATCH (c)-[:STATED_IN]->(d:Document)
WITH c, a, by, d
ORDER BY a.name, c.metric, c.value DESC, c.id
SKIP $offset LIMIT $limit
RETURN c.id AS id, c.metric AS metric, c.value AS value, c.qualifier AS qualifier, c.date AS date,
       c.sentence AS sentence, c.start AS start, c.end AS end, c.confidence AS confidence,
       a {.id, .name, type: [l IN labels(a) WHERE l <> 'Entity'][0]} AS about,
       CASE WHEN by IS NULL THEN null ELSE by {.id, .name, type: [l IN labels(by) WHERE l <> 'Entity'][0]} END
         AS claimant,
       CASE WHEN d IS NULL THEN null ELSE d {.id, .title, .url, .publisher, .published, .source} END AS document
