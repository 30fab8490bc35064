// What did the meeting `m` decide? In source order.
MATCH (m)<-[:IN]-(d:Decision)
WITH m, d ORDER BY d.startLine
RETURN collect(d {.*, collection: m.collection, path: m.path, meetingUrl: m.url}) AS decisions
