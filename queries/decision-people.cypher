// Who took part in each of these decisions?
// $ids: decision ids.
UNWIND $ids AS id
MATCH (d:Decision {id: id})-[:INVOLVES]->(p:Person)
WITH id, p ORDER BY p.name
RETURN id, collect(p {.*}) AS people
