// Create or update the Document node of one source (step 1 of loading a document).
// Parameters: $doc {id, source, title, url, publisher, published, extractor, ingested_at}
MERGE (d:Document {id: $doc.id})
ON CREATE SET d.ingested_at = $doc.ingested_at
SET d.source = $doc.source,
    d.title = $doc.title,
    d.url = $doc.url,
    d.publisher = $doc.publisher,
    d.published = $doc.published,
    d.extractor = $doc.extractor
