// API: the focus node of the neighbourhood view. Parameters: $id.
MATCH (e:Entity {id: $id})
RETURN e.id AS id, [l IN labels(e) WHERE l <> 'Entity'][0] AS type, e.name AS name,
       e.start_date AS start_date, e.end_date AS end_date
