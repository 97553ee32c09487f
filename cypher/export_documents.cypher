// RDF export: one page of ingested documents (sources) in id order with their metadata.
// Keyset paging: pass the largest document id of the previous page ("" for the first page).
// Parameters: $after (string), $limit (integer, documents per page)
MATCH (d:Document)
WHERE d.id > $after
WITH d
ORDER BY d.id
LIMIT $limit
RETURN d.id AS id, properties(d) AS props
