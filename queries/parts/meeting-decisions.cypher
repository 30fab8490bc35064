// What did the meeting `m` decide? In source order.
COLLECT {
  MATCH (m)<-[:IN]-(d:Decision)
  WITH d ORDER BY d.startLine
  RETURN d {.*, collection: m.collection, path: m.path, meetingUrl: m.url}
}
