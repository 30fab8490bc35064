// What did the meeting `m` point at? In order of first mention.
COLLECT {
  MATCH (m)-[r:REFERENCES]->(ref:Reference)
  WITH ref, r ORDER BY r.lines[0], ref.id
  RETURN ref {.id, .kind, .url, .title}
}
