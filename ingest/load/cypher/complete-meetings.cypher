// Completes meetings written before their people's ids were final
// (ingest/load/batches.ts): ties their passages to the speakers, then stores
// each meeting's content hash, which marks it whole (a meeting without one is
// indexed again by the next run). Owners and decisions' people go through
// link-people.cypher in the same transaction.
// $speakers: [{passage, person}]; $meetings: [{id, sha256}].
// (replan=skip: the plan starts from unique keys, so it does not change as the graph grows.)
CYPHER replan=skip
CALL () {
  UNWIND $speakers AS row
  MATCH (x:Passage {id: row.passage})
  MATCH (p:Person {id: row.person})
  CREATE (x)-[:SPOKEN_BY]->(p)
}
CALL () {
  UNWIND $meetings AS row
  MATCH (m:Meeting {id: row.id})
  SET m.sha256 = row.sha256
}
