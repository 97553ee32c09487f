// How are two entities connected? The shortest path over typed edges (mentions and claims left out).
// Parameters: $from_id, $to_id, both entity ids. At most 6 hops.
MATCH (a:Entity {id: $from_id}), (b:Entity {id: $to_id})
MATCH p = shortestPath((a)-[*..6]-(b))
WHERE all(n IN nodes(p) WHERE n:Entity)
RETURN [n IN nodes(p) | n.name] AS names, [r IN relationships(p) | type(r)] AS relations, length(p) AS hops
