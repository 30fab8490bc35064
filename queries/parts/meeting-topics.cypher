// What did the meeting `m` spend time on? Weightiest first.
COLLECT {
  MATCH (m)-[d:DISCUSSES]->(t:Topic)
  WITH t, d ORDER BY d.weight DESC, t.name
  RETURN t {.id, .name}
}
