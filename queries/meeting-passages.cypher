// What was said in each of these meetings? Passages in source order.
// $ids: meeting ids; $first: how many per meeting.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})<-[:IN]-(x:Passage)
WITH id, m, x ORDER BY x.idx
WITH id, m, collect(x)[0..$first] AS xs
RETURN id, [x IN xs | x {.*, collection: m.collection, path: m.path, meetingUrl: m.url}] AS passages
