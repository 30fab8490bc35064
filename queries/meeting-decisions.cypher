// What did each of these meetings decide? In source order.
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})<-[:IN]-(d:Decision)
WITH id, m, d ORDER BY d.startLine
RETURN id, collect(d {.*, collection: m.collection, path: m.path, meetingUrl: m.url}) AS decisions
