// Removes meetings and everything they own (passages, decisions, action
// items) with all their relationships. Shared nodes (people, references,
// topics) stay; each meeting's row names those it or its parts touched, the
// candidates sweep-orphans.cypher removes once nothing mentions them.
// $ids: meeting ids.
// (replan=skip: the plan starts from unique keys, so it does not change as the graph grows.)
CYPHER replan=skip
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
OPTIONAL MATCH (m)<-[:IN]-(owned)
WITH m, collect(owned) AS owned
CALL (m, owned) {
  UNWIND [m] + owned AS x
  MATCH (x)--(s)
  WHERE s:Person OR s:Reference OR s:Topic
  WITH DISTINCT s
  RETURN [s IN collect(s) WHERE s:Person | s.id] AS people,
         [s IN collect(s) WHERE s:Reference | s.id] AS references,
         [s IN collect(s) WHERE s:Topic | s.id] AS topics
}
FOREACH (x IN owned | DETACH DELETE x)
DETACH DELETE m
RETURN people, references, topics
