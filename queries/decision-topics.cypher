// What is each of these decisions about?
// $ids: decision ids.
UNWIND $ids AS id
MATCH (d:Decision {id: id})-[:ABOUT]->(t:Topic)
WITH id, t ORDER BY t.name
RETURN id, collect(t {.id, .name}) AS topics
