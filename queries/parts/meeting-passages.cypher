// What was said in the meeting `m`? Its first $lists.passages passages in source order.
MATCH (m)<-[:IN]-(x:Passage)
WITH m, x ORDER BY x.idx LIMIT $lists.passages
RETURN collect(x {.*, collection: m.collection, path: m.path, meetingUrl: m.url}) AS passages
