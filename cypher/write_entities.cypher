// Merge a document's entities on their stable ids and record where the document mentions them.
// Names and aliases are merged, never dropped: the first name stays the name, other names become aliases.
// Parameters: $doc_id, $rows [{id, type, name, aliases, wikidata, description, kind, start_date, end_date,
//             starts, ends, texts}]
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.name = row.name, e.aliases = []
SET e:$(row.type),
    e.wikidata = coalesce(e.wikidata, row.wikidata),
    e.description = coalesce(e.description, row.description),
    e.kind = coalesce(e.kind, row.kind),
    e.start_date = coalesce(e.start_date, row.start_date),
    e.end_date = coalesce(e.end_date, row.end_date)
WITH e, row
WITH e, row, [a IN row.aliases + [row.name] WHERE a <> e.name AND NOT a IN e.aliases] AS new_aliases
SET e.aliases = e.aliases + reduce(acc = [], a IN new_aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END)
WITH e, row
MATCH (d:Document {id: $doc_id})
MERGE (e)-[m:MENTIONED_IN]->(d)
SET m.doc_id = $doc_id,
    m.name = row.name,
    m.aliases = row.aliases,
    m.starts = row.starts,
    m.ends = row.ends,
    m.texts = row.texts
