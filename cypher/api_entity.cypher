// API: one entity with its properties, its type and how many documents mention it.
// Used by GET /entities/{type}/{slug} and GET /id/{type}/{slug}. Parameters: $id.
MATCH (e:Entity {id: $id})
RETURN e {
  .id, .name, .aliases, .wikidata, .description, .kind, .start_date, .end_date,
  type: [l IN labels(e) WHERE l <> 'Entity'][0],
  documents: COUNT { (e)-[:MENTIONED_IN]->(:Document) }
} AS entity
