// Where do sources disagree? Events or cases with claims of one metric whose values differ, with the spread.
// Parameters: $min_ratio (e.g. 1.5: the largest value is at least this many times the smallest).
MATCH (c:Claim)-[:ABOUT]->(e:Entity)
WHERE c.value IS NOT NULL AND c.value > 0
OPTIONAL MATCH (c)-[:CLAIMED_BY]->(who:Entity)
WITH e, c.metric AS metric, collect({value: c.value, qualifier: c.qualifier, claimant: who.name}) AS figures,
     min(c.value) AS low, max(c.value) AS high
WHERE low <> high AND toFloat(high) / low >= $min_ratio
RETURN e.name AS event, metric, low, high, round(toFloat(high) / low, 2) AS ratio, figures
ORDER BY ratio DESC
