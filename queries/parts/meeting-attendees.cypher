// Who attended the meeting `m`? By name.
COLLECT {
  MATCH (m)<-[:ATTENDED]-(p:Person)
  WITH p ORDER BY p.name
  RETURN p {.*}
}
