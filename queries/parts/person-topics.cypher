// What does the person `p` talk about? The $lists.topics topics of the passages they spoke, most passages first.
COLLECT {
  MATCH (p)<-[:SPOKEN_BY]-(:Passage)-[:ABOUT]->(t:Topic)
  WITH t, count(*) AS n ORDER BY n DESC, t.name LIMIT $lists.topics
  RETURN t {.id, .name}
}
