// Removes every tie between meetings and their people (attendance, speakers,
// owners, decisions' people) before the people held back by the writer are
// written (ingest/load/batches.ts), so that two runs of one folder at once
// leave each tie once. A no-op for meetings written without their people.
// $ids: meeting ids. Each row names the people whose ties were removed: the
// candidates sweep-orphans.cypher removes once nothing mentions them.
// (replan=skip: the plan starts from unique keys, so it does not change as the graph grows.)
CYPHER replan=skip
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
CALL (m) {
  OPTIONAL MATCH (p:Person)-[r:ATTENDED|SPOKE_IN|NAMED_IN]->(m)
  DELETE r
  RETURN collect(DISTINCT p.id) AS people
}
CALL (m) {
  MATCH (m)<-[:IN]-(x)-[r:SPOKEN_BY|OWNED_BY|INVOLVES]->(:Person)
  DELETE r
}
RETURN people
