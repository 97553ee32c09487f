// RDF export: one page of entities in id order, with their labels, stored properties and the documents
// that mention them. Keyset paging: pass the largest id of the previous page ("" for the first page).
// Parameters: $after (string), $limit (integer, entities per page)
MATCH (e:Entity)
WHERE e.id > $after
WITH e
ORDER BY e.id
LIMIT $limit
RETURN e.id AS id, labels(e) AS labels, properties(e) AS props,
       COLLECT { MATCH (e)-[:MENTIONED_IN]->(d:Document) RETURN d.id } AS documents
