// What was said in the meeting `m`? Its first $lists.passages passages in source order.
COLLECT {
  MATCH (m)<-[:IN]-(x:Passage)
  WITH x ORDER BY x.idx LIMIT $lists.passages
  RETURN x {.*, collection: m.collection, path: m.path, meetingUrl: m.url}
}
