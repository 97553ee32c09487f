// RDF export: one page of claims (figures asserted by someone) in id order, with what each is about, who
// claims it and the document that states it. Keyset paging: the largest claim id of the previous page ("" first).
// Parameters: $after (string), $limit (integer, claims per page)
MATCH (c:Claim)
WHERE c.id > $after
WITH c
ORDER BY c.id
LIMIT $limit
RETURN c.id AS id, properties(c) AS props,
       [(c)-[:ABOUT]->(a:Entity) | a.id] AS about,
       [(c)-[:CLAIMED_BY]->(b:Entity) | b.id] AS claimed_by,
       [(c)-[:STATED_IN]->(d:Document) | d.id] AS documents
