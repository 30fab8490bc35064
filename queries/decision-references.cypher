// Which references does each of these decisions cite?
// $ids: decision ids.
UNWIND $ids AS id
MATCH (d:Decision {id: id})-[:CITES]->(r:Reference)
WITH id, r ORDER BY r.id
RETURN id, collect(r {.id, .kind, .url, .title}) AS refs
