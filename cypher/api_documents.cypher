// API: the ingested documents with metadata and counts, newest first. Parameters: $limit, $offset.
MATCH (d:Document)
WITH d ORDER BY d.published DESC, d.title, d.id
WITH collect(d) AS docs
UNWIND docs[$offset..($offset + $limit)] AS d
RETURN size(docs) AS total,
       d {.id, .source, .title, .url, .publisher, .published, .extractor, .ingested_at,
          entities: COUNT { (d)<-[:MENTIONED_IN]-(:Entity) },
          relations: COUNT { (d)<-[:MENTIONED_IN]-(:Entity)-[r]->(:Entity) WHERE d.id IN r.doc_ids },
          claims: COUNT { (d)<-[:STATED_IN]-(:Claim) }} AS document
