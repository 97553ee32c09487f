// Who was executed, where and when? Filter by year ("2020", or null) and/or place id (or null).
// Parameters: $year (string or null), $place_id (e.g. "place/iran", or null).
MATCH (p:Person)-[r:EXECUTED_IN]->(where:Entity)
WITH p, r, where, coalesce(r.date, where.start_date) AS date
WHERE ($year IS NULL OR date STARTS WITH $year)
  AND ($place_id IS NULL OR where.id = $place_id
       OR EXISTS { (where)-[:LOCATED_IN|OCCURRED_IN*1..3]->(:Place {id: $place_id}) })
RETURN p.name AS person, where.name AS executed_in, [l IN labels(where) WHERE l <> 'Entity'][0] AS kind, date,
       r.evidence_count AS sources, r.ev_text[0] AS evidence
ORDER BY date DESC, person
