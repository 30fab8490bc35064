// What did the meeting `m` spend time on? Weightiest first.
MATCH (m)-[d:DISCUSSES]->(t:Topic)
WITH t, d ORDER BY d.weight DESC, t.name
RETURN collect(t {.id, .name}) AS topics
