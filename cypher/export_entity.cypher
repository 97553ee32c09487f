// RDF description of one entity (for /id/{type}/{slug}): the entity, its typed edges in both directions with
// their evidence, its neighbours' names and labels, the claims about it (with their claimants), and every
// document these cite. No row when the entity does not exist.
// Parameters: $id (entity id such as "person/navid-afkari"), $types (relationship types to export)
MATCH (e:Entity {id: $id})
CALL (e) {
  MATCH (e)-[r]-(:Entity)
  WHERE type(r) IN $types
  WITH DISTINCT r
  RETURN collect({subject: startNode(r).id, type: type(r), object: endNode(r).id,
                  ev_key: r.ev_key, ev_doc: r.ev_doc, ev_text: r.ev_text, ev_start: r.ev_start, ev_end: r.ev_end,
                  ev_extractor: r.ev_extractor, ev_confidence: r.ev_confidence, ev_date: r.ev_date}) AS relations,
         collect(DISTINCT CASE WHEN startNode(r) = e THEN endNode(r) ELSE startNode(r) END) AS neighbours
}
CALL (e) {
  OPTIONAL MATCH (c:Claim)-[:ABOUT]->(e)
  RETURN collect(c {id: c.id, props: properties(c),
                    about: [(c)-[:ABOUT]->(a:Entity) | a.id],
                    claimed_by: [(c)-[:CLAIMED_BY]->(b:Entity) | b.id],
                    documents: [(c)-[:STATED_IN]->(d:Document) | d.id]}) AS claims,
         collect(DISTINCT [(c)-[:CLAIMED_BY]->(b:Entity) | b]) AS claimants
}
WITH e, relations, claims,
     [n IN neighbours + reduce(acc = [], xs IN claimants | acc + xs) WHERE n <> e] AS others,
     COLLECT { MATCH (e)-[:MENTIONED_IN]->(d:Document) RETURN d.id } AS mentions
WITH e, relations, claims, others, mentions,
     mentions + reduce(acc = [], r IN relations | acc + coalesce(r.ev_doc, []))
              + reduce(acc = [], c IN claims | acc + c.documents) AS doc_ids
RETURN e.id AS id, labels(e) AS labels, properties(e) AS props, mentions AS documents, relations, claims,
       [n IN others | {id: n.id, labels: labels(n), props: {name: n.name}, documents: []}] AS neighbours,
       COLLECT { MATCH (d:Document) WHERE d.id IN doc_ids RETURN {id: d.id, props: properties(d)} } AS described
