// Who spoke in the meeting `m`? Most passages first.
COLLECT {
  MATCH (m)<-[s:SPOKE_IN]-(p:Person)
  WITH p, s ORDER BY s.passages DESC, p.name
  RETURN p {.*}
}
