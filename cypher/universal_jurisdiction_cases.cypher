// Which people or cases were tried under universal jurisdiction, and in which country?
// Parameters: $place_id (a country or city id to restrict to, or null for all).
MATCH (x:Entity)-[r:TRIED_UNDER_UNIVERSAL_JURISDICTION]->(pl:Place)
WHERE $place_id IS NULL OR pl.id = $place_id
OPTIONAL MATCH (person:Person)-[:SUBJECT_OF]->(x:Case)
RETURN x.name AS tried, [l IN labels(x) WHERE l <> 'Entity'][0] AS type, pl.name AS forum, coalesce(r.date, x.start_date) AS date,
       collect(DISTINCT person.name) AS defendants, r.evidence_count AS sources, r.ev_text AS evidence
ORDER BY date DESC
