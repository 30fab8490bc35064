// Removes the given people, references and topics if no meeting mentions
// them any more (delete-meetings.cypher names the candidates, so a run looks
// only at the nodes its deletions touched).
// $people, $references, $topics: ids.
// (replan=skip: the plan starts from unique keys, so it does not change as the graph grows.)
CYPHER replan=skip
CALL () {
  UNWIND $people AS id
  MATCH (n:Person {id: id})
  WHERE NOT (n)--()
  DELETE n
}
CALL () {
  UNWIND $references AS id
  MATCH (n:Reference {id: id})
  WHERE NOT (n)--()
  DELETE n
}
CALL () {
  UNWIND $topics AS id
  MATCH (n:Topic {id: id})
  WHERE NOT (n)--()
  DELETE n
}
