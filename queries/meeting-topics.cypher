// What did each of these meetings spend time on? Weightiest first.
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})-[d:DISCUSSES]->(t:Topic)
WITH id, t, d ORDER BY d.weight DESC, t.name
RETURN id, collect(t {.id, .name}) AS topics
