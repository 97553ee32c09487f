// API: how many documents are stored (for paging GET /documents past the end). No parameters.
MATCH (d:Document) RETURN count(d) AS total
