// Who promised what in each of these meetings? In source order, with owners:
// a person, or a group that owns the item ("the TSC") served as an owner
// whose id starts with `group:`.
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})<-[:IN]-(a:ActionItem)
OPTIONAL MATCH (a)-[:OWNED_BY]->(p:Person)
WITH id, m, a, p ORDER BY a.startLine
RETURN id, collect(a {.*, collection: m.collection, path: m.path, meetingUrl: m.url, owner: CASE
         WHEN p IS NOT NULL THEN p {.id, .name, .aliases}
         WHEN a.ownerGroup IS NOT NULL THEN {id: 'group:' + toLower(a.ownerGroup), name: a.ownerGroup, aliases: []}
       END}) AS items
