// Who promised what in each of these meetings? In source order, with owners.
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})<-[:IN]-(a:ActionItem)
OPTIONAL MATCH (a)-[:OWNED_BY]->(p:Person)
WITH id, m, a, p ORDER BY a.startLine
RETURN id, collect(a {.*, collection: m.collection, path: m.path, meetingUrl: m.url, owner: p {.id, .name, .aliases}}) AS items
